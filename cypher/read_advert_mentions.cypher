// What each advert mentions, with the evidence: where in its text each identifier is written.
// Parameters: $keys: advert keys.
// Returns one row per advert: advert (key), author (the posting account's key or null), mentions: a list of
//   {key, count, spans: [start, end, ...] offsets into the text, quotes: the text at each span}, in the
//   order the identifiers first appear.
UNWIND $keys AS key
MATCH (a:Advert {key: key})
OPTIONAL CALL (a) {
  MATCH (author:Account)-[:POSTED]->(a)
  RETURN author.key AS author LIMIT 1
}
OPTIONAL CALL (a) {
  MATCH (a)-[m:MENTIONS]->(n)
  WITH n, m ORDER BY coalesce(m.spans[0], 0), n.key
  RETURN collect({
    key: n.key,
    count: m.count,
    spans: coalesce(m.spans, []),
    quotes: [i IN range(0, size(coalesce(m.spans, [])) - 2, 2) |
             substring(a.text, m.spans[i], m.spans[i + 1] - m.spans[i])]
  }) AS mentions
}
RETURN a.key AS advert, author, coalesce(mentions, []) AS mentions
