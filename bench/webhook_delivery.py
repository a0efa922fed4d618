"""Watch hits queued and posted to a webhook receiver on 127.0.0.1: how long queueing a run's hits and
posting them take.

    NEO4J_URI=... NEO4J_PASSWORD=... python bench/webhook_delivery.py [--hits 1000] [--deliverers 1]
        [--rounds 3]

WIPES THE GRAPH of the database it is given, before each round. Per round, on an emptied graph: watches
one phone, ingests `--hits` new adverts that each carry it (plus as many that do not) as one run, then
times `queue_watch_hits` over that run, queueing it again (nothing new), and `deliver_pending` from
`--deliverers` threads at once to a receiver in this process that answers 200 at once; every hit must
be posted exactly once. Prints a Markdown table of medians.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from graph import casework, webhooks  # noqa: E402
from graph.cypher import load  # noqa: E402
from graph.db import connect  # noqa: E402
from graph.ingest import ingest  # noqa: E402

PHONE = "+44 7957 500418"


class Counting(BaseHTTPRequestHandler):
    """Answers 200 to every post and counts its delivery id."""

    seen: ClassVar[Counter[str]] = Counter()
    lock = threading.Lock()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.lock:
            self.seen[self.headers.get("X-Crosslink-Delivery", "")] += 1
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
        del body

    def log_message(self, format: str, *args: object) -> None:
        pass


def adverts(hits: int) -> list[dict[str, object]]:
    rows = []
    for n in range(hits):
        base = {"platform": "telegram", "posted_at": "2024-03-01T10:00:00Z", "region": "FR"}
        rows.append({**base, "post_id": f"hit{n}", "text": f"Crossing {n} tonight, WhatsApp {PHONE}"})
        rows.append({**base, "post_id": f"miss{n}", "text": f"Ferry timetable {n}, no phone here"})
    return rows


def round_(driver: neo4j.Driver, database: str, hits: int, deliverers: int, url: str) -> dict[str, float]:
    with driver.session(database=database) as session:
        session.run(load("graph_wipe"), rows=10_000).consume()
    casework.ensure_schema(driver, database)
    webhooks.ensure_schema(driver, database)
    casework.watch(driver, database, PHONE, by="bench")
    run = ingest(driver, database, adverts(hits), source="bench").run_id
    Counting.seen.clear()

    start = time.perf_counter()
    queued = webhooks.queue_watch_hits(driver, database, [run])
    queue_seconds = time.perf_counter() - start
    start = time.perf_counter()
    again = webhooks.queue_watch_hits(driver, database, [run])
    requeue_seconds = time.perf_counter() - start
    assert (queued, again) == (hits, 0), (queued, again)

    config = webhooks.WebhookConfig(url, "bench-secret", timeout=10.0)
    barrier = threading.Barrier(deliverers)

    def deliver() -> None:
        barrier.wait()
        webhooks.deliver_pending(driver, database, config, budget_seconds=3600)

    threads = [threading.Thread(target=deliver) for _ in range(deliverers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    deliver_seconds = time.perf_counter() - start
    assert len(Counting.seen) == hits and set(Counting.seen.values()) == {1}, "a hit posted twice or lost"
    return {"queue": queue_seconds, "requeue": requeue_seconds, "deliver": deliver_seconds}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--hits", type=int, default=1000)
    parser.add_argument("--deliverers", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    driver = connect()
    try:
        rounds = [round_(driver, database, args.hits, args.deliverers, url) for _ in range(args.rounds)]
    finally:
        driver.close()
        server.shutdown()
    print(f"{args.hits} hits, {args.deliverers} deliverer(s), {args.rounds} rounds, median; ", end="")
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| step | seconds | hits/s |")
    print("|---|---|---|")
    for step in ("queue", "requeue", "deliver"):
        seconds = statistics.median(r[step] for r in rounds)
        rate = f"{args.hits / seconds:,.0f}" if step != "requeue" else "-"
        print(f"| {step} | {seconds:.3f} | {rate} |")


if __name__ == "__main__":
    main()
