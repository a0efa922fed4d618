// Caches on each advert the countries its text names (named_countries), with the content_hash they were
// read from (named_countries_of): an edited advert gets a new hash, so the cache is read again.
// Parameters: $rows: [{key, named: [ISO codes], content_hash}].
UNWIND $rows AS row
MATCH (a:Advert {key: row.key})
SET a.named_countries = row.named, a.named_countries_of = row.content_hash
