"""`crosslink webhooks` against the real graph and a real receiver on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator

import neo4j
import pytest
from click.testing import CliRunner
from webhook_receiver import Receiver, check

from api.commands.webhooks import webhooks_group
from graph import casework, webhooks
from graph.config import Settings

SECRET = "cli-test-secret-0123456789abcdef"
ADVERT = {
    "platform": "facebook",
    "post_id": "cli1",
    "author": {"handle": "boat.uk"},
    "text": "UK crossing tonight. WhatsApp +44 7957 500418",
    "posted_at": "2024-03-01T10:00:00Z",
    "region": "FR",
}


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def hit(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> str:
    """A watched phone and a new advert carrying it; the push's run."""
    database = neo4j_settings.database
    casework.ensure_schema(empty_graph, database)
    casework.watch(empty_graph, database, "+44 7957 500418", by="test")
    return casework.push_adverts(empty_graph, database, [ADVERT], source="analyst").run


def env(receiver: Receiver, **more: str) -> dict[str, str]:
    return {"CROSSLINK_WEBHOOK_URL": receiver.url, "CROSSLINK_WEBHOOK_SECRET": SECRET, **more}


def test_deliver_posts_the_queued_hit_and_status_counts_it(hit: str, receiver: Receiver) -> None:
    runner = CliRunner()
    before = runner.invoke(webhooks_group, ["status", "--json"])
    delivered = runner.invoke(webhooks_group, ["deliver", "--budget", "30"], env=env(receiver))
    after = runner.invoke(webhooks_group, ["status"])

    assert json.loads(before.stdout)["pending"] == 1
    assert delivered.exit_code == 0, delivered.stderr
    assert json.loads(delivered.stdout) == {"delivered": 1, "failed": 0, "pending": 0, "retrying": 0}
    (post,) = receiver.posts
    assert check(post, SECRET) and post.json["run"] == hit
    assert after.exit_code == 0 and "pending 0" in after.stdout and "delivered 1" in after.stdout
    assert SECRET not in delivered.output + after.output


def test_a_receiver_down_leaves_the_hit_pending_with_exit_status_3(hit: str, receiver: Receiver) -> None:
    receiver.stop()
    runner = CliRunner()
    down = runner.invoke(webhooks_group, ["deliver"], env=env(receiver))
    status = json.loads(runner.invoke(webhooks_group, ["status", "--json"]).stdout)
    assert down.exit_code == 3
    assert json.loads(down.stdout)["retrying"] == 1
    assert status["pending"] == 1 and status["oldest_pending"] is not None


def test_failed_hits_are_listed_and_queued_again(
    hit: str, receiver: Receiver, neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    receiver.answers = [500]
    settings = env(receiver, CROSSLINK_WEBHOOK_MAX_ATTEMPTS="1")
    runner = CliRunner()
    gave_up = runner.invoke(webhooks_group, ["deliver"], env=settings)
    listed = runner.invoke(webhooks_group, ["status"])
    retried = runner.invoke(webhooks_group, ["retry-failed"])
    delivered = runner.invoke(webhooks_group, ["deliver"], env=settings)

    assert gave_up.exit_code == 3 and json.loads(gave_up.stdout)["failed"] == 1
    assert "failed 1" in listed.stdout and "HTTP 500 Internal Server Error" in listed.stdout
    assert "advert:facebook:cli1" in listed.stdout and "retry-failed" in listed.stderr
    assert "re-queued 1" in retried.stdout
    assert delivered.exit_code == 0 and json.loads(delivered.stdout)["delivered"] == 1
    assert webhooks.delivery_status(neo4j_driver, neo4j_settings.database).failed == 0


def test_queue_takes_a_run_once(hit: str) -> None:
    runner = CliRunner()
    assert "queued 0 new" in runner.invoke(webhooks_group, ["queue", hit]).stdout  # the push queued it
    assert runner.invoke(webhooks_group, ["queue"]).exit_code == 2


def test_test_posts_a_signed_ping(receiver: Receiver) -> None:
    runner = CliRunner()
    sent = runner.invoke(webhooks_group, ["test"], env=env(receiver))
    receiver.answers = [403]
    refused = runner.invoke(webhooks_group, ["test"], env=env(receiver))

    assert sent.exit_code == 0 and "ping delivered" in sent.stdout
    assert check(receiver.posts[0], SECRET) and receiver.posts[0].json["event"] == "ping"
    assert refused.exit_code == 1 and "HTTP 403 Forbidden" in refused.stderr
    assert SECRET not in sent.output + refused.output


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({}, "no webhook configured"),
        ({"CROSSLINK_WEBHOOK_URL": "https://hooks.example.org/x"}, "no secret is"),
        (
            {"CROSSLINK_WEBHOOK_URL": "file:///etc/passwd", "CROSSLINK_WEBHOOK_SECRET": "k"},
            "http:// or https://",
        ),
    ],
)
def test_a_missing_or_wrong_webhook_is_a_usage_error(settings: dict[str, str], message: str) -> None:
    blank = {
        "CROSSLINK_WEBHOOK_URL": None,
        "CROSSLINK_WEBHOOK_SECRET": None,
        "CROSSLINK_WEBHOOK_SECRET_FILE": None,
    }
    for command in ("deliver", "test"):
        result = CliRunner().invoke(webhooks_group, [command], env={**blank, **settings})
        assert result.exit_code == 2 and message in result.stderr
