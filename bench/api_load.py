"""The API under load: many clients at once, from one and from several server processes, idle and during
an ingest.

    NEO4J_URI=bolt://127.0.0.1:7699 NEO4J_HOME_DIR=/work/bench-data/neo4j-100k \
        .venv/bin/python bench/api_load.py --corpus /work/bench-data/corpus-100000-1 [--runs 3]

On an empty graph it first loads the corpus (`--corpus DIR`, or one written by `crosslink synth
--adverts 100000 --seed 1` into var/bench/), as `crosslink ingest --no-networks` then `crosslink networks
rebuild`; a graph that already holds adverts is used as it is. Then, `--runs` times, for each number of
`--workers` (1 and 2) and each phase (idle, then during an ingest), on loopback:
1. `crosslink serve --workers N` starts, as a user runs it, with a reader key made for the benchmark;
2. in the ingest phase, `crosslink ingest` of the same corpus starts beside it with `--rewrite
   --no-networks`: every advert read, extracted and written again, so that each run does the same work
   on the same graph (new adverts would grow the graph run after run); it is stopped (SIGTERM, the run
   marked interrupted) when the load ends, and the adverts it wrote meanwhile are counted;
3. Locust, headless, runs `--users` clients for `--seconds` (`bench/api_load_users.py`), each asking
   `identifier`, `network`, `networks` (first 50) and `path` as fast as it is answered, the questions
   and inputs picked by a generator seeded with `--seed` (the inputs drawn with the same seed from the
   candidates `bench/api_latency.py`'s queries find, the same in every run on the same graph);
4. the server is stopped by SIGTERM and must leave no process behind.
Before the first run, `--warmup` seconds of the same load on one worker, not recorded, warm Neo4j's page
cache and query plans.
Recorded per run: requests per second, the error rate (an HTTP status other than 200, or a GraphQL
error), p50/p95/p99 at the client (Locust's), the resident memory of all the server's processes after
start-up, at the end of the load and at its peak (from /proc), the CPU seconds the server, Neo4j, Locust
and the ingest used meanwhile, and how many requests each worker answered (the `pid` of each audit
record). Configurations alternate within each round, so that the machine's drift falls on all of them;
the medians are printed, and every run's figures go to `--out` (results.json, Locust's CSV files, the
server's log). The load generator runs on the same machine as the server and Neo4j.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import api_latency  # noqa: E402
import ingest_scale  # noqa: E402

from graph import apikeys  # noqa: E402
from graph.config import Settings, local_password_file  # noqa: E402
from graph.db import connect  # noqa: E402

CROSSLINK = ROOT / ".venv" / "bin" / "crosslink"
LOCUST = ROOT / ".venv" / "bin" / "locust"
USERS = ROOT / "bench" / "api_load_users.py"
PHASES = ("idle", "ingest")
INGEST_SOURCE = "bench-load"
COUNT_ADVERTS = "MATCH (a:Advert) RETURN count(a) AS adverts"
COUNT_NETWORKS = "MATCH (n:Network) RETURN count(n) AS networks"
INPUTS = 500  # of each kind, as bench/api_latency.py draws
EVERY = 100_000_000  # the sampling queries' limit when every candidate is wanted


def ensure_graph(driver: Any, database: str, corpus: Path) -> int:
    """The number of adverts in the graph, after loading `corpus` into it when it holds none."""
    adverts = driver.execute_query(COUNT_ADVERTS, database_=database).records[0]["adverts"]
    if adverts:
        return adverts
    print(f"loading {corpus} into the empty graph", flush=True)
    ingest = [str(CROSSLINK), "ingest", str(corpus), "--source", "bench", "--batch", "1000", "--no-networks"]
    subprocess.run(ingest, check=True, stderr=subprocess.DEVNULL)
    subprocess.run([str(CROSSLINK), "networks", "rebuild"], check=True)
    return driver.execute_query(COUNT_ADVERTS, database_=database).records[0]["adverts"]


def make_plan(driver: Any, database: str, key: str, seed: int) -> dict[str, Any]:
    """What the clients ask: the documents of bench/api_latency.py and inputs found in the graph by its
    queries (phones of networks as an analyst types them, networks, pairs joined through adverts), every
    candidate read and `INPUTS` of each drawn with `seed`: the same graph and seed give the same inputs
    (its queries draw at random in Neo4j, and whether the few slowest networks were drawn changed runs)."""
    rng = random.Random(seed)

    def draw(query: str) -> list[Any]:
        rows = driver.execute_query(query, limit=EVERY, database_=database).records
        return rng.sample(sorted(rows, key=lambda row: list(row.values())), min(INPUTS, len(rows)))

    phones = [
        f"{r['e164'][:3]} {r['e164'][3:7]} {r['e164'][7:]}" for r in draw(api_latency.SAMPLE_IDENTIFIERS)
    ]
    return {
        "key": key,
        "seed": seed,
        "questions": list(api_latency.QUESTIONS),
        "documents": {
            "identifier": api_latency.IDENTIFIER,
            "network": api_latency.NETWORK,
            "networks": api_latency.NETWORKS,
            "path": api_latency.PATH,
        },
        "inputs": {
            "identifier": phones,
            "network": [r["id"] for r in draw(api_latency.SAMPLE_NETWORKS)],
            "path": [[r["a"], r["b"]] for r in draw(api_latency.SAMPLE_PAIRS)],
        },
    }


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU seconds the processes have used so far (those still running)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def neo4j_pid() -> int | None:
    """The local Neo4j's process (scripts/neo4j keeps it beside the password file), if it runs here."""
    try:
        return int((local_password_file().parent / "neo4j.pid").read_text())
    except (OSError, ValueError):
        return None


