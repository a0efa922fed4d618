// Creates or updates Network nodes.
// Parameters: $networks: [{key: 'network:<id>', id, properties: {size, advert_count, account_count,
// platforms, countries, first_seen, last_seen, score, score_cross_platform, score_cross_border,
// score_size, score_recency, score_explanation, updated_at}}].
// platform_count and country_count are kept beside the lists so the API filters on numbers, not lists.
UNWIND $networks AS row
MERGE (n:Network {key: row.key})
SET n += row.properties, n.id = row.id,
    n.platform_count = size(coalesce(row.properties.platforms, [])),
    n.country_count = size(coalesce(row.properties.countries, []))
