// The keys of what an export of networks holds, each list in the order a cut by the node limit keeps it:
// the member adverts (newest first), the member accounts, and every identifier the adverts mention, hubs
// included (most mentioned first). Countries and domains are added by export_nodes.cypher.
// Parameters: $networks: network keys; $limit: most keys in each list.
// Returns one row per network found: network ({key, id, score, score_explanation, size, platforms,
//   countries}), adverts, accounts, identifiers (node keys).
UNWIND $networks AS key
MATCH (net:Network {key: key})
CALL (net) {
  OPTIONAL MATCH (a:Advert)-[:IN_NETWORK]->(net)
  WITH a ORDER BY a.posted_at DESC, a.key LIMIT $limit
  RETURN collect(a.key) AS adverts
}
CALL (net) {
  OPTIONAL MATCH (acc:Account)-[:IN_NETWORK]->(net)
  WITH acc ORDER BY acc.key LIMIT $limit
  RETURN collect(acc.key) AS accounts
}
CALL (net) {
  OPTIONAL MATCH (net)<-[:IN_NETWORK]-(:Advert)-[:MENTIONS]->(n)
  WITH n, count(n) AS adverts ORDER BY adverts DESC, n.key LIMIT $limit
  RETURN collect(n.key) AS identifiers
}
RETURN net {.key, .id, .score, .score_explanation, .size, .platforms, .countries} AS network,
       adverts, accounts, identifiers
