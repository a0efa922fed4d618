// The adverts that carry each identifier or account: those that mention it and, for an account, those it
// posted; newest first.
// Parameters: $keys: identifier or account keys; $limit: most adverts per key.
// Returns one row per key that has adverts: key, adverts (advert keys, newest first), total (how many).
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Account {key: key}) RETURN n
  UNION MATCH (n:Phone {key: key}) RETURN n
  UNION MATCH (n:PaymentTag {key: key}) RETURN n
  UNION MATCH (n:Email {key: key}) RETURN n
  UNION MATCH (n:Link {key: key}) RETURN n
  UNION MATCH (n:Domain {key: key}) RETURN n
}
CALL (n) {
  MATCH (a:Advert)-[:MENTIONS]->(n) RETURN a
  UNION MATCH (n)-[:POSTED]->(a:Advert) RETURN a
}
WITH key, a ORDER BY a.posted_at DESC, a.key
WITH key, collect(a.key) AS adverts
RETURN key, adverts[..$limit] AS adverts, size(adverts) AS total
