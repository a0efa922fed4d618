// Which of the given network ids are already used by a Network.
// Parameters: $ids: network ids. Returns one row per id in use: id.
UNWIND $ids AS id
MATCH (n:Network {id: id})
RETURN n.id AS id
