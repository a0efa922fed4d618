"""`crosslink nightly`: the unattended job that ingests an inbox folder's new files (graph/nightly.py).

It writes the night's summary as JSON (a file, and stdout with --json), a few lines for a person on
stderr, and the job's metrics for the node exporter, and tells cron or systemd by its exit status
whether all went well (0), something needs a person (3) or it failed (1). docs/nightly.md.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import click
from neo4j.exceptions import DriverError, Neo4jError

from api.commands.formats import csv_options, format_options
from api.commands.job_metrics import metrics_textfile_option, records_job
from api.commands.stopping import stop_on_signals
from graph.config import SettingsError
from graph.crosslink import Crosslink
from graph.db import GraphUnavailable
from graph.ingest import DEFAULT_BATCH_SIZE, IngestInterrupted
from graph.lease import LeaseBusy
from graph.nightly import DEFAULT_REJECT_THRESHOLD, EXIT_FAILED, NightlySummary, run_nightly
from graph.webhooks import WebhookConfig, WebhookConfigError

JOB = "nightly"


@click.command("nightly")
@click.option(
    "--inbox",
    "inbox_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The folder files are delivered to. Sub-folders, hidden files and names ending in .partial, .tmp, "
    ".part or ~ are left alone.",
)
@click.option("--source", help="Name of the feed on the runs and new adverts [default: the inbox's name].")
@format_options
@click.option(
    "--reports-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Where the summary (inbox-summary-<time>.json) and the rejects files go.",
)
@click.option(
    "--rejects-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where each file's rejected lines go (rejects-<file>-<time>.jsonl) [default: --reports-dir].",
)
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSON summary here [default: <reports-dir>/inbox-summary-<time>.json].",
)
@click.option("--json", "as_json", is_flag=True, help="Also print the JSON summary on stdout.")
@click.option(
    "--reject-threshold",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_REJECT_THRESHOLD,
    show_default=True,
    help="Exit 3 when a file's rejected lines are more than this share of the lines it read.",
)
@click.option(
    "--wait",
    type=click.FloatRange(0.0),
    default=0.0,
    show_default=True,
    help="Seconds to wait for a nightly run already running; 0 exits 1 at once.",
)
@click.option(
    "--batch",
    "batch_size",
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    type=click.IntRange(1, 50_000),
    help="Adverts per transaction.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(0, 64),
    help="Processes extracting identifiers ahead of the writes; 0 extracts in the writing process.",
)
@metrics_textfile_option
@records_job(JOB)
def nightly(
    inbox_dir: Path,
    source: str | None,
    input_format: str,
    mapping: dict[str, str],
    encoding: str | None,
    delimiter: str | None,
    platform: str | None,
    reports_dir: Path,
    rejects_dir: Path | None,
    summary_path: Path | None,
    as_json: bool,
    reject_threshold: float,
    wait: float,
    batch_size: int,
    workers: int,
    job_counts: dict[str, float],
) -> None:
    """Ingest every file of the inbox not ingested before, update the networks, and sum the night up.

    A file is known by its content (SHA-256), so a renamed or re-delivered file is not read twice and a
    changed one is; each file is a run of its own, recorded in the graph, and one whose ingest stopped
    half way is read again the next night. Two nightly runs never overlap. Watch hits are queued for
    the webhook (CROSSLINK_WEBHOOK_URL, CROSSLINK_WEBHOOK_SECRET or _SECRET_FILE) and posted.

    \b
    Exit status:
      0  all good
      3  something for a person: a file's rejects above --reject-threshold, or watch hits
      1  failed: Neo4j unreachable, another nightly run holds the lease, a file could not be
         ingested (wrong layout, unreadable: the others still go in), or the networks could
         not be updated
      2  bad usage
      130, 143  stopped by Ctrl-C or SIGTERM (the file being read is read again next night)
    """
    csv = csv_options(input_format, mapping, encoding, delimiter, platform)
    webhook = _webhook()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    summary_path = summary_path or reports_dir / f"inbox-summary-{stamp}.json"
    rejects_dir = rejects_dir or reports_dir
    try:
        rejects_dir.mkdir(parents=True, exist_ok=True)
        summary_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _fail(f"cannot create the reports folder: {error}")
    graph = _connect()
    with graph, stop_on_signals() as stop:
        try:
            summary = run_nightly(
                graph.driver,
                graph.database,
                inbox_dir,
                source=source,
                format=input_format,
                csv=csv,
                rejects_dir=rejects_dir,
                reject_threshold=reject_threshold,
                wait=wait,
                batch_size=batch_size,
                workers=workers,
                stop=stop,
                webhook=webhook,
            )
        except LeaseBusy as error:
            _fail(f"{error}; this run did nothing")
        except IngestInterrupted as error:
            _say(f"nightly interrupted: {error}", "interrupted", 128 + stop.signal)
            sys.exit(128 + stop.signal)
        except (Neo4jError, DriverError, OSError) as error:
            _fail(f"the nightly run failed: {type(error).__name__}: {error}")
    _report(summary, summary_path, as_json)
    job_counts.update(summary.counts())
    sys.exit(summary.exit_status)


def _report(summary: NightlySummary, path: Path, as_json: bool) -> None:
    """The summary as JSON in its file (written beside it, then renamed) and on stdout; text on stderr."""
    document = summary.as_dict()
    document["summary_file"] = str(path)
    text = json.dumps(document, ensure_ascii=False, indent=2, default=str)
    try:
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(text + "\n", encoding="utf-8")
        os.replace(partial, path)
    except OSError as error:
        click.echo(f"crosslink: cannot write the summary to {path}: {error}", err=True)
    if as_json:
        click.echo(text)
    if _json_lines():
        line = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "event": "nightly", **document}
        click.echo(json.dumps(line, ensure_ascii=False, default=str), err=True)
    else:
        click.echo(summary.text() + f"\nsummary: {path}", err=True)


def _json_lines() -> bool:
    """Whether `crosslink --log-format json` asked for JSON lines on stderr (text for a person otherwise,
    whatever stderr is: the nightly's log is read by people)."""
    chosen = click.get_current_context().find_root().params.get("log_format")
    return bool(chosen) and chosen.lower() == "json"


def _connect() -> Crosslink:
    try:
        return Crosslink.connect()
    except (SettingsError, GraphUnavailable) as error:
        _fail(str(error))


def _webhook() -> WebhookConfig | None:
    try:
        return WebhookConfig.from_env()
    except WebhookConfigError as error:
        _say(str(error), "usage", 2)
        sys.exit(2)


def _fail(message: str) -> NoReturn:
    _say(message, "failed", EXIT_FAILED)
    sys.exit(EXIT_FAILED)


def _say(message: str, status: str, exit_status: int) -> None:
    """Why the run ended without a summary, on stderr: a line for a person, or with `--log-format json`
    one JSON line like the summary's (`"event": "nightly"`), so that a log collector parses every line
    and an alert can match the failure as it matches a finished night."""
    if _json_lines():
        line = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "event": "nightly",
            "status": status,
            "exit_status": exit_status,
            "error": message,
        }
        click.echo(json.dumps(line, ensure_ascii=False), err=True)
    else:
        click.echo(f"crosslink: {message}", err=True)
