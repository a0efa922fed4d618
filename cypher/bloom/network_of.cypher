// Bloom search phrase "Network of $identifier": the networks a node belongs to, drawn whole: each network,
// its member adverts and accounts (IN_NETWORK), who posted each advert and what each advert mentions.
// An advert or account is in its own network; an identifier is in the networks of the adverts that
// mention it (a hub touches several, and the five largest are drawn).
// Parameters: $identifier: a node key (phone:+447400123456, handle:telegram:name, payment:iban:...,
//   email:..., url:..., domain:..., advert:facebook:1), a network id (n-4kq2x7d9ab) or key, a phone
//   number in E.164 (+447400123456) or an email address.
// Returns one row per member and what it mentions: network, membership, member, posted, author,
//   mention, identifier (the last four null where there is none).
WITH [$identifier, 'phone:' + $identifier, 'email:' + toLower($identifier), 'network:' + $identifier] AS keys
UNWIND keys AS key
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
