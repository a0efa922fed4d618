// The near-duplicates of each advert: its SAME_TEMPLATE links, either direction, most similar first.
// Parameters: $keys: advert keys; $limit: most links per advert.
// Returns one row per advert found: key, links: [{other (advert key), similarity, joins, reason}].
UNWIND $keys AS key
MATCH (a:Advert {key: key})
CALL (a) {
  OPTIONAL MATCH (a)-[t:SAME_TEMPLATE]-(other:Advert)
  WITH other, t ORDER BY t.similarity DESC, other.key
  RETURN collect(CASE WHEN other IS NULL THEN null ELSE
    {other: other.key, similarity: t.similarity, joins: t.joins, reason: t.reason} END)[..$limit] AS links
}
RETURN a.key AS key, links
