// Bloom search phrase "Accounts sharing a payment tag with $account": the other accounts whose adverts
// mention a payment tag or wallet that the account's adverts mention, with the adverts that show it.
// Hub tags (written by many unrelated groups, docs/networks.md) are left out, as they join nothing.
// Parameters: $account: an account key (handle:telegram:name, account:whatsapp:id) or a bare handle.
// Returns one row per advert pair through a shared tag: account, posted, advert, mention, tag,
//   other_mention, other_advert, other_posted, other_account.
CALL () {
  MATCH (account:Account {key: $account}) RETURN account
  UNION MATCH (account:Account {handle: $account}) RETURN account
}
MATCH (account)-[posted:POSTED]->(advert:Advert)-[mention:MENTIONS]->(tag:PaymentTag)
WHERE NOT coalesce(tag.hub, false)
MATCH (tag)<-[other_mention:MENTIONS]-(other_advert:Advert)<-[other_posted:POSTED]-(other_account:Account)
WHERE other_account <> account
RETURN account, posted, advert, mention, tag, other_mention, other_advert, other_posted, other_account
LIMIT 500
