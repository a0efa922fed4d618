// Writes the identifiers adverts mention, one node per key, and the MENTIONS evidence from each advert.
// Parameters, one list per kind, each row {advert: advert key, key: identifier key, mention: {count, spans,
// values, rules, first_seen, last_seen}} plus the node's own properties:
//   $phones {e164, country}      -> (:Phone)-[:IN_COUNTRY]->(:Country)
//   $handles {platform, handle}  -> (:Account), the same label as advert authors
//   $payments {scheme, value, country} -> (:PaymentTag), an IBAN also -[:IN_COUNTRY]->(:Country)
//   $emails {address}            -> (:Email)
//   $domains {domain}            -> (:Domain)
//   $links {url, domain}         -> (:Link)-[:ON_DOMAIN]->(:Domain) when the link has a domain of its own
// The adverts must exist (advert_write runs first). MENTIONS properties are replaced, never added to.
CALL () {
  UNWIND $phones AS row
  MATCH (a:Advert {key: row.advert})
  MERGE (n:Phone {key: row.key})
    ON CREATE SET n.e164 = row.e164
  SET n.country = row.country
  MERGE (a)-[m:MENTIONS]->(n)
  SET m = row.mention
  FOREACH (code IN CASE WHEN row.country IS NULL THEN [] ELSE [row.country] END |
    MERGE (c:Country {key: code})
    MERGE (n)-[:IN_COUNTRY]->(c)
  )
}
CALL () {
  UNWIND $handles AS row
  MATCH (a:Advert {key: row.advert})
  MERGE (n:Account {key: row.key})
    ON CREATE SET n.platform = row.platform, n.handle = row.handle
  MERGE (a)-[m:MENTIONS]->(n)
  SET m = row.mention
}
CALL () {
  UNWIND $payments AS row
  MATCH (a:Advert {key: row.advert})
  MERGE (n:PaymentTag {key: row.key})
    ON CREATE SET n.scheme = row.scheme, n.value = row.value
  SET n.country = row.country
  MERGE (a)-[m:MENTIONS]->(n)
  SET m = row.mention
  FOREACH (code IN CASE WHEN row.country IS NULL THEN [] ELSE [row.country] END |
    MERGE (c:Country {key: code})
    MERGE (n)-[:IN_COUNTRY]->(c)
  )
}
CALL () {
  UNWIND $emails AS row
  MATCH (a:Advert {key: row.advert})
  MERGE (n:Email {key: row.key})
    ON CREATE SET n.address = row.address
  MERGE (a)-[m:MENTIONS]->(n)
  SET m = row.mention
}
CALL () {
  UNWIND $domains AS row
  MATCH (a:Advert {key: row.advert})
  MERGE (n:Domain {key: row.key})
    ON CREATE SET n.domain = row.domain
  MERGE (a)-[m:MENTIONS]->(n)
  SET m = row.mention
}
CALL () {
  UNWIND $links AS row
  MATCH (a:Advert {key: row.advert})
  MERGE (n:Link {key: row.key})
    ON CREATE SET n.url = row.url
  MERGE (a)-[m:MENTIONS]->(n)
  SET m = row.mention
  FOREACH (domain IN CASE WHEN row.domain IS NULL THEN [] ELSE [row.domain] END |
    MERGE (d:Domain {key: domain})
      ON CREATE SET d.domain = substring(domain, size('domain:'))
    MERGE (n)-[:ON_DOMAIN]->(d)
  )
}
