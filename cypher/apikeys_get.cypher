// One API key by its node key, to check a presented key against its stored hash.
// Parameters: $key ('apikey:<id>').
// Returns at most one row: id, hash, role, name, created_at, revoked_at.
MATCH (k:ApiKey {key: $key})
RETURN k.id AS id, k.hash AS hash, k.role AS role, k.name AS name, k.created_at AS created_at,
       k.revoked_at AS revoked_at
