"""Ingest at scale: Crosslink's ingest against a bare UNWIND ... MERGE loader, on a fresh Neo4j each time.

    python bench/ingest_scale.py --adverts 100000 --seed 1 --rounds 3
    python bench/ingest_scale.py --corpus var/bench/corpus-1000000-1 --rounds 1 --heap 4g --pagecache 8g

Each round, on a server of its own (port 7699, data in var/neo4j-bench, wiped before each load):
1. bare, the same graph: the same adverts, their identifiers extracted beforehand (not timed), written
   by plain `UNWIND $rows ... MERGE` statements, one per label and batch, as the very graph ingest
   writes (same nodes, relationships, properties, constraints and indexes; see bench/bare_loader.py).
   No validation, no extraction, no change detection, no run bookkeeping. The ingest target is stated
   against this one, and the graphs it and ingest leave are compared in every round;
2. bare, minimal graph: adverts, authors, identifier nodes and MENTIONS with their spans only, under
   uniqueness constraints alone (a floor, for reference);
3. crosslink: `crosslink ingest FILE --source bench --no-networks` as a separate process (validation,
   extraction in worker processes, change detection, evidence, USES, run node; not the networks'
   catch-up at its end, which the bare loaders have no counterpart of);
4. re-run: the same command again on the loaded graph.
With `--start-up`, each round also times both same-graph loads of the corpus's first advert alone, on a
fresh server: what each pays whatever the file's size (crosslink: the process's start, the schema, the
run's bookkeeping, a worker's start; either: Neo4j planning its statements cold). The report then also
gives the ratio of the two loaders' times past that, (bare - bare of one) / (crosslink - crosslink of
one): their throughput on the rest of the file.
The rounds alternate, so machine noise falls on both loaders alike; the medians are reported, with peak
memory of the ingest process tree and of Neo4j, and the store size. The corpus is generated with
`crosslink synth` when `--corpus` is not given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bare_loader  # noqa: E402

PORT = 7699
HOME = ROOT / "var" / "neo4j-bench"
PASSWORD = "bench-password-local"  # a throwaway server on loopback, wiped every round


def server(command: str, heap: str, pagecache: str) -> None:
    env = {
        **os.environ,
        "NEO4J_URI": f"bolt://127.0.0.1:{PORT}",
        "NEO4J_HOME_DIR": str(HOME),
        "NEO4J_PASSWORD": PASSWORD,
        "NEO4J_HEAP": heap,
        "NEO4J_PAGECACHE": pagecache,
    }
    subprocess.run([str(ROOT / "scripts" / "neo4j"), command], env=env, check=True, stdout=subprocess.DEVNULL)


def fresh_server(heap: str, pagecache: str) -> None:
    """Stop the bench server, delete its data, start it again: the fastest way to an empty graph."""
    server("stop", heap, pagecache)
    subprocess.run(["rm", "-rf", str(HOME / "data")], check=True)
    server("start", heap, pagecache)


def connect() -> Any:
    import neo4j

    driver = neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{PORT}", auth=("neo4j", PASSWORD))
    driver.verify_connectivity()
    return driver


def corpus_file(args: argparse.Namespace) -> Path:
    if args.corpus:
        path = Path(args.corpus)
        return path / "adverts.jsonl" if path.is_dir() else path
    out = ROOT / "var" / "bench" / f"corpus-{args.adverts}-{args.seed}"
    if not (out / "adverts.jsonl").exists():
        crosslink = ROOT / ".venv" / "bin" / "crosslink"
        subprocess.run(
            [
                str(crosslink),
                "synth",
                "--adverts",
                str(args.adverts),
                "--seed",
                str(args.seed),
                "--out",
                str(out),
            ],
            check=True,
        )
    return out / "adverts.jsonl"


class PeakMemory:
    """Samples the resident memory of a process tree (and of Neo4j) every 200 ms; keeps the peaks."""

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid
        self.tree_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            if self.pid is not None:
                self.tree_peak = max(self.tree_peak, tree_rss(self.pid))


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total = 0
    for child in [pid, *descendants(pid)]:
        try:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found = [int(c) for c in children]
    for child in list(found):
        found.extend(descendants(child))
    return found


def neo4j_peak() -> int:
    """Neo4j's peak resident memory since it started (VmHWM of the server process)."""
    pid = int((HOME / "neo4j.pid").read_text())
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def neo4j_cpu_seconds() -> float:
    """User + system CPU seconds the bench server has used since it started."""
    pid = int((HOME / "neo4j.pid").read_text())
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds() -> float:
    """User + system CPU seconds of this process's waited-for children (crosslink ingest and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Cpu:
    """CPU seconds spent by Neo4j and by the loading client over a `with` block."""

    def __enter__(self) -> Cpu:
        self._neo4j, self._own, self._children = (
            neo4j_cpu_seconds(),
            time.process_time(),
            children_cpu_seconds(),
        )
        return self

    def __exit__(self, *exc: object) -> None:
        self.neo4j = neo4j_cpu_seconds() - self._neo4j
        self.client = time.process_time() - self._own + children_cpu_seconds() - self._children


def store_bytes() -> int:
    result = subprocess.run(["du", "-sb", str(HOME / "data")], capture_output=True, text=True, check=True)
    return int(result.stdout.split()[0])


def crosslink_ingest(adverts: Path, batch: int, workers: int) -> tuple[float, int, dict[str, Any]]:
    """`crosslink ingest` as its own process: wall seconds, peak memory of its tree, its final log line."""
    env = {**os.environ, "NEO4J_URI": f"bolt://127.0.0.1:{PORT}", "NEO4J_PASSWORD": PASSWORD}
    command = [
        str(ROOT / ".venv" / "bin" / "crosslink"),
        "ingest",
        str(adverts),
        "--source",
        "bench",
        "--batch",
        str(batch),
        "--workers",
        str(workers),
        "--rejects",
        str(HOME / "rejects.jsonl"),
        "--no-networks",  # the loaders compared build no networks; BENCHMARKS.md times those apart
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with PeakMemory(process.pid) as memory:
        _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 3):
        raise SystemExit(f"crosslink ingest failed ({process.returncode}):\n{stderr[-2000:]}")
    summary = json.loads([line for line in stderr.splitlines() if line.startswith("{")][-1])
    return seconds, memory.tree_peak, summary


LOADS = {
    "bare-same": "bare UNWIND ... MERGE, the same graph",
    "bare-minimal": "bare UNWIND ... MERGE, minimal graph",
    "crosslink": "crosslink ingest",
    "rerun": "crosslink ingest, same file again",
    "bare-one": "bare UNWIND ... MERGE, the same graph, first advert alone",
    "crosslink-one": "crosslink ingest, first advert alone",
}


def first_advert(adverts: Path) -> tuple[Path, Path]:
    """The corpus's first advert as a file of its own, and its row for the bare loader (beside it)."""
    with adverts.open("rb") as stream:
        line = next(line for line in stream if line.strip())
    row = bare_loader.rows_of([line])
    if not row:
        raise SystemExit(f"the first line of {adverts} is not an advert: --start-up needs one")
    one, one_row = adverts.with_name("first-advert.jsonl"), adverts.with_name("first-advert.bare-rows.jsonl")
    one.write_bytes(line)
    one_row.write_text(row[0] + "\n", encoding="utf-8")
    return one, one_row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="a corpus folder (adverts.jsonl) or file; else one is generated")
    parser.add_argument("--adverts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--heap", default="4g")
    parser.add_argument("--pagecache", default="4g")
    parser.add_argument("--skip-bare", action="store_true", help="time crosslink ingest only")
    parser.add_argument("--skip-minimal", action="store_true", help="leave out the minimal-graph loader")
    parser.add_argument(
        "--start-up", action="store_true", help="also time both same-graph loads of the first advert alone"
    )
    args = parser.parse_args()

    adverts = corpus_file(args)
    count = sum(1 for line in adverts.open(encoding="utf-8") if line.strip())
    rows = None if args.skip_bare else bare_loader.prepare_rows(adverts, max(1, os.cpu_count() or 1))
    first = first_advert(adverts) if args.start_up else None
    rounds = Rounds()
    try:
        for number in range(1, args.rounds + 1):
            if rows is not None:
                rounds.bare(args, number, rows, "bare-same")
                if not args.skip_minimal:
                    rounds.bare(args, number, rows, "bare-minimal")
            rounds.crosslink(args, number, adverts)
            if first is not None:
                if rows is not None:
                    rounds.bare(args, number, first[1], "bare-one")
                rounds.crosslink_one(args, number, first[0])
    finally:
        server("stop", args.heap, args.pagecache)
    report(args, count, rounds)
    for number, (bare, crosslink) in enumerate(rounds.graphs, 1):
        same_graph(number, bare, crosslink)


