"""`crosslink serve`: run the analysts' GraphQL API with uvicorn, in one process or several."""

from __future__ import annotations

import inspect
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
import uvicorn

from api import logs
from api.commands.connection import graph_connection
from graph.crosslink import Crosslink
from graph.webhooks import WebhookConfig, WebhookConfigError

# What each worker process imports and calls, with no arguments, to build its own app: `create_app()`
# connects to the graph at start-up with the environment's settings, so that every worker holds drivers
# of its own (a driver's sockets and threads cannot be shared across processes).
APP_FACTORY = "api.app:create_app"
# How long a worker may leave its supervisor's health check unanswered before it is taken for hung,
# killed and replaced. uvicorn's default is short enough that a worker still importing the app on a busy
# machine was killed at start-up, again and again; a worker that hangs for good is still replaced.
HEALTH_CHECK_SECONDS = 60


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: all).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option(
    "--proxy-headers/--no-proxy-headers",
    default=False,
    show_default=True,
    help="Trust X-Forwarded-For from a reverse proxy on this machine (the audit log then names the client).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="API processes answering on the one port, each with its own connections to the graph; "
    "more than the machine's cores only adds memory.",
)
def serve(host: str, port: int, proxy_headers: bool, workers: int) -> None:
    """Serve the GraphQL API at http://HOST:PORT/graphql and its IDE at /ide.

    Every request but GET /health, /ready, /metrics and the pages' static files needs an API key
    (`crosslink keys create`); /metrics asks for CROSSLINK_METRICS_TOKEN when it is set. The audit log
    goes to CROSSLINK_AUDIT_LOG (default var/audit.jsonl); reads time out after CROSSLINK_READ_TIMEOUT
    seconds.
    With --workers N, N processes share the port and the audit log (each record names its process);
    Ctrl-C or SIGTERM stops them all, SIGHUP replaces them one by one.
    """
    _check_webhook()
    with graph_connection() as graph:
        if workers == 1:
            run_server(graph, host=host, port=port, proxy_headers=proxy_headers)
            return
        # Once, here, so that the workers starting together find the schemas made and do not race.
        graph.prepare_api()
    run_workers(workers, host=host, port=port, proxy_headers=proxy_headers)


def _check_webhook() -> None:
    """Refuse to start on webhook settings that cannot work, in one line, before anything is served:
    every worker would otherwise fail at start-up with a traceback."""
    try:
        WebhookConfig.from_env()
    except WebhookConfigError as error:
        raise click.UsageError(str(error)) from None


def run_server(graph: Crosslink, *, host: str, port: int, proxy_headers: bool = False) -> None:
    """Serve the API over an open graph, in this process, until stopped (Ctrl-C)."""
    from api.app import create_app  # here: the app's imports cost the other commands a third of a second

    app = create_app(graph.driver, graph.database)
    _announce(host, port)
    uvicorn.run(app, **_server_options(host, port, proxy_headers))


def run_workers(workers: int, *, host: str, port: int, proxy_headers: bool = False) -> None:
    """Serve the API from `workers` processes behind one port until stopped (Ctrl-C or SIGTERM).

    uvicorn binds the port here and starts each worker as a fresh interpreter (spawned, not forked)
    that builds the app with `APP_FACTORY`; this process only watches them, restarting one that dies.
    The workers count their metrics into one directory (see `metrics_directory`), so that /metrics,
    whichever worker answers it, gives the totals of all."""
    _announce(host, port, workers)
    options = _server_options(host, port, proxy_headers)
    if "timeout_worker_healthcheck" in inspect.signature(uvicorn.Config).parameters:  # newer uvicorn only
        options["timeout_worker_healthcheck"] = HEALTH_CHECK_SECONDS
    with metrics_directory():
        uvicorn.run(APP_FACTORY, factory=True, workers=workers, **options)


@contextmanager
def metrics_directory() -> Iterator[Path]:
    """PROMETHEUS_MULTIPROC_DIR for the workers about to start (they inherit the environment and read it
    when they import prometheus-client): the one set, emptied of an earlier run's counts as
    prometheus-client asks, or else a new temporary directory, removed once the workers have ended."""
    from api.metrics import MULTIPROCESS_VARIABLE  # here, as `create_app` is: it imports the web stack

    given = os.environ.get(MULTIPROCESS_VARIABLE)
    if given:
        directory = Path(given)
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.db"):
            stale.unlink()
        yield directory
        return
    directory = Path(tempfile.mkdtemp(prefix="crosslink-metrics-"))
    os.environ[MULTIPROCESS_VARIABLE] = str(directory)
    try:
        yield directory
    finally:
        os.environ.pop(MULTIPROCESS_VARIABLE, None)
        shutil.rmtree(directory, ignore_errors=True)


def _announce(host: str, port: int, workers: int = 1) -> None:
    processes = f" ({workers} processes)" if workers > 1 else ""
    where = f"GraphQL at http://{host}:{port}/graphql, IDE at http://{host}:{port}/ide{processes}"
    if _log_format() == "json":  # a log collector reads every line of stderr as JSON
        logging.getLogger("crosslink.serve").info(where)
    else:
        click.echo(f"crosslink: {where}", err=True)


def _server_options(host: str, port: int, proxy_headers: bool) -> dict[str, Any]:
    options = {
        "host": host,
        "port": port,
        "proxy_headers": proxy_headers,
        "forwarded_allow_ips": "127.0.0.1" if proxy_headers else None,
        "server_header": False,
        "log_level": "info",
    }
    chosen = _log_format()
    if chosen is not None:  # else uvicorn's own logging, as before the option existed
        options["log_config"] = logs.uvicorn_log_config(chosen)
    return options


def _log_format() -> str | None:
    """`crosslink --log-format`, else CROSSLINK_LOG_FORMAT (when called outside the command)."""
    context = click.get_current_context(silent=True)
    asked = context.find_root().params.get("log_format") if context is not None else None
    return logs.chosen(asked)
