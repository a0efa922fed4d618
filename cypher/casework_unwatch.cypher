// Stops watching an identifier.
// Parameters: $key: 'watch:<identifier key>'.
// Returns: removed (1 or 0).
OPTIONAL MATCH (w:Watch {key: $key})
DETACH DELETE w
RETURN count(w) AS removed
