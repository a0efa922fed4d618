// Constraints and indexes for queued webhook deliveries (graph/webhooks.py): one WebhookDelivery per
// (watched identifier, advert), so a hit is queued once however often its run is queued; its key is the
// delivery id the receiver dedupes on. Adverts are found by the run that first wrote them.
// No parameters. Idempotent; run before deliveries are queued.
CREATE CONSTRAINT webhook_delivery_key IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_hit IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE (n.identifier, n.advert) IS UNIQUE;
CREATE INDEX webhook_delivery_due IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.status, n.next_attempt_at);
CREATE INDEX advert_first_run IF NOT EXISTS FOR (n:Advert) ON (n.first_run);
