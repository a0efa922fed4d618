"""The nightly job: ingest every new file of an inbox folder, bring the networks up to date, tell a person.

One run (`run_nightly`) holds the `nightly` lease (graph/lease.py) so two never overlap; reads the
inbox (graph/inbox.py) and skips each file whose content the ledger holds as completed; ingests each
new file as a run of its own, recording it `reading`, then `completed` or `failed`, so a file whose
ingest stopped half way is read again the next night (ingest skips what it already wrote); then updates
the networks once, collects the watch hits of the adverts this night first wrote, and returns a
`NightlySummary` that says what came in and what needs a person. A file that cannot be read (wrong
layout, unreadable) is recorded failed and the others still go in.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from graph import cypher, inbox, schema
from graph.advert import Line, Record
from graph.extraction_pool import ExtractionPool
from graph.formats import CsvOptions, read_file, resolve
from graph.ingest import (
    DEFAULT_BATCH_SIZE,
    IngestFailed,
    IngestInterrupted,
    RejectsFile,
    RunReport,
    ingest,
)
from graph.lease import LeaseBusy, held
from graph.networks import catch_up
from graph.networks.lease import RecomputeBusy
from graph.webhooks import WebhookConfig, deliver_pending, queue_watch_hits, shown_url

LEASE_NAME = "nightly"
LEASE_WHAT = "the nightly inbox run"
DEFAULT_REJECT_THRESHOLD = 0.01
# How long the job spends posting watch hits to the webhook; what is left stays queued for the next try.
DELIVER_SECONDS = 60.0
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ATTENTION = 3
# The most watch hits, new networks and networks that grew a summary lists (it always counts them all).
LIST_LIMIT = 1000
ADVERT_COUNTS = ("read", "accepted", "rejected", "created", "updated", "unchanged", "duplicates")

__all__ = [
    "DEFAULT_REJECT_THRESHOLD",
    "EXIT_ATTENTION",
    "EXIT_FAILED",
    "EXIT_OK",
    "FileReport",
    "LeaseBusy",
    "NightlySummary",
    "run_nightly",
]


@dataclass
class FileReport:
    """What became of one inbox file this night: `completed`, `failed`, or `skipped` (its content was
    ingested before, by `run`, under `name` then)."""

    name: str
    sha256: str
    size: int
    status: str
    format: str | None = None
    run: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    rejects_file: str | None = None
    error: str | None = None
    ingested_as: str | None = None  # for a skipped file: its name when it was ingested
    ingested_at: str | None = None

    def reject_share(self) -> float:
        read = self.counts.get("read", 0)
        return self.counts.get("rejected", 0) / read if read else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "size": self.size,
            "status": self.status,
            "format": self.format,
            "run": self.run,
            **{name: self.counts.get(name, 0) for name in ADVERT_COUNTS},
            "rejects_file": self.rejects_file,
            "error": self.error,
            "ingested_as": self.ingested_as,
            "ingested_at": self.ingested_at,
        }


@dataclass
class NightlySummary:
    """What one nightly run read and found. `exit_status` is 0 when all is well, 3 when something needs a
    person (a file's rejects above the threshold, watch hits), 1 when it failed (a file could not be
    ingested, or the networks could not be updated)."""

    inbox: str
    source: str
    started_at: datetime
    reject_threshold: float
    files: list[FileReport] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    networks_update: dict[str, Any] | None = None
    new_networks: list[dict[str, Any]] = field(default_factory=list)
    grown_networks: list[dict[str, Any]] = field(default_factory=list)
    watch_hits: list[dict[str, Any]] = field(default_factory=list)
    webhooks: dict[str, Any] | None = None
    error: str | None = None
    finished_at: datetime | None = None
    seconds: float = 0.0

    def of(self, status: str) -> list[FileReport]:
        return [f for f in self.files if f.status == status]

    def counts(self) -> dict[str, int]:
        """Adverts of the night's runs by outcome, summed over the files."""
        return {name: sum(f.counts.get(name, 0) for f in self.files) for name in ADVERT_COUNTS}

    def over_threshold(self) -> list[FileReport]:
        return [f for f in self.files if f.reject_share() > self.reject_threshold]

    def rejects_reasons(self) -> list[str]:
        return [
            f"{f.name}: {f.counts['rejected']} of {f.counts['read']} lines rejected (see {f.rejects_file})"
            for f in self.over_threshold()
        ]

    def attention(self) -> list[str]:
        """Why a person should look, one reason a line (empty when all is well)."""
        reasons = self.rejects_reasons()
        if self.watch_hits:
            reasons.append(f"{len(self.watch_hits)} watch hit(s)")
        return reasons

    def failures(self) -> list[str]:
        reasons = [f"{f.name}: {f.error}" for f in self.of("failed")]
        if self.error:
            reasons.append(self.error)
        return reasons

    @property
    def exit_status(self) -> int:
        if self.failures():
            return EXIT_FAILED
        return EXIT_ATTENTION if self.attention() else EXIT_OK

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON values: the file the job writes and prints."""
        status = {EXIT_OK: "ok", EXIT_ATTENTION: "attention", EXIT_FAILED: "failed"}[self.exit_status]
        return {
            "inbox": self.inbox,
            "source": self.source,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "finished_at": self.finished_at.isoformat(timespec="seconds") if self.finished_at else None,
            "seconds": round(self.seconds, 3),
            "status": status,
            "exit_status": self.exit_status,
            "files_seen": len(self.files),
            "files_new": len(self.files) - len(self.of("skipped")),
            "files_skipped": len(self.of("skipped")),
            "files_failed": len(self.of("failed")),
            "adverts": self.counts(),
            "reject_threshold": self.reject_threshold,
            "files": [f.as_dict() for f in self.files],
            "ignored": self.ignored,
            "networks_update": self.networks_update,
            "new_networks_count": len(self.new_networks),
            "new_networks": self.new_networks[:LIST_LIMIT],
            "grown_networks_count": len(self.grown_networks),
            "grown_networks": self.grown_networks[:LIST_LIMIT],
            "watch_hits_count": len(self.watch_hits),
            "watch_hits": self.watch_hits,
            "webhooks": self.webhooks,
            "attention": self.attention(),
            "failures": self.failures(),
            "error": self.error,
        }

    def text(self) -> str:
        """A few lines for a person: what came in, what was rejected, what changed, what to look at."""
        counts = self.counts()
        lines = [
            f"crosslink nightly {self.started_at:%Y-%m-%d %H:%M}Z, inbox {self.inbox}: "
            + {EXIT_OK: "all good", EXIT_ATTENTION: "needs a look", EXIT_FAILED: "FAILED"}[self.exit_status]
            + f" (exit {self.exit_status}, {self.seconds:.1f}s)",
            f"files: {len(self.files)} seen, {len(self.files) - len(self.of('skipped'))} new, "
            f"{len(self.of('skipped'))} skipped (already ingested), {len(self.of('failed'))} failed",
            f"adverts: read {counts['read']}, accepted {counts['accepted']}, rejected {counts['rejected']}; "
            f"created {counts['created']}, updated {counts['updated']}, unchanged {counts['unchanged']}",
            f"networks: {len(self.new_networks)} new, {len(self.grown_networks)} grew"
            + _grown_text(self.grown_networks),
        ]
        if self.watch_hits:
            lines.append(f"watch hits: {len(self.watch_hits)}")
            lines += [
                f"  {h['identifier']} in advert {h['advert']}, network {h['network'] or '(none)'}"
                for h in self.watch_hits[:10]
            ]
        if self.webhooks is not None and (self.webhooks["queued"] or self.webhooks.get("pending")):
            told = self.webhooks
            if told["url"] is None:
                lines.append(
                    f"webhook: {told['queued']} hit(s) queued, none posted (no CROSSLINK_WEBHOOK_URL)"
                )
            else:
                lines.append(
                    f"webhook {told['url']}: {told['queued']} queued, {told['delivered']} delivered, "
                    f"{told['failed']} given up, {told['pending']} pending"
                )
        lines += [f"look at: {reason}" for reason in self.rejects_reasons()]
        lines += [f"failed: {reason}" for reason in self.failures()]
        return "\n".join(lines)


def _grown_text(grown: list[dict[str, Any]]) -> str:
    shown = ", ".join(f"{g['id']} {g['before']} -> {g['after']}" for g in grown[:5])
    return f" ({shown}{', ...' if len(grown) > 5 else ''})" if shown else ""


@dataclass(frozen=True)
class _Night:
    """The settings of one run, passed along together."""

    driver: neo4j.Driver
    database: str
    source: str
    format: str
    csv: CsvOptions | None
    rejects_dir: Path | None
    region: str | None
    batch_size: int
    workers: int
    stop: threading.Event | None
    stamp: str


def run_nightly(
    driver: neo4j.Driver,
    database: str,
    inbox_dir: str | Path,
    *,
    source: str | None = None,
    format: str = "auto",
    rejects_dir: str | Path | None = None,
    reject_threshold: float = DEFAULT_REJECT_THRESHOLD,
    wait: float = 0.0,
    region: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 0,
    stop: threading.Event | None = None,
    csv: CsvOptions | None = None,
    webhook: WebhookConfig | None = None,
    deliver_seconds: float = DELIVER_SECONDS,
) -> NightlySummary:
    """Ingest the inbox's new files, update the networks, and say what happened.

    `source` names the feed on the runs and adverts (default: the inbox folder's name). Each rejected
    line goes to a rejects file per input file in `rejects_dir` (none kept when None). LeaseBusy when
    another nightly run holds the lease for longer than `wait` seconds; NotADirectoryError when the inbox
    is not a folder; Neo4j's errors when the graph cannot be reached at the start. Later failures are in
    the summary (a file's, or the networks update's) and make its exit status 1. `format` is a name in
    `graph.formats.FORMATS` or `auto` (each file's own, told from its head), `csv` the column mapping of
    CSV files. After the networks are updated the watch hits of the night's runs are queued in the graph
    for the webhook and, when `webhook` is given, posted for at most `deliver_seconds` (graph.webhooks).
    IngestInterrupted when `stop` is set: the file being read is recorded failed.
    """
    folder = Path(inbox_dir)
    paths, ignored = inbox.scan(folder)
    started = datetime.now(UTC)
    clock = time.monotonic()
    summary = NightlySummary(
        str(folder), source or folder.resolve().name, started, reject_threshold, ignored=ignored
    )
    night = _Night(
        driver,
        database,
        summary.source,
        format,
        csv,
        Path(rejects_dir) if rejects_dir is not None else None,
        region,
        batch_size,
        workers,
        stop,
        f"{started:%Y%m%dT%H%M%SZ}",
    )
    inbox.apply_schema(driver, database)
    schema.apply_schema(driver, database)
    with held(driver, database, LEASE_NAME, what=LEASE_WHAT, wait=wait):
        try:
            _run(night, summary, paths, webhook, deliver_seconds)
        except (Neo4jError, DriverError, RecomputeBusy) as error:
            summary.error = f"the graph database failed: {type(error).__name__}: {error}"
    summary.finished_at = datetime.now(UTC)
    summary.seconds = time.monotonic() - clock
    return summary


def _run(
    night: _Night,
    summary: NightlySummary,
    paths: list[Path],
    webhook: WebhookConfig | None,
    deliver_seconds: float,
) -> None:
    before = _network_sizes(night)
    files = inbox.hashed(paths)
    done = inbox.completed(night.driver, night.database, (f.sha256 for f in files))
    runs: list[str] = []
    this_night: dict[str, str] = {}  # content hash -> name, for the same content twice in one inbox
    # One set of extraction workers for all the night's files: started at the first batch, stopped
    # once the last file is in. A run per file starting its own cost seconds a file (BENCHMARKS.md).
    with ExtractionPool(night.workers) if night.workers > 0 else nullcontext() as pool:
        for found in files:
            if found.sha256 in done or found.sha256 in this_night:
                summary.files.append(_skipped(found, done.get(found.sha256), this_night.get(found.sha256)))
                continue
            this_night[found.sha256] = found.name
            report = _ingest_file(night, found, pool)
            summary.files.append(report)
            if report.run is not None:
                runs.append(report.run)
    try:
        summary.networks_update = catch_up(night.driver, night.database).as_dict()
    except RecomputeBusy as error:
        summary.error = f"the adverts are in, but the networks could not be updated: {error}"
    _compare_networks(summary, before, _network_sizes(night))
    summary.watch_hits = _watch_hits(night, runs)
    summary.webhooks = _notify(night, runs, webhook, deliver_seconds)


def _notify(night: _Night, runs: list[str], webhook: WebhookConfig | None, seconds: float) -> dict[str, Any]:
    """Queue the night's watch hits in the graph (never lost), then post what is due when a webhook is
    configured; hits it could not deliver stay queued for the next try."""
    told: dict[str, Any] = {"queued": queue_watch_hits(night.driver, night.database, runs)}
    told["url"] = shown_url(webhook.url) if webhook is not None else None
    if webhook is not None:
        told.update(deliver_pending(night.driver, night.database, webhook, budget_seconds=seconds).as_dict())
    return told


def _skipped(found: inbox.InboxFile, earlier: inbox.Ingested | None, twin: str | None) -> FileReport:
    report = FileReport(found.name, found.sha256, found.size, "skipped")
    if earlier is not None:
        report.run, report.ingested_as, report.ingested_at = earlier.run, earlier.name, earlier.ingested_at
    else:  # the same content under another name earlier this night
        report.ingested_as = twin
    return report


def _ingest_file(night: _Night, found: inbox.InboxFile, pool: ExtractionPool | None) -> FileReport:
    """Ingest one file as a run of its own, recorded in the ledger before and after; its identifiers are
    extracted by the night's `pool` (in this process when None)."""
    report = FileReport(found.name, found.sha256, found.size, "reading", night.format)
    _record(night, report)
    last: list[RunReport] = []
    ingested_at: datetime | None = None
    rejects = (
        RejectsFile(night.rejects_dir / _rejects_name(found.name, night.stamp)) if night.rejects_dir else None
    )
    try:
        report.format, lines = _read(found.path, night.format, night.csv)
        run = ingest(
            night.driver,
            night.database,
            lines,
            source=night.source,
            files=[found.name],
            region=night.region,
            batch_size=night.batch_size,
            rejects=rejects,
            progress=last.append,
            apply_schema=False,
            stop=night.stop,
            pool=pool,
        )
    except IngestInterrupted as error:
        _failed(report, error.report, f"interrupted: {error}")
        raise
    except IngestFailed as error:
        _failed(report, error.report, str(error))
    except (ValueError, OSError, UnicodeError) as error:  # the wrong layout, a file that breaks off
        _failed(report, last[-1] if last else None, f"{type(error).__name__}: {error}")
    else:
        report.status, report.run, report.counts = "completed", run.run_id, _advert_counts(run)
        ingested_at = run.finished_at
    finally:
        if rejects is not None:
            rejects.close()
            report.rejects_file = str(rejects.path) if rejects.count else None
        # Recorded once the rejects file is closed, so that the ledger names it too. A file left
        # `reading` (the graph failed under it) is read again next night.
        if report.status != "reading":
            _record(night, report, ingested_at=ingested_at)
    return report


def _read(path: Path, format: str, csv: CsvOptions | None) -> tuple[str, Iterator[Line | Record]]:
    """The format of the file (`format`, or the one its head shows for `auto`) and its lines or records;
    FormatError before anything is read when the file is not in that layout."""
    chosen = resolve(path, format)
    return chosen, read_file(path, chosen, csv=csv)


def _failed(report: FileReport, run: RunReport | None, error: str) -> None:
    report.status, report.error = "failed", error
    if run is not None:
        report.run, report.counts = run.run_id, _advert_counts(run)


def _advert_counts(run: RunReport) -> dict[str, int]:
    counts = run.counts()
    return {name: counts[name] for name in ADVERT_COUNTS}


def _record(night: _Night, report: FileReport, ingested_at: datetime | None = None) -> None:
    entry = {
        "sha256": report.sha256,
        "name": report.name,
        "size": report.size,
        "format": report.format,
        "status": report.status,
        "run": report.run,
        "error": report.error,
        "rejects_file": report.rejects_file,
        **{name: report.counts.get(name, 0) for name in ADVERT_COUNTS},
    }
    if ingested_at is not None:
        entry["ingested_at"] = ingested_at
    inbox.record(night.driver, night.database, entry, datetime.now(UTC))


def _rejects_name(name: str, stamp: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:80]
    return f"rejects-{safe}-{stamp}.jsonl"


def _network_sizes(night: _Night) -> dict[str, int]:
    records, _, _ = night.driver.execute_query(cypher.load("nightly_networks"), database_=night.database)
    return {r["id"]: r["size"] or 0 for r in records}


def _compare_networks(summary: NightlySummary, before: dict[str, int], after: dict[str, int]) -> None:
    """New networks (an id not there before) and networks that grew (size before -> after), largest first.

    Ids stay put across recomputes (graph/networks/ids.py): a network that grows or absorbs another
    keeps its id, so a larger size under the same id is growth."""
    summary.new_networks = sorted(
        ({"id": id, "size": size} for id, size in after.items() if id not in before),
        key=lambda n: (-n["size"], n["id"]),
    )
    summary.grown_networks = sorted(
        (
            {"id": id, "before": before[id], "after": size}
            for id, size in after.items()
            if id in before and size > before[id]
        ),
        key=lambda n: (n["before"] - n["after"], n["id"]),
    )


def _watch_hits(night: _Night, runs: Iterable[str]) -> list[dict[str, Any]]:
    records, _, _ = night.driver.execute_query(
        cypher.load("nightly_watch_hits"), runs=list(runs), limit=LIST_LIMIT, database_=night.database
    )
    return [record.data() for record in records]
