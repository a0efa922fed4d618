// Records that an account was taken down by its platform: when, and which API key said so.
// Parameters: $account: the account's key; $at: datetime of the takedown; $by: API key id.
// Returns at most one row (none when there is no such account): key.
MATCH (acc:Account {key: $account})
SET acc.taken_down_at = $at, acc.taken_down_by = $by
RETURN acc.key AS key
