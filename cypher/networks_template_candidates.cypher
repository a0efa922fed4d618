// The adverts sharing each template band token (graph/templates.py), looked up in the full-text index
// advert_template_bands instead of scanning adverts: an update's candidates for template links.
// Parameters: $tokens: band tokens (one word each); $limit: most adverts read per token (a token shared by
// more is boilerplate and gives no candidates, so the caller asks for one more than it accepts).
// Returns one row per token: token, adverts (keys, at most $limit).
UNWIND $tokens AS token
CALL (token) {
  CALL db.index.fulltext.queryNodes('advert_template_bands', token, {limit: $limit}) YIELD node
  RETURN collect(node.key) AS adverts
}
RETURN token, adverts
