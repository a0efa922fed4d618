// Records what became of an inbox file in the ledger of the nightly job (graph/inbox.py): `reading`
// while its ingest runs, then `completed` or `failed`. Only a completed file is skipped on later nights,
// so one whose ingest stopped half way (or whose process died) is read again.
// Parameters: $file: {sha256, name, size, format, status, run, ingested_at, error, read, accepted,
//   rejected, created, updated, unchanged, duplicates, rejects_file}; $attempt_at: datetime.
// Returns the file's status and how many times it has been tried.
MERGE (f:InboxFile {sha256: $file.sha256})
ON CREATE SET f.first_seen_at = $attempt_at, f.attempts = 0
SET f += $file,
    f.attempts = f.attempts + CASE WHEN $file.status = 'reading' THEN 1 ELSE 0 END,
    f.last_attempt_at = $attempt_at
RETURN f.status AS status, f.attempts AS attempts
