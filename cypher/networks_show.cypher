// One network's summary: its properties, members by kind, and the identifiers its adverts share.
// Parameters: $id: the network id (`n-...`), $limit: how many shared identifiers to list.
// Returns one row, or none when there is no such network: network (its properties), adverts (up to
// $limit advert keys, latest first), accounts (keys), shared ([{key, adverts, hub}] identifiers
// mentioned by at least two of its adverts, most mentioned first, up to $limit).
MATCH (n:Network {id: $id})
CALL (n) {
  MATCH (a:Advert)-[:IN_NETWORK]->(n)
  WITH a ORDER BY a.posted_at DESC
  RETURN collect(a.key)[..$limit] AS adverts
}
CALL (n) {
  OPTIONAL MATCH (acc:Account)-[:IN_NETWORK]->(n)
  RETURN collect(acc.key) AS accounts
}
CALL (n) {
  MATCH (a:Advert)-[:IN_NETWORK]->(n)
  MATCH (a)-[:MENTIONS]->(i)
  WITH i, count(DISTINCT a) AS adverts WHERE adverts >= 2
  ORDER BY adverts DESC, i.key
  RETURN collect({key: i.key, adverts: adverts, hub: coalesce(i.hub, false)})[..$limit] AS shared
}
RETURN properties(n) AS network, adverts, accounts, shared
