// Identifiers and accounts by key, with everything that decides whether they join adverts.
// Parameters, one list of keys per label: $phones, $payments, $emails, $accounts, $links, $domains.
// Returns one row per node found: key, mentions (keys of the adverts that mention it), posted (adverts it
// posted, for an account), posters (distinct authors of the adverts mentioning it, an advert without
// author counting as its own), hub, hub_reason, hub_groups (as last written), network (an account's
// Network key).
CALL () {
  UNWIND $phones AS key MATCH (n:Phone {key: key}) RETURN n
  UNION ALL
  UNWIND $payments AS key MATCH (n:PaymentTag {key: key}) RETURN n
  UNION ALL
  UNWIND $emails AS key MATCH (n:Email {key: key}) RETURN n
  UNION ALL
  UNWIND $accounts AS key MATCH (n:Account {key: key}) RETURN n
  UNION ALL
  UNWIND $links AS key MATCH (n:Link {key: key}) RETURN n
  UNION ALL
  UNWIND $domains AS key MATCH (n:Domain {key: key}) RETURN n
}
CALL (n) {
  OPTIONAL MATCH (n)<-[:MENTIONS]-(a:Advert)
  OPTIONAL MATCH (author:Account)-[:POSTED]->(a)
  RETURN collect(DISTINCT a.key) AS mentions, count(DISTINCT coalesce(author.key, a.key)) AS posters
}
RETURN n.key AS key, mentions, posters, [(n)-[:POSTED]->(a:Advert) | a.key] AS posted,
       coalesce(n.hub, false) AS hub, n.hub_reason AS hub_reason, n.hub_groups AS hub_groups,
       [(n)-[:IN_NETWORK]->(x:Network) | x.key][0] AS network