class Rounds:
    """What the loads of every round measured: seconds, CPU, memory, and the graph each loader left."""

    def __init__(self) -> None:
        self.seconds: dict[str, list[float]] = {name: [] for name in LOADS}
        self.cpus: dict[str, list[Cpu]] = {name: [] for name in LOADS}
        self.memory: dict[str, list[int]] = {"ingest": [], "neo4j": [], "store": []}
        self.summaries: list[dict[str, Any]] = []
        # Each round's pair of fingerprints: the same-graph loader's, then crosslink ingest's.
        self.graphs: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self._bare_graph: dict[str, Any] | None = None

    def bare(self, args: argparse.Namespace, number: int, rows: Path, name: str) -> None:
        """One bare load on a fresh server; the same-graph loader's graph is kept for the comparison."""
        fresh_server(args.heap, args.pagecache)
        driver = connect()
        same = name != "bare-minimal"
        bare_loader.prepare(driver, same_graph=same)
        with Cpu() as cpu:
            seconds = bare_loader.load(driver, rows, args.batch, same_graph=same)
        self.seconds[name].append(seconds)
        self.cpus[name].append(cpu)
        if name == "bare-same":
            self._bare_graph = bare_loader.fingerprint(driver)
        driver.close()
        print(f"round {number}: {name} {seconds:.1f}s", file=sys.stderr)

    def crosslink_one(self, args: argparse.Namespace, number: int, advert: Path) -> None:
        """`crosslink ingest` of one advert on a fresh server: what a run costs whatever its size."""
        fresh_server(args.heap, args.pagecache)
        seconds, _, _ = self._timed_ingest("crosslink-one", args, advert)
        print(f"round {number}: crosslink-one {seconds:.1f}s", file=sys.stderr)

    def crosslink(self, args: argparse.Namespace, number: int, adverts: Path) -> None:
        """`crosslink ingest` on a fresh server, then the same file again on the graph it left."""
        fresh_server(args.heap, args.pagecache)
        seconds, peak, summary = self._timed_ingest("crosslink", args, adverts)
        self.memory["ingest"].append(peak)
        self.memory["neo4j"].append(neo4j_peak())
        self.memory["store"].append(store_bytes())
        self.summaries.append(summary)
        again, _, _ = self._timed_ingest("rerun", args, adverts)
        driver = connect()
        if self._bare_graph is not None:
            self.graphs.append((self._bare_graph, bare_loader.fingerprint(driver)))
            self._bare_graph = None
        driver.close()
        print(f"round {number}: crosslink {seconds:.1f}s, re-run {again:.1f}s", file=sys.stderr)

    def _timed_ingest(
        self, name: str, args: argparse.Namespace, adverts: Path
    ) -> tuple[float, int, dict[str, Any]]:
        """`crosslink_ingest` of `adverts`, its seconds and CPU kept under `name`."""
        with Cpu() as cpu:
            timed = crosslink_ingest(adverts, args.batch, args.workers)
        self.seconds[name].append(timed[0])
        self.cpus[name].append(cpu)
        return timed


