// How many adverts a set of runs wrote (see networks_pending_adverts), to choose update or rebuild.
// Parameters: $runs (list of run keys).
MATCH (a:Advert)
WHERE a.last_run IN $runs
RETURN count(a) AS adverts
