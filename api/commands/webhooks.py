"""`crosslink webhooks`: post queued watch hits, see the queue, re-queue failed hits, send a test ping.

The hits are queued in the graph by the API's ingestAdverts, by `crosslink nightly` and by `webhooks
queue`; the webhook's URL and secret come from CROSSLINK_WEBHOOK_URL and CROSSLINK_WEBHOOK_SECRET (or
CROSSLINK_WEBHOOK_SECRET_FILE). docs/webhooks.md describes what a receiver gets.
"""

from __future__ import annotations

import json
import sys
from typing import NoReturn

import click

from api.commands.connection import graph_connection
from graph import webhooks

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_ATTENTION = 3


@click.group("webhooks")
def webhooks_group() -> None:
    """Watch hits posted to a webhook: deliver the queued ones, show the queue, re-queue failed ones.

    Configured with CROSSLINK_WEBHOOK_URL (http or https) and CROSSLINK_WEBHOOK_SECRET or
    CROSSLINK_WEBHOOK_SECRET_FILE, the shared secret every post is signed with."""


def _config() -> webhooks.WebhookConfig:
    """The webhook's settings, or exit status 2 saying which variable is missing or wrong."""
    try:
        config = webhooks.WebhookConfig.from_env()
    except webhooks.WebhookConfigError as error:
        _usage(str(error))
    if config is None:
        _usage(
            f"no webhook configured: set {webhooks.URL_VARIABLE} and {webhooks.SECRET_VARIABLE} "
            f"(or {webhooks.SECRET_FILE_VARIABLE})"
        )
    return config


def _usage(message: str) -> NoReturn:
    click.echo(f"crosslink: {message}", err=True)
    sys.exit(EXIT_USAGE)


@webhooks_group.command("deliver")
@click.option(
    "--budget",
    "budget_seconds",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds to spend posting; hits left are posted by the next call.",
)
def deliver(budget_seconds: float) -> None:
    """Post the queued hits that are due, each once; print what was done as JSON.

    \b
    Exit status:
      0  every due hit was delivered and none is left pending
      1  the graph failed
      2  no webhook configured, or its settings are wrong
      3  hits are still pending (receiver down, or not due yet) or were given up
    """
    config = _config()
    with graph_connection() as graph:
        report = webhooks.deliver_pending(graph.driver, graph.database, config, budget_seconds=budget_seconds)
    click.echo(json.dumps(report.as_dict()))
    sys.exit(EXIT_ATTENTION if report.pending or report.failed else EXIT_OK)


@webhooks_group.command("status")
@click.option(
    "--failures", default=20, show_default=True, type=click.IntRange(0, 1000), help="Failed hits listed."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def status(failures: int, as_json: bool) -> None:
    """How many hits are pending, delivered and failed, the oldest pending one, and the failed ones."""
    with graph_connection() as graph:
        found = webhooks.delivery_status(graph.driver, graph.database, failures=failures)
    if as_json:
        click.echo(json.dumps(found.as_dict(), ensure_ascii=False, indent=2))
        return
    oldest = found.oldest_pending.isoformat(timespec="seconds") if found.oldest_pending else "none"
    due = found.next_attempt_at.isoformat(timespec="seconds") if found.next_attempt_at else "none"
    click.echo(
        f"pending {found.pending} (oldest queued {oldest}, next attempt {due}), "
        f"delivered {found.delivered}, failed {found.failed}"
    )
    for failure in found.failures:
        click.echo(
            f"  failed {failure['delivery']}  {failure['identifier']} in {failure['advert']}: "
            f"{failure['attempts']} attempts, last: {failure['last_error']} ({failure['failed_at']})"
        )
    if found.failed:
        click.echo("re-queue them with: crosslink webhooks retry-failed", err=True)


@webhooks_group.command("retry-failed")
def retry_failed() -> None:
    """Queue every failed hit again, due now, its attempts counted afresh (once the receiver is fixed)."""
    with graph_connection() as graph:
        count = webhooks.retry_failed(graph.driver, graph.database)
    click.echo(f"re-queued {count} failed hit(s); post them with: crosslink webhooks deliver")


@webhooks_group.command("queue")
@click.argument("runs", nargs=-1, required=True)
def queue(runs: tuple[str, ...]) -> None:
    """Queue the watch hits of the adverts first written by ingest runs RUNS (keys as `crosslink ingest`
    prints them): for runs nothing queued, such as a `crosslink ingest` by hand. Hits queued before are
    not queued again."""
    with graph_connection() as graph:
        count = webhooks.queue_watch_hits(graph.driver, graph.database, list(runs))
    click.echo(f"queued {count} new watch hit(s)")


@webhooks_group.command("test")
def test() -> None:
    """Post a signed ping (event `ping`, not a hit, not queued) to check the URL and the receiver's
    signature check. Exit status 1 when the receiver does not answer 2xx."""
    config = _config()
    attempt = webhooks.send_test(config)
    target = webhooks.shown_url(config.url)
    if attempt.delivered:
        click.echo(f"ping delivered to {target} (HTTP {attempt.status})")
        return
    click.echo(f"crosslink: ping to {target} failed: {attempt.error}", err=True)
    sys.exit(EXIT_FAILED)