def same_graph(number: int, bare: dict[str, Any], crosslink: dict[str, Any]) -> None:
    """Say whether, in round `number`, the same-graph loader wrote what crosslink ingest wrote (if not,
    the baseline is void and the run fails)."""
    differ = {
        name: (bare.get(name), crosslink.get(name))
        for name in sorted(set(bare) | set(crosslink))
        if bare.get(name) != crosslink.get(name)
    }
    if not differ:
        items = {name: value[0] for name, value in sorted(crosslink.items()) if name != "indexes"}
        print(
            f"round {number}, same graph: yes (per label and type: items, distinct keys or ends, properties, "
            f"counts, dates and lengths agree, and {len(crosslink['indexes'])} indexes): {items}"
        )
        return
    print(f"round {number}, same graph: NO, the baseline does not write what crosslink ingest writes:")
    for name, (b, c) in differ.items():
        print(f"- {name}: bare {b}, crosslink {c}")
    raise SystemExit(1)


def report(args: argparse.Namespace, count: int, rounds: Rounds) -> None:
    results, cpus, memory, summaries = rounds.seconds, rounds.cpus, rounds.memory, rounds.summaries

    def rate(seconds: list[float]) -> str:
        return f"{count / statistics.median(seconds):,.0f}" if seconds else "n/a"

    gib = 1024**3
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; Neo4j heap {args.heap}, page cache "
        f"{args.pagecache}; batch {args.batch}, workers {args.workers}; {args.rounds} round(s)"
    )
    print(f"corpus: {count:,} adverts; last run: {summaries[-1]}")
    print(
        "| loader | seconds (median) | adverts/s (median) | Neo4j CPU s (median) | client CPU s (median) "
        "| all runs (s) |"
    )
    print("|---|---:|---:|---:|---:|---|")
    for name, title in LOADS.items():
        runs = results[name]
        if runs:
            shown = ", ".join(f"{s:.1f}" for s in runs)
            neo4j_cpu = statistics.median(c.neo4j for c in cpus[name])
            client_cpu = statistics.median(c.client for c in cpus[name])
            print(
                f"| {title} | {statistics.median(runs):.1f} | {rate(runs)} | {neo4j_cpu:.1f} "
                f"| {client_cpu:.1f} | {shown} |"
            )
    crosslink = statistics.median(results["crosslink"])
    for name in ("bare-same", "bare-minimal"):
        if results[name]:
            ratio = statistics.median(results[name]) / crosslink
            per_round = ", ".join(
                f"{bare / ours:.2f}" for bare, ours in zip(results[name], results["crosslink"], strict=False)
            )
            print(f"crosslink / {LOADS[name]} throughput: {ratio:.2f}x (per round: {per_round})")
    print("(target: >= 0.8x the same-graph loader)")
    if results["bare-one"] and results["crosslink-one"]:
        past_start_up(results)
    print(
        f"peak memory: ingest process tree {statistics.median(memory['ingest']) / gib:.2f} GiB, "
        f"Neo4j {statistics.median(memory['neo4j']) / gib:.2f} GiB; "
        f"store {statistics.median(memory['store']) / gib:.2f} GiB"
    )


def past_start_up(results: dict[str, list[float]]) -> None:
    """The two same-graph loads' ratio once each one's time for a single advert is taken off."""
    bare_one, ours_one = statistics.median(results["bare-one"]), statistics.median(results["crosslink-one"])
    ratio = (statistics.median(results["bare-same"]) - bare_one) / (
        statistics.median(results["crosslink"]) - ours_one
    )
    names = ("bare-same", "bare-one", "crosslink", "crosslink-one")
    rounds = zip(*(results[name] for name in names), strict=False)
    per_round = ", ".join(f"{(bare - one) / (ours - ours_one):.2f}" for bare, one, ours, ours_one in rounds)
    print(
        f"one advert alone: bare {bare_one:.1f} s, crosslink {ours_one:.1f} s (medians); past that, "
        f"crosslink / {LOADS['bare-same']}: {ratio:.2f}x (per round: {per_round})"
    )


if __name__ == "__main__":
    main()
