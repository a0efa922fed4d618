// The identifiers each network's adverts mention, hubs left out (a hub, such as a platform's own domain or
// a shared hotline, ties unrelated adverts together and is not evidence of one network).
// Parameters: $keys: network keys.
// Returns one row per network: key, identifiers: [{key, adverts (how many of the network's adverts
//   mention it)}], most mentioned first.
UNWIND $keys AS key
MATCH (net:Network {key: key})<-[:IN_NETWORK]-(a:Advert)-[:MENTIONS]->(n)
WHERE NOT coalesce(n.hub, false)
WITH key, n, count(DISTINCT a) AS adverts ORDER BY adverts DESC, n.key
RETURN key, collect({key: n.key, adverts: adverts}) AS identifiers
