// Takes a named lease (graph/lease.py: one holder at a time across processes and hosts, e.g. the
// nightly job) when it is free, already this holder's, or let run out by a holder that stopped renewing
// it; the times are the server's, so hosts whose clocks differ agree. `asked_at` is written first so that
// the node's write lock is held before the holder is read: two takers at once then see each other's
// commit, never both a free lease. Returns the holder's row when taken, nothing when another holds it.
// Parameters: $name (the lease), $holder (a token of the taker), $seconds (how long it is held unless
// renewed), $what (what the holder is doing, for the message another taker gets).
MERGE (l:Lease {name: $name})
SET l.asked_at = datetime()
WITH l
WHERE l.holder IS NULL OR l.holder = $holder OR l.until < datetime()
SET l.holder = $holder, l.since = datetime(), l.until = datetime() + duration({seconds: $seconds}),
    l.what = $what
RETURN l.holder AS holder
