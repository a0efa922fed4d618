// Writes template links: removes the stale SAME_TEMPLATE links and creates or updates the current ones,
// each from the advert with the smaller key to the larger (graph/networks/templates.py).
// Parameters: $gone: [{small, large}] links to remove; $links: [{small, large, similarity, joins,
// reason}] links to create or update.
CALL () {
  UNWIND $gone AS row
  MATCH (:Advert {key: row.small})-[t:SAME_TEMPLATE]->(:Advert {key: row.large})
  DELETE t
}
UNWIND $links AS row
MATCH (a:Advert {key: row.small}), (b:Advert {key: row.large})
MERGE (a)-[t:SAME_TEMPLATE]->(b)
SET t.similarity = row.similarity, t.joins = row.joins, t.reason = row.reason
