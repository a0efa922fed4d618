// Deletes accounts and identifiers that changed adverts no longer point at and nothing else refers to:
// no MENTIONS, POSTED or USES, no advert's IN_CHAT or FORWARDED_FROM, and no relationship at all except
// their own IN_COUNTRY or ON_DOMAIN. A node an analyst linked to anything else is kept. Domains go last,
// once their links are gone.
// Parameters: $candidates: element ids of the nodes the cleared adverts pointed at.
// Returns: deleted (how many nodes were deleted).
CALL () {
  UNWIND $candidates AS id
  MATCH (n) WHERE elementId(n) = id
  WITH n WHERE NOT (n:Advert OR n:Country OR n:IngestRun OR n:Domain)
    AND NOT EXISTS { (n)-[r]-() WHERE NOT (type(r) IN ['IN_COUNTRY', 'ON_DOMAIN'] AND startNode(r) = n) }
  DETACH DELETE n
  RETURN count(*) AS others
}
CALL () {
  UNWIND $candidates AS id
  MATCH (n:Domain) WHERE elementId(n) = id
  WITH n WHERE NOT EXISTS { (n)--() }
  DELETE n
  RETURN count(*) AS domains
}
RETURN others + domains AS deleted
