"""The bare loaders `crosslink ingest` is measured against: pre-extracted rows, one UNWIND ... MERGE each.

Two of them, both given rows whose identifiers were extracted (and, for the same graph, whose texts were
analysed: language, indicator hits, template signature) before any timing, neither validating,
extracting, detecting changes nor keeping run counts:

- `same graph`: the very graph `crosslink ingest` writes (every node, relationship and property, the same
  constraints and indexes, the full-text index included), written by plain `UNWIND $rows ... MERGE`
  statements, one per label and batch. Its rows are built by Crosslink's own row functions, so the values
  are the same; `fingerprint()` checks after the loads that the two graphs are. This is the baseline the
  ingest target is stated against: what the same rows cost to write with no pipeline around them.
- `minimal graph`: adverts, their authors, identifier nodes and MENTIONS with their spans only, under
  uniqueness constraints alone; a smaller graph than the API needs, kept as a floor for reference.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph import schema  # noqa: E402
from graph.advert import Advert, Line, parse_line  # noqa: E402

# Crosslink's own row builders: the same-graph loader must write the very values ingest writes.
from graph.store import PendingAdvert, _advert_row  # noqa: E402

# Each identifier kind's label; labels reach the Cypher only from here, never from input.
LABELS = {
    "phone": "Phone",
    "handle": "Account",
    "payment": "PaymentTag",
    "email": "Email",
    "url": "Link",
    "domain": "Domain",
}
RUN = "run-bare"  # stamped as first_run and last_run, as a run's key is by ingest

SAME_ADVERTS = """
UNWIND $rows AS row
MERGE (a:Advert {key: row.key})
SET a += row.properties, a.posted_at = datetime(row.posted_at), a.first_run = $run, a.last_run = $run
FOREACH (code IN CASE WHEN row.region IS NULL THEN [] ELSE [row.region] END |
  MERGE (c:Country {key: code})
  MERGE (a)-[:IN_COUNTRY]->(c)
)
FOREACH (author IN CASE WHEN row.author IS NULL THEN [] ELSE [row.author] END |
  MERGE (acc:Account {key: author.key})
  SET acc += author.properties
  MERGE (acc)-[:POSTED]->(a)
)
"""
# One per label: the identifier node with its properties (and its country or domain), then the MENTIONS.
SAME_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Advert {key: row.advert})
MERGE (n:%s {key: row.key})
  ON CREATE SET n += row.node
FOREACH (code IN CASE WHEN row.country IS NULL THEN [] ELSE [row.country] END |
  MERGE (c:Country {key: code})
  MERGE (n)-[:IN_COUNTRY]->(c)
)
FOREACH (domain IN CASE WHEN row.domain IS NULL THEN [] ELSE [row.domain] END |
  MERGE (d:Domain {key: domain})
    ON CREATE SET d.domain = substring(domain, size('domain:'))
  MERGE (n)-[:ON_DOMAIN]->(d)
)
MERGE (a)-[m:MENTIONS]->(n)
SET m += row.mention, m.first_seen = a.posted_at, m.last_seen = a.posted_at
"""
# One per label: from each author to each identifier of its advert, counted, with the seen dates.
SAME_USES = """
UNWIND $rows AS row
MATCH (acc:Account {key: row.account}), (n:%s {key: row.key})
WITH acc, n, datetime(row.posted_at) AS at
MERGE (acc)-[u:USES]->(n)
  ON CREATE SET u.count = 1, u.first_seen = at, u.last_seen = at
  ON MATCH SET u.count = u.count + 1,
    u.first_seen = CASE WHEN at < u.first_seen THEN at ELSE u.first_seen END,
    u.last_seen = CASE WHEN at > u.last_seen THEN at ELSE u.last_seen END
"""

