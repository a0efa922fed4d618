// Extends a named lease while its holder is still at work (graph/lease.py). Returns a row while it
// holds it, nothing once it has lost it.
// Parameters: $name, $holder, $seconds.
MATCH (l:Lease {name: $name})
WHERE l.holder = $holder
SET l.until = datetime() + duration({seconds: $seconds})
RETURN l.holder AS holder
