"""Nightly ingest: adverts from JSON Lines into the graph, in batches, without losing or doubling anything.

Lines are read one at a time, validated, and written in batches of `batch_size` adverts, each batch in
one transaction. A batch is all or nothing, and an advert already in the graph with the same content is
skipped, so running the same input again, or again after a crash, ends with the graph one clean run
gives. Each run is recorded as an `IngestRun` node with its counts and status, and beats a heartbeat
while it runs, so that one killed outright is found and marked interrupted later (`graph.runs`).
"""

from __future__ import annotations

import contextlib
import gc
import json
import queue
import secrets
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import neo4j
from neo4j.exceptions import DriverError, IncompleteCommit, Neo4jError

from graph import cypher, schema
from graph.advert import (
    Advert,
    AdvertError,
    Line,
    Record,
    Reject,
    parse_advert,
    parse_line,
    read_lines,
    region_code,
)
from graph.db import QUIET
from graph.extraction_pool import ExtractionPool
from graph.runs import HEARTBEAT_SECONDS, Heartbeat, beat, mark_stale, stale_seconds
from graph.store import BatchResult, PendingAdvert, Rows, extract_rows, write_batch

DEFAULT_BATCH_SIZE = 500
STDIN_NAME = "<stdin>"
# The demo's adverts: a few small cross-platform, cross-border groups, noise, and some bad lines. Shipped
# beside this module (package data), so that `crosslink demo` works from a wheel as from the repository.
SAMPLE_ADVERTS = Path(__file__).with_name("sample_adverts.jsonl")


