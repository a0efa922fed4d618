// Adverts with what may tie them to others, one page of keys at a time, for a full recompute of networks.
// Parameters: $after, $before: the page holds advert keys > $after and < $before (ordered by the key
// index), $size: at most this many adverts.
// Returns one row: adverts, a list with one [key, author, identifiers, located, posted, region, named] per
// advert, in key order: author is the Account key that POSTED it (or null), identifiers the keys of
// everything it MENTIONS, located [key, country] of the phones and IBANs it mentions that have a country,
// posted its posted_at in epoch seconds, named the countries its text names as cached by an earlier
// recompute (null when not cached for this content), template its template_signature (MinHash values,
// null for a text too short to have one). One row of lists instead of a row per advert because the
// driver's cost is per row.
MATCH (a:Advert)
WHERE a.key > $after AND a.key < $before
WITH a ORDER BY a.key LIMIT $size
OPTIONAL MATCH (author:Account)-[:POSTED]->(a)
RETURN collect([a.key, author.key, [(a)-[:MENTIONS]->(n) | n.key],
        [(a)-[:MENTIONS]->(n:Phone|PaymentTag) WHERE n.country IS NOT NULL | [n.key, n.country]],
        a.posted_at.epochSeconds, a.region,
        CASE WHEN a.named_countries_of = a.content_hash THEN a.named_countries END,
        a.template_signature]) AS adverts
