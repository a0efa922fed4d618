// Gives the networks' lease back, if this holder still has it.
// Parameters: $holder.
MATCH (l:NetworksLease {key: 'networks'})
WHERE l.holder = $holder
SET l.holder = null, l.since = null, l.until = null
