"""The FollowTheMoney and i2 writers' time against the size of a subgraph, to show it grows with the input.

    python bench/export_ftm_i2.py [--sizes 1000,5000,50000] [--runs 5]

Builds subgraphs without Neo4j by copying the writers' test subgraph (every node kind, edge type and
payment scheme) under new keys until it holds about each size of nodes (5,000 is the export's default
limit, 50,000 its most), writes each in both formats to memory --runs times, and prints the median
wall and CPU time (the CPU time per node) and the output size. Nothing reaches the graph.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.export import Edge, Evidence, Node, Subgraph, ftm, i2  # noqa: E402  # noqa: E402
from tests.graph.export.handbuilt import SUBGRAPH  # noqa: E402


def _renamed(key: str, copy: int) -> str:
    """A node key of copy `copy`: countries stay shared, as in a real export."""
    return key if ":" not in key else f"{key}~{copy}"


def scaled(nodes: int) -> Subgraph:
    """Copies of the test subgraph, with distinct keys, until about `nodes` nodes."""
    copies = max(1, nodes // len(SUBGRAPH.nodes))
    made: dict[str, Node] = {}
    edges: list[Edge] = []
    for copy in range(copies):
        for node in SUBGRAPH.nodes:
            key = _renamed(node.id, copy)
            made[key] = Node(key, node.kind, node.label, node.properties)
        for edge in SUBGRAPH.edges:
            source, target = _renamed(edge.source, copy), _renamed(edge.target, copy)
            evidence = tuple(Evidence(source, e.text, e.start, e.end, e.value) for e in edge.evidence)
            edges.append(
                Edge(f"{edge.type}:{source}->{target}", source, target, edge.type, edge.properties, evidence)
            )
    return Subgraph(f"{copies} copies", tuple(made.values()), tuple(edges), SUBGRAPH.networks, False)


def median_time(
    write: Callable[[Subgraph, io.BytesIO], None], subgraph: Subgraph, runs: int
) -> tuple[float, float, int]:
    """Median wall and CPU seconds of `runs` writes, and the bytes written. On a shared machine the CPU
    time is the steadier of the two."""
    wall, cpu, size = [], [], 0
    for _ in range(runs):
        out = io.BytesIO()
        start, start_cpu = time.perf_counter(), time.process_time()
        write(subgraph, out)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        size = len(out.getvalue())
    return statistics.median(wall), statistics.median(cpu), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,50000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, median of {args.runs} runs")
    print("format  nodes  edges  wall s   cpu s  cpu us/node  bytes")
    for size in (int(s) for s in args.sizes.split(",")):
        subgraph = scaled(size)
        for name, write in (("ftm", ftm.write), ("i2", i2.write)):
            seconds, cpu, written = median_time(write, subgraph, args.runs)
            per_node = cpu / len(subgraph.nodes) * 1e6
            print(
                f"{name:6} {len(subgraph.nodes):6} {len(subgraph.edges):6} "
                f"{seconds:7.3f} {cpu:7.3f} {per_node:12.1f} {written}"
            )


if __name__ == "__main__":
    main()
