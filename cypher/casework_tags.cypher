// The analysts' tags on each node, newest first.
// Parameters: $keys: node keys.
// Returns one row per tagged node: key, tags: [{id, label, note, created_at, created_by}].
UNWIND $keys AS key
MATCH (t:Tag)-[:TAGS]->(n)
WHERE n.key = key
  AND (n:Advert OR n:Account OR n:Phone OR n:PaymentTag OR n:Email OR n:Link OR n:Domain OR n:Network)
WITH key, t ORDER BY t.created_at DESC, t.id
RETURN key, collect(properties(t)) AS tags
