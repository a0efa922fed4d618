"""A batch job's outcome as a file for the node exporter's textfile collector, so that the monitoring a
team already runs sees ingests and nightly runs: when the job last ran, when it last succeeded, how long
it took and how many adverts went which way.

One file per job (`ingest.prom`, `nightly.prom`) in the collector's directory; each run replaces it whole
(written beside it, then renamed), so a scrape never reads half a file. A failed run keeps the previous
file's last success time: an alert on "no success for a day" must not be reset by a failure.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Mapping
from pathlib import Path

from prometheus_client import CollectorRegistry, Gauge, write_to_textfile
from prometheus_client.parser import text_string_to_metric_families

LAST_RUN = "crosslink_job_last_run_timestamp_seconds"
LAST_SUCCESS = "crosslink_job_last_success_timestamp_seconds"
DURATION = "crosslink_job_duration_seconds"
ADVERTS = "crosslink_job_adverts"
SUCCEEDED = "crosslink_job_succeeded"
# The node exporter reads only the files of its directory whose names end so.
SUFFIX = ".prom"


class JobMetricsError(ValueError):
    """The textfile cannot be one the node exporter reads (its name does not end in .prom)."""


def check_path(path: str | os.PathLike[str]) -> Path:
    """`path` as a Path, or JobMetricsError when the node exporter would ignore a file of that name:
    callers check it before a job runs, so that a wrong name is told at once, not after an hour's work."""
    chosen = Path(path)
    if chosen.suffix != SUFFIX:
        raise JobMetricsError(
            f"{chosen} does not end in {SUFFIX}: the node exporter's textfile collector reads only "
            f"*{SUFFIX} files (for example /var/lib/node_exporter/textfile/crosslink-ingest.prom)"
        )
    return chosen


def write_job_metrics(
    path: str | os.PathLike[str],
    job: str,
    counts: Mapping[str, float],
    *,
    succeeded: bool,
    seconds: float,
) -> None:
    """Replace the textfile at `path` with this run of `job`: its time, success, duration, and `counts`
    (adverts by outcome: read, created, rejected...) as `crosslink_job_adverts{job, outcome}`.

    Written to a temporary file in the same directory and renamed over `path`, so the collector reads
    either the old file or the new one. Raises JobMetricsError for a name the collector ignores, OSError
    when the directory cannot be written."""
    target = check_path(path)
    now = time.time()
    last_success = now if succeeded else previous_success(target, job)
    registry = CollectorRegistry()
    labels = ["job"]
    Gauge(LAST_RUN, "When the job last ended, success or not (Unix time).", labels, registry=registry).labels(
        job
    ).set(now)
    if last_success is not None:
        Gauge(
            LAST_SUCCESS, "When the job last ended successfully (Unix time).", labels, registry=registry
        ).labels(job).set(last_success)
    Gauge(DURATION, "How long the job's last run took.", labels, registry=registry).labels(job).set(seconds)
    Gauge(
        SUCCEEDED, "1 when the job's last run succeeded, 0 when it failed.", labels, registry=registry
    ).labels(job).set(1 if succeeded else 0)
    adverts = Gauge(
        ADVERTS, "Adverts of the job's last run, by outcome.", ["job", "outcome"], registry=registry
    )
    for outcome, value in counts.items():
        adverts.labels(job, outcome).set(value)
    write_to_textfile(str(target), registry)


def previous_success(path: Path, job: str) -> float | None:
    """The last success time of `job` in the textfile at `path`, or None when there is none to read
    (no file yet, or one that does not parse: a run's metrics must not fail on an old file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    try:
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if (
                    sample.name == LAST_SUCCESS
                    and sample.labels.get("job") == job
                    and math.isfinite(sample.value)
                ):
                    return sample.value
    except ValueError:
        return None
    return None


__all__ = ["JobMetricsError", "check_path", "previous_success", "write_job_metrics"]
