// Marks identifiers as hubs (hub: true, hub_reason, hub_groups, hub_accounts) or clears the marks.
// Parameters, one list per label: $phones, $payments, $emails, $accounts, $links, $domains, each row
// {key, hub (true to mark, false to clear), reason, groups, accounts}.
CALL () {
  UNWIND $phones AS row MATCH (n:Phone {key: row.key}) RETURN n, row
  UNION ALL
  UNWIND $payments AS row MATCH (n:PaymentTag {key: row.key}) RETURN n, row
  UNION ALL
  UNWIND $emails AS row MATCH (n:Email {key: row.key}) RETURN n, row
  UNION ALL
  UNWIND $accounts AS row MATCH (n:Account {key: row.key}) RETURN n, row
  UNION ALL
  UNWIND $links AS row MATCH (n:Link {key: row.key}) RETURN n, row
  UNION ALL
  UNWIND $domains AS row MATCH (n:Domain {key: row.key}) RETURN n, row
}
SET n.hub = CASE WHEN row.hub THEN true END,
    n.hub_reason = CASE WHEN row.hub THEN row.reason END,
    n.hub_groups = CASE WHEN row.hub THEN row.groups END,
    n.hub_accounts = CASE WHEN row.hub THEN row.accounts END
