// The adverts a set of runs wrote (created or changed): each write stamps last_run, so an advert a later
// run wrote again belongs to that run. Served by the advert_last_run index.
// Parameters: $runs (list of run keys).
MATCH (a:Advert)
WHERE a.last_run IN $runs
RETURN a.key AS key
