// The networks an export holds, and their member accounts (export_network_adverts.cypher reads their
// adverts with all those touch).
// Parameters: $networks: network keys; $limit: most accounts per network.
// Returns one row per network found: network ({key, id, score, score_explanation, size, platforms,
//   countries}), accounts (keys).
UNWIND $networks AS key
MATCH (net:Network {key: key})
CALL (net) {
  OPTIONAL MATCH (acc:Account)-[:IN_NETWORK]->(net)
  WITH acc ORDER BY acc.key LIMIT $limit
  RETURN collect(acc.key) AS accounts
}
RETURN net {.key, .id, .score, .score_explanation, .size, .platforms, .countries} AS network, accounts
