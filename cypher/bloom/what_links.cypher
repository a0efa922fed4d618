// Bloom search phrase "What links $a and $b": the shortest chain of evidence between two nodes (adverts,
// accounts or identifiers): adverts and what they mention or who posted them, as `crosslink` and the
// API's `path` read it (cypher/read_path.cypher). Hubs are not crossed, though either end may be one.
// Parameters: $a, $b: node keys (phone:+447400123456, handle:telegram:name, payment:iban:..., email:...,
//   advert:facebook:1 ...), a phone number in E.164 or an email address.
// Returns at most one row: path (nodes and relationships, from $a to $b; at most six steps).
CALL () {
  UNWIND [$a, 'phone:' + $a, 'email:' + toLower($a)] AS key
  CALL (key) {
    MATCH (n:Advert {key: key}) RETURN n
    UNION MATCH (n:Account {key: key}) RETURN n
    UNION MATCH (n:Phone {key: key}) RETURN n
    UNION MATCH (n:PaymentTag {key: key}) RETURN n
    UNION MATCH (n:Email {key: key}) RETURN n
    UNION MATCH (n:Link {key: key}) RETURN n
    UNION MATCH (n:Domain {key: key}) RETURN n
  }
  RETURN n AS source LIMIT 1
}
CALL () {
  UNWIND [$b, 'phone:' + $b, 'email:' + toLower($b)] AS key
  CALL (key) {
    MATCH (n:Advert {key: key}) RETURN n
    UNION MATCH (n:Account {key: key}) RETURN n
    UNION MATCH (n:Phone {key: key}) RETURN n
    UNION MATCH (n:PaymentTag {key: key}) RETURN n
    UNION MATCH (n:Email {key: key}) RETURN n
    UNION MATCH (n:Link {key: key}) RETURN n
    UNION MATCH (n:Domain {key: key}) RETURN n
  }
  RETURN n AS target LIMIT 1
}
MATCH path = SHORTEST 1
  (source) (()-[:MENTIONS|POSTED]-(step) WHERE step = target OR NOT coalesce(step.hub, false)){1,6}
  (target)
RETURN path
