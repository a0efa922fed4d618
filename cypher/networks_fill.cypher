// Networks stored before a property was kept beside the others get it: platform_count, country_count and
// last_seen_ms (see networks_write). Idempotent; changes only networks that lack one of them, but reads
// every network, so it runs when the API starts (graph.networks.fill_missing), not after every ingest.
// No parameters. Returns filled: how many networks were changed.
MATCH (n:Network)
WHERE n.platform_count IS NULL OR n.country_count IS NULL OR n.last_seen_ms IS NULL
SET n.platform_count = size(coalesce(n.platforms, [])),
    n.country_count = size(coalesce(n.countries, [])),
    n.last_seen_ms = coalesce(n.last_seen.epochMillis, -1)
RETURN count(n) AS filled
