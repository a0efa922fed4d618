// Marks interrupted the ingest runs still `running` whose last heartbeat (their start, for a run recorded
// before heartbeats were written) is more than $seconds old at the server's time: their process ended
// without recording it (killed outright, or Neo4j gone at its end). `finished_at` is the last moment the
// run was seen alive; `stale_at` says how it was marked (graph/runs.py).
// Parameters: $seconds (the stale threshold, a float). Returns the runs marked, oldest first.
MATCH (r:IngestRun)
WHERE r.status = 'running'
  AND coalesce(r.heartbeat_at, r.started_at) < datetime() - duration({milliseconds: toInteger($seconds * 1000)})
WITH r, coalesce(r.heartbeat_at, r.started_at) AS seen
SET r.status = 'interrupted', r.stale_at = datetime(), r.finished_at = seen,
    r.error = 'stopped without recording its end (killed, or Neo4j gone): no heartbeat since ' + toString(seen)
RETURN r.key AS run
ORDER BY r.started_at, r.key
