// The shortest connection between two nodes (identifiers, accounts or adverts) through the evidence:
// adverts and what they mention or who posted them. Hubs are not crossed (either end may be one).
// SHORTEST with the hub test inside the repeated step keeps hubs out of the search itself: with
// shortestPath() and a test on nodes(p), two nodes with no hub-free path between them sent the search
// through every hub (tens of thousands of adverts each) and ran into the timeout, at 1M adverts.
// Slot: {{max_hops}} is the most relationships on the path, 1 to 6 (a quantifier cannot be a parameter).
// Parameters: $from, $to: node keys.
// Returns at most one row: nodes (keys, in order), hops: [{from, to, relation, advert, spans, quotes}] where
//   advert is the advert of the hop and spans/quotes the MENTIONS evidence (empty for POSTED).
CALL () {
  MATCH (n:Advert {key: $from}) RETURN n AS source
  UNION MATCH (n:Account {key: $from}) RETURN n AS source
  UNION MATCH (n:Phone {key: $from}) RETURN n AS source
  UNION MATCH (n:PaymentTag {key: $from}) RETURN n AS source
  UNION MATCH (n:Email {key: $from}) RETURN n AS source
  UNION MATCH (n:Link {key: $from}) RETURN n AS source
  UNION MATCH (n:Domain {key: $from}) RETURN n AS source
}
CALL () {
  MATCH (n:Advert {key: $to}) RETURN n AS target
  UNION MATCH (n:Account {key: $to}) RETURN n AS target
  UNION MATCH (n:Phone {key: $to}) RETURN n AS target
  UNION MATCH (n:PaymentTag {key: $to}) RETURN n AS target
  UNION MATCH (n:Email {key: $to}) RETURN n AS target
  UNION MATCH (n:Link {key: $to}) RETURN n AS target
  UNION MATCH (n:Domain {key: $to}) RETURN n AS target
}
MATCH p = SHORTEST 1
  (source) (()-[:MENTIONS|POSTED]-(step) WHERE step = target OR NOT coalesce(step.hub, false)){1,{{max_hops}}}
  (target)
RETURN [x IN nodes(p) | x.key] AS nodes,
       [r IN relationships(p) | {
         from: startNode(r).key, to: endNode(r).key, relation: type(r),
         advert: CASE type(r) WHEN 'MENTIONS' THEN startNode(r).key ELSE endNode(r).key END,
         spans: coalesce(r.spans, []),
         quotes: [i IN range(0, size(coalesce(r.spans, [])) - 2, 2) |
                  substring(startNode(r).text, r.spans[i], r.spans[i + 1] - r.spans[i])]
       }] AS hops
