"""Ingest runs that end badly say so: a running run beats a heartbeat, and one whose heartbeat stopped is
marked interrupted by the next ingest run or `crosslink summary`.

A run records its own end (completed, failed, or interrupted by Ctrl-C or SIGTERM), unless its process is
killed outright or Neo4j is gone when it ends; its `IngestRun` node would then say `running` for ever.
So while it runs, it writes `heartbeat_at` (the server's time, so that hosts whose clocks differ agree)
every `HEARTBEAT_SECONDS` from a thread of its own and in every batch's transaction. A `running` run
whose heartbeat is older than the stale threshold (`CROSSLINK_RUN_STALE_SECONDS`, default
`STALE_SECONDS`) is marked `interrupted` with `stale_at`; the networks then catch up with its adverts
like those of any run that ended. A run alive after all (its process stalled longer than the threshold)
is set back to `running` by its next heartbeat, and pending for the networks again, so a live run is
never left marked interrupted, and one whose heartbeat is fresh is never marked at all.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from types import TracebackType

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from graph import cypher
from graph.db import QUIET

HEARTBEAT_SECONDS = 10.0
# A run silent this long is taken for dead: many heartbeats missed, so that a slow batch, a pause of
# Neo4j's or a busy host does not make a live run look stopped.
STALE_SECONDS = 300.0
STALE_VARIABLE = "CROSSLINK_RUN_STALE_SECONDS"


def stale_seconds(environ: Mapping[str, str] | None = None) -> float:
    """The stale threshold: CROSSLINK_RUN_STALE_SECONDS, else STALE_SECONDS; ValueError names a bad value.

    Keep it well above HEARTBEAT_SECONDS: a live run found stale is set back to running by its next
    heartbeat, but in between it shows as interrupted.
    """
    env = os.environ if environ is None else environ
    given = env.get(STALE_VARIABLE, "").strip()
    if not given:
        return STALE_SECONDS
    try:
        seconds = float(given)
    except ValueError:
        seconds = float("nan")
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError(f"{STALE_VARIABLE} must be a number of seconds above 0, not {given!r}")
    return seconds


def mark_stale(driver: neo4j.Driver, database: str, stale_after: float) -> list[str]:
    """Mark interrupted every `running` run with no heartbeat for `stale_after` seconds; their keys."""
    if not stale_after > 0:
        raise ValueError(f"the stale threshold must be above 0 seconds, not {stale_after!r}")
    records, _, _ = driver.execute_query(
        cypher.load("runs_mark_stale"), seconds=float(stale_after), database_=database
    )
    return [r["run"] for r in records]


def beat(tx: neo4j.ManagedTransaction, run: str) -> None:
    """Write the run's heartbeat inside a transaction of its own work (a batch)."""
    tx.run(cypher.load("run_heartbeat"), run=run).consume()


class Heartbeat:
    """A thread writing a run's heartbeat every `every` seconds while the `with` block runs.

    A heartbeat that fails (Neo4j unreachable) is skipped: the run's own writes fail and say why. On
    leaving the block the thread is stopped before the run records its end; one stuck in a heartbeat is
    not waited for long, and cannot set a run that has ended back to running (`run_heartbeat.cypher`).
    """

    def __init__(self, driver: neo4j.Driver, database: str, run: str, every: float = HEARTBEAT_SECONDS):
        if not every > 0:
            raise ValueError(f"the heartbeat interval must be above 0 seconds, not {every!r}")
        self.driver, self.database, self.run, self.every = driver, database, run, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="crosslink-heartbeat", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=max(self.every, HEARTBEAT_SECONDS))

    def _beat(self) -> None:
        while not self._stop.wait(self.every):
            try:
                with self.driver.session(
                    database=self.database, notifications_disabled_classifications=QUIET
                ) as session:
                    session.run(cypher.load("run_heartbeat"), run=self.run).consume()  # no retries: next beat
            except (Neo4jError, DriverError, OSError):
                continue
