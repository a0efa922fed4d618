// The adverts sharing template band tokens (graph/templates.py), looked up in the full-text index
// advert_template_bands instead of scanning adverts: an update's candidates for template links.
// Parameters: $queries: [{key, bands}]: each a name for the look-up (an advert key, or a token) and its
// band tokens, space-separated (an advert matching any of them is found); $limit: most adverts read per
// look-up (the caller asks for one more than it accepts, to know when there were more).
// Returns one row per look-up: key, adverts (keys, at most $limit).
UNWIND $queries AS query
CALL (query) {
  CALL db.index.fulltext.queryNodes('advert_template_bands', query.bands, {limit: $limit}) YIELD node
  RETURN collect(node.key) AS adverts
}
RETURN query.key AS key, adverts
