// Writes the identifier nodes a batch of adverts mentions: one row per distinct key in the batch, so a
// phone written in 300 adverts is merged once, not 300 times.
// Parameters, one list per kind, each row {key} plus the node's own properties:
//   $phones {e164, country}      -> (:Phone)-[:IN_COUNTRY]->(:Country)
//   $handles {platform, handle}  -> (:Account), the same label as advert authors
//   $payments {scheme, value, country} -> (:PaymentTag), an IBAN also -[:IN_COUNTRY]->(:Country)
//   $emails {address}            -> (:Email)
//   $domains {domain}            -> (:Domain)
//   $links {url, domain}         -> (:Link)-[:ON_DOMAIN]->(:Domain) when the link has a domain of its own
// mentions_write then links adverts to these nodes.
CALL () {
  UNWIND $phones AS row
  MERGE (n:Phone {key: row.key})
    ON CREATE SET n.e164 = row.e164
  SET n.country = row.country
  FOREACH (code IN CASE WHEN row.country IS NULL THEN [] ELSE [row.country] END |
    MERGE (c:Country {key: code})
    MERGE (n)-[:IN_COUNTRY]->(c)
  )
}
CALL () {
  UNWIND $handles AS row
  MERGE (n:Account {key: row.key})
    ON CREATE SET n.platform = row.platform, n.handle = row.handle
}
CALL () {
  UNWIND $payments AS row
  MERGE (n:PaymentTag {key: row.key})
    ON CREATE SET n.scheme = row.scheme, n.value = row.value
  SET n.country = row.country
  FOREACH (code IN CASE WHEN row.country IS NULL THEN [] ELSE [row.country] END |
    MERGE (c:Country {key: code})
    MERGE (n)-[:IN_COUNTRY]->(c)
  )
}
CALL () {
  UNWIND $emails AS row
  MERGE (n:Email {key: row.key})
    ON CREATE SET n.address = row.address
}
CALL () {
  UNWIND $domains AS row
  MERGE (n:Domain {key: row.key})
    ON CREATE SET n.domain = row.domain
}
CALL () {
  UNWIND $links AS row
  MERGE (n:Link {key: row.key})
    ON CREATE SET n.url = row.url
  FOREACH (domain IN CASE WHEN row.domain IS NULL THEN [] ELSE [row.domain] END |
    MERGE (d:Domain {key: domain})
      ON CREATE SET d.domain = substring(domain, size('domain:'))
    MERGE (n)-[:ON_DOMAIN]->(d)
  )
}