MINIMAL_ADVERTS = """
UNWIND $rows AS row
MERGE (a:Advert {key: row.key})
SET a.platform = row.platform, a.post_id = row.post_id, a.text = row.text,
    a.posted_at = datetime(row.posted_at)
WITH a, row WHERE row.author IS NOT NULL
MERGE (acc:Account {key: row.author})
MERGE (acc)-[:POSTED]->(a)
"""
MINIMAL_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Advert {key: row.advert})
MERGE (n:%s {key: row.key})
MERGE (a)-[r:MENTIONS]->(n)
SET r.spans = row.spans
"""


def bare_row(advert: Advert) -> dict[str, Any]:
    """One advert's rows for both loaders: the advert as advert_write takes it, and each mention with its
    identifier node as identifiers_write and mentions_write take them."""
    pending = PendingAdvert(advert, advert.content_hash(), None, 0)
    mentions = pending.rows().mentions
    row = _advert_row(pending)
    author = row["author"]
    if author is not None:  # as advert_write: a missing part never erases what the account has
        author["properties"] = {
            k: v for k, v in author.items() if k not in ("key", "properties") and v is not None
        }
    row["properties"] = {k: v for k, v in row["properties"].items() if v is not None}
    row["mentions"] = []
    for kind, key, node, mention in mentions:
        if kind not in LABELS:
            continue
        country, domain = node.get("country"), node.get("domain")
        if kind != "url":
            domain = None  # only a link's domain is a node of its own (ON_DOMAIN)
        properties = {k: v for k, v in node.items() if k != "key" and v is not None}
        if kind == "url":
            properties.pop("domain", None)
        row["mentions"].append(
            {
                "label": LABELS[kind],
                "key": key,
                "node": properties,
                "country": country if kind in ("phone", "payment") else None,
                "domain": domain,
                "mention": mention,
            }
        )
    return row


def rows_of(lines: list[bytes]) -> list[str]:
    """The bare loader's rows (JSON) of the adverts among `lines`; lines that are not adverts give none."""
    rows = []
    for number, data in enumerate(lines, 1):
        parsed = parse_line(Line(None, number, data))
        if isinstance(parsed, Advert):
            rows.append(json.dumps(bare_row(parsed.with_defaults(source="bench")), ensure_ascii=False))
    return rows


