// Adverts whose text matches a full-text query (the `advert_text` index; Lucene syntax: words, "a phrase",
// AND / OR / NOT, wildcards), best match first.
// Parameters: $query: the search text; $skip: matches to pass over; $limit: matches to return.
// Returns one row: total (all matches), hits: [{advert (key), score}].
CALL () {
  CALL db.index.fulltext.queryNodes('advert_text', $query) YIELD node
  RETURN count(node) AS total
}
CALL () {
  CALL db.index.fulltext.queryNodes('advert_text', $query, {skip: $skip, limit: $limit}) YIELD node, score
  RETURN collect({advert: node.key, score: score}) AS hits
}
RETURN total, hits
