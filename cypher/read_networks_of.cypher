// The networks each node belongs to: an advert's or account's own (IN_NETWORK), and for an identifier the
// networks of the adverts that mention it (a hub may touch several; that is why it is a hub).
// Parameters: $keys: advert, account or identifier keys.
// Returns one row per key with networks: key, networks (each network's properties, dates in epoch
// milliseconds; the one with most of its adverts first).
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Advert {key: key}) RETURN n
  UNION MATCH (n:Account {key: key}) RETURN n
  UNION MATCH (n:Phone {key: key}) RETURN n
  UNION MATCH (n:PaymentTag {key: key}) RETURN n
  UNION MATCH (n:Email {key: key}) RETURN n
  UNION MATCH (n:Link {key: key}) RETURN n
  UNION MATCH (n:Domain {key: key}) RETURN n
}
CALL (n) {
  MATCH (n)-[:IN_NETWORK]->(net:Network) RETURN net, 1000000 AS weight
  UNION ALL
  MATCH (n)<-[:MENTIONS]-(:Advert)-[:IN_NETWORK]->(net:Network) RETURN net, 1 AS weight
}
WITH key, net, sum(weight) AS weight ORDER BY weight DESC, net.key
RETURN key, collect(net {.*, first_seen: net.first_seen.epochMillis, last_seen: net.last_seen.epochMillis,
                         updated_at: net.updated_at.epochMillis}) AS networks
