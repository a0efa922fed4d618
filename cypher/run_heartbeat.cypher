// A running ingest run's sign of life, at the server's time (graph/runs.py): written every few seconds by
// the run and in each of its batch transactions. A run marked interrupted for want of a heartbeat (it has
// `stale_at`) that beats after all was alive: it is set back to running, and its adverts are pending for
// the networks again. A run that recorded its own end has no `stale_at` and keeps its status.
// Parameters: $run (the run key).
MATCH (r:IngestRun {key: $run})
SET r.heartbeat_at = datetime()
WITH r
WHERE r.status = 'interrupted' AND r.stale_at IS NOT NULL
SET r.status = 'running', r.stale_at = null, r.finished_at = null, r.error = null, r.networks_at = null
