// Deletes networks that no longer exist, with their IN_NETWORK relationships.
// Parameters: $keys: Network keys.
UNWIND $keys AS key
MATCH (n:Network {key: key})
DETACH DELETE n
