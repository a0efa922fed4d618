// The watch hits of the nightly job: adverts first written by these runs that carry a watched
// identifier, by mentioning it or, for a watched account, by being posted by it, with the network the
// advert is now in (null when in none).
// Parameters: $runs: IngestRun keys; $limit: most hits returned.
// Returns identifier (key), advert (key), run, relation (MENTIONS or POSTED), network (id or null).
MATCH (w:Watch)
CALL (w) {
  MATCH (n:Account {key: w.identifier}) RETURN n
  UNION MATCH (n:Phone {key: w.identifier}) RETURN n
  UNION MATCH (n:PaymentTag {key: w.identifier}) RETURN n
  UNION MATCH (n:Email {key: w.identifier}) RETURN n
  UNION MATCH (n:Link {key: w.identifier}) RETURN n
  UNION MATCH (n:Domain {key: w.identifier}) RETURN n
}
CALL (n) {
  MATCH (a:Advert)-[:MENTIONS]->(n) RETURN a, 'MENTIONS' AS relation
  UNION ALL
  MATCH (n)-[:POSTED]->(a:Advert) RETURN a, 'POSTED' AS relation
}
WITH w, a, relation
WHERE a.first_run IN $runs
OPTIONAL MATCH (a)-[:IN_NETWORK]->(net:Network)
RETURN w.identifier AS identifier, a.key AS advert, a.first_run AS run, relation, net.id AS network
ORDER BY identifier, advert
LIMIT $limit