class PeakMemory(threading.Thread):
    """Samples the resident memory of the server's process tree twice a second; keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            self.peak = max(self.peak, ingest_scale.tree_rss(self.pid))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(workers: int, audit: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """`crosslink serve --workers N` in a session of its own; returned once each worker has started."""
    port = free_port()
    env = {**os.environ, "CROSSLINK_AUDIT_LOG": str(audit)}
    command = [str(CROSSLINK), "serve", "--workers", str(workers), "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"crosslink serve ended before it answered; see {log}")
        started = log.read_text(errors="replace").count("Application startup complete")
        if started >= workers:
            try:
                if httpx2.get(f"{url}/health", timeout=5).status_code == 200:
                    return server, url
            except httpx2.TransportError:
                pass
        time.sleep(0.2)
    os.killpg(server.pid, signal.SIGKILL)
    raise SystemExit(f"crosslink serve --workers {workers} did not start; see {log}")


def stop_server(server: subprocess.Popen) -> list[int]:
    """SIGTERM to the first process, as a service manager sends it; the processes left running after."""
    tree = ingest_scale.descendants(server.pid)
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=120)
    deadline = time.monotonic() + 30  # multiprocessing's helper ends on its own once the parent has gone
    while (left := [pid for pid in tree if running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.2)
    if left:
        os.killpg(server.pid, signal.SIGKILL)
    return left


def running(pid: int) -> bool:
    """Whether the process exists and has not ended (a zombie has)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start_ingest(corpus: Path, out: Path) -> subprocess.Popen:
    command = [
        str(CROSSLINK),
        "ingest",
        str(corpus),
        "--source",
        INGEST_SOURCE,
        "--batch",
        "1000",
        "--rewrite",
        "--no-networks",
        "--rejects",
        str(out / "ingest-rejects.jsonl"),
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def stop_ingest(ingest: subprocess.Popen) -> dict[str, Any]:
    """Stop the ingest if it still runs (it finishes its batch and marks the run interrupted); its last
    JSON log line (the adverts read and written, its status)."""
    if ingest.poll() is None:
        ingest.send_signal(signal.SIGTERM)
    _, stderr = ingest.communicate(timeout=300)
    lines = [line for line in stderr.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {"status": f"exit {ingest.returncode}", "accepted": 0}


def locust_stats(prefix: Path) -> dict[str, dict[str, float]]:
    """Locust's summary rows by name ("Aggregated" for all requests together)."""
    with Path(f"{prefix}_stats.csv").open(encoding="utf-8") as rows:
        return {
            row["Name"]: {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"]),
                "p95": float(row["95%"]),
                "p99": float(row["99%"]),
            }
            for row in csv.DictReader(rows)
        }


def failures(prefix: Path) -> dict[str, int]:
    with Path(f"{prefix}_failures.csv").open(encoding="utf-8") as rows:
        return {f"{row['Name']}: {row['Error']}": int(row["Occurrences"]) for row in csv.DictReader(rows)}


def served_by(audit: Path) -> list[int]:
    """Requests answered by each server process, most first (from the `pid` of each audit record)."""
    if not audit.exists():
        return []
    pids = collections.Counter(json.loads(line).get("pid") for line in audit.open(encoding="utf-8"))
    return sorted(pids.values(), reverse=True)


def one_run(
    workers: int, phase: str, label: str, args: argparse.Namespace, plan_path: Path, seconds: int
) -> dict:
    """One configuration once: the server started, loaded (beside an ingest in that phase), stopped."""
    out: Path = args.out
    audit, prefix = out / f"audit-{label}.jsonl", out / f"locust-{label}"
    audit.unlink(missing_ok=True)
    load_average = Path("/proc/loadavg").read_text().split()[0]
    server, url = start_server(workers, audit, out / f"server-{label}.log")
    try:
        time.sleep(2)  # start-up's last work (collection, connection pools) settles
        rss_before = ingest_scale.tree_rss(server.pid)
        neo4j = neo4j_pid()
        tree = [server.pid, *ingest_scale.descendants(server.pid)]
        cpu = {"server": cpu_seconds(tree), "neo4j": cpu_seconds([neo4j] if neo4j else [])}
        ingest = start_ingest(args.corpus_file, out) if phase == "ingest" else None
        peak = PeakMemory(server.pid)
        peak.start()
        locust_cpu = ingest_scale.children_cpu_seconds()
        command = [
            str(LOCUST), "-f", str(USERS), "--headless", "-u", str(args.users), "-r", str(args.users),
            "-t", f"{seconds}s", "--host", url, "--csv", str(prefix), "--only-summary",
            "--loglevel", "WARNING",
        ]  # fmt: skip
        env = {**os.environ, "CROSSLINK_LOAD_PLAN": str(plan_path)}
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        locust_cpu = ingest_scale.children_cpu_seconds() - locust_cpu
        rss_after = ingest_scale.tree_rss(server.pid)
        peak.done.set()
        peak.join()
        cpu = {
            "server": cpu_seconds(tree) - cpu["server"],
            "neo4j": cpu_seconds([neo4j] if neo4j else []) - cpu["neo4j"],
            "locust": locust_cpu,
        }
        ingested = stop_ingest(ingest) if ingest else None
    finally:
        left = stop_server(server)
    stats = locust_stats(prefix)
    total = stats["Aggregated"]
    return {
        "label": label,
        "workers": workers,
        "phase": phase,
        "load_average_before": float(load_average),
        "requests": total["requests"],
        "failures": total["failures"],
        "error_rate": total["failures"] / total["requests"] if total["requests"] else 1.0,
        "rps": total["rps"],
        "p50": total["p50"],
        "p95": total["p95"],
        "p99": total["p99"],
        "by_question": {name: s for name, s in stats.items() if name != "Aggregated"},
        "failure_kinds": failures(prefix),
        "rss_before": rss_before,
        "rss_after": rss_after,
        "rss_peak": max(peak.peak, rss_after),
        "cpu_seconds": cpu,
        "served_by": served_by(audit),
        "ingest": None if ingested is None else {k: ingested.get(k) for k in ("status", "read", "accepted")},
        "left_running": left,
    }


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def report(results: list[dict], args: argparse.Namespace, graph: str) -> None:
    """The medians of each configuration's runs, as markdown tables."""
    mib = 1024 * 1024
    loads = [r["load_average_before"] for r in results]
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, shared (server, Neo4j, Locust and the "
        f"ingest on the same cores; load average {min(loads):.1f}-{max(loads):.1f} before the runs); "
        f"graph: {graph}; {args.users} clients for {args.seconds} s, no pause, seed {args.seed}; "
        f"medians of {args.runs} runs"
    )
    print(
        "| workers | phase | requests/s | error rate | p50 ms | p95 ms | p99 ms | RSS before MiB "
        "| RSS after MiB | RSS peak MiB | CPU s server / Neo4j / Locust | CPU ms per request server / Neo4j "
        "| adverts the ingest wrote meanwhile |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|")
    for workers in args.workers:
        for phase in PHASES:
            runs = [r for r in results if r["workers"] == workers and r["phase"] == phase]
            if not runs:
                continue
            cpu = " / ".join(
                f"{statistics.median(r['cpu_seconds'][k] for r in runs):.0f}"
                for k in ("server", "neo4j", "locust")
            )
            per_request = " / ".join(
                f"{statistics.median(r['cpu_seconds'][k] / r['requests'] for r in runs) * 1000:.1f}"
                for k in ("server", "neo4j")
            )
            ingested = (
                f"{statistics.median(r['ingest']['accepted'] or 0 for r in runs):,.0f}"
                if phase == "ingest"
                else ""
            )
            print(
                f"| {workers} | {phase} | {median(runs, 'rps'):.1f} | {median(runs, 'error_rate'):.2%} "
                f"| {median(runs, 'p50'):.0f} | {median(runs, 'p95'):.0f} | {median(runs, 'p99'):.0f} "
                f"| {median(runs, 'rss_before') / mib:.0f} | {median(runs, 'rss_after') / mib:.0f} "
                f"| {median(runs, 'rss_peak') / mib:.0f} | {cpu} | {per_request} | {ingested} |"
            )
    print("\nFailures, all runs together:")
    for workers in args.workers:
        for phase in PHASES:
            kinds: collections.Counter[str] = collections.Counter()
            for r in results:
                if r["workers"] == workers and r["phase"] == phase:
                    kinds.update(r["failure_kinds"])
            listed = "; ".join(f"{kind} x{count}" for kind, count in kinds.most_common()) or "none"
            print(f"- {workers} worker(s), {phase}: {listed}")
    print("\nPer question (medians of the runs): p50 / p95 ms")
    print("| workers | phase | " + " | ".join(api_latency.QUESTIONS) + " |")
    print("|---:|---|" + "---:|" * len(api_latency.QUESTIONS))
    for workers in args.workers:
        for phase in PHASES:
            runs = [r for r in results if r["workers"] == workers and r["phase"] == phase]
            if not runs:
                continue
            cells = []
            for question in api_latency.QUESTIONS:
                asked = [r["by_question"][question] for r in runs if question in r["by_question"]]
                p50 = statistics.median(s["p50"] for s in asked) if asked else float("nan")
                p95 = statistics.median(s["p95"] for s in asked) if asked else float("nan")
                cells.append(f"{p50:.0f} / {p95:.0f}")
            print(f"| {workers} | {phase} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="corpus folder or adverts.jsonl (default: synthesised)")
    parser.add_argument("--adverts", type=int, default=100_000, help="adverts to synthesise without --corpus")
    parser.add_argument("--seed", type=int, default=1, help="the corpus's seed and the question mix's")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--warmup", type=int, default=30, help="seconds of load first, not recorded (0: none)"
    )
    parser.add_argument("--phase", choices=PHASES, action="append", help="only this phase (repeatable)")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench" / "api-load")
    parser.add_argument(
        "--report", type=Path, metavar="RESULTS", help="only print the tables of a results.json"
    )
    args = parser.parse_args()
    if args.report:
        saved = json.loads(args.report.read_text(encoding="utf-8"))
        report(saved["results"], argparse.Namespace(**saved["settings"]), saved["graph"])
        return
    args.out.mkdir(parents=True, exist_ok=True)
    args.corpus_file = ingest_scale.corpus_file(args)
    settings = Settings.from_env()
    driver = connect(settings)
    database = settings.database
    adverts = ensure_graph(driver, database, args.corpus_file)
    networks = driver.execute_query(COUNT_NETWORKS, database_=database).records[0]["networks"]
    graph = f"{adverts:,} adverts, {networks:,} networks"
    reader, key = apikeys.create_key(driver, database, role="reader", name="load benchmark")
    plan_path = args.out / "plan.json"
    plan_path.write_text(json.dumps(make_plan(driver, database, key, args.seed)), encoding="utf-8")
    os.chmod(plan_path, 0o600)  # it holds the benchmark's key, revoked at the end
    results: list[dict] = []
    chosen = {k: getattr(args, k) for k in ("users", "seconds", "seed", "runs", "workers")}
    try:
        if args.warmup:  # Neo4j's page cache and query plans, the operating system's file cache
            warm = one_run(1, "idle", "warmup", args, plan_path, args.warmup)
            print(json.dumps({"warmup": {k: warm[k] for k in ("requests", "failures", "rps")}}), flush=True)
        for round_number in range(1, args.runs + 1):
            order = args.workers if round_number % 2 else list(reversed(args.workers))
            for phase in args.phase or PHASES:
                for workers in order:
                    label = f"w{workers}-{phase}-{round_number}"
                    result = one_run(workers, phase, label, args, plan_path, args.seconds)
                    results.append(result)
                    print(json.dumps({k: v for k, v in result.items() if k != "by_question"}), flush=True)
                    saved = {"graph": graph, "settings": chosen, "results": results}
                    (args.out / "results.json").write_text(json.dumps(saved, indent=1), encoding="utf-8")
    finally:
        apikeys.revoke_key(driver, database, reader.id)
        driver.close()
    report(results, args, graph)


if __name__ == "__main__":
    main()
