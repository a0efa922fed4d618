// Removes what an advert said, before a changed version of it is written again: its MENTIONS, its
// POSTED (from the author) and its IN_COUNTRY. The Advert node itself, its stamps and other relationships
// stay.
// Parameters: $keys: keys of the adverts to clear.
// Returns one row per advert: key, authors and identifiers (element ids of the author Account and of
// each identifier it mentioned), so USES can be recomputed and nodes left with no evidence removed.
UNWIND $keys AS key
MATCH (a:Advert {key: key})
CALL (a) {
  OPTIONAL MATCH (author:Account)-[:POSTED]->(a)
  RETURN collect(DISTINCT elementId(author)) AS authors
}
CALL (a) {
  OPTIONAL MATCH (a)-[:MENTIONS]->(n)
  RETURN collect(DISTINCT elementId(n)) AS identifiers
}
CALL (a) {
  MATCH (a)-[r:MENTIONS|IN_COUNTRY]->()
  DELETE r
}
CALL (a) {
  MATCH (:Account)-[r:POSTED]->(a)
  DELETE r
}
RETURN a.key AS key, authors, identifiers
