// Stores a new API key: its id, the sha256 of the secret key (never the key itself), role and name.
// Parameters: $key ('apikey:<id>'), $id, $hash (hex sha256), $role ('reader', 'ingest' or 'admin'),
//   $name (who or what it is for), $created_at (datetime).
// Returns: id, role, name, created_at, revoked_at.
CREATE (k:ApiKey {key: $key, id: $id, hash: $hash, role: $role, name: $name, created_at: $created_at})
RETURN k.id AS id, k.role AS role, k.name AS name, k.created_at AS created_at, k.revoked_at AS revoked_at
