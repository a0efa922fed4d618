// Gives up this deliverer's claim on deliveries it did not attempt (its time ran out), so that the next
// deliverer takes them at once instead of when the claim would have run out.
// Parameters: $keys (WebhookDelivery keys), $deliverer.
UNWIND $keys AS key
MATCH (d:WebhookDelivery {key: key})
WHERE d.claimed_by = $deliverer
SET d.claimed_by = null, d.claimed_until = null
