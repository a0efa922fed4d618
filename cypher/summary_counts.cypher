// What the graph holds: how many adverts, accounts and identifiers of each kind, adverts by platform and
// by country, the last ingest run, and the runs that ended interrupted (stopped, or found stale: graph/runs.py).
// Parameters: $interrupted (how many interrupted runs to list, newest first). Returns one row: adverts,
// authors (accounts that posted), accounts (all Account nodes: authors, accounts named in adverts, and
// the chats adverts were posted in or forwarded from),
// phones, payment_tags, emails, links, domains, countries, platforms [{platform, adverts}],
// advert_countries [{country, adverts}], last_run {key, status, ...}, interrupted_runs (how many in all),
// interrupted [{key, source, started_at, finished_at, batches, created, updated, unchanged, error, stale_at}].
CALL () { MATCH (n:Advert) RETURN count(n) AS adverts }
CALL () { MATCH (n:Account) RETURN count(n) AS accounts }
CALL () { MATCH (n:Account) WHERE EXISTS { (n)-[:POSTED]->(:Advert) } RETURN count(n) AS authors }
CALL () { MATCH (n:Phone) RETURN count(n) AS phones }
CALL () { MATCH (n:PaymentTag) RETURN count(n) AS payment_tags }
CALL () { MATCH (n:Email) RETURN count(n) AS emails }
CALL () { MATCH (n:Link) RETURN count(n) AS links }
CALL () { MATCH (n:Domain) RETURN count(n) AS domains }
CALL () { MATCH (n:Country) RETURN count(n) AS countries }
CALL () {
  MATCH (a:Advert)
  WITH a.platform AS platform, count(*) AS adverts ORDER BY adverts DESC, platform
  RETURN collect({platform: platform, adverts: adverts}) AS platforms
}
CALL () {
  MATCH (:Advert)-[:IN_COUNTRY]->(c:Country)
  WITH c.key AS country, count(*) AS adverts ORDER BY adverts DESC, country
  RETURN collect({country: country, adverts: adverts}) AS advert_countries
}
CALL () {
  OPTIONAL MATCH (r:IngestRun)
  WITH r ORDER BY r.started_at DESC LIMIT 1
  RETURN CASE WHEN r IS NULL THEN null ELSE r {.key, .source, .status, .started_at, .finished_at, .read,
    .accepted, .rejected, .created, .updated, .unchanged, .heartbeat_at, .error} END AS last_run
}
CALL () {
  MATCH (r:IngestRun) WHERE r.status = 'interrupted'
  WITH r ORDER BY r.started_at DESC
  RETURN count(r) AS interrupted_runs,
         collect(r {.key, .source, .started_at, .finished_at, .batches, .created, .updated, .unchanged, .error,
           .stale_at})[..$interrupted] AS interrupted
}
RETURN adverts, authors, accounts, phones, payment_tags, emails, links, domains, countries, platforms,
       advert_countries, last_run, interrupted_runs, interrupted
