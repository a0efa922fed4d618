// Records the start of an ingest run, with its first heartbeat (graph/runs.py) at the server's time.
// Parameters: $run (the run key), $source, $files (list of input names), $started_at (datetime).
MERGE (r:IngestRun {key: $run})
SET r.source = $source, r.files = $files, r.started_at = $started_at, r.status = 'running',
    r.heartbeat_at = datetime(),
    r.read = 0, r.accepted = 0, r.rejected = 0, r.created = 0, r.updated = 0, r.unchanged = 0,
    r.duplicates = 0, r.batches = 0
