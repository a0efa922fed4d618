"""The time to read a big network's subgraph from Neo4j and write it as GraphML, GEXF and CSV.

    NEO4J_URI=bolt://127.0.0.1:7689 python bench/export_read.py --wipe [--adverts 3000] [--runs 5]

WIPES the graph it is pointed at (hence --wipe), then ingests a chain of adverts, each on its own account
and mentioning its own phone and the next advert's, so that they form one network of about three nodes
per advert (advert, account, phone) with no hub; rebuilds the networks; then times, --runs times each,
`network_subgraph` at the default limit (5,000 nodes, cut) and at the export's most (whole), with the
queries each read sends, and each writer on the whole subgraph. Prints medians, wall and CPU seconds.
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.crosslink import Crosslink  # noqa: E402
from graph.export import network_subgraph  # noqa: E402
from graph.export.formats import get  # noqa: E402
from graph.export.subgraph import MAX_LIMIT  # noqa: E402
from graph.ingest import ingest  # noqa: E402
from graph.networks import HubRule, rebuild  # noqa: E402


def phone(i: int) -> str:
    return f"+44 7400 {100000 + i:06d}"


def chain(adverts: int) -> list[dict[str, Any]]:
    """Adverts each naming its own phone and the next one's: one network, no identifier a hub."""
    return [
        {
            "platform": "facebook",
            "post_id": f"chain{i}",
            "author": {"handle": f"chain.author.{i}", "id": str(10_000 + i)},
            "text": f"Boat to UK from Calais, call {phone(i)} or {phone(i + 1)}",
            "posted_at": f"2024-05-{1 + i % 28:02d}T10:00:00Z",
            "region": "FR",
        }
        for i in range(adverts)
    ]


def timed(step: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """Median wall and CPU seconds of `runs` calls, and the last result."""
    wall, cpu, result = [], [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = step()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--wipe", action="store_true", help="Required: the graph is wiped first.")
    args = parser.parse_args()
    if not args.wipe:
        parser.error("this benchmark wipes the graph it is pointed at: pass --wipe (and a scratch NEO4J_URI)")
    with Crosslink.connect() as graph:
        with graph.driver.session(database=graph.database) as session:  # IN TRANSACTIONS: auto-commit
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        ingest(graph.driver, graph.database, chain(args.adverts), source="bench")
        rebuild(graph.driver, graph.database, rule=HubRule(min_accounts=3))
        print(f"python {platform.python_version()}, {platform.machine()}, median of {args.runs} runs")
        print("step                      nodes  edges  queries  wall s   cpu s")
        whole = None
        for limit in (5000, MAX_LIMIT):
            before = graph.reader.queries
            seconds, cpu, subgraph = timed(
                lambda limit=limit: network_subgraph(graph, phone(0), limit=limit), args.runs
            )
            queries = (graph.reader.queries - before) // args.runs
            print(
                f"read limit {limit:<14} {len(subgraph.nodes):6} {len(subgraph.edges):6} {queries:8} "
                f"{seconds:7.3f} {cpu:7.3f}" + ("  (cut)" if subgraph.truncated else "")
            )
            whole = subgraph
        for name in ("graphml", "gexf", "csv"):
            chosen = get(name)
            seconds, cpu, _ = timed(lambda chosen=chosen: chosen.write(whole, io.BytesIO()), args.runs)
            print(
                f"write {name:<19} {len(whole.nodes):6} {len(whole.edges):6} {'':8} {seconds:7.3f} {cpu:7.3f}"
            )


if __name__ == "__main__":
    main()
