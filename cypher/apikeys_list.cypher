// Every API key, oldest first, without hashes.
// No parameters. Returns: id, role, name, created_at, revoked_at.
MATCH (k:ApiKey)
RETURN k.id AS id, k.role AS role, k.name AS name, k.created_at AS created_at, k.revoked_at AS revoked_at
ORDER BY k.created_at, k.id
