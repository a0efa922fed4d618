// Writes adverts: the Advert node with its properties, its country, its author's Account and the Accounts
// of its context: the chat it was posted in (IN_CHAT) and where it was forwarded from (FORWARDED_FROM).
// Parameters:
//   $run: the IngestRun key, stamped as first_run on a new advert and as last_run on every write.
//   $adverts: list of {key, posted_at (ISO 8601 text), properties: {platform, post_id, url, text, lang,
//     region, media, source, content_hash, template_signature, template_bands, lang_detected,
//     smuggling_score, indicator_count, indicator_terms, indicator_categories, indicator_langs, indicator_spans,
//     indicator_weights, score_words, score_word_parts}, region, author, chat, forwarded_from: each {key, platform, handle, account_id,
//     name} or null}.
// A property given as null is removed, so a rewritten advert keeps nothing of its old version. An account's
// account_id, handle and name are only replaced by a value, never erased by an advert that lacks them.
// The adverts are new or were cleared by advert_clear, so their IN_COUNTRY, POSTED, IN_CHAT and
// FORWARDED_FROM are created.
UNWIND $adverts AS row
MERGE (a:Advert {key: row.key})
  ON CREATE SET a.first_run = $run
SET a += row.properties, a.posted_at = datetime(row.posted_at), a.last_run = $run
FOREACH (code IN CASE WHEN row.region IS NULL THEN [] ELSE [row.region] END |
  MERGE (c:Country {key: code})
  CREATE (a)-[:IN_COUNTRY]->(c)
)
FOREACH (author IN CASE WHEN row.author IS NULL THEN [] ELSE [row.author] END |
  MERGE (acc:Account {key: author.key})
  SET acc.platform = author.platform,
      acc.handle = coalesce(author.handle, acc.handle),
      acc.account_id = coalesce(author.account_id, acc.account_id),
      acc.name = coalesce(author.name, acc.name)
  CREATE (acc)-[:POSTED]->(a)
)
FOREACH (chat IN CASE WHEN row.chat IS NULL THEN [] ELSE [row.chat] END |
  MERGE (acc:Account {key: chat.key})
  SET acc.platform = chat.platform,
      acc.handle = coalesce(chat.handle, acc.handle),
      acc.account_id = coalesce(chat.account_id, acc.account_id),
      acc.name = coalesce(chat.name, acc.name)
  CREATE (a)-[:IN_CHAT]->(acc)
)
FOREACH (origin IN CASE WHEN row.forwarded_from IS NULL THEN [] ELSE [row.forwarded_from] END |
  MERGE (acc:Account {key: origin.key})
  SET acc.platform = origin.platform,
      acc.handle = coalesce(origin.handle, acc.handle),
      acc.account_id = coalesce(origin.account_id, acc.account_id),
      acc.name = coalesce(origin.name, acc.name)
  CREATE (a)-[:FORWARDED_FROM]->(acc)
)
