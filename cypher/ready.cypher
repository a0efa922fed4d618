// Readiness: answers one row when the database can run a query. Used by GET /ready with a short timeout.
// Parameters: none.
RETURN 1 AS ready
