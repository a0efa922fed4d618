// Counts the advert text one API key pushes in a minute, refusing a push that would pass the limit.
// The key's node is written (ingest_checked_at) before its count is read, which takes the node's lock:
// pushes through several API processes at once are counted one after another and none is lost.
// A count of an earlier minute starts again from 0. A refused push changes nothing but ingest_checked_at.
// Parameters: $key ('apikey:<id>'), $window (the minute: whole minutes since the epoch, UTC),
//   $chars (characters of text the push holds), $limit (characters a key may push in a minute).
// Returns at most one row (none for an unknown key): granted (boolean), used (characters counted in this
//   minute before this push).
MATCH (k:ApiKey {key: $key})
SET k.ingest_checked_at = datetime()
WITH k, CASE WHEN k.ingest_window = $window THEN coalesce(k.ingest_chars, 0) ELSE 0 END AS used
WITH k, used, used + $chars <= $limit AS granted
SET k.ingest_window = $window,
    k.ingest_chars = CASE WHEN granted THEN used + $chars ELSE used END
RETURN granted, used
