// How many of each network's adverts were posted on each day (UTC), for a timeline.
// Parameters: $keys: network keys.
// Returns one row per network: key, days: [{day (date), adverts}], oldest first.
UNWIND $keys AS key
MATCH (net:Network {key: key})<-[:IN_NETWORK]-(a:Advert)
WHERE a.posted_at IS NOT NULL
WITH key, date(a.posted_at) AS day, count(*) AS adverts ORDER BY day
RETURN key, collect({day: day, adverts: adverts}) AS days
