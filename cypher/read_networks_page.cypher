// One page of networks matching the analyst's filter, ranked, with how many match in all.
// Parameters:
//   $only: network keys to keep (those holding an identifier asked about), or null for all;
//   $min_platforms, $min_countries, $min_size: integers (0 for no minimum);
//   $platforms, $countries: lists; a network must be on every platform and in every country listed;
//   $seen_since, $seen_before: datetimes or null (last advert on or after / first advert before);
//   $order: 'SCORE', 'SIZE' or 'LAST_SEEN' (descending; ties by key);
//   $after_value, $after_key: the cursor (the last row's sort value and key), or nulls for the first page;
//   $first: page size. One more row than asked is returned, to tell whether a next page exists.
// Returns one row: total (networks matching), page: [{network (all properties), sort_value}].
MATCH (n:Network)
WHERE ($only IS NULL OR n.key IN $only)
  AND coalesce(n.platform_count, size(coalesce(n.platforms, []))) >= $min_platforms
  AND coalesce(n.country_count, size(coalesce(n.countries, []))) >= $min_countries
  AND coalesce(n.size, 0) >= $min_size
  AND all(p IN $platforms WHERE p IN coalesce(n.platforms, []))
  AND all(c IN $countries WHERE c IN coalesce(n.countries, []))
  AND ($seen_since IS NULL OR n.last_seen >= $seen_since)
  AND ($seen_before IS NULL OR n.first_seen < $seen_before)
WITH n,
     CASE $order
       WHEN 'SIZE' THEN toFloat(coalesce(n.size, 0))
       WHEN 'LAST_SEEN' THEN toFloat(coalesce(n.last_seen.epochMillis, -1))
       ELSE toFloat(coalesce(n.score, -1))
     END AS sort_value
ORDER BY sort_value DESC, n.key
WITH collect({n: n, sort_value: sort_value}) AS rows
WITH size(rows) AS total,
     [r IN rows WHERE $after_key IS NULL OR r.sort_value < $after_value
        OR (r.sort_value = $after_value AND r.n.key > $after_key)][..$first + 1] AS page
// Dates go out as epoch milliseconds: the driver turns a datetime into Python far more slowly.
UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS r
WITH total, r.n AS n, r.sort_value AS sort_value
RETURN total, collect(CASE WHEN n IS NULL THEN null ELSE {
  network: n {.*, first_seen: n.first_seen.epochMillis, last_seen: n.last_seen.epochMillis,
              updated_at: n.updated_at.epochMillis},
  sort_value: sort_value} END) AS page
