// Records one attempt of a claimed delivery and gives up the claim: delivered; or pending again from
// $delay seconds on; or failed once it has had $max_attempts attempts. Nothing is written when the claim
// is no longer this deliverer's (it ran out and another took the delivery).
// Parameters: $key, $deliverer, $delivered (bool), $error (why the attempt failed, or null), $http_status
//   (the receiver's status code, or null), $delay (seconds until the next attempt), $max_attempts.
// Returns the delivery's status and attempts, when recorded.
MATCH (d:WebhookDelivery {key: $key})
WHERE d.claimed_by = $deliverer
WITH d, coalesce(d.attempts, 0) + 1 AS attempts
WITH d, attempts,
     CASE WHEN $delivered THEN 'delivered' WHEN attempts >= $max_attempts THEN 'failed' ELSE 'pending' END AS status
SET d.attempts = attempts, d.status = status, d.last_attempt_at = datetime(), d.last_error = $error,
    d.last_status = $http_status, d.claimed_by = null, d.claimed_until = null,
    d.delivered_at = CASE WHEN status = 'delivered' THEN datetime() END,
    d.failed_at = CASE WHEN status = 'failed' THEN datetime() END,
    d.next_attempt_at = CASE WHEN status = 'pending' THEN datetime() + duration({seconds: $delay}) END
RETURN d.status AS status, d.attempts AS attempts
