// Why each network is one network: every identifier (hubs left out) that two or more of its adverts carry,
// with each advert that carries it and where: the MENTIONS spans (offsets into the advert's text) and the
// text at each span. An account also carries the adverts it posted (relation POSTED, no span).
// Parameters: $keys: network keys; $limit: most adverts shown per identifier.
// Returns one row per network: key, evidence: [{identifier (key), total (adverts carrying it), carriers:
//   [{advert, relation, spans, quotes}]}], the most shared identifiers first.
UNWIND $keys AS key
MATCH (net:Network {key: key})
CALL (net) {
  MATCH (net)<-[:IN_NETWORK]-(a:Advert)-[m:MENTIONS]->(n)
  WHERE NOT coalesce(n.hub, false)
  RETURN n, a, 'MENTIONS' AS relation, coalesce(m.spans, []) AS spans,
         [i IN range(0, size(coalesce(m.spans, [])) - 2, 2) |
          substring(a.text, m.spans[i], m.spans[i + 1] - m.spans[i])] AS quotes
  UNION ALL
  MATCH (net)<-[:IN_NETWORK]-(a:Advert)<-[:POSTED]-(n:Account)
  WHERE NOT coalesce(n.hub, false)
  RETURN n, a, 'POSTED' AS relation, [] AS spans, [] AS quotes
}
WITH key, n, a, relation, spans, quotes ORDER BY a.posted_at, a.key, relation
WITH key, n, collect({advert: a.key, relation: relation, spans: spans, quotes: quotes}) AS carriers,
     count(DISTINCT a) AS total
WHERE total >= 2
WITH key, n, carriers, total ORDER BY total DESC, n.key
RETURN key, collect({identifier: n.key, total: total, carriers: carriers[..$limit]}) AS evidence
