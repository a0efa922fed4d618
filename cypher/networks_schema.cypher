// The schema networks need: one Network per key and per id; networks read in order of score, content
// score, size and last seen, and counted by platforms, countries and size (the API's pages); and hub identifiers found
// quickly (each label's `hub` property is indexed so that last run's hubs are read without a scan).
// No parameters. Each statement is idempotent; `graph.networks.store.apply_schema` runs the missing ones.
// Runs on Neo4j 5.26 Community and newer releases (Aura included).

CREATE CONSTRAINT network_key IF NOT EXISTS FOR (n:Network) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT network_id IF NOT EXISTS FOR (n:Network) REQUIRE n.id IS UNIQUE;
CREATE INDEX network_score IF NOT EXISTS FOR (n:Network) ON (n.score);
CREATE INDEX network_last_seen IF NOT EXISTS FOR (n:Network) ON (n.last_seen);
CREATE INDEX network_size IF NOT EXISTS FOR (n:Network) ON (n.size);
CREATE INDEX network_score_content IF NOT EXISTS FOR (n:Network) ON (n.score_content);
CREATE INDEX network_last_seen_ms IF NOT EXISTS FOR (n:Network) ON (n.last_seen_ms);
CREATE INDEX network_filter_counts IF NOT EXISTS
  FOR (n:Network) ON (n.platform_count, n.country_count, n.size);
CREATE INDEX phone_hub IF NOT EXISTS FOR (n:Phone) ON (n.hub);
CREATE INDEX payment_tag_hub IF NOT EXISTS FOR (n:PaymentTag) ON (n.hub);
CREATE INDEX email_hub IF NOT EXISTS FOR (n:Email) ON (n.hub);
CREATE INDEX account_hub IF NOT EXISTS FOR (n:Account) ON (n.hub);
CREATE INDEX link_hub IF NOT EXISTS FOR (n:Link) ON (n.hub);
CREATE INDEX domain_hub IF NOT EXISTS FOR (n:Domain) ON (n.hub);
CREATE CONSTRAINT networks_lease_key IF NOT EXISTS FOR (n:NetworksLease) REQUIRE n.key IS UNIQUE;
