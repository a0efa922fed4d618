// The nodes with the given keys, whatever their label: adverts, accounts, identifiers and networks.
// Parameters: $keys: node keys (advert:..., handle:..., account:..., phone:..., payment:..., email:...,
//   url:..., domain:..., network:...). A key with no node gives no row.
// Returns one row per node: key, labels, properties (all of them, an advert's text included, but its
//   template signature and bands, which only the network recompute reads),
//   network (the key of the Network an advert or account is IN_NETWORK of, or null),
//   mentioned_by (how many adverts mention it), posted (how many adverts an account posted).
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Advert {key: key}) RETURN n
  UNION MATCH (n:Account {key: key}) RETURN n
  UNION MATCH (n:Phone {key: key}) RETURN n
  UNION MATCH (n:PaymentTag {key: key}) RETURN n
  UNION MATCH (n:Email {key: key}) RETURN n
  UNION MATCH (n:Link {key: key}) RETURN n
  UNION MATCH (n:Domain {key: key}) RETURN n
  UNION MATCH (n:Network {key: key}) RETURN n
}
OPTIONAL CALL (n) {
  MATCH (n)-[:IN_NETWORK]->(network:Network)
  RETURN network.key AS network ORDER BY network LIMIT 1
}
RETURN n.key AS key, labels(n) AS labels, n {.*, posted_at: n.posted_at.epochMillis, first_seen: n.first_seen.epochMillis,
                                       last_seen: n.last_seen.epochMillis, updated_at: n.updated_at.epochMillis,
                                       taken_down_at: n.taken_down_at.epochMillis,
                                       template_signature: null, template_bands: null} AS properties, network,
       COUNT { (n)<-[:MENTIONS]-(:Advert) } AS mentioned_by,
       COUNT { (n)-[:POSTED]->(:Advert) } AS posted
