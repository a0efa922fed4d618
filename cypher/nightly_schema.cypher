// The schema of the nightly job (graph/nightly.py): one ledger entry per inbox file content (its SHA-256),
// and one node per named lease (graph/lease.py).
// No parameters. Each statement is idempotent; `graph.inbox.apply_schema` runs them.
// Runs on Neo4j 5.26 Community and newer releases (Aura included).

CREATE CONSTRAINT inbox_file_sha256 IF NOT EXISTS FOR (f:InboxFile) REQUIRE f.sha256 IS UNIQUE;
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (l:Lease) REQUIRE l.name IS UNIQUE;
