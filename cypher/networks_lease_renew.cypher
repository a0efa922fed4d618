// Extends the networks' lease while its holder is still at work. Returns a row while it holds it.
// Parameters: $holder, $seconds.
MATCH (l:NetworksLease {key: 'networks'})
WHERE l.holder = $holder
SET l.until = datetime() + duration({seconds: $seconds})
RETURN l.holder AS holder