@dataclass
class RunReport:
    """What a run read and did; `status` is running, completed, failed or interrupted.

    read = accepted + rejected (blank lines are not counted); every accepted advert is exactly one of
    created, updated, unchanged (already in the graph as it is) or duplicates (repeated in the input).
    """

    run_id: str
    source: str
    files: list[str]
    started_at: datetime
    status: str = "running"
    read: int = 0
    accepted: int = 0
    rejected: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    batches: int = 0
    skipped_identifiers: int = 0
    finished_at: datetime | None = None
    error: str | None = None
    # Runs found stale when this one started, and marked interrupted (see graph.runs).
    stale_runs: list[str] = field(default_factory=list)
    _clock: float = field(default_factory=time.monotonic, repr=False)
    _seconds: float | None = field(default=None, repr=False)

    @property
    def seconds(self) -> float:
        """Seconds since the run started, or its whole duration once finished."""
        return self._seconds if self._seconds is not None else time.monotonic() - self._clock

    def stop_clock(self) -> None:
        """Fix `seconds` at the run's whole duration, now that it has ended."""
        self._seconds = time.monotonic() - self._clock

    @property
    def adverts_per_second(self) -> float:
        """Accepted adverts per second of the run."""
        return self.accepted / self.seconds if self.seconds > 0 else 0.0

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "batches": self.batches,
            "skipped_identifiers": self.skipped_identifiers,
        }

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON values, for logs."""
        return {
            "run": self.run_id,
            "source": self.source,
            "files": self.files,
            "status": self.status,
            **self.counts(),
            "seconds": round(self.seconds, 3),
            "adverts_per_second": round(self.adverts_per_second, 1),
            "error": self.error,
            "stale_runs": self.stale_runs,
        }

    def add(self, result: BatchResult) -> None:
        """Count a batch written (called once its transaction has committed)."""
        self.created += result.created
        self.updated += result.updated
        self.unchanged += result.unchanged
        self.skipped_identifiers += result.skipped_identifiers
        self.batches += 1


class IngestFailed(RuntimeError):
    """The run stopped: a batch could not be written, or Neo4j went away. Batches before it are committed."""

    def __init__(self, message: str, report: RunReport) -> None:
        super().__init__(message)
        self.report = report


class IngestInterrupted(IngestFailed):
    """The run was asked to stop (`stop` was set) and stopped between two batches."""


class RejectsFile:
    """Writes rejects as JSON lines {file, line, reason, raw}; the file is created at the first reject."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.count = 0
        self._stream: IO[str] | None = None

    def __call__(self, reject: Reject) -> None:
        if self._stream is None:
            self._stream = self.path.open("w", encoding="utf-8")
        self._stream.write(json.dumps(reject.as_json(), ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()

    def __enter__(self) -> RejectsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def new_run_id(now: datetime) -> str:
    """A run key that sorts by start time: `run-20240301T020000Z-3fa9c1`."""
    return f"run-{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def ingest(
    driver: neo4j.Driver,
    database: str,
    lines: Iterable[Line | Record | bytes | str | Mapping[str, Any]],
    *,
    source: str,
    files: Iterable[str] = (),
    region: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    rejects: Callable[[Reject], None] | None = None,
    progress: Callable[[RunReport], None] | None = None,
    rewrite: bool = False,
    apply_schema: bool = True,
    stop: threading.Event | None = None,
    workers: int = 0,
    stale_after: float | None = None,
    heartbeat: float = HEARTBEAT_SECONDS,
    pool: ExtractionPool | None = None,
) -> RunReport:
    """Ingest adverts and return the run's report; raise IngestFailed when a batch cannot be written.

    `lines` are `Line`s (see `read_files`), raw JSON lines (bytes or str, numbered from 1) or already
    decoded records. `region` is the country assumed for adverts that carry none: it is stored as their
    region and used to read national phone numbers. `source` names the feed; it is stored on the run and
    on adverts that do not name their own. `rejects` is called with each invalid line, `progress`
    with the report after each batch. `rewrite` writes unchanged adverts again (after the extraction rules
    changed). When `stop` is set the run stops before its next batch, marks itself interrupted and raises
    IngestInterrupted: that is how the CLI handles Ctrl-C and SIGTERM, since an exception raised inside
    the driver's network code can leave its connection unusable. A KeyboardInterrupt that arrives anyway
    also marks the run interrupted (best effort) and is re-raised. `workers` > 0 extracts identifiers in
    that many worker processes, ahead of and alongside the writes (see `_Pipeline`), started for this run
    and stopped at its end; a `pool` the caller owns is used instead of `workers` and left running, so that
    runs in a row (one per file of an inbox) do not each pay for starting workers.

    Before it starts, runs left `running` with no heartbeat for `stale_after` seconds (default: the
    CROSSLINK_RUN_STALE_SECONDS threshold) are marked interrupted (`report.stale_runs`); while it runs
    it writes its own heartbeat every `heartbeat` seconds and in each batch (see `graph.runs`).
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    started = datetime.now(UTC)
    report = RunReport(new_run_id(started), source, list(files), started)
    region = region_code(region)  # an unknown code raises AdvertError here, before anything is written
    stale_after = stale_seconds() if stale_after is None else stale_after  # ValueError, likewise
    try:
        if apply_schema:
            schema.apply_schema(driver, database)
        report.stale_runs = mark_stale(driver, database, stale_after)
        driver.execute_query(
            cypher.load("run_start"),
            run=report.run_id,
            source=report.source,
            files=report.files,
            started_at=report.started_at,
            database_=database,
        )
    except (Neo4jError, DriverError, OSError) as error:
        report.status, report.error = "failed", f"could not start the run: {error}"
        raise IngestFailed(report.error, report) from error
    try:
        with _COLLECTOR.during_run(), Heartbeat(driver, database, report.run_id, heartbeat):
            _run(
                driver,
                database,
                report,
                lines,
                region,
                batch_size,
                rejects,
                progress,
                rewrite,
                stop,
                ExtractionPool(workers) if pool is None and workers > 0 else pool,
                owned=pool is None,
            )
    except IngestInterrupted as error:
        _finish(driver, database, report, "interrupted", str(error))
        raise
    except IngestFailed as error:
        _finish(driver, database, report, "failed", str(error))
        raise
    except KeyboardInterrupt:
        _finish(driver, database, report, "interrupted", "interrupted")
        raise
    except BaseException as error:
        _finish(driver, database, report, "failed", f"{type(error).__name__}: {error}")
        raise
    _finish(driver, database, report, "completed", None)
    return report


class _CollectorSparing:
    """Keep the garbage collector to the objects made during ingest runs.

    A run makes hundreds of thousands of containers (adverts, rows, extractions) that outlive the
    collector's youngest generation, so it scans the oldest one every few batches, and with it every
    object the process held before (modules, the driver, phone metadata): about 0.7 s of CPU per 20,000
    adverts, a sixth of the run's own. Those objects are frozen (`gc.freeze`) while runs last and handed
    back (`gc.unfreeze`) when the last of them ends; nothing is lost, garbage among them is only
    collected later. A process that froze objects itself (the API server freezes what start-up made) is
    left as it is: unfreezing would hand back its objects too.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs = 0
        self._froze = False

    @contextlib.contextmanager
    def during_run(self) -> Iterator[None]:
        with self._lock:
            if self._runs == 0:
                self._froze = gc.get_freeze_count() == 0
                if self._froze:
                    gc.freeze()
            self._runs += 1
        try:
            yield
        finally:
            with self._lock:
                self._runs -= 1
                if self._runs == 0 and self._froze:
                    gc.unfreeze()
                    self._froze = False


_COLLECTOR = _CollectorSparing()


class _Pipeline:
    """Batches on their way to the graph: extracted ahead of the writer, written in input order.

    With workers, three things overlap: this thread reads and validates lines; a process pool extracts
    the identifiers of each full batch (the CPU-heavy part); and a writer thread writes the batches, in
    input order, each in its own transaction, while Neo4j works and the others go on. Adverts already
    in the graph with the same content are looked up first and not extracted at all, which keeps a
    re-run cheap. The transaction still decides what to write: this only prepares the extraction it
    will use. Without workers everything happens in this thread, extraction inside the write. A pool
    it does not own is left running at the end, with this run's work not yet started cancelled.
    """

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str,
        report: RunReport,
        rewrite: bool,
        pool: ExtractionPool | None,
        progress: Callable[[RunReport], None] | None,
        owned: bool = True,
    ) -> None:
        self.report, self.rewrite, self.progress = report, rewrite, progress
        self.session = driver.session(database=database, notifications_disabled_classifications=QUIET)
        self.pool, self.owned = pool, owned
        self.failure: BaseException | None = None
        self.submitted = False  # whether this run has handed the pool any work yet
        self.stopping = threading.Event()
        if pool is not None:
            self.lookup = driver.session(database=database, notifications_disabled_classifications=QUIET)
            self.queue: queue.Queue[_Prepared | None] = queue.Queue(maxsize=pool.workers + 1)
            self.writer = threading.Thread(target=self._drain, name="crosslink-writer", daemon=True)
            self.writer.start()

    def add(self, batch: list[PendingAdvert]) -> None:
        """Hand over a full batch; blocks while the writer is that many batches behind."""
        self._raise_failure()
        if self.pool is None:
            self._write(batch)
            return
        todo = self._needing_extraction(batch)
        try:
            future = (
                self.pool.submit(
                    extract_rows,
                    [(p.advert.text, p.advert.platform, p.advert.region, p.advert.lang) for p in todo],
                    replace_broken=not self.submitted,
                )
                if todo
                else None
            )
            self.submitted = self.submitted or future is not None
        except BrokenProcessPool as error:
            self.failure = self.failure or error
            self._raise_failure()
        self.queue.put(_Prepared(batch, todo, future))
        self._raise_failure()

    def flush(self) -> None:
        """Wait until every batch handed over is written; raise what stopped the writer, if anything."""
        if self.pool is not None:
            self.queue.put(None)
            self.writer.join()
        self._raise_failure()

    def close(self) -> None:
        """Stop: batches not yet written are dropped (a re-run writes them), workers and sessions end."""
        if self.pool is not None:
            self.stopping.set()
            self.writer.join()
            while not self.queue.empty():  # batches the writer will not take: their extraction is not needed
                _cancel(self.queue.get_nowait())
            if self.owned:
                self.pool.close()
            elif isinstance(self.failure, BrokenProcessPool):  # the next run gets workers of its own
                self.pool.discard()
            self.lookup.close()
        self.session.close()

    def _raise_failure(self) -> None:
        if self.failure is None:
            return
        if isinstance(self.failure, BrokenProcessPool):  # a worker was killed (out of memory, say)
            raise IngestFailed(
                f"an identifier extraction worker stopped unexpectedly ({self.failure}). The batches "
                f"written before it are in the graph ({self.report.batches} or more); run the same input "
                "again (--workers 0 extracts in the writing process)",
                self.report,
            ) from self.failure
        raise self.failure

    def _drain(self) -> None:
        """The writer thread: write prepared batches in order until told to stop or one fails."""
        while True:
            try:
                prepared = self.queue.get(timeout=0.2)
            except queue.Empty:
                if self.stopping.is_set():
                    return
                continue
            if prepared is None or self.stopping.is_set():
                _cancel(prepared)
                return
            if self.failure is not None:
                _cancel(prepared)
                continue
            try:
                prepared.attach()
                self._write(prepared.batch)
            except BaseException as error:
                self.failure = error

    def _needing_extraction(self, batch: list[PendingAdvert]) -> list[PendingAdvert]:
        if self.rewrite:
            return batch
        keys = Rows(p.key for p in batch)
        known = self.lookup.execute_read(
            lambda tx: {r["key"]: r["content_hash"] for r in tx.run(cypher.load("advert_hashes"), keys=keys)}
        )
        return [p for p in batch if known.get(p.key) != p.content_hash]

    def _write(self, batch: list[PendingAdvert]) -> None:
        _write(self.session, self.report, batch, self.rewrite)
        if self.progress is not None:
            self.progress(self.report)


