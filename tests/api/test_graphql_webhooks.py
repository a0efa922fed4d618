"""Watch hits of ingestAdverts posted to a webhook by the app's background deliverer, over HTTP, against
the real graph and a real receiver on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from planted import HUB_RULE, Api, make_keys, plant
from webhook_receiver import Receiver, check

from api.app import create_app
from api.audit import AuditLog
from graph.config import Settings
from graph.webhooks import WebhookConfig, deliver_pending

SECRET = "api-test-secret-0123456789abcdef"
PUSH = """mutation ($adverts: [AdvertInput!]!) {
  ingestAdverts(adverts: $adverts, source: "analyst-push") { run created }
}"""
WATCH = "mutation ($v: String!) { watch(identifier: $v) { identifier } }"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def keys(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """The planted graph and a key of each role."""
    for name, value in HUB_RULE.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("CROSSLINK_WEBHOOK_URL", raising=False)
    plant(neo4j_driver, neo4j_settings.database)
    return make_keys(neo4j_driver, neo4j_settings.database)[0]


def serve(
    driver: neo4j.Driver,
    settings: Settings,
    keys: dict[str, str],
    tmp_path: Path,
    webhook: WebhookConfig | None,
) -> Iterator[Api]:
    app = create_app(
        driver,
        settings.database,
        audit=AuditLog(tmp_path / "audit.jsonl"),
        settings=settings,
        webhook=webhook,
    )
    with TestClient(app) as client:
        yield Api(client, keys, {}, tmp_path / "audit.jsonl")


@pytest.fixture
def hooked(
    neo4j_driver: neo4j.Driver,
    neo4j_settings: Settings,
    keys: dict[str, str],
    receiver: Receiver,
    tmp_path: Path,
) -> Iterator[Api]:
    """The app over the planted graph, posting hits to the receiver."""
    webhook = WebhookConfig(receiver.url, SECRET, timeout=5.0, backoff_seconds=0.0)
    yield from serve(neo4j_driver, neo4j_settings, keys, tmp_path, webhook)


@pytest.fixture
def unhooked(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, keys: dict[str, str], tmp_path: Path
) -> Iterator[Api]:
    """The app over the planted graph, with no webhook configured."""
    yield from serve(neo4j_driver, neo4j_settings, keys, tmp_path, None)


def advert(post_id: str, text: str) -> dict[str, Any]:
    return {"platform": "telegram", "postId": post_id, "text": text, "postedAt": "2024-06-01T08:00:00Z"}


def wait_for(found: Callable[[], Any], seconds: float = 30.0) -> Any:
    """What `found` returns once it is truthy; the background thread posts on its own time."""
    deadline = time.monotonic() + seconds
    while not (answer := found()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return answer


def delivery_of(driver: neo4j.Driver, database: str, advert: str) -> dict[str, Any] | None:
    records, _, _ = driver.execute_query(
        "MATCH (d:WebhookDelivery {advert: $advert}) RETURN properties(d) AS d",
        advert=advert,
        database_=database,
    )
    return records[0]["d"] if records else None


def test_an_ingested_advert_with_a_watched_phone_reaches_the_receiver(
    hooked: Api, receiver: Receiver, neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    database = neo4j_settings.database
    hooked.data(WATCH, {"v": "+44 7957 500421"}, role="admin")
    pushed = hooked.data(
        PUSH, {"adverts": [advert("hook-1", "Boat Friday, call +44 7957 500421")]}, role="ingest"
    )["ingestAdverts"]
    assert (
        delivery_of(neo4j_driver, database, "advert:telegram:hook-1") is not None
    )  # queued before answering

    posts = wait_for(
        lambda: [p for p in receiver.posts if p.json["advert"]["id"] == "advert:telegram:hook-1"]
    )
    (post,) = posts
    assert check(post, SECRET)
    hit = post.json
    assert (hit["identifier"], hit["run"]) == ("phone:+447957500421", pushed["run"])
    assert [q["text"] for q in hit["quotes"]] == ["+44 7957 500421"]
    delivered = wait_for(
        lambda: (
            (delivery_of(neo4j_driver, database, "advert:telegram:hook-1") or {}).get("status") == "delivered"
        )
    )
    assert delivered


def test_an_advert_without_a_watched_identifier_posts_nothing(
    hooked: Api, receiver: Receiver, neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    hooked.data(PUSH, {"adverts": [advert("hook-2", "Boat Friday, call +44 7957 500423")]}, role="ingest")
    assert delivery_of(neo4j_driver, neo4j_settings.database, "advert:telegram:hook-2") is None
    assert all(p.json["advert"]["id"] != "advert:telegram:hook-2" for p in receiver.posts)


def test_without_a_webhook_the_hit_stays_queued(
    unhooked: Api, receiver: Receiver, neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    database = neo4j_settings.database
    unhooked.data(WATCH, {"v": "+44 7957 500422"}, role="admin")
    pushed = unhooked.data(PUSH, {"adverts": [advert("hook-3", "Call +44 7957 500422 now")]}, role="ingest")
    assert pushed["ingestAdverts"]["created"] == 1
    queued = delivery_of(neo4j_driver, database, "advert:telegram:hook-3")
    assert queued is not None and (queued["status"], queued["attempts"]) == ("pending", 0)
    assert receiver.posts == []

    # Kept for the next deliverer, such as `crosslink webhooks deliver` or the nightly job.
    webhook = WebhookConfig(receiver.url, SECRET, timeout=5.0)
    assert deliver_pending(neo4j_driver, database, webhook).delivered == 1
    (post,) = receiver.posts
    assert post.json["advert"]["id"] == "advert:telegram:hook-3" and check(post, SECRET)
