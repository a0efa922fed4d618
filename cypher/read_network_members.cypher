// The members of each network: its adverts (newest first) and its accounts (most adverts first).
// Parameters: $keys: network keys; $limit: most adverts and most accounts per network.
// Returns one row per network: key, adverts (advert keys), accounts (account keys).
UNWIND $keys AS key
MATCH (net:Network {key: key})
CALL (net) {
  OPTIONAL MATCH (a:Advert)-[:IN_NETWORK]->(net)
  WITH a ORDER BY a.posted_at DESC, a.key
  RETURN collect(a.key)[..$limit] AS adverts
}
CALL (net) {
  OPTIONAL MATCH (acc:Account)-[:IN_NETWORK]->(net)
  WITH acc, COUNT { (acc)-[:POSTED]->(:Advert)-[:IN_NETWORK]->(net) } AS posted
  ORDER BY posted DESC, acc.key
  RETURN collect(acc.key)[..$limit] AS accounts
}
RETURN key, adverts, accounts
