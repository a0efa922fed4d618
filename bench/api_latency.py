"""GraphQL latency over HTTP against the same reads run bare through the driver, on a loaded graph.

    NEO4J_URI=... NEO4J_PASSWORD=... python bench/api_latency.py [--requests 200] [--rebuild] [--only Q]

Serves the API in a process of its own, as `crosslink serve` does (uvicorn on 127.0.0.1, a reader key;
a client sharing the server's process would share its interpreter lock too), then for each question an
analyst asks (`identifier`, `network`, `networks` first 50, `path`) sends `--requests` requests with
inputs sampled from the graph, after a warm-up, and records the wall time of each request at the
client (the standard library's HTTP client on a kept-alive connection, the body decoded as JSON).
The server records every read query a request runs with its parameters, and hands them over after
each request (outside the timing); the "bare" figure replays exactly those queries, one after the
other, through the driver in read transactions, so the ratio is what the GraphQL layer (HTTP, parsing,
validation, resolvers, loaders, serialisation) costs on top of Neo4j. Requests and replays alternate in
blocks (`--block`, 20 requests, then their replays), so that both figures are taken while the machine
runs at the same speed: on a shared machine it moves by 2x within minutes.
The last two columns are CPU, far steadier than wall time on a shared machine: the server process's
for each /graphql request (median), and the benchmark's own for each bare replay (the driver's work,
without Neo4j's). `--rebuild` first times a full network recompute; `--only identifier` (repeatable)
asks just that question, for a quick comparison or a profile of one.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import pickle
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import uvicorn
from fastapi.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.app import create_app  # noqa: E402
from graph import apikeys, cypher  # noqa: E402
from graph.config import Settings  # noqa: E402
from graph.db import QUIET, connect  # noqa: E402
from graph.networks import rebuild  # noqa: E402
from graph.read.reader import AsyncReader  # noqa: E402

IDENTIFIER = """query ($v: String!) { identifier(value: $v) {
  id kind value country hub advertCount
  adverts(first: 20) { id platform postedAt }
  accounts(first: 20) { account { id platform } }
  networks { id score size platforms countries }
} }"""
NETWORK = """query ($id: ID!) { network(id: $id) {
  id size score scoreExplanation platforms countries firstSeen lastSeen
  adverts(first: 50) { id platform postedAt }
  accounts(first: 50) { id platform }
  identifiers { kind identifiers { adverts identifier { id } } }
  timeline { day adverts }
  evidence(advertsPerIdentifier: 5) {
    advertCount identifier { id } adverts { spans { start end text } advert { id } }
  }
} }"""
NETWORKS = """query { networks(first: 50, orderBy: SCORE, filter: {minPlatforms: 2, minCountries: 2}) {
  totalCount edges { cursor node { id score size platforms countries lastSeen scoreExplanation } }
} }"""
PATH = """query ($a: String!, $b: String!) { path(from: $a, to: $b, maxHops: 4) {
  length nodeIds hops { source target relation advert { id } spans { start end text } }
} }"""

QUESTIONS = ("identifier", "network", "networks", "path")
TITLES = {"networks": "networks (first 50)"}

SAMPLE_IDENTIFIERS = """
MATCH (n:Network)<-[:IN_NETWORK]-(a:Advert)-[:MENTIONS]->(p:Phone)
WHERE coalesce(p.hub, false) = false
WITH p, rand() AS r ORDER BY r LIMIT $limit
RETURN p.key AS key, p.e164 AS e164
"""
SAMPLE_NETWORKS = "MATCH (n:Network) WITH n, rand() AS r ORDER BY r LIMIT $limit RETURN n.id AS id"
SAMPLE_PAIRS = """
MATCH (n:Network) WHERE n.advert_count >= 3
WITH n, rand() AS r ORDER BY r LIMIT $limit
MATCH (n)<-[:IN_NETWORK]-(a:Advert)-[:MENTIONS]->(i) WHERE coalesce(i.hub, false) = false AND NOT i:Domain
WITH n, collect(DISTINCT i.key)[..4] AS keys WHERE size(keys) >= 2
RETURN keys[0] AS a, keys[size(keys) - 1] AS b
"""


def questions(driver: Any, database: str) -> dict[str, tuple[str, Callable[[], dict[str, Any]]]]:
    """Each question's document and a sampler of its variables, drawn from the graph (500 of each)."""

    def sample(query: str) -> list[Any]:
        return driver.execute_query(query, limit=500, database_=database).records

    phones = [r["e164"] for r in sample(SAMPLE_IDENTIFIERS)]
    networks = [r["id"] for r in sample(SAMPLE_NETWORKS)]
    pairs = [(r["a"], r["b"]) for r in sample(SAMPLE_PAIRS)]

    def spaced(e164: str) -> str:  # typed as an analyst would: "+44 7400 123456"
        return f"{e164[:3]} {e164[3:7]} {e164[7:]}"

    return {
        "identifier": (IDENTIFIER, lambda: {"v": spaced(random.choice(phones))}),
        "network": (NETWORK, lambda: {"id": random.choice(networks)}),
        "networks": (NETWORKS, dict),
        "path": (PATH, lambda: dict(zip(("a", "b"), random.choice(pairs), strict=True))),
    }


