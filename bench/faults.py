"""Fault tests: ingest through a bad night, then compare the graph with one clean run of the same input.

    python bench/faults.py --adverts 20000 --repeats 3
    python bench/faults.py --scenarios ingest-kill --repeats 5 --late

On a Neo4j of its own (port 7698, data in var/neo4j-faults-bench, started fresh for each run), with a
synthetic corpus (`crosslink synth`, generated into var/faults/ when missing):
- clean: one `crosslink ingest FILE` into an empty graph, the reference;
- neo4j-kill: the Neo4j JVM is SIGKILLed once the ingest has committed a share of its batches; the
  ingest is left to fail, Neo4j is started again (recovering its transaction log) and the ingest rerun;
- ingest-kill: the `crosslink ingest` process is SIGKILLed the same way, then rerun;
- overlap-same: two `crosslink ingest` of the same file at once (the second started a little later
  in each repeat);
- overlap-parts: two at once of overlapping parts of the file (the first 60% and the last 60%).
Repeat n of N kills at n/(N+1) of the batches, plus a random delay of up to one batch (`--seed`), so
that the kill lands inside a transaction as well as between two; `--late` adds a repeat that kills with
one batch to go. A kill counts only when the run was mid-way: some batches committed, not all.

Each end state is compared with the clean run by its nodes per label, relationships per type and two
checksums (bench/graph_fingerprint.py says what they cover and which per-run properties they leave
out): ingest's graph and the networks. The table also gives what the killed run's IngestRun node says
after the rerun, which must be `interrupted` (the rerun finds it stale and marks it, and the networks then
catch up with its adverts). The exit status is 1 when any scenario ends with a different graph, a kill
that did not land mid-way, or a killed run not marked interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import neo4j

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from graph_fingerprint import Fingerprint, fingerprint  # noqa: E402
from ingest_process import IngestProcess, alive, runs  # noqa: E402

from graph.config import Settings  # noqa: E402
from graph.runs import STALE_VARIABLE  # noqa: E402

PORT = 7698
HOME = ROOT / "var" / "neo4j-faults-bench"
WORK = ROOT / "var" / "faults"
PASSWORD = "faults-password-local"  # a throwaway server on loopback, wiped before every run
JVM_CLASS = "crosslink.neo4j.LocalNeo4j"  # what scripts/neo4j runs; the pid file names that JVM
KILLS = ("neo4j-kill", "ingest-kill")
SCENARIOS = (*KILLS, "overlap-same", "overlap-parts")
# The reruns take a run silent this long for dead and mark it interrupted (graph.runs); the default is
# minutes, to spare a live but slow run, and a rerun here waits for this long after the kill.
STALE_SECONDS = 5
RUN_TIMEOUT = 1800.0


class Server:
    """The fault tests' own Neo4j, run by scripts/neo4j with its own port and home."""

    def __init__(self, port: int, home: Path, heap: str, pagecache: str) -> None:
        self.port, self.home = port, home
        self.settings = Settings(uri=f"bolt://127.0.0.1:{port}", password=PASSWORD)
        self.env = {
            **os.environ,
            "NEO4J_URI": self.settings.uri,
            "NEO4J_HOME_DIR": str(home),
            "NEO4J_PASSWORD": PASSWORD,
            "NEO4J_HEAP": heap,
            "NEO4J_PAGECACHE": pagecache,
        }

    def command(self, name: str) -> float:
        """Run `scripts/neo4j NAME`; the seconds it took."""
        started = time.monotonic()
        subprocess.run(
            [str(ROOT / "scripts" / "neo4j"), name], env=self.env, check=True, stdout=subprocess.DEVNULL
        )
        return time.monotonic() - started

    def fresh(self) -> None:
        """Stopped, its data deleted, started again: an empty graph with no schema."""
        self.command("stop")
        shutil.rmtree(self.home / "data", ignore_errors=True)
        self.command("start")

    def kill(self) -> int:
        """SIGKILL the JVM named in the pid file (checked to be Neo4j's); wait until it is gone."""
        pid = int((self.home / "neo4j.pid").read_text())
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if JVM_CLASS.encode() not in arguments:
            raise SystemExit(f"pid {pid} in {self.home / 'neo4j.pid'} is not the Neo4j JVM")
        os.kill(pid, signal.SIGKILL)
        if alive([pid], timeout=60):
            raise SystemExit(f"Neo4j (pid {pid}) outlived SIGKILL for a minute")
        return pid

    @contextmanager
    def driver(self) -> Iterator[neo4j.Driver]:
        with neo4j.GraphDatabase.driver(self.settings.uri, auth=("neo4j", PASSWORD)) as driver:
            yield driver


