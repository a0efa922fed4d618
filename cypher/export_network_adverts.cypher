// The member adverts of networks, newest first, each with the keys of its authors and of every identifier
// it mentions (hubs included): the order in which a cut by the node limit keeps an export's nodes, so
// that a cut export is the newest adverts with all they touch. One row per advert, not a list of lists:
// collecting nested lists costs Neo4j memory that grows with the square of their number.
// Parameters: $networks: network keys; $limit: most adverts per network.
// Returns one row per advert: network (key), advert (key), touches (author and mentioned node keys).
UNWIND $networks AS key
MATCH (net:Network {key: key})
CALL (net) {
  MATCH (a:Advert)-[:IN_NETWORK]->(net)
  WITH a ORDER BY a.posted_at DESC, a.key LIMIT $limit
  RETURN a.key AS advert,
         COLLECT { MATCH (author:Account)-[:POSTED]->(a) RETURN author.key }
         + COLLECT { MATCH (a)-[:MENTIONS]->(n) RETURN n.key } AS touches
}
RETURN key AS network, advert, touches