class Recorder:
    """Records the read queries (name and parameters) the server runs, by wrapping AsyncReader.rows,
    and the server's CPU seconds spent answering /graphql (one client sends one request at a time).

    Every read runs on the server's event loop, as does the route handing them over: no lock is needed."""

    def __init__(self) -> None:
        self.reads: list[tuple[str, dict[str, Any]]] = []
        self.cpu = 0.0
        original = AsyncReader.rows
        recorder = self

        async def rows(reader: AsyncReader, name: str, **parameters: Any) -> list[dict[str, Any]]:
            recorder.reads.append((name, parameters))
            return await original(reader, name, **parameters)

        AsyncReader.rows = rows  # type: ignore[method-assign]

    def take(self) -> tuple[list[tuple[str, dict[str, Any]]], float]:
        taken, self.reads = self.reads, []
        cpu, self.cpu = self.cpu, 0.0
        return taken, cpu

    def timing(self, app: ASGIApp) -> ASGIApp:
        """`app`, with the process's CPU time counted for each /graphql request, response sent."""

        async def timed(scope: Scope, receive: Receive, send: Send) -> None:
            if scope.get("path") != "/graphql":
                await app(scope, receive, send)
                return
            started = time.process_time()
            try:
                await app(scope, receive, send)
            finally:
                self.cpu += time.process_time() - started

        return timed


