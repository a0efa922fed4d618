// The content hash of each advert that is already in the graph, so unchanged adverts can be skipped.
// Parameters: $keys: advert keys (`advert:<platform>:<post_id>`).
// Returns one row per advert found: key, content_hash. Keys not returned are new.
UNWIND $keys AS key
MATCH (a:Advert {key: key})
RETURN a.key AS key, a.content_hash AS content_hash
