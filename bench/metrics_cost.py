"""What the API's Prometheus metrics cost a request, and what a scrape costs.

    python bench/metrics_cost.py [--requests 100000] [--runs 5]

A request counted by the API (api.metrics) goes through `ApiMetrics.record` (its audit record: the
operation, its outcome and time) and `ApiMetrics.request` (route, status and time), both under the
middleware that sets the request's metrics. Measured here in process CPU time over `--requests`
requests of a realistic mix (named operations, some refused, downloads), median of `--runs`, beside a
baseline in the same run: the same loop building the same records and calling nothing. A scrape is
`exposition()` with 100 operation names, each with observations in every histogram bucket.

No Neo4j needed: the counting is all in this process. The request's whole cost, for comparison, is the
API's server CPU per request in BENCHMARKS.md (API latency).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.metrics import ApiMetrics  # noqa: E402

OPERATIONS = ("NetworkTriage", "IdentifierLookup", "PathBetween", "NetworkEvidence")


def records(count: int) -> list[tuple[dict[str, Any], str, int, float]]:
    """`count` requests: an audit record and the HTTP route, status and seconds of each."""
    made = []
    for i in range(count):
        if i % 50 == 0:
            record = {"type": "graphql", "operation": None, "outcome": "refused", "errors": ["DEPTH"]}
            made.append((record, "/graphql", 400, 0.002))
        elif i % 97 == 0:
            record = {
                "type": "download",
                "operation": "export network",
                "fields": [{"field": "export.network", "args": {"format": "csv"}}],
                "outcome": "ok",
                "ms": 41.0,
            }
            made.append((record, "/export/network", 200, 0.041))
        else:
            name = OPERATIONS[i % len(OPERATIONS)]
            record = {"type": "graphql", "operation": name, "key_id": "k1", "outcome": "ok", "ms": 8.5}
            made.append((record, "/graphql", 200, 0.0085))
    return made


def cpu_seconds(work: Callable[[], None]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def measure(requests: int) -> tuple[float, float]:
    """CPU seconds of counting `requests` requests, and of the same loop counting nothing."""
    made = records(requests)
    metrics = ApiMetrics()

    def counted() -> None:
        for record, path, status, seconds in made:
            metrics.record(record)
            metrics.request(path, status, seconds)

    def baseline() -> None:
        unpacked = 0
        for _record, _path, status, _seconds in made:
            unpacked += status

    return cpu_seconds(counted), cpu_seconds(baseline)


def scrape_seconds(runs: int) -> float:
    metrics = ApiMetrics()
    for n in range(100):
        name = f"Operation{n}"
        for ms in (1, 4, 9, 30, 80, 300, 900, 4000):
            metrics.record({"operation": name, "key_id": "k1", "outcome": "ok", "ms": ms})
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        metrics.exposition()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    counted, baseline = [], []
    for _ in range(args.runs):
        with_metrics, without = measure(args.requests)
        counted.append(with_metrics)
        baseline.append(without)
    per_request = (statistics.median(counted) - statistics.median(baseline)) / args.requests
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"requests per run: {args.requests:,}, runs: {args.runs}")
    print(f"counting, CPU s per run: {', '.join(f'{s:.3f}' for s in counted)}")
    print(f"baseline, CPU s per run: {', '.join(f'{s:.3f}' for s in baseline)}")
    print(f"metrics per request (median counting - median baseline): {per_request * 1e6:.1f} µs CPU")
    print(f"scrape of 100 operations (median of {args.runs}): {scrape_seconds(args.runs) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
