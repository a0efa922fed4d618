// One step out from each node, for drawing a neighbourhood: adverts, what they mention, who posted them,
// and the network they are in. Called once per step; the caller does not step out of hubs or networks.
// Parameters: $keys: node keys to step out from; $limit: most relationships returned in all.
// Returns one row per relationship: from, to (node keys), relation (MENTIONS, POSTED or IN_NETWORK).
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
MATCH (n)-[r:MENTIONS|POSTED|IN_NETWORK]-(m)
WITH DISTINCT r
RETURN startNode(r).key AS from, endNode(r).key AS to, type(r) AS relation
ORDER BY from, to, relation
LIMIT $limit
