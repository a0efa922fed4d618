// Every relationship between nodes that are not run bookkeeping, by the keys of its ends, with its type
// and properties (bench/graph_fingerprint.py hashes it; a doubled relationship shows as two rows).
// Parameters: $bookkeeping (labels whose nodes' relationships are left out, as in fingerprint_nodes).
MATCH (a)-[r]->(b)
WHERE none(label IN labels(a) WHERE label IN $bookkeeping)
  AND none(label IN labels(b) WHERE label IN $bookkeeping)
RETURN a.key AS start, type(r) AS type, b.key AS end, properties(r) AS properties
