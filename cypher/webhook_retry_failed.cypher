// Queues every failed delivery again, due at once with its attempts counted from zero (after the receiver
// was fixed); the last error is kept until the next attempt replaces it.
// No parameters. Returns one row: requeued (how many).
OPTIONAL MATCH (d:WebhookDelivery {status: 'failed'})
SET d.status = 'pending', d.attempts = 0, d.next_attempt_at = datetime(), d.failed_at = null,
    d.requeued_at = datetime()
RETURN count(d) AS requeued
