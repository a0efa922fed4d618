// Every node but the run bookkeeping, with its labels, key and properties: what two loads of the same
// input must agree on (bench/graph_fingerprint.py hashes it to compare a faulty load with a clean one).
// Parameters: $bookkeeping (labels left out, such as IngestRun: a record of runs, not of the adverts).
MATCH (n)
WHERE none(label IN labels(n) WHERE label IN $bookkeeping)
RETURN labels(n) AS labels, n.key AS key, properties(n) AS properties
