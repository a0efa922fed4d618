// The adverts of each network that joined it one way: by identifiers (or an author), or only by template.
// Parameters: $keys: network keys; $via: "identifier" or "template" (a membership written before template
// links existed has no via and counts as "identifier"); $limit: most adverts per network.
// Returns one row per network: key, adverts (advert keys, newest first).
UNWIND $keys AS key
MATCH (net:Network {key: key})
CALL (net) {
  OPTIONAL MATCH (a:Advert)-[r:IN_NETWORK]->(net)
  WHERE coalesce(r.via, 'identifier') = $via
  WITH a ORDER BY a.posted_at DESC, a.key
  RETURN collect(a.key)[..$limit] AS adverts
}
RETURN key, adverts
