// Constraints for the analysts' case work: one Tag node per tag id, one Watch node per watched identifier.
// No parameters. Idempotent; run before case work is written.
CREATE CONSTRAINT tag_key IF NOT EXISTS FOR (n:Tag) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT watch_key IF NOT EXISTS FOR (n:Watch) REQUIRE n.key IS UNIQUE;