def serve_here(port: int) -> None:
    """The server process: the API as `crosslink serve` runs it, plus a route handing over the reads
    recorded since the last call (this benchmark's own, on loopback, behind the same key check)."""
    os.environ.setdefault("CROSSLINK_AUDIT_LOG", str(ROOT / "var" / "bench" / "audit-bench.jsonl"))
    settings = Settings.from_env()
    recorder = Recorder()
    app = create_app(connect(settings), settings.database, settings=settings)

    async def reads() -> Response:
        return Response(pickle.dumps(recorder.take()), media_type="application/octet-stream")

    app.add_api_route("/bench/reads", reads, methods=["POST"])
    uvicorn.run(
        recorder.timing(app),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        server_header=False,
        lifespan="on",
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve() -> tuple[str, subprocess.Popen]:
    """Start the server process; its base URL once it answers, and the process."""
    port = free_port()
    process = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit("the API server process ended before it answered")
        try:
            if httpx2.get(f"{base}/health").status_code == 200:
                return base, process
        except httpx2.HTTPError:
            pass
        time.sleep(0.1)
    process.terminate()
    raise SystemExit("the API did not start")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Client:
    """A thin HTTP/1.1 client on a kept-alive connection (the standard library's): what is timed is
    the API's answer, with as little of the client's own work in it as a client can have."""

    def __init__(self, base: str, key: str) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.address = (host, int(port))
        self.connection = http.client.HTTPConnection(*self.address, timeout=60)
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def reconnect(self) -> None:
        """A new connection: the server closes one left idle for 5 s (uvicorn's keep-alive), as it is
        while the bare replays run."""
        self.connection.close()
        self.connection = http.client.HTTPConnection(*self.address, timeout=60)

    def post(self, path: str, payload: dict[str, Any] | None = None) -> tuple[int, bytes]:
        self.connection.request("POST", path, body=json.dumps(payload or {}), headers=self.headers)
        response = self.connection.getresponse()
        return response.status, response.read()

    def close(self) -> None:
        self.connection.close()


def measure(
    client: Client,
    query: str,
    variables: Callable[[], dict[str, Any]],
    requests: int,
    warmup: int,
) -> tuple[list[float], list[list[tuple[str, dict[str, Any]]]], list[float]]:
    """Wall seconds of each request at the client, the reads it ran, and the server's CPU seconds."""
    times: list[float] = []
    reads: list[list[tuple[str, dict[str, Any]]]] = []
    cpus: list[float] = []
    for number in range(warmup + requests):
        started = time.perf_counter()
        status, raw = client.post("/graphql", {"query": query, "variables": variables()})
        body = json.loads(raw)
        elapsed = time.perf_counter() - started
        if status != 200 or body.get("errors"):
            raise SystemExit(f"request failed: {status} {body.get('errors')}")
        ran, cpu = pickle.loads(client.post("/bench/reads")[1])
        if number >= warmup:
            times.append(elapsed)
            reads.append(ran)
            cpus.append(cpu)
    return times, reads, cpus


def alternated(
    client: Client,
    driver: Any,
    database: str,
    case: tuple[str, Callable[[], dict[str, Any]]],
    options: argparse.Namespace,
) -> tuple[list[float], list[float], list[float], list[float], float]:
    """One question asked `options.requests` times after a warm-up, in blocks of `options.block`
    requests each followed at once by the bare replay of its reads, so that both figures see the machine
    in the same states (its speed moves by 2x within minutes): GraphQL and bare wall seconds, the server's
    and the bare replay's CPU seconds, per request, and the mean number of reads per request."""
    query, variables = case
    client.reconnect()  # connecting is part of the warm-up
    measure(client, query, variables, 0, options.warmup)
    times: list[float] = []
    server_cpu: list[float] = []
    replay: list[float] = []
    bare_cpu: list[float] = []
    counts: list[int] = []
    while len(times) < options.requests:
        size = min(options.block, options.requests - len(times))
        block_times, reads, block_cpu = measure(client, query, variables, size, 0)
        block_replay, block_bare_cpu = bare(driver, database, reads)
        times += block_times
        server_cpu += block_cpu
        replay += block_replay
        bare_cpu += block_bare_cpu
        counts += [len(r) for r in reads]
    return times, replay, server_cpu, bare_cpu, statistics.mean(counts)


def bare(
    driver: Any, database: str, reads: list[list[tuple[str, dict[str, Any]]]]
) -> tuple[list[float], list[float]]:
    """Each request's reads replayed one after the other, in read transactions, records fetched: wall
    seconds and this process's CPU seconds, per request."""
    times, cpus = [], []
    # As the API's reader does: "property does not exist" notices are not wanted (nor their logging cost).
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        for request in reads:
            started, cpu = time.perf_counter(), time.process_time()
            for name, parameters in request:
                session.execute_read(_fetch_all, *bare_query(name, parameters))
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
    return times, cpus


def bare_query(name: str, parameters: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A recorded read as the driver takes it: the text with its slots filled, as the reader fills
    them, and the query's parameters."""
    return cypher.variant(name, **parameters.get("slots", {})), {
        k: v for k, v in parameters.items() if k != "slots"
    }


def _fetch_all(tx: Any, query: str, parameters: dict[str, Any]) -> list[Any]:
    return list(tx.run(query, parameters))


def question_options(parser: argparse.ArgumentParser, *, requests: int) -> None:
    """The options every API benchmark takes: how many requests per question, the seed the inputs are
    sampled with, and which questions to ask."""
    parser.add_argument("--requests", type=int, default=requests)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--only", action="append", choices=QUESTIONS, help="ask only this question (repeatable; default all)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    question_options(parser, requests=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument(
        "--block",
        type=int,
        default=20,
        help="requests between bare replays (default 20; as many as "
        "--requests: all requests first, then all replays)",
    )
    parser.add_argument("--rebuild", action="store_true", help="time a full network recompute first")
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_here(args.serve)
        return
    random.seed(args.seed)
    settings = Settings.from_env()
    driver = connect(settings)
    database = settings.database
    if args.rebuild:
        started = time.perf_counter()
        report = rebuild(driver, database)
        print(
            f"full network recompute: {time.perf_counter() - started:.1f}s ({report.networks} networks, "
            f"{report.adverts_read} adverts read, {len(report.hubs)} hubs)"
        )
    counts = driver.execute_query(
        "MATCH (a:Advert) WITH count(a) AS adverts MATCH (n:Network) RETURN adverts, count(n) AS networks",
        database_=database,
    ).records[0]
    cases = questions(driver, database)
    reader_key, key = apikeys.create_key(driver, database, role="reader", name="latency benchmark")
    base, server = serve()
    asked = [name for name in QUESTIONS if name in (args.only or QUESTIONS)]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; graph: {counts['adverts']:,} adverts, "
        f"{counts['networks']:,} networks; {args.requests} requests after {args.warmup} warm-up, one client, "
        f"replayed bare after every {args.block}"
    )
    print(
        "| query | GraphQL p50 ms | GraphQL p95 ms | bare Cypher p50 ms | bare p95 ms | ratio p50 "
        "| ratio p95 | reads/request | server CPU ms | bare CPU ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    client = Client(base, key)
    try:
        for name in asked:
            times, replay, server_cpu, bare_cpu, per_request = alternated(
                client, driver, database, cases[name], args
            )
            p50, p95 = percentile(times, 0.5) * 1000, percentile(times, 0.95) * 1000
            b50, b95 = percentile(replay, 0.5) * 1000, percentile(replay, 0.95) * 1000
            print(
                f"| {TITLES.get(name, name)} | {p50:.1f} | {p95:.1f} | {b50:.1f} | {b95:.1f} "
                f"| {p50 / b50:.2f} | {p95 / b95:.2f} | {per_request:.1f} "
                f"| {statistics.median(server_cpu) * 1000:.2f} | {statistics.median(bare_cpu) * 1000:.2f} |"
            )
    finally:
        client.close()
        server.terminate()
        server.wait()
        apikeys.revoke_key(driver, database, reader_key.id)
    driver.close()


if __name__ == "__main__":
    main()