@dataclass
class _Prepared:
    """A batch waiting for the writer, with the adverts whose identifiers a worker is extracting."""

    batch: list[PendingAdvert]
    todo: list[PendingAdvert]
    future: Future | None

    def attach(self) -> None:
        """Wait for the worker's extraction and give each advert its identifiers."""
        if self.future is not None:
            for pending, rows in zip(self.todo, self.future.result(), strict=True):
                pending.attach(rows)


def _cancel(prepared: _Prepared | None) -> None:
    """Cancel the extraction of a batch that will not be written, unless a worker has begun it."""
    if prepared is not None and prepared.future is not None:
        prepared.future.cancel()


def _run(
    driver: neo4j.Driver,
    database: str,
    report: RunReport,
    lines: Iterable[Line | Record | bytes | str | Mapping[str, Any]],
    region: str | None,
    batch_size: int,
    rejects: Callable[[Reject], None] | None,
    progress: Callable[[RunReport], None] | None,
    rewrite: bool,
    stop: threading.Event | None,
    pool: ExtractionPool | None = None,
    *,
    owned: bool = True,
) -> None:
    pipeline = _Pipeline(driver, database, report, rewrite, pool, progress, owned)
    try:
        try:
            _feed(pipeline, report, lines, region, batch_size, rejects, stop)
        except _InputBroke as broke:
            pipeline.flush()  # what was read before the input broke off is written, then the run fails
            raise broke.error from None
        pipeline.flush()
    finally:
        pipeline.close()


