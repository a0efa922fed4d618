// Creates or updates Network nodes.
// Parameters: $networks: [{key: 'network:<id>', id, properties: {size, advert_count, account_count,
// platforms, countries, first_seen, last_seen, score, score_cross_platform, score_cross_border,
// score_size, score_recency, score_explanation, updated_at}}].
UNWIND $networks AS row
MERGE (n:Network {key: row.key})
SET n += row.properties, n.id = row.id