@dataclass
class Outcome:
    """How one scenario ended, against the clean run."""

    scenario: str
    repeat: int
    fault: str = ""
    mid_way: bool = True
    exits: list[int] = field(default_factory=list)
    killed_run: str = ""
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    found: Fingerprint | None = None

    def differences(self, clean: Fingerprint) -> list[str]:
        return ["no graph"] if self.found is None else self.found.differences(clean)

    def passed(self, clean: Fingerprint) -> bool:
        """The graph is the clean run's; a kill landed mid-way and the rerun marked the killed run."""
        killed = self.scenario in KILLS
        return (
            (self.mid_way or not killed)
            and (self.killed_run == "interrupted" or not killed)
            and not self.differences(clean)
        )


class Faults:
    """The scenarios, each from an empty graph on the fault tests' server."""

    def __init__(self, server: Server, corpus: Path, batch: int, rng: random.Random) -> None:
        self.server, self.corpus, self.batch, self.rng = server, corpus, batch, rng
        self.adverts = sum(1 for line in corpus.open("rb") if line.strip())
        self.total_batches = -(-self.adverts // batch)
        self.batch_seconds = 1.0  # measured by the clean run

    def ingest(
        self, name: str, files: list[Path], known: list[str] | None = None, rerun: bool = False
    ) -> IngestProcess:
        """`crosslink ingest FILES`; a rerun takes a run silent STALE_SECONDS for dead (graph.runs)."""
        return IngestProcess(
            files,
            self.server.settings,
            WORK / f"{name}.log",
            batch=self.batch,
            known_runs=known or [],
            env={STALE_VARIABLE: str(STALE_SECONDS)} if rerun else None,
        )

    def clean(self) -> Outcome:
        self.server.fresh()
        outcome = Outcome("clean", 1, fault="none")
        process = self.ingest("clean", [self.corpus])
        outcome.exits.append(process.wait(RUN_TIMEOUT))
        outcome.seconds = process.seconds
        self.batch_seconds = outcome.seconds / self.total_batches
        with self.server.driver() as driver:
            outcome.found = fingerprint(driver, "neo4j")
        return outcome

    def kill_point(self, repeat: int, repeats: int, late: bool) -> tuple[int, float]:
        """Batches to wait for and the delay after them: repeat n of N at n/(N+1) of the batches."""
        if late:
            return self.total_batches - 1, 0.0
        batches = max(1, round(self.total_batches * repeat / (repeats + 1)))
        return batches, self.rng.uniform(0, self.batch_seconds)

    def killing(self, scenario: str, repeat: int, repeats: int, late: bool) -> Outcome:
        """neo4j-kill or ingest-kill: the fault at the kill point, then a rerun of the same input."""
        self.server.fresh()
        batches, delay = self.kill_point(repeat, repeats, late)
        outcome = Outcome(scenario, repeat)
        started = time.monotonic()
        process = self.ingest(f"{scenario}-{repeat}", [self.corpus])
        try:
            with self.server.driver() as driver:
                seen = process.wait_for_batches(driver, "neo4j", batches, RUN_TIMEOUT)
                time.sleep(delay)
                if scenario == "neo4j-kill":
                    before = process.own_run(driver, "neo4j")
                    self.server.kill()
                else:
                    workers = process.kill()
                    before = process.own_run(driver, "neo4j")
                killed_at = time.monotonic()
            outcome.fault = f"after {seen}/{self.total_batches} batches + {delay:.1f}s"
            if scenario == "neo4j-kill":
                outcome.exits.append(process.wait(RUN_TIMEOUT))  # the ingest fails on its own
                outcome.notes.append(f"the ingest exited {outcome.exits[-1]}: {process.last_message()[:160]}")
                restart = self.server.command("start")
                outcome.notes.append(f"Neo4j restarted in {restart:.0f}s")
            else:
                outcome.exits.append(-signal.SIGKILL)
                left = alive(workers, timeout=10)
                outcome.notes.append(
                    f"{len(workers)} worker(s), {len(left)} alive 10s after the kill"
                    if workers
                    else "no worker process was running"
                )
        finally:
            process.stop()
        outcome.seconds = time.monotonic() - started
        self.rerun_and_compare(outcome, process, before, killed_at)
        return outcome

    def rerun_and_compare(
        self, outcome: Outcome, killed: IngestProcess, before: object, killed_at: float
    ) -> None:
        """Check the killed run was mid-way and its batches survived; rerun once the killed run's heartbeat
        is stale; fingerprint; read what the killed run's node says."""
        started = time.monotonic()
        with self.server.driver() as driver:
            after = killed.own_run(driver, "neo4j")
            committed = after.batches if after is not None else 0
            outcome.mid_way = 0 < committed < self.total_batches
            outcome.notes.append(f"{committed} of {self.total_batches} batches committed by the killed run")
            seen = getattr(before, "batches", 0)
            if committed < seen:
                outcome.notes.append(f"LOST: {seen} batches were seen committed before the kill")
                outcome.mid_way = False
            known = [run.key for run in runs(driver, "neo4j")]
            time.sleep(max(0.0, killed_at + STALE_SECONDS + 1 - time.monotonic()))  # its heartbeat goes stale
            name = f"{outcome.scenario}-{outcome.repeat}-rerun"
            rerun = self.ingest(name, [self.corpus], known, rerun=True)
            outcome.exits.append(rerun.wait(RUN_TIMEOUT))
            outcome.seconds += time.monotonic() - started
            outcome.found = fingerprint(driver, "neo4j")
            final = {run.key: run for run in runs(driver, "neo4j")}
            killed_run = final.get(killed.run_key or "")
            outcome.killed_run = killed_run.status if killed_run is not None else "missing"
            rerun_run = rerun.own_run(driver, "neo4j")
            if rerun_run is not None:
                outcome.notes.append(
                    f"rerun {rerun_run.status}: created {rerun_run.created}, unchanged {rerun_run.unchanged}"
                )

    def overlapping(self, scenario: str, repeat: int) -> Outcome:
        """Two ingests at once, of the same file or of overlapping parts; the second starts later in
        each repeat (0s, 2s, 4s...), so that they meet at different points."""
        self.server.fresh()
        files = [self.corpus, self.corpus] if scenario == "overlap-same" else self.parts()
        offset = 2.0 * (repeat - 1)
        outcome = Outcome(scenario, repeat, fault=f"second started {offset:.0f}s later")
        started = time.monotonic()
        first = self.ingest(f"{scenario}-{repeat}-a", [files[0]])
        time.sleep(offset)
        second = self.ingest(f"{scenario}-{repeat}-b", [files[1]])
        try:
            for process in (first, second):
                outcome.exits.append(process.wait(RUN_TIMEOUT))
                if outcome.exits[-1] != 0:
                    outcome.notes.append(f"{process.log.name}: {process.last_message()[:200]}")
        finally:
            first.stop()
            second.stop()
        outcome.seconds = time.monotonic() - started
        with self.server.driver() as driver:
            outcome.found = fingerprint(driver, "neo4j")
            ended = runs(driver, "neo4j")
        outcome.killed_run = "runs: " + ", ".join(run.status for run in ended)
        outcome.notes.extend(f"a run created {run.created}, found {run.unchanged} unchanged" for run in ended)
        return outcome

    def parts(self) -> list[Path]:
        """The first 60% and the last 60% of the corpus's lines (the middle fifth in both)."""
        lines = self.corpus.read_bytes().splitlines(keepends=True)
        cut = len(lines) * 2 // 5
        paths = [WORK / "part-first.jsonl", WORK / "part-last.jsonl"]
        paths[0].write_bytes(b"".join(lines[: len(lines) - cut]))
        paths[1].write_bytes(b"".join(lines[cut:]))
        return paths


def corpus_file(adverts: int, seed: int) -> Path:
    """The synthetic corpus of `adverts` adverts from `seed`, generated when missing."""
    out = WORK / f"corpus-{adverts}-{seed}"
    if not (out / "adverts.jsonl").exists():
        command = [sys.executable, "-m", "api.cli", "synth", "--adverts", str(adverts), "--seed", str(seed)]
        subprocess.run([*command, "--out", str(out)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return out / "adverts.jsonl"


def table(outcomes: list[Outcome], clean: Fingerprint) -> list[str]:
    """The results as a markdown table, one row per scenario and repeat."""
    rows = [
        "| scenario | repeat | fault | mid-way | counts equal | checksum equal | networks equal "
        "| killed run after rerun | exits | seconds |",
        "|---|---:|---|---|---|---|---|---|---|---:|",
    ]
    for o in outcomes:
        found = o.found
        counts = found is not None and found.counts_equal(clean)
        graph = found is not None and found.graph == clean.graph
        networks = found is not None and found.networks_equal(clean)
        rows.append(
            f"| {o.scenario} | {o.repeat} | {o.fault} | {_yes(o.mid_way)} | {_yes(counts)} | {_yes(graph)} "
            f"| {_yes(networks)} | {o.killed_run} | {', '.join(map(str, o.exits))} | {o.seconds:.1f} |"
        )
    return rows


def _yes(value: bool) -> str:
    return "yes" if value else "NO"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=20_000, help="size of the synthetic corpus")
    parser.add_argument("--corpus-seed", type=int, default=3, help="the corpus's `crosslink synth --seed`")
    parser.add_argument("--corpus", type=Path, help="an adverts.jsonl to use instead of a synthetic one")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each scenario")
    parser.add_argument("--late", action="store_true", help="add a kill with one batch to go")
    parser.add_argument(
        "--scenarios", default=",".join(SCENARIOS), help="comma-separated, of: " + ", ".join(SCENARIOS)
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the random delays after kill points")
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--home", type=Path, default=HOME)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.scenarios.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(SCENARIOS))
    if unknown:
        parser.error(f"unknown scenarios {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
    if args.port in (7687, 7688):
        parser.error("the fault tests kill and wipe their server: give them a port of their own")

    WORK.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus or corpus_file(args.adverts, args.corpus_seed)
    server = Server(args.port, args.home, args.heap, args.pagecache)
    faults = Faults(server, corpus, args.batch, random.Random(args.seed))
    outcomes: list[Outcome] = []
    try:
        reference = faults.clean()
        outcomes.append(reference)
        for outcome in run_scenarios(faults, chosen, args.repeats, args.late):
            outcomes.append(outcome)
            print(json.dumps(progress_line(outcome, reference.found)), file=sys.stderr, flush=True)
    finally:
        server.command("stop")
    clean = reference.found
    assert clean is not None
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; corpus {corpus} ({faults.adverts} adverts, "
        f"{faults.total_batches} batches of {args.batch}); clean run: {clean.labels} {clean.types}"
    )
    print(f"clean checksums: ingest {clean.graph[:16]}, networks {clean.networks[:16]}")
    print("\n".join(table(outcomes, clean)))
    failed = [o for o in outcomes if not o.passed(clean)]
    for o in outcomes:
        for note in o.notes:
            print(f"- {o.scenario} {o.repeat}: {note}")
    for o in failed:
        print(f"DIFFERENT: {o.scenario} {o.repeat}: {'; '.join(o.differences(clean)) or 'not mid-way'}")
    sys.exit(1 if failed else 0)


def run_scenarios(faults: Faults, chosen: list[str], repeats: int, late: bool) -> Iterator[Outcome]:
    for scenario in chosen:
        if scenario in KILLS:
            for repeat in range(1, repeats + 1):
                yield faults.killing(scenario, repeat, repeats, late=False)
            if late:
                yield faults.killing(scenario, repeats + 1, repeats, late=True)
        else:
            for repeat in range(1, repeats + 1):
                yield faults.overlapping(scenario, repeat)


def progress_line(outcome: Outcome, clean: Fingerprint | None) -> dict[str, object]:
    return {
        "scenario": outcome.scenario,
        "repeat": outcome.repeat,
        "fault": outcome.fault,
        "differences": outcome.differences(clean) if clean is not None else None,
        "killed_run": outcome.killed_run,
        "exits": outcome.exits,
        "seconds": round(outcome.seconds, 1),
        "notes": outcome.notes,
    }


if __name__ == "__main__":
    main()
