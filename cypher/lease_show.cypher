// Who holds a named lease now: since when, until when, and what it is doing (for the message another
// taker gets). Returns no row when the lease is free or has run out.
// Parameters: $name.
MATCH (l:Lease {name: $name})
WHERE l.holder IS NOT NULL AND l.until >= datetime()
RETURN toString(l.since) AS since, toString(l.until) AS until, l.what AS what
