"""Where ingest time goes: Crosslink's writes alone, parts of its schema left out, against the bare loader.

    python bench/ingest_breakdown.py --adverts 100000 --rounds 3

`bench/ingest_scale.py` compares the whole `crosslink ingest` with a bare `UNWIND ... MERGE` loader. This
takes extraction out of the picture to show what the graph itself costs. The adverts are read, validated
and extracted once, before any timing; then each round, each on a fresh server (port 7699, as
ingest_scale), writes them:
1. bare: the bare loaders of ingest_scale (bench/bare_loader.py), the same graph and the minimal one;
2. writes: Crosslink's own transaction (`graph.store.write_batch` and the run's counts), full schema;
3. writes, no full-text: the same without the full-text index on advert text;
4. writes, no range indexes: the same with constraints and full-text index but no other index.
For each: wall seconds, Neo4j's CPU seconds (user + system of the server process over the load), and
this process's CPU seconds. For the full schema it also splits the time of Crosslink's write by
statement; what is left is the commit. Medians of the rounds are reported.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import bare_loader  # noqa: E402
import ingest_scale as scale  # noqa: E402

from graph import cypher  # noqa: E402
from graph.advert import Advert, parse_line, read_lines  # noqa: E402
from graph.db import QUIET  # noqa: E402

# `_write` is the very function ingest writes each batch with (one transaction: the batch and the run's
# counts), so what is timed here is what `crosslink ingest` runs, without its extraction.
from graph.ingest import RunReport, _write, new_run_id  # noqa: E402
from graph.store import PendingAdvert, extract_rows  # noqa: E402

WRITE_STATEMENTS = (
    "advert_hashes",
    "advert_write",
    "identifiers_write",
    "mentions_write",
    "uses_add",
    "run_update",
)
# Which schema statements each variant keeps.
SCHEMAS: dict[str, Callable[[str], bool]] = {
    "writes": lambda statement: True,
    "writes, no full-text index": lambda statement: "FULLTEXT" not in statement,
    "writes, no range indexes": lambda statement: not statement.startswith("CREATE INDEX"),
}


def pending_adverts(path: Path, limit: int) -> list[PendingAdvert]:
    """The first `limit` adverts, validated as ingest does, identifiers extracted in worker processes."""
    pending = []
    with path.open("rb") as stream:
        for line in itertools.islice(read_lines(stream, str(path)), limit):
            parsed = parse_line(line)
            if isinstance(parsed, Advert):
                advert = parsed.with_defaults(source="bench")
                pending.append(PendingAdvert(advert, advert.content_hash(), line.file, line.number))
    with ProcessPoolExecutor(max(1, os.cpu_count() or 1)) as pool:
        texts = [
            [(p.advert.text, p.advert.platform, p.advert.region, p.advert.lang) for p in c]
            for c in _chunks(pending, 1000)
        ]
        for chunk, found in zip(_chunks(pending, 1000), pool.map(extract_rows, texts), strict=True):
            for advert, rows in zip(chunk, found, strict=True):
                advert.attach(rows)
    return pending


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Timed:
    """A managed transaction that adds up the time of each named statement (run to its last record)."""

    def __init__(self, tx: Any, spent: Counter[str], names: dict[str, str]) -> None:
        self.tx, self.spent, self.names = tx, spent, names

    def run(self, query: str, *args: Any, **kwargs: Any) -> list[Any]:
        started = time.perf_counter()
        records = _Records(self.tx.run(query, *args, **kwargs))
        self.spent[self.names.get(query, "other")] += time.perf_counter() - started
        return records


class _Records(list):
    def __init__(self, result: Any) -> None:
        super().__init__(result)

    def consume(self) -> None:
        return None


def crosslink_writes(
    args: argparse.Namespace, adverts: list[PendingAdvert], keep: Callable[[str], bool]
) -> dict[str, Any]:
    """Crosslink's write of every batch on a fresh server whose schema holds the statements `keep` keeps."""
    scale.fresh_server(args.heap, args.pagecache)
    driver = scale.connect()
    for statement in cypher.statements("schema"):
        if keep(statement):
            driver.execute_query(statement)
    driver.execute_query("CALL db.awaitIndexes(300)")
    now = datetime.now(UTC)
    report = RunReport(new_run_id(now), "bench", [], now)
    driver.execute_query(
        cypher.load("run_start"), run=report.run_id, source="bench", files=[], started_at=report.started_at
    )
    spent: Counter[str] = Counter()
    session = driver.session(notifications_disabled_classifications=QUIET)
    time_statements(session, spent)
    cpu, neo4j_cpu, started = time.process_time(), scale.neo4j_cpu_seconds(), time.perf_counter()
    for chunk in _chunks(adverts, args.batch):
        _write(session, report, chunk, False)
    seconds = time.perf_counter() - started
    result = {
        "seconds": seconds,
        "neo4j_cpu": scale.neo4j_cpu_seconds() - neo4j_cpu,
        "client_cpu": time.process_time() - cpu,
        "statements": dict(spent),
    }
    session.close()
    driver.close()
    return result


