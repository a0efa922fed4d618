// The adverts that carry each identifier or account: those that mention it and, for an account, those it
// posted; newest first.
// Parameters: $keys: identifier or account keys; $limit: most adverts per key.
// Returns one row per key that has adverts: key, total (how many), adverts: the first $limit, newest first,
// each as read_nodes returns a node ({key, labels, properties (dates in epoch milliseconds), network}), so
// the API shows them without reading them again.
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
WITH key, collect(a) AS adverts
CALL (adverts) {
  UNWIND range(0, size(adverts[..$limit]) - 1) AS i
  WITH i, adverts[i] AS a
  OPTIONAL CALL (a) {
    MATCH (a)-[:IN_NETWORK]->(network:Network)
    RETURN network.key AS network ORDER BY network LIMIT 1
  }
  WITH i, a, network ORDER BY i
  RETURN collect({key: a.key, labels: labels(a), network: network,
                  properties: a {.*, posted_at: a.posted_at.epochMillis, first_seen: a.first_seen.epochMillis,
                                 last_seen: a.last_seen.epochMillis, updated_at: a.updated_at.epochMillis,
                                 taken_down_at: a.taken_down_at.epochMillis,
                                 template_signature: null, template_bands: null}}) AS shown
}
RETURN key, shown AS adverts, size(adverts) AS total
