// The accounts that use each identifier: authors whose adverts mention it (the derived USES), busiest first.
// Parameters: $keys: identifier keys; $limit: most accounts per identifier.
// Returns one row per identifier with users: key, accounts: [{key, adverts, first_seen, last_seen}],
//   total (how many accounts use it).
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
WITH key, collect({key: acc.key, adverts: u.count, first_seen: u.first_seen.epochMillis, last_seen: u.last_seen.epochMillis}) AS accounts
RETURN key, accounts[..$limit] AS accounts, size(accounts) AS total
