// The keys of what an export of networks holds, in the order a cut by the node limit keeps them: each
// member advert (newest first) followed by its author and every identifier it mentions (hubs included),
// so that a cut export is the newest adverts with all they touch; then the member accounts. Countries
// and domains are added by export_nodes.cypher.
// Parameters: $networks: network keys; $limit: most adverts and most accounts per network.
// Returns one row per network found: network ({key, id, score, score_explanation, size, platforms,
//   countries}), adverts (one list per advert: its key, its authors' keys, the keys it mentions),
//   accounts (keys).
UNWIND $networks AS key
MATCH (net:Network {key: key})
CALL (net) {
  OPTIONAL MATCH (a:Advert)-[:IN_NETWORK]->(net)
  WITH a ORDER BY a.posted_at DESC, a.key LIMIT $limit
  RETURN collect(CASE WHEN a IS NOT NULL THEN
    [a.key] + [(author:Account)-[:POSTED]->(a) | author.key] + [(a)-[:MENTIONS]->(n) | n.key]
  END) AS adverts
}
CALL (net) {
  OPTIONAL MATCH (acc:Account)-[:IN_NETWORK]->(net)
  WITH acc ORDER BY acc.key LIMIT $limit
  RETURN collect(acc.key) AS accounts
}
RETURN net {.key, .id, .score, .score_explanation, .size, .platforms, .countries} AS network,
       adverts, accounts
