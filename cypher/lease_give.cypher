// Gives a named lease back, if this holder still has it (graph/lease.py).
// Parameters: $name, $holder.
MATCH (l:Lease {name: $name})
WHERE l.holder = $holder
SET l.holder = null, l.since = null, l.until = null, l.what = null
