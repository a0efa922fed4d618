// The inbox files already ingested completely, among these contents: the nightly job skips them
// (graph/inbox.py), whatever their name now.
// Parameters: $hashes: SHA-256 hex digests of the files in the inbox.
// Returns one row per completed file: sha256, name (when it was ingested), run, ingested_at.
MATCH (f:InboxFile)
WHERE f.sha256 IN $hashes AND f.status = 'completed'
RETURN f.sha256 AS sha256, f.name AS name, f.run AS run, toString(f.ingested_at) AS ingested_at