class _InputBroke(Exception):
    """Reading the input failed part-way (a file cut short, a disk error): `error` says how."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def _next_item(items: Iterator[tuple[Line, Advert | Reject]]) -> tuple[Line, Advert | Reject] | None:
    """The next parsed item, None at the end; a failure of the input itself is raised as _InputBroke."""
    try:
        return next(items)
    except StopIteration:
        return None
    except Exception as error:
        raise _InputBroke(error) from error


def _feed(
    pipeline: _Pipeline,
    report: RunReport,
    lines: Iterable[Line | Record | bytes | str | Mapping[str, Any]],
    region: str | None,
    batch_size: int,
    rejects: Callable[[Reject], None] | None,
    stop: threading.Event | None,
) -> None:
    """Validate lines into batches of distinct adverts and hand each full batch to the pipeline."""
    # The content hash of each advert met so far in this run: a line repeating one is a duplicate.
    seen: dict[str, str] = {}
    batch: dict[str, PendingAdvert] = {}
    items = _parsed(lines)
    while True:
        try:
            item = _next_item(items)
        except _InputBroke:
            if batch:  # the adverts accepted before the break are written with the rest
                pipeline.add(list(batch.values()))
            raise
        if item is None:
            break
        line, parsed = item
        if stop is not None and stop.is_set():
            raise IngestInterrupted(
                f"stopped on request before line {line.number}"
                + (f" of {line.file}" if line.file else "")
                + f"; {report.batches} batches are in the graph, run the same input again to finish.",
                report,
            )
        report.read += 1
        if isinstance(parsed, Reject):
            report.rejected += 1
            if rejects is not None:
                rejects(parsed)
            continue
        report.accepted += 1
        advert = parsed.with_defaults(region=region, source=report.source)
        content_hash = advert.content_hash()
        if seen.get(advert.key) == content_hash[:32]:
            report.duplicates += 1
            continue
        seen[advert.key] = content_hash[:32]
        if batch.pop(advert.key, None) is not None:  # a newer version of an advert in this batch wins
            report.duplicates += 1
        batch[advert.key] = PendingAdvert(advert, content_hash, line.file, line.number)
        if len(batch) >= batch_size:
            pipeline.add(list(batch.values()))
            batch.clear()
    if batch:
        pipeline.add(list(batch.values()))


def _write(session: neo4j.Session, report: RunReport, batch: list[PendingAdvert], rewrite: bool) -> None:
    """Write one batch and the run's new counts in one transaction; IngestFailed names the lines."""

    def work(tx: neo4j.ManagedTransaction) -> BatchResult:
        result = write_batch(tx, report.run_id, batch, rewrite=rewrite)
        counts = report.counts()
        for name in ("created", "updated", "unchanged", "skipped_identifiers"):
            counts[name] += getattr(result, name)
        counts["batches"] += 1
        tx.run(cypher.load("run_update"), run=report.run_id, properties=counts).consume()
        beat(tx, report.run_id)
        return result

    try:
        result = session.execute_write(work)
    except (Neo4jError, DriverError, OSError) as error:
        where = _line_range(batch)
        # Neo4j went away while confirming the commit: the batch may be in the graph or not.
        unsure = isinstance(error, IncompleteCommit)
        outcome = "may have been written or not" if unsure else "could not be written"
        raise IngestFailed(
            f"batch {report.batches + 1} ({where}) {outcome}: {type(error).__name__}: {error}. "
            f"The {report.batches} batches before it are in the graph; run the same input again to finish "
            "(what is already there is not written twice).",
            report,
        ) from error
    report.add(result)


