// Bloom search phrase "Cross-border networks in $country": the best-scored networks with adverts posted
// for two countries or more, one of them $country, drawn with their adverts and the adverts' countries.
// Parameters: $country: an ISO 3166 alpha-2 code (GB, FR, IQ ...), in either case.
// Returns one row per advert of the 25 best-scored such networks: network, membership, advert,
//   in_country, country.
MATCH (network:Network)
WHERE network.country_count >= 2 AND toUpper($country) IN network.countries
WITH network ORDER BY network.score DESC, network.key LIMIT 25
MATCH (advert:Advert)-[membership:IN_NETWORK]->(network)
OPTIONAL MATCH (advert)-[in_country:IN_COUNTRY]->(country:Country)
RETURN network, membership, advert, in_country, country
