// Ingest runs whose adverts the networks do not yet account for: ended (completed, failed or interrupted,
// since a run that stopped half way committed its earlier batches) and not yet caught up.
// A run still `running` is left to itself (it catches up when it ends); one whose process died before it
// could record its end is marked `interrupted` once its heartbeat is stale (graph/runs.py, by the next
// ingest or `crosslink summary`), and is then caught up here like any other.
// No parameters (networks_pending_runs_of takes a list of runs).
MATCH (r:IngestRun)
WHERE r.networks_at IS NULL AND r.status IN ['completed', 'failed', 'interrupted']
RETURN r.key AS run
ORDER BY r.started_at, r.key
