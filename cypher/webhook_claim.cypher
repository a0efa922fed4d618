// Claims up to $limit pending deliveries that are due and not claimed by a live deliverer, for $seconds.
// `claim_asked_at` is written first so that each node's write lock is held before its claim is read again:
// two deliverers at once then see each other's commit, and a delivery is never claimed by both.
// Parameters: $deliverer (a token of the claiming call), $seconds (how long the claim holds), $limit,
//   $tried (keys this call has attempted already: each is tried once a call).
// Returns one row: candidates (how many were due before locking; 0 means nothing is due), claimed (keys).
OPTIONAL MATCH (d:WebhookDelivery {status: 'pending'})
WHERE d.next_attempt_at <= datetime() AND NOT d.key IN $tried
  AND (d.claimed_until IS NULL OR d.claimed_until < datetime())
WITH d ORDER BY d.next_attempt_at, d.created_at LIMIT $limit
WITH [x IN collect(d) WHERE x IS NOT NULL] AS candidates
CALL (candidates) {
  UNWIND candidates AS d
  SET d.claim_asked_at = datetime()
  WITH d
  WHERE d.status = 'pending' AND (d.claimed_until IS NULL OR d.claimed_until < datetime())
  SET d.claimed_by = $deliverer, d.claimed_until = datetime() + duration({seconds: $seconds})
  RETURN collect(d.key) AS claimed
}
RETURN size(candidates) AS candidates, claimed
