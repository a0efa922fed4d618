// Identifiers that tie adverts together across accounts or platforms: each phone, payment tag, email,
// handle, link or domain mentioned by adverts from at least $min_accounts distinct authors or on at least
// $min_platforms platforms. The first leads for an analyst: open one in Bloom and expand its adverts.
// Parameters: $min_accounts (2), $min_platforms (2), $limit (how many rows, strongest first).
// Returns: key, kind (node label), adverts, accounts (author keys), platforms, countries (the identifier's
// own country, if any, and the regions of the adverts), first_seen, last_seen.
CALL () {
  MATCH (n:Phone) RETURN n
  UNION ALL MATCH (n:PaymentTag) RETURN n
  UNION ALL MATCH (n:Email) RETURN n
  UNION ALL MATCH (n:Account) WHERE EXISTS { (n)<-[:MENTIONS]-() } RETURN n
  UNION ALL MATCH (n:Link) RETURN n
  UNION ALL MATCH (n:Domain) RETURN n
}
WITH n WHERE COUNT { (n)<-[:MENTIONS]-() } >= 2
MATCH (n)<-[:MENTIONS]-(a:Advert)
OPTIONAL MATCH (author:Account)-[:POSTED]->(a)
WITH n, count(DISTINCT a) AS adverts, collect(DISTINCT author.key) AS accounts,
     collect(DISTINCT a.platform) AS platforms, collect(DISTINCT a.region) AS regions,
     min(a.posted_at) AS first_seen, max(a.posted_at) AS last_seen
WHERE size(accounts) >= $min_accounts OR size(platforms) >= $min_platforms
WITH n, adverts, accounts, platforms, first_seen, last_seen,
     CASE WHEN n.country IS NULL OR n.country IN regions THEN regions ELSE [n.country] + regions END AS countries
RETURN n.key AS key, labels(n)[0] AS kind, adverts, accounts, platforms, countries, first_seen, last_seen
ORDER BY size(platforms) + size(countries) + size(accounts) DESC, adverts DESC, key
LIMIT $limit
