// Every identifier or account marked as a hub by the last recompute.
// No parameters. Returns one row per hub: key, hub_reason.
CALL () {
  MATCH (n:Phone) WHERE n.hub = true RETURN n
  UNION ALL
  MATCH (n:PaymentTag) WHERE n.hub = true RETURN n
  UNION ALL
  MATCH (n:Email) WHERE n.hub = true RETURN n
  UNION ALL
  MATCH (n:Account) WHERE n.hub = true RETURN n
  UNION ALL
  MATCH (n:Link) WHERE n.hub = true RETURN n
  UNION ALL
  MATCH (n:Domain) WHERE n.hub = true RETURN n
}
RETURN n.key AS key, n.hub_reason AS hub_reason
