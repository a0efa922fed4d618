// The same as networks_links, for the given adverts only, with the network each advert is in now.
// Parameters: $keys: advert keys. Returns one row per advert found: key, author, identifiers, located,
// posted, region, named, template (see networks_links), network (the key of its Network, or null) and
// template_hub (the reason of a SAME_TEMPLATE link of it that does not join, the last recompute's
// verdict that its template is a hub; null when none).
UNWIND $keys AS key
MATCH (a:Advert {key: key})
OPTIONAL MATCH (author:Account)-[:POSTED]->(a)
RETURN a.key AS key, author.key AS author,
       [(a)-[:MENTIONS]->(n) | n.key] AS identifiers,
       [(a)-[:MENTIONS]->(n:Phone|PaymentTag) WHERE n.country IS NOT NULL | [n.key, n.country]] AS located,
       a.posted_at.epochSeconds AS posted, a.region AS region,
       CASE WHEN a.named_countries_of = a.content_hash THEN a.named_countries END AS named,
       [(a)-[:IN_NETWORK]->(n:Network) | n.key][0] AS network, a.template_signature AS template,
       [(a)-[t:SAME_TEMPLATE]-(:Advert) WHERE NOT t.joins | t.reason][0] AS template_hub
