// The SAME_TEMPLATE links in the graph now: every one, or those touching the given adverts.
// Parameters: $keys: advert keys, or null for every link.
// Returns one row per link: small, large (advert keys, the link goes from small to large), similarity,
// joins, reason.
CALL () {
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (a:Advert)-[t:SAME_TEMPLATE]->(b:Advert)
  RETURN a, t, b
  UNION
  UNWIND coalesce($keys, []) AS key
  MATCH (:Advert {key: key})-[t:SAME_TEMPLATE]-(:Advert)
  WITH DISTINCT t
  MATCH (a:Advert)-[t]->(b:Advert)
  RETURN a, t, b
}
RETURN a.key AS small, b.key AS large, t.similarity AS similarity, t.joins AS joins, t.reason AS reason
