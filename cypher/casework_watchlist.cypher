// Every watched identifier, newest first.
// No parameters. Returns one row per watch: watch (its properties).
MATCH (w:Watch)
RETURN properties(w) AS watch
ORDER BY w.created_at DESC, w.key
