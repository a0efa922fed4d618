// Takes the lease that lets one process at a time recompute networks (graph/networks/lease.py), when it is
// free or its holder let it run out (a process that died); the times are the server's, so hosts whose
// clocks differ agree. Returns the holder's row when taken, nothing when another holds it.
// Parameters: $holder (a token of the taker), $seconds (how long it is held at most).
MERGE (l:NetworksLease {key: 'networks'})
WITH l
WHERE l.holder IS NULL OR l.until < datetime()
SET l.holder = $holder, l.since = datetime(), l.until = datetime() + duration({seconds: $seconds})
RETURN l.holder AS holder
