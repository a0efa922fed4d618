// As networks_pending_runs, among the given runs only (found by key: an ingestAdverts push asks for its own).
// Parameters: $runs (list of run keys).
UNWIND $runs AS key
MATCH (r:IngestRun {key: key})
WHERE r.networks_at IS NULL AND r.status IN ['completed', 'failed', 'interrupted']
RETURN r.key AS run
ORDER BY r.started_at, r.key
