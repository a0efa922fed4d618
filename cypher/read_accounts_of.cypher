// The accounts that use each identifier: authors whose adverts mention it (the derived USES), busiest first.
// Parameters: $keys: identifier keys; $limit: most accounts per identifier.
// Returns one row per identifier with users: key, total (how many accounts use it), accounts: the first
//   $limit as [{key, adverts, first_seen, last_seen, account}], where account is the account node as
//   read_nodes returns it ({key, labels, properties (dates in epoch milliseconds), network, mentioned_by,
//   posted}), so the API shows the accounts without reading them again.
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Account {key: key}) RETURN n
  UNION MATCH (n:Phone {key: key}) RETURN n
  UNION MATCH (n:PaymentTag {key: key}) RETURN n
  UNION MATCH (n:Email {key: key}) RETURN n
  UNION MATCH (n:Link {key: key}) RETURN n
  UNION MATCH (n:Domain {key: key}) RETURN n
}
MATCH (acc:Account)-[u:USES]->(n)
WITH key, acc, u ORDER BY u.count DESC, acc.key
WITH key, collect({account: acc, use: u}) AS uses
CALL (uses) {
  UNWIND range(0, size(uses[..$limit]) - 1) AS i
  WITH i, uses[i].account AS acc, uses[i].use AS u
  OPTIONAL CALL (acc) {
    MATCH (acc)-[:IN_NETWORK]->(network:Network)
    RETURN network.key AS network ORDER BY network LIMIT 1
  }
  WITH i, acc, u, network ORDER BY i
  RETURN collect({key: acc.key, adverts: u.count, first_seen: u.first_seen.epochMillis,
                  last_seen: u.last_seen.epochMillis,
                  account: {key: acc.key, labels: labels(acc), network: network,
                            properties: acc {.*, first_seen: acc.first_seen.epochMillis,
                                             last_seen: acc.last_seen.epochMillis,
                                             updated_at: acc.updated_at.epochMillis,
                                             taken_down_at: acc.taken_down_at.epochMillis},
                            mentioned_by: COUNT { (acc)<-[:MENTIONS]-(:Advert) },
                            posted: COUNT { (acc)-[:POSTED]->(:Advert) }}}) AS shown
}
RETURN key, shown AS accounts, size(uses) AS total
