// Networks stored before a property was kept beside the others get it: platform_count, country_count and
// last_seen_ms (see networks_write), and score_content 0.0 (networks scored before adverts' texts were
// analysed have no content part until `crosslink networks rebuild`; with it they are listed in order of
// content too). Idempotent; changes only networks that lack one of them, but reads every network, so it
// runs when the API starts (graph.networks.fill_missing), not after every ingest.
// No parameters. Returns filled: how many networks were changed.
MATCH (n:Network)
WHERE n.platform_count IS NULL OR n.country_count IS NULL OR n.last_seen_ms IS NULL
   OR n.score_content IS NULL
SET n.platform_count = size(coalesce(n.platforms, [])),
    n.country_count = size(coalesce(n.countries, [])),
    n.last_seen_ms = coalesce(n.last_seen.epochMillis, -1),
    n.score_content = coalesce(n.score_content, 0.0)
RETURN count(n) AS filled
