// Who holds the networks' lease, since when and until when (for the message when it is busy).
// No parameters.
MATCH (l:NetworksLease {key: 'networks'})
WHERE l.holder IS NOT NULL AND l.until >= datetime()
RETURN toString(l.since) AS since, toString(l.until) AS until
