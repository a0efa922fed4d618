// The identifiers each account uses (its adverts mention them), most used first.
// Parameters: $keys: account keys; $limit: most identifiers per account.
// Returns one row per account with identifiers: key, identifiers: [{key, adverts, first_seen, last_seen}].
UNWIND $keys AS key
MATCH (acc:Account {key: key})-[u:USES]->(n)
WITH key, n, u ORDER BY u.count DESC, n.key
WITH key, collect({key: n.key, adverts: u.count, first_seen: u.first_seen.epochMillis, last_seen: u.last_seen.epochMillis}) AS identifiers
RETURN key, identifiers[..$limit] AS identifiers
