// The alert feed: adverts ingested since a time (by runs that started then or later) that carry a watched
// identifier, by mentioning it or, for a watched account, by being posted by it.
// Parameters: $since: datetime; $limit: most hits returned.
// Returns one row per (watch, advert): identifier (key), advert (key), run (the IngestRun that first wrote
//   the advert), ingested_at (that run's start), relation (MENTIONS or POSTED), spans, quotes; newest first.
MATCH (r:IngestRun) WHERE r.started_at >= $since
WITH collect(r.key) AS runs, collect(r.started_at) AS starts
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
  MATCH (a:Advert)-[m:MENTIONS]->(n)
  RETURN a, 'MENTIONS' AS relation, coalesce(m.spans, []) AS spans,
         [i IN range(0, size(coalesce(m.spans, [])) - 2, 2) |
          substring(a.text, m.spans[i], m.spans[i + 1] - m.spans[i])] AS quotes
  UNION ALL
  MATCH (n)-[:POSTED]->(a:Advert)
  RETURN a, 'POSTED' AS relation, [] AS spans, [] AS quotes
}
WITH w, a, relation, spans, quotes, runs, starts
WHERE a.first_run IN runs
WITH w, a, relation, spans, quotes, starts[[i IN range(0, size(runs) - 1) WHERE runs[i] = a.first_run][0]] AS ingested_at
RETURN w.identifier AS identifier, a.key AS advert, a.first_run AS run, ingested_at, relation, spans, quotes
ORDER BY ingested_at DESC, a.posted_at DESC, advert, identifier
LIMIT $limit
