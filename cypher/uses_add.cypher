// Adds the USES evidence of adverts created in this batch: from each advert's author to each identifier
// it mentions, one more advert, and the seen dates widened to its posted_at.
// Parameters: $adverts: keys of adverts created in this very transaction (never of adverts that existed
// before it). Adding is then exact: the advert and its addition commit together or not at all, and a
// re-run skips the advert, so nothing is counted twice. Changed adverts go through uses_recompute.
UNWIND $adverts AS key
MATCH (acc:Account)-[:POSTED]->(a:Advert {key: key})-[:MENTIONS]->(n)
WHERE acc <> n
MERGE (acc)-[u:USES]->(n)
  ON CREATE SET u.count = 1, u.first_seen = a.posted_at, u.last_seen = a.posted_at
  ON MATCH SET u.count = u.count + 1,
    u.first_seen = CASE WHEN a.posted_at < u.first_seen THEN a.posted_at ELSE u.first_seen END,
    u.last_seen = CASE WHEN a.posted_at > u.last_seen THEN a.posted_at ELSE u.last_seen END
