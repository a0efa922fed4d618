// Moves the analysts' tags off networks that are going away, so that no case note is left detached: to
// the network that now holds most of the old one's adverts (it merged or shrank), or, when none does (it
// came apart), to its old adverts themselves. A moved tag keeps the first network it was put on in
// `moved_from`.
// Parameters: $moves: list of {from: the old Network key, to: the new Network key or null, adverts: the
//   old network's advert keys (used when `to` is null)}.
UNWIND $moves AS move
MATCH (t:Tag)-[old:TAGS]->(:Network {key: move.from})
DELETE old
SET t.moved_from = coalesce(t.moved_from, move.from)
WITH t, move
OPTIONAL MATCH (successor:Network {key: move.to})
FOREACH (n IN CASE WHEN successor IS NULL THEN [] ELSE [successor] END | MERGE (t)-[:TAGS]->(n))
WITH t, move, successor
WHERE successor IS NULL
UNWIND move.adverts AS advert
MATCH (a:Advert {key: advert})
MERGE (t)-[:TAGS]->(a)
