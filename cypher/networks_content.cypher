// What the given adverts' texts say, as ingest analysed them, for the content part of a network's score.
// Parameters: $keys: advert keys. Returns one row per advert found: key, score (its smuggling_score, null
// when the advert was stored before texts were analysed), terms, categories, weights (one entry per
// indicator hit, in text order) and templated (true when a SAME_TEMPLATE link that joins ties it to
// another advert).
UNWIND $keys AS key
MATCH (a:Advert {key: key})
RETURN a.key AS key, a.smuggling_score AS score, a.indicator_terms AS terms,
       a.indicator_categories AS categories, a.indicator_weights AS weights,
       EXISTS { (a)-[t:SAME_TEMPLATE]-(:Advert) WHERE t.joins } AS templated
