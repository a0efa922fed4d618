// Creates or updates Network nodes.
// Parameters: $networks: [{key: 'network:<id>', id, properties: {size, advert_count, account_count,
// platforms, countries, first_seen, last_seen, score, score_shape, score_cross_platform,
// score_cross_border, score_size, score_recency, score_content, score_template, score_benign,
// score_explanation, template_adverts, smuggling_adverts, benign_adverts, indicator_categories,
// updated_at, profile_hash}}].
// Kept beside the properties, for the API's page of networks (networks_fill writes the same for networks
// stored before): platform_count and country_count, so it filters on numbers, not lists; last_seen_ms
// (epoch milliseconds, -1 when no advert is dated), and score_content (0.0 when not given), so every order
// it offers is an indexed number that is never null and can be read in index order.
UNWIND $networks AS row
MERGE (n:Network {key: row.key})
SET n += row.properties, n.id = row.id,
    n.platform_count = size(coalesce(row.properties.platforms, [])),
    n.country_count = size(coalesce(row.properties.countries, [])),
    n.last_seen_ms = coalesce(row.properties.last_seen.epochMillis, -1),
    n.score_content = coalesce(row.properties.score_content, 0.0)
