// Every network's id and size, before and after the nightly job's network update: the summary's new
// networks (ids not there before) and networks that grew (size before -> after).
// No parameters. Returns id, size.
MATCH (n:Network)
RETURN n.id AS id, n.size AS size