def _line_range(batch: list[PendingAdvert]) -> str:
    """`lines 501-1000 of a.jsonl`, or the two ends when a batch spans files."""
    lines = sorted((p.file or "", p.line) for p in batch)
    (first_file, first), (last_file, last) = lines[0], lines[-1]
    if first_file == last_file:
        return f"lines {first}-{last}" + (f" of {first_file}" if first_file else "")
    return f"from {first_file} line {first} to {last_file} line {last}"


def _finish(driver: neo4j.Driver, database: str, report: RunReport, status: str, error: str | None) -> None:
    """Record the run's end, in a new session (the run's own may have been cut off mid-transaction).

    For a run that failed or was interrupted this is best effort (Neo4j may be the reason it stopped), and
    the counts are left as the last committed batch wrote them: a signal can land between a commit and
    the report's update, so only the graph knows exactly what was committed.
    """
    report.status, report.error = status, error
    report.finished_at = datetime.now(UTC)
    report.stop_clock()
    # stale_at removed: the run recorded its own end, and a late heartbeat must not revive it.
    properties = {"status": status, "finished_at": report.finished_at, "error": error, "stale_at": None}
    if status == "completed":
        properties.update(report.counts())
    try:
        driver.execute_query(
            cypher.load("run_update"), {"run": report.run_id, "properties": properties}, database_=database
        )
    except Exception as failure:
        if status == "completed":  # every batch is in, but the run cannot say so: the caller must know
            report.status, report.error = "failed", f"could not mark the run completed: {failure}"
            raise IngestFailed(report.error, report) from failure


def _parsed(
    items: Iterable[Line | Record | bytes | str | Mapping[str, Any]],
) -> Iterator[tuple[Line, Advert | Reject]]:
    """Each non-blank input item with what it parsed to; raw lines without a `Line` are numbered from 1."""
    number = 0
    for item in items:
        number += 1
        if isinstance(item, Record):
            yield Line(item.file, item.number, ""), item.parse()
            continue
        if isinstance(item, Line):
            line = item
        elif isinstance(item, bytes | str):
            line = Line(None, number, item)
        else:
            line = Line(None, number, "")
            try:
                yield line, parse_advert(item)
            except AdvertError as error:
                raw = json.dumps(item, ensure_ascii=False, default=str)[:500]
                yield line, Reject(number, str(error), raw)
            continue
        parsed = parse_line(line)
        if parsed is not None:
            yield line, parsed


def read_files(paths: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[Line]:
    """The lines of each file in turn, streamed; `-` is standard input (binary)."""
    for path in paths:
        if path == "-":
            yield from read_lines(stdin if stdin is not None else sys.stdin.buffer, STDIN_NAME)
            continue
        with open(path, "rb") as stream:
            yield from read_lines(stream, path)
