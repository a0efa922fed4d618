// Marks runs as accounted for by the networks, at the server's time.
// Parameters: $runs (list of run keys).
UNWIND $runs AS key
MATCH (r:IngestRun {key: key})
WHERE r.networks_at IS NULL
SET r.networks_at = datetime()
RETURN count(r) AS runs
