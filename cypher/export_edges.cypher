// The relationships among the nodes of an export, of the exported types: POSTED, MENTIONS (with the
// evidence: spans into the advert's text and each occurrence as written), IN_COUNTRY, ON_DOMAIN and
// SAME_TEMPLATE. USES is left out: it is derived from POSTED and MENTIONS.
// Parameters: $keys: the keys of every node of the export.
// Returns one row per relationship: source, target (node keys), type, properties ({count, spans, values}
//   of a MENTIONS, {similarity, joins, reason} of a SAME_TEMPLATE, else nulls).
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Advert {key: key}) RETURN n
  UNION MATCH (n:Account {key: key}) RETURN n
  UNION MATCH (n:Phone {key: key}) RETURN n
  UNION MATCH (n:PaymentTag {key: key}) RETURN n
  UNION MATCH (n:Link {key: key}) RETURN n
}
MATCH (n)-[r:POSTED|MENTIONS|IN_COUNTRY|ON_DOMAIN|SAME_TEMPLATE]->(m)
WHERE m.key IN $keys
RETURN n.key AS source, m.key AS target, type(r) AS type,
       r {.count, .spans, .values, .similarity, .joins, .reason} AS properties
ORDER BY source, type, target
