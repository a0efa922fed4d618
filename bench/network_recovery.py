"""Network recovery on a synthetic corpus: generate, ingest, rebuild, score against the planted truth.

    python bench/network_recovery.py --adverts 20000 --seed 7 [--keep] [--min-accounts 3 ...]

Uses `graph.synth.generate` when it exists, else `bench/network_corpus.py` (same files). Ingests with
`graph.ingest` into the Neo4j of NEO4J_URI (whose graph is WIPED first unless --keep), runs
`graph.networks.rebuild` and prints a Markdown table: pairwise precision and recall of "same network",
adjusted Rand index, planted networks wrongly merged through a hub, rebuild time and peak memory.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.config import Settings  # noqa: E402
from graph.db import connect  # noqa: E402
from graph.ingest import ingest, read_files  # noqa: E402
from graph.networks import HubRule, rebuild  # noqa: E402
from graph.networks.evaluate import evaluate  # noqa: E402


def generator():
    """graph.synth.generate when it has landed, else the corpus of bench/network_corpus.py."""
    try:
        from graph.synth import generate  # type: ignore[import-not-found]

        return generate, "graph.synth"
    except ImportError:
        sys.path.insert(0, str(ROOT / "bench"))
        from network_corpus import generate  # type: ignore[import-not-found]

        return generate, "bench/network_corpus.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="do not wipe the graph, do not ingest again")
    parser.add_argument("--corpus", type=Path, help="folder to write the corpus to (default: a temp folder)")
    defaults = HubRule()
    for name in ("min_accounts", "max_groups_strong", "max_groups_medium", "max_groups_weak"):
        parser.add_argument("--" + name.replace("_", "-"), type=int, default=getattr(defaults, name))
    args = parser.parse_args()
    rule = HubRule(args.min_accounts, args.max_groups_strong, args.max_groups_medium, args.max_groups_weak)

    generate, source = generator()
    out = args.corpus or Path(tempfile.mkdtemp(prefix="crosslink-networks-"))
    paths = {name: out / f"{name}.jsonl" for name in ("adverts", "truth", "networks")}
    if not paths["truth"].exists():
        generate(out, adverts=args.adverts, seed=args.seed)
    truth = {}
    with paths["truth"].open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            key = record.get("key") or f"advert:{record['platform']}:{record['post_id']}"
            truth[key] = record["network"]

    settings = Settings.from_env()
    with connect(settings) as driver:
        ingest_seconds = None
        if not args.keep:
            with driver.session(database=settings.database) as session:
                session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
            start = time.monotonic()
            lines = read_files([str(paths["adverts"])])
            ingest(driver, settings.database, lines, source="synth", batch_size=2000)
            ingest_seconds = time.monotonic() - start
        report = rebuild(driver, settings.database, rule=rule)
        again = rebuild(driver, settings.database, rule=rule)
        result = evaluate(driver, settings.database, truth)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"## Network recovery: {args.adverts} adverts, seed {args.seed} ({source})\n")
    print(f"Hub rule: {rule.describe()}\n")
    print("| measure | value |\n|---|---|")
    for name, value in result.rows():
        print(f"| {name} | {value} |")
    print(f"| hubs found | {len(report.hubs)} (of {report.candidates} candidates) |")
    if ingest_seconds is not None:
        print(f"| ingest | {ingest_seconds:.1f} s |")
    print(f"| rebuild, first (networks created) | {report.seconds:.1f} s |")
    print(f"| rebuild, again (ids kept) | {again.seconds:.1f} s |")
    print(f"| peak memory of this process | {peak:.0f} MiB |")
    print(f"\nFirst rebuild by step (s): {json.dumps({k: round(v, 1) for k, v in report.timings.items()})}")
    print(f"Second rebuild by step (s): {json.dumps({k: round(v, 1) for k, v in again.timings.items()})}")
    print(f"\nMachine: {platform.machine()}, Python {platform.python_version()}")
    print("\nLargest hubs:")
    for hub in report.hubs[:10]:
        print(f"- `{hub.key}`: {hub.reason}")


if __name__ == "__main__":
    main()
