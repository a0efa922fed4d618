// The networks in the graph now, with their members.
// Parameters: $keys: Network keys to read, or null for every network.
// Returns one row per network: key, id, members (keys of the Adverts and Accounts IN_NETWORK), template
// (those of the members that are in it only through template links: IN_NETWORK {via: "template"}),
// profile_hash (a hash of the properties last written, so that a network whose properties did not change
// is not rewritten).
MATCH (n:Network)
WHERE $keys IS NULL OR n.key IN $keys
RETURN n.key AS key, n.id AS id, [(m)-[:IN_NETWORK]->(n) | m.key] AS members,
       [(m)-[r:IN_NETWORK]->(n) WHERE r.via = 'template' | m.key] AS template, n.profile_hash AS profile_hash
