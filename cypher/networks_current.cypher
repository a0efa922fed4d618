// The networks in the graph now, with their members.
// Parameters: $keys: Network keys to read, or null for every network.
// Returns one row per network: key, id, members (keys of the Adverts and Accounts IN_NETWORK).
MATCH (n:Network)
WHERE $keys IS NULL OR n.key IN $keys
RETURN n.key AS key, n.id AS id, [(m)-[:IN_NETWORK]->(n) | m.key] AS members
