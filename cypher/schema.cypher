// The Crosslink graph schema: what makes a node unique, and the indexes searches and ingest rely on.
// No parameters. Statements are separated by `;` and each is idempotent (IF NOT EXISTS), so the file can
// be applied on every ingest; `graph/schema.py` runs them one by one, then waits for the indexes.
// Runs on Neo4j 5.26 Community and newer releases (Aura included); no plugin is needed.

// One node per key: the same phone, handle or payment tag written in many adverts is one node.
CREATE CONSTRAINT advert_key IF NOT EXISTS FOR (n:Advert) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT account_key IF NOT EXISTS FOR (n:Account) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT phone_key IF NOT EXISTS FOR (n:Phone) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT payment_tag_key IF NOT EXISTS FOR (n:PaymentTag) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT email_key IF NOT EXISTS FOR (n:Email) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT link_key IF NOT EXISTS FOR (n:Link) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT domain_key IF NOT EXISTS FOR (n:Domain) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT country_key IF NOT EXISTS FOR (n:Country) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT ingest_run_key IF NOT EXISTS FOR (n:IngestRun) REQUIRE n.key IS UNIQUE;
// The one node whose lock the batches of overlapping ingest runs take in turn (ingest_lock.cypher).
CREATE CONSTRAINT ingest_lock_key IF NOT EXISTS FOR (n:IngestLock) REQUIRE n.key IS UNIQUE;

// Adverts by date and platform (timelines, "what was posted on TikTok last week").
CREATE INDEX advert_posted_at IF NOT EXISTS FOR (n:Advert) ON (n.posted_at);
CREATE INDEX advert_platform IF NOT EXISTS FOR (n:Advert) ON (n.platform);
// The adverts a run wrote, for the networks to catch up with it (graph/networks/pending.py).
CREATE INDEX advert_last_run IF NOT EXISTS FOR (n:Advert) ON (n.last_run);

// An account looked up by the platform's numeric id (an author whose handle was invalid or changed).
CREATE INDEX account_account_id IF NOT EXISTS FOR (n:Account) ON (n.account_id);
CREATE INDEX account_handle IF NOT EXISTS FOR (n:Account) ON (n.handle);

// Recent runs first.
CREATE INDEX ingest_run_started_at IF NOT EXISTS FOR (n:IngestRun) ON (n.started_at);
// Runs by status: the running ones whose heartbeat may be stale (graph/runs.py), checked at every run's
// start, and there are as many runs as nights and API pushes.
CREATE INDEX ingest_run_status IF NOT EXISTS FOR (n:IngestRun) ON (n.status);

// Words in advert text, for search (CALL db.index.fulltext.queryNodes('advert_text', 'crossing')).
CREATE FULLTEXT INDEX advert_text IF NOT EXISTS FOR (n:Advert) ON EACH [n.text];
// Adverts by template band token (graph/templates.py), for a network update to find an advert's
// near-duplicates without a scan: each token is one word, so the whitespace analyzer keeps it whole.
CREATE FULLTEXT INDEX advert_template_bands IF NOT EXISTS FOR (n:Advert) ON EACH [n.template_bands]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