def time_statements(session: Any, spent: Counter[str]) -> None:
    """Make the session's write transactions add the time of each statement to `spent`."""
    original = session.execute_write
    names = {cypher.load(name): name for name in WRITE_STATEMENTS}

    def execute_write(work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return original(lambda tx, *a, **k: work(Timed(tx, spent, names), *a, **k), *args, **kwargs)

    session.execute_write = execute_write


def bare_writes(args: argparse.Namespace, rows: Path, count: int, same_graph: bool) -> dict[str, Any]:
    """A bare loader of ingest_scale on the first `count` of its rows, on a fresh server."""
    subset = rows.with_name(f"{rows.stem}.first-{count}.jsonl")
    if not subset.exists() or subset.stat().st_mtime < rows.stat().st_mtime:
        with rows.open(encoding="utf-8") as source, subset.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(source, count))
    scale.fresh_server(args.heap, args.pagecache)
    driver = scale.connect()
    bare_loader.prepare(driver, same_graph=same_graph)
    cpu, neo4j_cpu = time.process_time(), scale.neo4j_cpu_seconds()
    seconds = bare_loader.load(driver, subset, args.batch, same_graph=same_graph)
    driver.close()
    return {
        "seconds": seconds,
        "neo4j_cpu": scale.neo4j_cpu_seconds() - neo4j_cpu,
        "client_cpu": time.process_time() - cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="a corpus folder (adverts.jsonl) or file; else one is generated")
    parser.add_argument("--adverts", type=int, default=100_000, help="how many of the corpus's adverts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--heap", default="4g")
    parser.add_argument("--pagecache", default="4g")
    args = parser.parse_args()

    path = scale.corpus_file(args)
    rows = bare_loader.prepare_rows(path, max(1, os.cpu_count() or 1))
    adverts = pending_adverts(path, args.adverts)
    results: dict[str, list[dict[str, Any]]] = {
        "bare, same graph": [],
        "bare, minimal graph": [],
        **{name: [] for name in SCHEMAS},
    }
    try:
        for round_number in range(1, args.rounds + 1):
            results["bare, same graph"].append(bare_writes(args, rows, len(adverts), True))
            results["bare, minimal graph"].append(bare_writes(args, rows, len(adverts), False))
            for name, keep in SCHEMAS.items():
                results[name].append(crosslink_writes(args, adverts, keep))
            shown = ", ".join(f"{name} {runs[-1]['seconds']:.1f}s" for name, runs in results.items())
            print(f"round {round_number}: {shown}", file=sys.stderr)
    finally:
        scale.server("stop", args.heap, args.pagecache)
    report(args, len(adverts), results)


def report(args: argparse.Namespace, count: int, results: dict[str, list[dict[str, Any]]]) -> None:
    def median(name: str, field: str) -> float:
        return statistics.median(run[field] for run in results[name])

    bare_seconds = median("bare, same graph", "seconds")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; Neo4j heap {args.heap}, page cache "
        f"{args.pagecache}; {count:,} adverts, extraction done beforehand; batch {args.batch}; "
        f"median of {args.rounds} round(s)"
    )
    print("| writer | seconds | adverts/s | vs bare | Neo4j CPU s | client CPU s | all runs (s) |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name in results:
        seconds = median(name, "seconds")
        runs = ", ".join(f"{run['seconds']:.1f}" for run in results[name])
        print(
            f"| {name} | {seconds:.1f} | {count / seconds:,.0f} | {bare_seconds / seconds:.2f}x "
            f"| {median(name, 'neo4j_cpu'):.1f} | {median(name, 'client_cpu'):.1f} | {runs} |"
        )
    print("\nCrosslink's write with the full schema, by statement (median seconds):")
    total = median("writes", "seconds")
    for statement in WRITE_STATEMENTS:
        values = [run["statements"].get(statement, 0.0) for run in results["writes"]]
        print(f"- {statement}: {statistics.median(values):.1f}")
    spent = statistics.median(sum(run["statements"].values()) for run in results["writes"])
    print(f"- commit and the rest: {total - spent:.1f}")


if __name__ == "__main__":
    main()
