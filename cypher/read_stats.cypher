// What the graph holds, for the API's `stats`: counts of adverts, accounts, identifiers by kind and
// networks, how many networks span several platforms or countries, the hubs, the last ingest run, and how
// many runs ended interrupted (stopped, or found with a stale heartbeat: graph/runs.py).
// No parameters. Returns one row.
CALL () { MATCH (n:Advert) RETURN count(n) AS adverts }
CALL () { MATCH (n:Account) RETURN count(n) AS accounts }
CALL () { MATCH (n:Phone) RETURN count(n) AS phones }
CALL () { MATCH (n:PaymentTag) RETURN count(n) AS payment_tags }
CALL () { MATCH (n:Email) RETURN count(n) AS emails }
CALL () { MATCH (n:Link) RETURN count(n) AS links }
CALL () { MATCH (n:Domain) RETURN count(n) AS domains }
CALL () {
  MATCH (n:Network)
  RETURN count(n) AS networks,
         count(CASE WHEN size(coalesce(n.platforms, [])) >= 2 THEN 1 END) AS cross_platform_networks,
         count(CASE WHEN size(coalesce(n.countries, [])) >= 2 THEN 1 END) AS cross_border_networks,
         max(n.updated_at) AS networks_updated_at
}
CALL () {
  MATCH (a:Advert)
  WITH a.platform AS platform, count(*) AS adverts ORDER BY adverts DESC, platform
  RETURN collect({name: platform, adverts: adverts}) AS platforms
}
CALL () {
  MATCH (:Advert)-[:IN_COUNTRY]->(c:Country)
  WITH c.key AS country, count(*) AS adverts ORDER BY adverts DESC, country
  RETURN collect({name: country, adverts: adverts}) AS countries
}
CALL () {
  OPTIONAL MATCH (r:IngestRun)
  WITH r ORDER BY r.started_at DESC LIMIT 1
  RETURN r.key AS last_run, r.status AS last_run_status, r.started_at AS last_run_started_at,
         r.finished_at AS last_run_finished_at, r.heartbeat_at AS last_run_heartbeat_at
}
CALL () { MATCH (r:IngestRun) WHERE r.status = 'interrupted' RETURN count(r) AS interrupted_runs }
RETURN adverts, accounts, phones, payment_tags, emails, links, domains, networks, cross_platform_networks,
       cross_border_networks, networks_updated_at, platforms, countries, last_run, last_run_status,
       last_run_started_at, last_run_finished_at, last_run_heartbeat_at, interrupted_runs
