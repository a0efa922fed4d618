"""The nightly job over an inbox of synthetic files: a first night, a night with nothing new, two changed.

    NEO4J_URI=... NEO4J_PASSWORD=... python bench/nightly_inbox.py [--adverts 20000] [--files 20]
        [--changed 2] [--added 100] [--rounds 3] [--workers 1] [--work var/bench-nightly] [--baseline]

WIPES THE GRAPH of the database it is given, before each round. Writes a synthetic corpus
(`graph.synth`), splits it into `--files` JSON Lines files of an inbox, then per round, on an emptied
graph: runs the nightly job over the inbox (everything new), runs it again (every file skipped by its
hash: zero adverts read), then appends `--added` new adverts to `--changed` files and runs it a third
time (those files read again whole, their old adverts found unchanged). Each time is the whole job:
hashing, ledger, ingest, network update, watch hits. Prints a Markdown table of medians.

With `--baseline` each round first ingests the same adverts as one file into an emptied graph, as
`crosslink ingest FILE --no-networks` does (schema, one run), then updates the networks once, as
`crosslink networks update` does: what the first night costs above a plain bulk load is the price of
reading the inbox file by file.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from graph.config import Settings  # noqa: E402
from graph.cypher import load  # noqa: E402
from graph.db import connect  # noqa: E402
from graph.formats import read_file  # noqa: E402
from graph.ingest import ingest  # noqa: E402
from graph.networks import catch_up  # noqa: E402
from graph.nightly import NightlySummary, run_nightly  # noqa: E402
from graph.synth import generate  # noqa: E402

NIGHTS = ("first night", "same inbox again", "two files changed")
BASELINE = "baseline: one file, one network update"


@dataclass(frozen=True)
class Night:
    """One run of the job as measured: which night, its time, files read and skipped, adverts read."""

    name: str
    seconds: float
    files_read: int
    files_skipped: int
    adverts_read: int
    created: int
    unchanged: int

    @classmethod
    def of(cls, name: str, summary: NightlySummary) -> Night:
        counts = summary.counts()
        skipped = len(summary.of("skipped"))
        return cls(
            name,
            summary.seconds,
            len(summary.files) - skipped,
            skipped,
            counts["read"],
            counts["created"],
            counts["unchanged"],
        )


def make_inbox(work: Path, *, adverts: int, files: int, added: int, seed: int) -> tuple[Path, list[str]]:
    """An inbox of `files` JSON Lines files holding `adverts` synthetic adverts in turn, and `added`
    further adverts kept aside for the changed files."""
    corpus = work / "corpus"
    generate(corpus, adverts=adverts + added, seed=seed)
    lines = (corpus / "adverts.jsonl").read_text("utf-8").splitlines(keepends=True)
    inbox = work / "inbox"
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir(parents=True)
    kept, spare = lines[:adverts], lines[adverts:]
    for number in range(files):
        (inbox / f"delivery-{number + 1:02d}.jsonl").write_text("".join(kept[number::files]), "utf-8")
    return inbox, spare


def whole_corpus(inbox: Path, path: Path) -> Path:
    """The inbox's files as one JSON Lines file at `path`: the same adverts, for the baseline."""
    with path.open("wb") as stream:
        for part in sorted(inbox.iterdir()):
            stream.write(part.read_bytes())
    return path


def baseline(driver: neo4j.Driver, database: str, corpus: Path, *, workers: int) -> Night:
    """One ingest of the whole corpus (schema applied) and one network update, on an emptied graph."""
    wipe(driver, database)
    clock = time.monotonic()
    run = ingest(
        driver,
        database,
        read_file(corpus, "jsonl"),
        source=corpus.parent.name,
        files=[corpus.name],
        workers=workers,
    )
    catch_up(driver, database)
    seconds = time.monotonic() - clock
    return Night(BASELINE, seconds, 1, 0, run.read, run.created, run.unchanged)


def wipe(driver: neo4j.Driver, database: str) -> None:
    with driver.session(database=database) as session:
        session.run(load("graph_wipe"), rows=10_000).consume()


def one_round(
    driver: neo4j.Driver, database: str, inbox: Path, spare: list[str], *, changed: int, workers: int
) -> list[Night]:
    """The three nights on an emptied graph; the changed files are put back afterwards."""
    wipe(driver, database)
    reports = Path(tempfile.mkdtemp(prefix="nightly-rejects-"))
    nights: list[Night] = []
    originals: dict[Path, bytes] = {}
    try:
        for name in NIGHTS:
            if name == "two files changed":
                originals = _change(inbox, spare, changed)
            summary = run_nightly(driver, database, inbox, rejects_dir=reports, workers=workers)
            nights.append(Night.of(name, summary))
        for path, text in originals.items():
            path.write_bytes(text)
    finally:
        shutil.rmtree(reports, ignore_errors=True)
    return nights


def _change(inbox: Path, spare: list[str], changed: int) -> dict[Path, bytes]:
    """Append the spare adverts, shared out, to the first `changed` files; their old bytes, to restore."""
    paths = sorted(inbox.iterdir())[:changed]
    originals = {path: path.read_bytes() for path in paths}
    for number, path in enumerate(paths):
        with path.open("a", encoding="utf-8") as stream:
            stream.write("".join(spare[number::changed]))
    return originals


def table(rounds: list[list[Night]]) -> str:
    """Medians over the rounds, one row per night."""
    rows = [
        "| night | median s | runs s | files read / skipped | adverts read | created | unchanged |",
        "|---|---:|---|---|---:|---:|---:|",
    ]
    names = [n.name for n in rounds[0]]
    for index, name in enumerate(names):
        nights = [r[index] for r in rounds]
        first = nights[0]
        runs = ", ".join(f"{n.seconds:.2f}" for n in nights)
        rows.append(
            f"| {name} | {statistics.median(n.seconds for n in nights):.2f} | {runs} | "
            f"{first.files_read} / {first.files_skipped} | {first.adverts_read:,} | {first.created:,} | "
            f"{first.unchanged:,} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--changed", type=int, default=2)
    parser.add_argument("--added", type=int, default=100, help="new adverts appended over the changed files")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=ROOT / "var" / "bench-nightly")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="each round, first time one ingest of all the adverts as one file and one network update",
    )
    args = parser.parse_args()
    settings = Settings.from_env()
    inbox, spare = make_inbox(
        args.work, adverts=args.adverts, files=args.files, added=args.added, seed=args.seed
    )
    corpus = whole_corpus(inbox, args.work / "whole.jsonl") if args.baseline else None
    rounds: list[list[Night]] = []
    with connect(settings) as driver:
        for _ in range(args.rounds):
            first = [baseline(driver, settings.database, corpus, workers=args.workers)] if corpus else []
            nights = one_round(
                driver, settings.database, inbox, spare, changed=args.changed, workers=args.workers
            )
            rounds.append(first + nights)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores (shared); inbox: {args.files} files, "
        f"{args.adverts:,} adverts; {args.changed} files changed by {args.added} new adverts; "
        f"workers {args.workers}; {args.rounds} rounds, each on an emptied graph; "
        f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())} at the end"
    )
    print(table(rounds))


if __name__ == "__main__":
    main()
