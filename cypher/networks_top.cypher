// The best-scoring networks, for a first look in Browser or Bloom.
// Parameters: $first: how many.
// Returns: id, score, adverts, accounts, platforms, countries, explanation.
MATCH (n:Network)
RETURN n.id AS id, n.score AS score, n.advert_count AS adverts, n.account_count AS accounts,
       n.platforms AS platforms, n.countries AS countries, n.score_explanation AS explanation
ORDER BY n.score DESC, n.key
LIMIT $first
