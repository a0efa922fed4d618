// Deliveries given up after their last attempt, newest first, for a person to look at and re-queue.
// Parameters: $limit. Returns one row per delivery: its properties.
MATCH (d:WebhookDelivery {status: 'failed'})
RETURN properties(d) AS delivery
ORDER BY d.failed_at DESC, d.key
LIMIT $limit
