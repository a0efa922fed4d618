// Bloom scene action "Expand to its network": for each selected node, its networks drawn whole, as the
// search phrase "Network of $identifier" draws them (cypher/bloom/network_of.cypher).
// Parameters: $nodes: element ids of the selected nodes (Bloom passes them).
// Returns one row per member and what it mentions: network, membership, member, posted, author,
//   mention, identifier (the last four null where there is none).
MATCH (n) WHERE elementId(n) IN $nodes
CALL (n) {
  WITH n WHERE n:Network RETURN n AS network
  UNION MATCH (n)-[:IN_NETWORK]->(network:Network) RETURN network
  UNION MATCH (n)<-[:MENTIONS]-(:Advert)-[:IN_NETWORK]->(network:Network) RETURN network
}
WITH DISTINCT network ORDER BY network.size DESC, network.key LIMIT 5
MATCH (member)-[membership:IN_NETWORK]->(network)
OPTIONAL MATCH (author:Account)-[posted:POSTED]->(member:Advert)
OPTIONAL MATCH (member:Advert)-[mention:MENTIONS]->(identifier)
RETURN network, membership, member, posted, author, mention, identifier
