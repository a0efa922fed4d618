// One page of networks matching the analyst's filter, ranked, with how many match in all.
// Slot: {{order}} is the property ranked on, highest first: score, score_content, size or last_seen_ms. All are
// indexed numbers that every network has (see networks_write), so Neo4j reads the page in index order and
// stops once it has enough rows, rather than sorting every network (a rare filter reads further down the
// index, at most all of it). The total is counted from the
// network_filter_counts index, without reading each network. Both are hinted: without the hints the
// planner sorts every network, several times slower on a large graph.
// The indexes are in networks_schema, which the API applies at start-up, as networks rebuild and update do.
// Parameters:
//   $only: network keys to keep (those holding an identifier asked about), or null for all;
//   $min_platforms, $min_countries, $min_size: integers (0 for no minimum);
//   $platforms, $countries: lists; a network must be on every platform and in every country listed;
//   $seen_since, $seen_before: datetimes or null (last advert on or after / first advert before);
//   $min_content: the least content part of the score (0.0 for none); $max_benign: the most benign part,
//   or null; $by_template: true for networks with adverts joined only by template, false for those
//   without, null for both; $categories: smuggling categories its adverts must all hit between them;
//   $after_value, $after_key: the cursor (the last row's sort value and key), or nulls for the first page;
//   $first: page size. One more row than asked is returned, to tell whether a next page exists.
// Ties are ordered by key. Returns one row: total (networks matching), page: [{network (all properties),
// sort_value}].
CALL () {
  MATCH (n:Network) USING INDEX n:Network(platform_count, country_count, size)
  WHERE ($only IS NULL OR n.key IN $only)
    AND n.platform_count >= $min_platforms
    AND n.country_count >= $min_countries
    AND n.size >= $min_size
    AND all(p IN $platforms WHERE p IN n.platforms)
    AND all(c IN $countries WHERE c IN n.countries)
    AND ($seen_since IS NULL OR n.last_seen >= $seen_since)
    AND ($seen_before IS NULL OR n.first_seen < $seen_before)
    AND coalesce(n.score_content, 0.0) >= $min_content
    AND ($max_benign IS NULL OR coalesce(n.score_benign, 0.0) <= $max_benign)
    AND ($by_template IS NULL OR (coalesce(n.template_adverts, 0) > 0) = $by_template)
    AND all(c IN $categories WHERE c IN coalesce(n.indicator_categories, []))
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Network) USING INDEX n:Network({{order}})
  WHERE n.{{order}} IS NOT NULL
    AND ($only IS NULL OR n.key IN $only)
    AND n.platform_count >= $min_platforms
    AND n.country_count >= $min_countries
    AND n.size >= $min_size
    AND all(p IN $platforms WHERE p IN n.platforms)
    AND all(c IN $countries WHERE c IN n.countries)
    AND ($seen_since IS NULL OR n.last_seen >= $seen_since)
    AND ($seen_before IS NULL OR n.first_seen < $seen_before)
    AND coalesce(n.score_content, 0.0) >= $min_content
    AND ($max_benign IS NULL OR coalesce(n.score_benign, 0.0) <= $max_benign)
    AND ($by_template IS NULL OR (coalesce(n.template_adverts, 0) > 0) = $by_template)
    AND all(c IN $categories WHERE c IN coalesce(n.indicator_categories, []))
    AND ($after_key IS NULL OR n.{{order}} < $after_value
         OR (n.{{order}} = $after_value AND n.key > $after_key))
  WITH n ORDER BY n.{{order}} DESC, n.key LIMIT $first + 1
  // Dates go out as epoch milliseconds: the driver turns a datetime into Python far more slowly.
  RETURN collect({
    network: n {.*, first_seen: n.first_seen.epochMillis, last_seen: n.last_seen.epochMillis,
                updated_at: n.updated_at.epochMillis},
    sort_value: toFloat(n.{{order}})}) AS page
}
RETURN total, page
