// The text of the given adverts whose named countries are not cached for their current content.
// Parameters: $keys: advert keys. Returns key, text, content_hash for each advert that needs them.
UNWIND $keys AS key
MATCH (a:Advert {key: key})
WHERE a.named_countries_of IS NULL OR a.named_countries_of <> a.content_hash
RETURN a.key AS key, a.text AS text, a.content_hash AS content_hash
