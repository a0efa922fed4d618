// Bloom scene action "Show the evidence": for each selected link, the advert text it was read from.
// A MENTIONS link is its own evidence; a USES link (an account to an identifier) is shown through the
// account's adverts that mention the identifier. Each row carries the spans of the identifier in the
// advert's text as written (quotes) and the values found (values); Bloom draws the advert, whose `text`
// the inspector shows.
// Parameters: $relationships: element ids of the selected relationships (Bloom passes them).
// Returns one row per advert and identifier: author, posted, advert, mention, identifier, quotes, values.
MATCH (advert:Advert)-[mention:MENTIONS]->(identifier)
WHERE elementId(mention) IN $relationships
OPTIONAL MATCH (author:Account)-[posted:POSTED]->(advert)
RETURN author, posted, advert, mention, identifier,
       [i IN range(0, size(mention.spans) - 2, 2) |
        substring(advert.text, mention.spans[i], mention.spans[i + 1] - mention.spans[i])] AS quotes,
       mention.values AS values
UNION
MATCH (author:Account)-[uses:USES]->(identifier)
WHERE elementId(uses) IN $relationships
MATCH (author)-[posted:POSTED]->(advert:Advert)-[mention:MENTIONS]->(identifier)
RETURN author, posted, advert, mention, identifier,
       [i IN range(0, size(mention.spans) - 2, 2) |
        substring(advert.text, mention.spans[i], mention.spans[i + 1] - mention.spans[i])] AS quotes,
       mention.values AS values
