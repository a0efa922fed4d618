// Writes the MENTIONS evidence from each advert of a batch to the identifiers it names.
// Parameters, one list per kind ($phones, $handles, $payments, $emails, $domains, $links), each row
// {advert: advert key, key: identifier key, mention: {count, spans, values, rules}}; first_seen and
// last_seen are the advert's posted_at.
// The adverts and identifier nodes exist (advert_write and identifiers_write run first), and the adverts
// have no MENTIONS: they are new, or advert_clear removed what their previous version said. So the
// relationships are created, not merged, and a re-run cannot double them.
CALL () {
  UNWIND $phones AS row
  MATCH (a:Advert {key: row.advert}), (n:Phone {key: row.key})
  CREATE (a)-[m:MENTIONS]->(n)
  SET m = row.mention, m.first_seen = a.posted_at, m.last_seen = a.posted_at
}
CALL () {
  UNWIND $handles AS row
  MATCH (a:Advert {key: row.advert}), (n:Account {key: row.key})
  CREATE (a)-[m:MENTIONS]->(n)
  SET m = row.mention, m.first_seen = a.posted_at, m.last_seen = a.posted_at
}
CALL () {
  UNWIND $payments AS row
  MATCH (a:Advert {key: row.advert}), (n:PaymentTag {key: row.key})
  CREATE (a)-[m:MENTIONS]->(n)
  SET m = row.mention, m.first_seen = a.posted_at, m.last_seen = a.posted_at
}
CALL () {
  UNWIND $emails AS row
  MATCH (a:Advert {key: row.advert}), (n:Email {key: row.key})
  CREATE (a)-[m:MENTIONS]->(n)
  SET m = row.mention, m.first_seen = a.posted_at, m.last_seen = a.posted_at
}
CALL () {
  UNWIND $domains AS row
  MATCH (a:Advert {key: row.advert}), (n:Domain {key: row.key})
  CREATE (a)-[m:MENTIONS]->(n)
  SET m = row.mention, m.first_seen = a.posted_at, m.last_seen = a.posted_at
}
CALL () {
  UNWIND $links AS row
  MATCH (a:Advert {key: row.advert}), (n:Link {key: row.key})
  CREATE (a)-[m:MENTIONS]->(n)
  SET m = row.mention, m.first_seen = a.posted_at, m.last_seen = a.posted_at
}
