// Queues a webhook delivery for every watch hit of the adverts first written by the given runs: an advert
// that mentions a watched identifier, or is posted by a watched account. A hit already queued (pending,
// delivered or failed) is left as it is, so queueing a run again queues nothing new.
// Parameters: $runs: IngestRun keys; $queuer: a token of this call, stamped on the deliveries it creates.
// Returns one row: queued (how many deliveries this call created).
MATCH (w:Watch)
WITH collect(w.identifier) AS watched
WHERE size(watched) > 0
MATCH (a:Advert) WHERE a.first_run IN $runs
CALL (a, watched) {
  MATCH (a)-[:MENTIONS]->(n) WHERE n.key IN watched
  RETURN n.key AS identifier
  UNION
  MATCH (n:Account)-[:POSTED]->(a) WHERE n.key IN watched
  RETURN n.key AS identifier
}
MERGE (d:WebhookDelivery {identifier: identifier, advert: a.key})
  ON CREATE SET d.key = randomUUID(), d.run = a.first_run, d.created_at = datetime(), d.status = 'pending',
                d.attempts = 0, d.next_attempt_at = datetime(), d.queued_by = $queuer
WITH d WHERE d.queued_by = $queuer
RETURN count(d) AS queued
