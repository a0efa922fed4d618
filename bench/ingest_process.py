"""`crosslink ingest` as a child process, watched from outside through its IngestRun node, so that a fault
test can kill it, or the Neo4j under it, once a chosen number of batches is committed.

The run's progress is read from the graph (its `batches`, updated inside each batch's transaction), not
from the process's log, so "k batches written" means k transactions committed.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j

from graph import cypher
from graph.config import Settings
from graph.db import QUIET

ROOT = Path(__file__).resolve().parents[1]
POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Run:
    """An IngestRun node as read from the graph."""

    key: str
    status: str
    batches: int
    created: int
    unchanged: int
    error: str | None


def runs(driver: neo4j.Driver, database: str) -> list[Run]:
    """Every ingest run in the graph, oldest first."""
    # Quiet: `error` is a property no run has until one fails, which Neo4j would warn about each time.
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        records = session.execute_read(lambda tx: list(tx.run(cypher.load("ingest_runs"))))
    return [
        Run(r["key"], r["status"], r["batches"] or 0, r["created"] or 0, r["unchanged"] or 0, r["error"])
        for r in records
    ]


class IngestProcess:
    """One `crosslink ingest FILES` started now, in its own session, its stderr kept in `log`; `env` adds
    to the environment (the Neo4j settings are taken from `settings`)."""

    def __init__(
        self,
        files: Sequence[Path],
        settings: Settings,
        log: Path,
        *,
        batch: int,
        source: str = "faults",
        options: Sequence[str] = (),
        known_runs: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.log = log
        self.known_runs = set(known_runs)
        self.run_key: str | None = None
        command = [
            sys.executable,
            "-m",
            "api.cli",
            "ingest",
            *map(str, files),
            "--source",
            source,
            "--batch",
            str(batch),
            "--rejects",
            str(log.with_suffix(".rejects.jsonl")),
            *options,
        ]
        env = {
            **os.environ,
            "NEO4J_URI": settings.uri,
            "NEO4J_USER": settings.user,
            "NEO4J_PASSWORD": settings.password,
            "NEO4J_DATABASE": settings.database,
            **(env or {}),
        }
        self.started = time.monotonic()
        with log.open("wb") as stderr:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True
            )

    @property
    def pid(self) -> int:
        return self.process.pid

    def own_run(self, driver: neo4j.Driver, database: str) -> Run | None:
        """This process's run: the one run in the graph that was not there before it started."""
        found = [run for run in runs(driver, database) if run.key not in self.known_runs]
        if self.run_key is None and len(found) == 1:
            self.run_key = found[0].key
        return next((run for run in found if run.key == self.run_key), None)

    def wait_for_batches(self, driver: neo4j.Driver, database: str, batches: int, timeout: float) -> int:
        """Wait until the run has committed `batches` batches; return how many it had (fewer if it ended)."""
        deadline = time.monotonic() + timeout
        seen = 0
        while self.process.poll() is None and time.monotonic() < deadline:
            run = self.own_run(driver, database)
            seen = run.batches if run is not None else 0
            if seen >= batches:
                break
            time.sleep(POLL_SECONDS)
        return seen

    def workers(self) -> list[int]:
        """The live child processes (identifier extraction workers)."""
        try:
            text = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text()
        except OSError:
            return []
        return [int(child) for child in text.split()]

    def kill(self) -> list[int]:
        """SIGKILL the ingest process alone, as the kernel's OOM killer or `kill -9` would; return the
        workers it had, which are left to notice on their own."""
        workers = self.workers()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        return workers

    def wait(self, timeout: float) -> int:
        """The exit status, waiting at most `timeout` seconds (TimeoutExpired after that)."""
        return self.process.wait(timeout=timeout)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def last_message(self) -> str:
        """The last line the process wrote to stderr (its summary or its error)."""
        lines = self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        return lines[-1] if lines else ""

    def stop(self) -> None:
        """End the process and anything left of its session (for cleaning up after a failed scenario)."""
        with_group(self.pid, signal.SIGKILL)
        self.process.wait()


def with_group(pid: int, signum: int) -> None:
    """Send `signum` to the process group `pid` leads (the session IngestProcess started), if any is left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signum)


def alive(pids: Sequence[int], timeout: float) -> list[int]:
    """The pids still running after waiting up to `timeout` seconds for them to end."""
    deadline = time.monotonic() + timeout
    left = [pid for pid in pids if _running(pid)]
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = [pid for pid in left if _running(pid)]
    return left


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def summary_fields(line: str) -> dict[str, Any]:
    """The JSON fields of a CLI log line, or {} for a plain message."""
    try:
        fields = json.loads(line)
    except ValueError:
        return {}
    return fields if isinstance(fields, dict) else {}
