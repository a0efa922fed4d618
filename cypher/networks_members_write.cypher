// Moves adverts and accounts between networks: each member's IN_NETWORK is replaced by one to the given
// network, or removed when the network is null. The Network nodes must exist (networks_write first).
// Parameters: $adverts, $accounts: [{member: Advert or Account key, network: Network key or null, via:
// "identifier" or "template" (in the network only through template links)}].
CALL () {
  UNWIND $adverts AS row
  MATCH (m:Advert {key: row.member})
  RETURN m, row
  UNION ALL
  UNWIND $accounts AS row
  MATCH (m:Account {key: row.member})
  RETURN m, row
}
CALL (m) {
  MATCH (m)-[r:IN_NETWORK]->(:Network)
  DELETE r
}
WITH m, row WHERE row.network IS NOT NULL
MATCH (n:Network {key: row.network})
CREATE (m)-[:IN_NETWORK {via: row.via}]->(n)
