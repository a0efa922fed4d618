// Marks runs as accounted for by the networks, at the server's time. A run found `running` again (marked
// interrupted for want of a heartbeat, then heard from: graph/runs.py) is left pending, as it may have
// written adverts since the networks read its own.
// Parameters: $runs (list of run keys).
UNWIND $runs AS key
MATCH (r:IngestRun {key: key})
WHERE r.networks_at IS NULL AND r.status <> 'running'
SET r.networks_at = datetime()
RETURN count(r) AS runs
