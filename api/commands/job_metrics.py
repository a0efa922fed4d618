"""`--metrics-textfile PATH` (CROSSLINK_METRICS_TEXTFILE) for a batch command: after the run, whether it
succeeded or failed, its metrics go to PATH for the node exporter's textfile collector
(`graph.jobmetrics`)."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from graph.jobmetrics import JobMetricsError, check_path, write_job_metrics

VARIABLE = "CROSSLINK_METRICS_TEXTFILE"
# The run's numbers that become `crosslink_job_adverts{outcome}`.
COUNTED = ("read", "accepted", "rejected", "created", "updated", "unchanged", "duplicates")
# Exit statuses of a run that finished: all accepted, or some lines rejected (they are in the rejects file).
FINISHED = (0, 3)

F = TypeVar("F", bound=Callable[..., Any])


def _checked(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Path | None:
    if not value:
        return None
    try:
        return check_path(value)
    except JobMetricsError as error:
        raise click.BadParameter(str(error)) from None


metrics_textfile_option = click.option(
    "--metrics-textfile",
    "metrics_textfile",
    envvar=VARIABLE,
    callback=_checked,
    type=click.Path(dir_okay=False),
    help=f"After the run, success or failure, write its metrics here for the node exporter's textfile "
    f"collector (a *.prom file; env {VARIABLE}; docs/monitoring.md).",
)


def counted(summary: dict[str, Any]) -> dict[str, float]:
    """The adverts of a run's summary (`RunReport.as_dict()`) by outcome."""
    return {name: summary[name] for name in COUNTED if isinstance(summary.get(name), int | float)}


def records_job(job: str) -> Callable[[F], F]:
    """Decorate a command taking `metrics_textfile` and `job_counts` (a dict it fills with `counted`):
    when it ends, by returning, by `sys.exit` or by an exception, the run is written to the textfile, as
    succeeded when it returned or exited 0 or 3. A textfile that cannot be written is said on stderr
    and does not change the command's exit status."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def run(*args: Any, metrics_textfile: Path | None = None, **kwargs: Any) -> Any:
            counts: dict[str, float] = {}
            started = time.monotonic()
            succeeded = False
            try:
                result = command(*args, job_counts=counts, **kwargs)
                succeeded = True
                return result
            except SystemExit as exit:
                succeeded = exit.code in FINISHED or exit.code is None
                raise
            finally:
                if metrics_textfile is not None:
                    _write(metrics_textfile, job, counts, succeeded, time.monotonic() - started)

        return run  # type: ignore[return-value]

    return decorate


def _write(path: Path, job: str, counts: dict[str, float], succeeded: bool, seconds: float) -> None:
    try:
        write_job_metrics(path, job, counts, succeeded=succeeded, seconds=seconds)
    except OSError as error:
        click.echo(f"crosslink: cannot write the metrics to {path}: {error}", err=True)


__all__ = ["VARIABLE", "counted", "metrics_textfile_option", "records_job"]
