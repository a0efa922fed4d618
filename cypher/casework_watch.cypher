// Watches an identifier: new adverts that carry it show up in the watch hits (the nightly alert feed).
// The identifier need not be in the graph yet. Watching it again updates the note and keeps the rest.
// Parameters: $watch: {key ('watch:<identifier key>'), identifier, kind, note, created_at, created_by}.
// Returns: the watch's properties.
MERGE (w:Watch {key: $watch.key})
  ON CREATE SET w = $watch
  ON MATCH SET w.note = coalesce($watch.note, w.note)
RETURN properties(w) AS watch
