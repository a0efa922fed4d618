"""Two versions of the API side by side on one graph: the same requests, alternated between them.

    NEO4J_URI=... NEO4J_PASSWORD=... python bench/api_compare.py OTHER_TREE [--requests 400] [--only Q]

OTHER_TREE is another checkout of this repository (`git worktree add /tmp/before <commit>`). Each tree's
API is served in a process of its own, as `bench/api_latency.py` serves it (uvicorn on 127.0.0.1, a
reader key, its `--serve` mode), both at once. For each question, every input is asked of both servers,
in random order, one after the other, so that both are measured while the shared machine runs at the
same speed: its speed moves by 2x within minutes, which two runs one after the other cannot tell from
a change in the code. Reported per tree: p50 and p95 wall time at the client, and the server's CPU per
request (median). No bare replay: the two versions run the same reads, or the difference shows here.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api_latency import QUESTIONS, Client, free_port, percentile, question_options, questions  # noqa: E402

from graph import apikeys  # noqa: E402
from graph.config import Settings  # noqa: E402
from graph.db import connect  # noqa: E402


def serve(tree: Path, key: str) -> tuple[subprocess.Popen, Client]:
    """`tree`'s API in a process of its own, once it answers, and a client of it."""
    port = free_port()
    process = subprocess.Popen([sys.executable, str(tree / "bench" / "api_latency.py"), "--serve", str(port)])
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"the API of {tree} ended before it answered")
        try:
            if httpx2.get(f"{base}/health").status_code == 200:
                return process, Client(base, key)
        except httpx2.HTTPError:
            pass
        time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"the API of {tree} did not start")


def ask(client: Client, query: str, variables: dict) -> tuple[float, float]:
    """Wall seconds of one request at the client, and the server's CPU seconds for it."""
    started = time.perf_counter()
    status, raw = client.post("/graphql", {"query": query, "variables": variables})
    elapsed = time.perf_counter() - started
    body = json.loads(raw)
    if status != 200 or body.get("errors"):
        raise SystemExit(f"request failed: {status} {body.get('errors')}")
    _, cpu = pickle.loads(client.post("/bench/reads")[1])
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout of this repository")
    question_options(parser, requests=400)
    parser.add_argument("--warmup", type=int, default=30)
    args = parser.parse_args()
    random.seed(args.seed)
    settings = Settings.from_env()
    driver = connect(settings)
    cases = questions(driver, settings.database)
    reader_key, key = apikeys.create_key(driver, settings.database, role="reader", name="api comparison")
    trees = [args.other.resolve(), ROOT]
    servers: list[tuple[subprocess.Popen, Client]] = []
    try:
        for tree in trees:
            servers.append(serve(tree, key))
        print("| query | tree | p50 ms | p95 ms | server CPU ms |\n|---|---|---:|---:|---:|")
        for name in [q for q in QUESTIONS if q in (args.only or QUESTIONS)]:
            query, variables = cases[name]
            times: list[list[tuple[float, float]]] = [[] for _ in trees]
            for number in range(args.warmup + args.requests):
                values = variables()
                for index in random.sample(range(len(trees)), len(trees)):
                    measured = ask(servers[index][1], query, values)
                    if number >= args.warmup:
                        times[index].append(measured)
            for tree, measured in zip(trees, times, strict=True):
                walls = [wall for wall, _ in measured]
                cpu = statistics.median(c for _, c in measured)
                print(
                    f"| {name} | {tree} | {percentile(walls, 0.5) * 1000:.2f} "
                    f"| {percentile(walls, 0.95) * 1000:.2f} | {cpu * 1000:.2f} |"
                )
    finally:
        for process, client in servers:
            client.close()
            process.terminate()
            process.wait()
        apikeys.revoke_key(driver, settings.database, reader_key.id)
        driver.close()


if __name__ == "__main__":
    main()
