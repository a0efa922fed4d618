// Which of these networks carry an analyst's tag.
// Parameters: $keys: Network keys.
UNWIND $keys AS key
MATCH (:Tag)-[:TAGS]->(n:Network {key: key})
RETURN DISTINCT n.key AS key
