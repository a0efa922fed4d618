// Every network's score and the four shape parts the score was made of before it read content, for
// bench/network_triage.py (ranking by shape alone is the "before" of that benchmark).
// Parameters: none.
// Returns: id, score, cross_platform, cross_border, size, recency (missing parts as 0.0), adverts.
MATCH (n:Network)
RETURN n.id AS id, coalesce(n.score, 0.0) AS score,
       coalesce(n.score_cross_platform, 0.0) AS cross_platform, coalesce(n.score_cross_border, 0.0) AS cross_border,
       coalesce(n.score_size, 0.0) AS size, coalesce(n.score_recency, 0.0) AS recency,
       n.advert_count AS adverts
