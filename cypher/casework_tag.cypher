// Puts an analyst's tag (a label and a case note) on a node: (:Tag)-[:TAGS]->(node).
// Parameters: $target: the node's key (advert, account, identifier or network); $tag: {key, id, label,
//   note, created_at, created_by (the API key id)}.
// Returns at most one row (none when there is no such node): target, and the tag's properties.
CALL () {
  MATCH (n:Advert {key: $target}) RETURN n
  UNION MATCH (n:Account {key: $target}) RETURN n
  UNION MATCH (n:Phone {key: $target}) RETURN n
  UNION MATCH (n:PaymentTag {key: $target}) RETURN n
  UNION MATCH (n:Email {key: $target}) RETURN n
  UNION MATCH (n:Link {key: $target}) RETURN n
  UNION MATCH (n:Domain {key: $target}) RETURN n
  UNION MATCH (n:Network {key: $target}) RETURN n
}
CREATE (t:Tag)
SET t = $tag
CREATE (t)-[:TAGS]->(n)
RETURN n.key AS target, properties(t) AS tag
