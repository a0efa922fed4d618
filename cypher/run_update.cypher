// Updates an ingest run's counters and status: inside each batch's transaction (so the counts say exactly
// what was committed) and once at the end with the final status and finished_at.
// Parameters: $run (the run key), $properties: map of {status, read, accepted, rejected, created,
// updated, unchanged, duplicates, batches, finished_at, error, stale_at}; a null value removes the
// property.
MATCH (r:IngestRun {key: $run})
SET r += $properties
