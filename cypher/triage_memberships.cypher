// Every advert that is in a network, with the network's id and how it joined: through identifiers or only
// through template links (a membership written before template links existed has no via: identifier).
// For bench/network_triage.py, which compares the networks with a synthetic corpus's truth.
// Parameters: none.
// Returns: advert (key), network (id), via ("identifier" or "template").
MATCH (a:Advert)-[r:IN_NETWORK]->(n:Network)
RETURN a.key AS advert, n.id AS network, coalesce(r.via, 'identifier') AS via