def prepare_rows(adverts: Path, workers: int) -> Path:
    """Extract once, before any timing, the rows both loaders write (cached beside the corpus)."""
    rows = adverts.with_name(adverts.stem + ".bare-rows-v2.jsonl")
    if rows.exists() and rows.stat().st_mtime > newest_source(adverts):
        return rows
    started = time.perf_counter()
    partial = rows.with_suffix(".partial")  # renamed only when complete: an interrupted run leaves no cache
    with (
        adverts.open("rb") as source,
        partial.open("w", encoding="utf-8") as out,
        ProcessPoolExecutor(workers) as pool,
    ):
        for chunk in pool.map(rows_of, chunks(source, 2000)):
            if chunk:
                out.write("\n".join(chunk) + "\n")
    partial.rename(rows)
    print(f"prepared bare rows in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return rows


def newest_source(adverts: Path, package: Path = ROOT / "graph") -> float:
    """When the corpus or what makes its rows last changed: the row functions, and every file of the
    graph package, its data too (a lexicon file or the learned model changes an advert's hits and
    score as surely as its code does)."""
    files = [path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    return max(path.stat().st_mtime for path in [adverts, Path(__file__), *files])


def chunks(stream: Any, size: int) -> Iterator[list[Any]]:
    """Non-blank lines of a stream in lists of `size`."""
    chunk: list[Any] = []
    for line in stream:
        if line.strip():
            chunk.append(line)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def prepare(driver: Any, *, same_graph: bool) -> None:
    """The schema a load writes under: ingest's own for the same graph, key constraints for the minimal."""
    if same_graph:
        schema.apply_schema(driver, "neo4j")
        return
    for label in ("Advert", "Account", "Phone", "PaymentTag", "Email", "Link", "Domain"):
        name = f"bare_{label.lower()}"
        driver.execute_query(
            f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE"
        )
    driver.execute_query("CALL db.awaitIndexes(300)")


def load(driver: Any, rows_path: Path, batch: int, *, same_graph: bool) -> float:
    """Write every row, a transaction a batch (the schema set up beforehand); the seconds it took."""
    write = _same_batch if same_graph else _minimal_batch
    started = time.perf_counter()
    with rows_path.open(encoding="utf-8") as stream, driver.session() as session:
        for chunk in chunks(stream, batch):
            session.execute_write(write, [json.loads(line) for line in chunk])
    return time.perf_counter() - started


def _by_label(rows: list[dict[str, Any]], make: Any) -> dict[str, list[dict[str, Any]]]:
    """Items made from each mention, by the mention's label; a label not in LABELS stops the load, since
    labels are written into the statements (the rows file is a cache on disk, not trusted code)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        for mention in row["mentions"]:
            if mention["label"] not in _KNOWN_LABELS:
                raise ValueError(f"rows file: unknown label {mention['label']!r}; delete the cached rows")
            item = make(row, mention)
            if item is not None:
                grouped.setdefault(mention["label"], []).append(item)
    return grouped


_KNOWN_LABELS = frozenset(LABELS.values())


def _same_batch(tx: Any, rows: list[dict[str, Any]]) -> None:
    tx.run(SAME_ADVERTS, rows=rows, run=RUN).consume()
    mentions = _by_label(rows, lambda row, mention: {**mention, "advert": row["key"]})
    for label, items in mentions.items():
        tx.run(SAME_MENTIONS % label, rows=items).consume()
    uses = _by_label(rows, _uses_row)
    for label, items in uses.items():
        tx.run(SAME_USES % label, rows=items).consume()


def _uses_row(row: dict[str, Any], mention: dict[str, Any]) -> dict[str, Any] | None:
    author = row["author"]
    if author is None or author["key"] == mention["key"]:
        return None
    return {"account": author["key"], "key": mention["key"], "posted_at": row["posted_at"]}


def _minimal_batch(tx: Any, rows: list[dict[str, Any]]) -> None:
    """Only the fields the minimal graph keeps are sent."""
    adverts = [
        {
            "key": row["key"],
            "platform": row["properties"]["platform"],
            "post_id": row["properties"]["post_id"],
            "text": row["properties"]["text"],
            "posted_at": row["posted_at"],
            "author": row["author"]["key"] if row["author"] else None,
        }
        for row in rows
    ]
    tx.run(MINIMAL_ADVERTS, rows=adverts).consume()
    mentions = _by_label(
        rows,
        lambda row, mention: {
            "advert": row["key"],
            "key": mention["key"],
            "spans": mention["mention"]["spans"],
        },
    )
    for label, items in mentions.items():
        tx.run(MINIMAL_MENTIONS % label, rows=items).consume()


# Run bookkeeping (IngestRun, the IngestLock node every batch takes) is left out: the bare loaders keep none.
# An advert's analysis counts as its smuggling score in ten-thousandths (`counted`) and the length of its
# indicator spans and language (`characters`), so a hit lost or a score changed shows.
FINGERPRINT_NODES = """
MATCH (n) WHERE NOT n:IngestRun AND NOT n:IngestLock
UNWIND labels(n) AS label
RETURN label AS name, count(*) AS items, sum(size(keys(n))) AS properties,
       sum(toInteger(round(coalesce(n.smuggling_score, 0) * 10000))) AS counted,
       count(DISTINCT n.key) AS distinct_ends,
       sum(coalesce(n.posted_at.epochMillis, 0)) AS dates,
       sum(size(coalesce(n.text, ''))) + sum(size(coalesce(n.country, '')))
         + sum(size(coalesce(n.handle, ''))) + sum(size(coalesce(n.indicator_spans, [])))
         + sum(size(coalesce(n.lang, ''))) AS characters
"""
FINGERPRINT_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN type(r) AS name, count(*) AS items, sum(size(keys(r))) AS properties,
       sum(coalesce(r.count, 0)) AS counted, count(DISTINCT [a.key, b.key]) AS distinct_ends,
       sum(coalesce(r.first_seen.epochMillis, 0) + coalesce(r.last_seen.epochMillis, 0)) AS dates,
       sum(size(coalesce(r.spans, []))) AS characters
"""
FINGERPRINT_SCHEMA = """
SHOW INDEXES YIELD type, entityType, labelsOrTypes, properties WHERE type <> 'LOOKUP'
RETURN type, entityType, labelsOrTypes, properties ORDER BY type, entityType, labelsOrTypes, properties
"""


def fingerprint(driver: Any) -> dict[str, Any]:
    """What a graph holds, run bookkeeping aside. Per label and relationship type: how many, how many
    distinct keys (or start and end pairs), their properties, summed `count`s and dates, and the length
    of their texts, countries, handles and spans; and the indexes. Two loads of the same rows must agree
    on every figure: a property set on the wrong node, a relationship to the wrong end or a date off by
    one would each change one."""
    found: dict[str, Any] = {}
    for query in (FINGERPRINT_NODES, FINGERPRINT_RELATIONSHIPS):
        for record in driver.execute_query(query).records:
            found[record["name"]] = tuple(record.values()[1:])
    found["indexes"] = [
        tuple(map(str, record.values())) for record in driver.execute_query(FINGERPRINT_SCHEMA).records
    ]
    return found
