// Deletes every node and relationship of the database, in transactions of $rows nodes: for benchmarks
// that load a corpus into a graph of their own. Run it in an implicit (auto-commit) transaction.
// Parameters: $rows: nodes deleted per transaction.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $rows ROWS
