// Marks runs as accounted for by the networks, at $at.
// Parameters: $runs (list of run keys), or null with $ended_before (datetime): after a rebuild, every run
// that had ended before the rebuild started; $at (datetime).
MATCH (r:IngestRun)
WHERE r.networks_at IS NULL
  AND CASE WHEN $runs IS NULL
        THEN r.status IN ['completed', 'failed', 'interrupted'] AND r.finished_at <= $ended_before
        ELSE r.key IN $runs END
SET r.networks_at = $at
RETURN count(r) AS runs
