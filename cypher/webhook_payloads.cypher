// What a receiver is told of each claimed delivery: the hit, the advert's place, the quoted spans that
// carry the identifier and the advert's network, read at delivery time (the network may be new since).
// Parameters: $keys: WebhookDelivery keys.
// Returns one row per delivery found: key, identifier, advert, run, created_at, attempts, note (the watch's,
//   null once unwatched), relation (MENTIONS or POSTED), platform, post_id, url, posted_at, spans (flat
//   [start, end, ...]), quotes (the text of each span), network (its id, or null).
UNWIND $keys AS key
MATCH (d:WebhookDelivery {key: key})
OPTIONAL MATCH (w:Watch {key: 'watch:' + d.identifier})
OPTIONAL MATCH (a:Advert {key: d.advert})
CALL (a, d) {
  OPTIONAL MATCH (a)-[m:MENTIONS]->(n) WHERE n.key = d.identifier
  RETURN m LIMIT 1
}
CALL (a) {
  OPTIONAL MATCH (a)-[:IN_NETWORK]->(net:Network)
  RETURN net.id AS network LIMIT 1
}
RETURN d.key AS key, d.identifier AS identifier, d.advert AS advert, d.run AS run, d.created_at AS created_at,
       d.attempts AS attempts, w.note AS note,
       CASE WHEN m IS NULL THEN 'POSTED' ELSE 'MENTIONS' END AS relation,
       a.platform AS platform, a.post_id AS post_id, a.url AS url, a.posted_at AS posted_at,
       coalesce(m.spans, []) AS spans,
       [i IN range(0, size(coalesce(m.spans, [])) - 2, 2) |
        substring(a.text, m.spans[i], m.spans[i + 1] - m.spans[i])] AS quotes,
       network
