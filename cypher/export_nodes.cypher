// The nodes of an export by key, with what an analyst's tool shows of each, and the keys of the countries
// and domains they point to (IN_COUNTRY, ON_DOMAIN), which the export adds.
// Parameters: $keys: node keys (adverts, accounts, identifiers, domains, country codes). A key with no node
//   gives no row.
// Returns one row per node: key, kind (its label), properties (those exported; posted_at in epoch
//   milliseconds), network (the id of the Network an advert or account is in, or null), mentioned_in (for
//   an identifier: the ids of at most two networks whose adverts mention it), via (how an advert joined
//   its network), countries, domains (keys).
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Advert {key: key}) RETURN n, 'Advert' AS kind
  UNION MATCH (n:Account {key: key}) RETURN n, 'Account' AS kind
  UNION MATCH (n:Phone {key: key}) RETURN n, 'Phone' AS kind
  UNION MATCH (n:PaymentTag {key: key}) RETURN n, 'PaymentTag' AS kind
  UNION MATCH (n:Email {key: key}) RETURN n, 'Email' AS kind
  UNION MATCH (n:Link {key: key}) RETURN n, 'Link' AS kind
  UNION MATCH (n:Domain {key: key}) RETURN n, 'Domain' AS kind
  UNION MATCH (n:Country {key: key}) RETURN n, 'Country' AS kind
}
OPTIONAL CALL (n) {
  MATCH (n)-[r:IN_NETWORK]->(x:Network)
  RETURN x.id AS own, r.via AS via ORDER BY own LIMIT 1
}
RETURN n.key AS key, kind,
       n {.platform, .post_id, .url, .text, posted_at: n.posted_at.epochMillis, .lang, .region,
          .smuggling_score, .handle, .name, .account_id, .e164, .country, .scheme, .value, .address,
          .domain, .hub, .hub_reason} AS properties,
       own AS network,
       CASE WHEN own IS NULL AND NOT kind IN ['Advert', 'Country'] THEN
         COLLECT { MATCH (n)<-[:MENTIONS]-(:Advert)-[:IN_NETWORK]->(x:Network) RETURN DISTINCT x.id LIMIT 2 }
       ELSE [] END AS mentioned_in,
       via,
       COLLECT { MATCH (n)-[:IN_COUNTRY]->(c:Country) RETURN c.key } AS countries,
       COLLECT { MATCH (n)-[:ON_DOMAIN]->(d:Domain) RETURN d.key } AS domains
