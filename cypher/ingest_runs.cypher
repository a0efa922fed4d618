// Every ingest run, oldest first, with its status and what it committed: for watching a run's progress
// from outside its process and for reading what a killed run says afterwards (bench/faults.py).
// No parameters. Returns key, status, batches, created, unchanged, started_at, finished_at, error.
MATCH (r:IngestRun)
RETURN r.key AS key, r.status AS status, r.batches AS batches, r.created AS created,
       r.unchanged AS unchanged, r.started_at AS started_at, r.finished_at AS finished_at, r.error AS error
ORDER BY r.started_at, r.key
