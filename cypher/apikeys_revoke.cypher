// Revokes an API key: it is kept (the audit log names it) but no longer accepted. Revoking twice keeps the
// first time.
// Parameters: $key ('apikey:<id>'), $revoked_at (datetime).
// Returns at most one row: id, role, name, created_at, revoked_at.
MATCH (k:ApiKey {key: $key})
SET k.revoked_at = coalesce(k.revoked_at, $revoked_at)
RETURN k.id AS id, k.role AS role, k.name AS name, k.created_at AS created_at, k.revoked_at AS revoked_at
