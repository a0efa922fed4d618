// Recomputes (:Account)-[:USES]->(identifier) for the pairs a batch touched, from the evidence itself:
// count = how many of the account's adverts mention the identifier, first_seen / last_seen = the earliest
// and latest posted_at of those adverts. A pair with no such advert left loses its USES. Nothing is
// incremented, so writing the same adverts again gives the same USES.
// Parameters:
//   $adverts: keys of the adverts written in this batch (their author and each identifier they mention);
//   $pairs: [{account, identifier}] element ids of pairs that lost evidence when adverts were cleared.
// Returns: pairs (how many pairs were recomputed).
CALL () {
  UNWIND $adverts AS key
  MATCH (acc:Account)-[:POSTED]->(:Advert {key: key})-[:MENTIONS]->(n)
  RETURN acc, n
  UNION
  UNWIND $pairs AS pair
  MATCH (acc:Account) WHERE elementId(acc) = pair.account
  MATCH (n) WHERE elementId(n) = pair.identifier
  RETURN acc, n
}
WITH DISTINCT acc, n
WHERE acc <> n
OPTIONAL MATCH (acc)-[:POSTED]->(a:Advert)-[:MENTIONS]->(n)
WITH acc, n, count(DISTINCT a) AS adverts, min(a.posted_at) AS first_seen, max(a.posted_at) AS last_seen
FOREACH (_ IN CASE WHEN adverts > 0 THEN [1] ELSE [] END |
  MERGE (acc)-[u:USES]->(n)
  SET u.count = adverts, u.first_seen = first_seen, u.last_seen = last_seen
)
WITH acc, n, adverts
CALL (acc, n, adverts) {
  OPTIONAL MATCH (acc)-[u:USES]->(n)
  WITH u WHERE adverts = 0 AND u IS NOT NULL
  DELETE u
}
RETURN count(*) AS pairs
