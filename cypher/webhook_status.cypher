// The webhook queue at a glance: deliveries by status, the oldest pending one and when the next is due.
// No parameters. Returns one row: pending, delivered, failed (counts), oldest_pending (created_at of the
// oldest pending delivery, or null), next_attempt_at (the soonest attempt due, or null).
OPTIONAL MATCH (d:WebhookDelivery)
WITH count(CASE WHEN d.status = 'pending' THEN 1 END) AS pending,
     count(CASE WHEN d.status = 'delivered' THEN 1 END) AS delivered,
     count(CASE WHEN d.status = 'failed' THEN 1 END) AS failed,
     min(CASE WHEN d.status = 'pending' THEN d.created_at END) AS oldest_pending,
     min(CASE WHEN d.status = 'pending' THEN d.next_attempt_at END) AS next_attempt_at
RETURN pending, delivered, failed, oldest_pending, next_attempt_at
