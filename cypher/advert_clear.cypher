// Removes what an advert said, before a changed version of it is written again: its MENTIONS, its
// POSTED (from the author), its IN_COUNTRY, and its context, IN_CHAT and FORWARDED_FROM. The Advert node
// itself, its stamps and other relationships stay.
// Parameters: $keys: keys of the adverts to clear.
// Returns one row per advert: key, authors and identifiers (element ids of the author Account and of
// each identifier it mentioned), so USES can be recomputed, and contexts (element ids of its chat's and
// forward's Accounts), so that these too are removed when nothing else refers to them.
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
  OPTIONAL MATCH (a)-[:IN_CHAT|FORWARDED_FROM]->(context:Account)
  RETURN collect(DISTINCT elementId(context)) AS contexts
}
CALL (a) {
  MATCH (a)-[r:MENTIONS|IN_COUNTRY|IN_CHAT|FORWARDED_FROM]->()
  DELETE r
}
CALL (a) {
  MATCH (:Account)-[r:POSTED]->(a)
  DELETE r
}
RETURN a.key AS key, authors, identifiers, contexts
