"""Watch hits posted to a webhook, against the real graph and a real receiver on 127.0.0.1."""

from __future__ import annotations

import base64
import logging
import random
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from webhook_receiver import Receiver, check

from graph import casework, webhooks
from graph.config import Settings
from graph.webhooks import WebhookConfig, WebhookConfigError

SECRET = "s3cret-for-tests-0123456789abcdef"
PHONE = "phone:+447957500418"
ADVERT = {
    "platform": "facebook",
    "post_id": "wh1",
    "url": "https://facebook.com/boat.uk/posts/wh1",
    "author": {"handle": "boat.uk"},
    "text": "UK crossing tonight. WhatsApp +44 7957 500418",
    "posted_at": "2024-03-01T10:00:00Z",
    "region": "FR",
}

Graph = tuple[neo4j.Driver, str]


@pytest.fixture
def graph(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> Graph:
    casework.ensure_schema(empty_graph, neo4j_settings.database)
    webhooks.ensure_schema(empty_graph, neo4j_settings.database)
    return empty_graph, neo4j_settings.database


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


def config(url: str, **options: float) -> WebhookConfig:
    """Settings with no wait between attempts: each `deliver_pending` call makes the next attempt."""
    return WebhookConfig(url, SECRET, **{"timeout": 5.0, "backoff_seconds": 0.0, **options})


def push_hit(graph: Graph, post_id: str = "wh1") -> casework.PushReport:
    """A watched phone, then a new advert carrying it: one hit, queued by the push."""
    driver, database = graph
    casework.watch(driver, database, "+44 7957 500418", note="boat.uk's number", by="test")
    return casework.push_adverts(driver, database, [{**ADVERT, "post_id": post_id}], source="analyst")


def deliveries(graph: Graph) -> list[dict]:
    driver, database = graph
    records, _, _ = driver.execute_query(
        "MATCH (d:WebhookDelivery) RETURN properties(d) AS d ORDER BY d.advert", database_=database
    )
    return [r["d"] for r in records]


def test_a_hit_is_queued_once_and_delivered_once_signed(graph: Graph, receiver: Receiver) -> None:
    driver, database = graph
    earlier = {**ADVERT, "post_id": "wh0", "author": {"handle": "crossing.fr"}}
    casework.push_adverts(driver, database, [earlier], source="analyst")  # before the watch: no hit
    pushed = push_hit(graph)
    assert pushed.watch_hits == 1
    assert webhooks.queue_watch_hits(driver, database, [pushed.run]) == 0  # idempotent
    assert len(deliveries(graph)) == 1

    report = webhooks.deliver_pending(driver, database, config(receiver.url))
    again = webhooks.deliver_pending(driver, database, config(receiver.url))

    assert (report.delivered, report.failed, report.pending) == (1, 0, 0)
    assert again.delivered == 0
    (post,) = receiver.posts
    assert check(post, SECRET) and not check(post, "another secret")
    hit = post.json
    (delivery,) = deliveries(graph)
    assert hit["delivery"] == delivery["key"] == post.headers["X-Crosslink-Delivery"]
    assert (hit["event"], hit["identifier"], hit["kind"], hit["relation"]) == (
        "watch_hit",
        PHONE,
        "phone",
        "MENTIONS",
    )
    assert hit["advert"] == {
        "id": "advert:facebook:wh1",
        "platform": "facebook",
        "post_id": "wh1",
        "url": ADVERT["url"],
        "posted_at": "2024-03-01T10:00:00+00:00",
    }
    assert [q["text"] for q in hit["quotes"]] == ["+44 7957 500418"]
    assert ADVERT["text"][hit["quotes"][0]["start"] : hit["quotes"][0]["end"]] == "+44 7957 500418"
    assert hit["run"] == pushed.run and hit["note"] == "boat.uk's number"
    assert hit["network"] is not None  # grouped with the earlier advert before its hit was queued
    assert (delivery["status"], delivery["attempts"]) == ("delivered", 1)
    assert webhooks.delivery_status(driver, database).delivered == 1


def test_an_advert_already_in_the_graph_is_not_a_hit(graph: Graph, receiver: Receiver) -> None:
    driver, database = graph
    casework.push_adverts(driver, database, [ADVERT], source="analyst")
    casework.watch(driver, database, "+44 7957 500418", by="test")
    again = casework.push_adverts(driver, database, [ADVERT], source="analyst")  # unchanged, not new
    assert again.watch_hits == 0
    assert webhooks.queue_watch_hits(driver, database, [again.run]) == 0
    assert deliveries(graph) == []


def test_a_hit_stays_queued_while_the_receiver_is_down(graph: Graph, receiver: Receiver) -> None:
    driver, database = graph
    push_hit(graph)
    receiver.stop()

    down = webhooks.deliver_pending(driver, database, config(receiver.url))
    (delivery,) = deliveries(graph)
    assert (down.delivered, down.retrying, down.pending) == (0, 1, 1)
    assert (delivery["status"], delivery["attempts"]) == ("pending", 1)
    assert delivery["last_error"] == "connection refused"
    assert delivery.get("claimed_by") is None

    receiver.start(receiver.port)
    up = webhooks.deliver_pending(driver, database, config(receiver.url))
    assert (up.delivered, up.pending) == (1, 0)
    assert len(receiver.posts) == 1 and receiver.posts[0].json["attempt"] == 2


def test_a_server_error_is_tried_again(graph: Graph, receiver: Receiver) -> None:
    driver, database = graph
    push_hit(graph)
    receiver.answers = [500]
    first = webhooks.deliver_pending(driver, database, config(receiver.url))
    assert (first.delivered, first.retrying) == (0, 1)  # once a call, whatever the back-off
    assert deliveries(graph)[0]["last_error"] == "HTTP 500 Internal Server Error"
    assert deliveries(graph)[0]["last_status"] == 500

    second = webhooks.deliver_pending(driver, database, config(receiver.url))
    assert second.delivered == 1
    assert [p.json["delivery"] for p in receiver.posts] == [deliveries(graph)[0]["key"]] * 2


def test_a_hit_not_yet_due_waits_for_its_back_off(graph: Graph, receiver: Receiver) -> None:
    driver, database = graph
    push_hit(graph)
    receiver.answers = [503]
    webhooks.deliver_pending(driver, database, config(receiver.url, backoff_seconds=3600.0))
    later = webhooks.deliver_pending(driver, database, config(receiver.url))
    assert (later.delivered, later.pending) == (0, 1)
    assert len(receiver.posts) == 1
    status = webhooks.delivery_status(driver, database)
    assert status.next_attempt_at is not None and status.next_attempt_at > status.oldest_pending


def test_a_hit_is_given_up_after_max_attempts_and_can_be_queued_again(
    graph: Graph, receiver: Receiver
) -> None:
    driver, database = graph
    push_hit(graph)
    receiver.answers = [500, 404, 500]
    settings = config(receiver.url, max_attempts=2)
    assert webhooks.deliver_pending(driver, database, settings).retrying == 1
    gave_up = webhooks.deliver_pending(driver, database, settings)
    assert (gave_up.failed, gave_up.pending) == (1, 0)
    assert webhooks.deliver_pending(driver, database, settings).failed == 0  # not tried again
    assert len(receiver.posts) == 2

    status = webhooks.delivery_status(driver, database, failures=5)
    assert (status.pending, status.failed) == (0, 1)
    (failure,) = status.failures
    assert (failure["advert"], failure["attempts"], failure["last_error"]) == (
        "advert:facebook:wh1",
        2,
        "HTTP 404 Not Found",
    )

    assert webhooks.retry_failed(driver, database) == 1
    assert webhooks.retry_failed(driver, database) == 0
    retried = webhooks.deliver_pending(driver, database, settings)
    assert retried.retrying == 1  # the third answer is a 500 too
    assert webhooks.deliver_pending(driver, database, settings).delivered == 1


def test_a_redirect_is_not_followed(graph: Graph, receiver: Receiver) -> None:
    driver, database = graph
    push_hit(graph)
    receiver.answers = [302]
    receiver.location = receiver.url + "/elsewhere?token=abc"
    report = webhooks.deliver_pending(driver, database, config(receiver.url))
    assert report.retrying == 1
    assert len(receiver.posts) == 1
    error = deliveries(graph)[0]["last_error"]
    assert "redirect not followed" in error and "token" not in error


def test_a_receiver_that_does_not_answer_in_time_is_a_failed_attempt(graph: Graph) -> None:
    driver, database = graph
    push_hit(graph)
    slow = Receiver(delay=1.0).start()
    try:
        report = webhooks.deliver_pending(driver, database, config(slow.url, timeout=0.2))
    finally:
        slow.stop()
    assert report.retrying == 1
    assert deliveries(graph)[0]["last_error"] == "timed out"


def test_two_deliverers_at_once_post_each_hit_once(graph: Graph) -> None:
    driver, database = graph
    casework.watch(driver, database, "+44 7957 500418", by="test")
    adverts = [{**ADVERT, "post_id": f"wh{n}"} for n in range(25)]
    pushed = casework.push_adverts(driver, database, adverts, source="analyst")
    assert pushed.watch_hits == 25
    slow = Receiver(delay=0.02).start()
    start = threading.Barrier(2)
    reports = []

    def deliver() -> None:
        start.wait()
        reports.append(webhooks.deliver_pending(driver, database, config(slow.url)))

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        slow.stop()
    posted = Counter(p.json["delivery"] for p in slow.posts)
    assert len(posted) == 25 and set(posted.values()) == {1}
    assert sum(r.delivered for r in reports) == 25
    assert {d["status"] for d in deliveries(graph)} == {"delivered"}


def test_the_secret_is_never_logged_nor_stored(
    graph: Graph, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    driver, database = graph
    caplog.set_level(logging.DEBUG)
    push_hit(graph)
    url = receiver.url + "?token=receiver-token"
    receiver.answers = [500]
    webhooks.deliver_pending(driver, database, config(url))
    webhooks.deliver_pending(driver, database, config(url))
    receiver.stop()
    push_hit(graph, "wh2")
    webhooks.deliver_pending(driver, database, config(url))

    assert "HTTP 500" in caplog.text and "connection refused" in caplog.text
    assert SECRET not in caplog.text and "receiver-token" not in caplog.text
    records, _, _ = driver.execute_query("MATCH (n) RETURN properties(n) AS p", database_=database)
    assert SECRET not in str([r["p"] for r in records])
    assert SECRET not in repr(config(url))


def test_a_user_and_password_in_the_url_are_sent_as_basic_authentication(
    graph: Graph, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    driver, database = graph
    caplog.set_level(logging.DEBUG)
    push_hit(graph)
    url = receiver.url.replace("http://", "http://crosslink:p%40ss-word-99@") + "?token=t1"

    report = webhooks.deliver_pending(driver, database, config(url))

    assert report.delivered == 1, caplog.text
    (post,) = receiver.posts
    assert post.path == "/hooks/crosslink?token=t1"
    assert post.headers["Authorization"] == "Basic " + base64.b64encode(b"crosslink:p@ss-word-99").decode()
    assert check(post, SECRET)
    records, _, _ = driver.execute_query("MATCH (n) RETURN properties(n) AS p", database_=database)
    assert "ss-word-99" not in caplog.text and "ss-word-99" not in str([r["p"] for r in records])


def test_the_config_shows_its_url_as_logs_do_without_credentials() -> None:
    shown = repr(WebhookConfig("https://crosslink:pw-4417@hooks.example.org/in?token=t-8812", "k-5150"))

    assert "hooks.example.org/in" in shown
    assert not any(part in shown for part in ("pw-4417", "crosslink:", "t-8812", "k-5150"))


def test_a_password_that_cuts_the_host_short_is_refused_without_being_shown() -> None:
    with pytest.raises(WebhookConfigError, match="percent-encoded") as refused:
        WebhookConfig("https://crosslink:pa/ss-3391@hooks.example.org/", "k")

    assert "ss-3391" not in str(refused.value) and "pa/ss" not in str(refused.value)


def test_the_config_comes_from_the_environment(tmp_path: Path) -> None:
    assert WebhookConfig.from_env({}) is None
    url = "https://hooks.example.org/crosslink"
    assert WebhookConfig.from_env({"CROSSLINK_WEBHOOK_URL": url, "CROSSLINK_WEBHOOK_SECRET": "k"}) == (
        WebhookConfig(url, "k")
    )
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file\n")
    found = WebhookConfig.from_env(
        {"CROSSLINK_WEBHOOK_URL": url, "CROSSLINK_WEBHOOK_SECRET_FILE": str(secret_file)}
    )
    assert found is not None and found.secret == "from-a-file"
    with pytest.raises(WebhookConfigError, match="no secret"):
        WebhookConfig.from_env({"CROSSLINK_WEBHOOK_URL": url})
    with pytest.raises(WebhookConfigError, match="not both"):
        WebhookConfig.from_env(
            {
                "CROSSLINK_WEBHOOK_URL": url,
                "CROSSLINK_WEBHOOK_SECRET": "k",
                "CROSSLINK_WEBHOOK_SECRET_FILE": str(secret_file),
            }
        )
    with pytest.raises(WebhookConfigError, match="cannot read the webhook secret"):
        WebhookConfig.from_env(
            {"CROSSLINK_WEBHOOK_URL": url, "CROSSLINK_WEBHOOK_SECRET_FILE": str(tmp_path / "no")}
        )
    for bad in ("file:///etc/passwd", "ftp://example.org/x", "hooks.example.org", "http://"):
        with pytest.raises(WebhookConfigError, match="http:// or https://"):
            WebhookConfig(bad, "k")


def test_the_back_off_doubles_up_to_its_cap_with_jitter() -> None:
    rng = random.Random(7)
    for attempt, ceiling in [(1, 30.0), (2, 60.0), (3, 120.0), (8, 3600.0), (500, 3600.0)]:
        for _ in range(50):
            delay = webhooks.backoff_seconds(attempt, 30.0, 3600.0, rng)
            assert ceiling / 2 <= delay <= ceiling
    assert webhooks.backoff_seconds(3, 0.0, 0.0) == 0.0


def test_a_ping_is_signed_and_not_queued(graph: Graph, receiver: Receiver) -> None:
    attempt = webhooks.send_test(config(receiver.url))
    assert (attempt.delivered, attempt.status) == (True, 200)
    (post,) = receiver.posts
    assert check(post, SECRET) and post.json["event"] == "ping"
    assert post.headers["X-Crosslink-Event"] == "ping"
    assert deliveries(graph) == []
    receiver.answers = [401]
    assert webhooks.send_test(config(receiver.url)).error == "HTTP 401 Unauthorized"


def test_the_tuning_comes_from_the_environment_too() -> None:
    environ = {
        "CROSSLINK_WEBHOOK_URL": "http://127.0.0.1:9/hook",
        "CROSSLINK_WEBHOOK_SECRET": "k",
        "CROSSLINK_WEBHOOK_TIMEOUT": "2.5",
        "CROSSLINK_WEBHOOK_MAX_ATTEMPTS": "3",
        "CROSSLINK_WEBHOOK_BACKOFF_SECONDS": "0",
    }
    found = WebhookConfig.from_env(environ)
    assert found is not None
    assert (found.timeout, found.max_attempts, found.backoff_seconds) == (2.5, 3, 0.0)
    with pytest.raises(WebhookConfigError, match="CROSSLINK_WEBHOOK_MAX_ATTEMPTS must be a number"):
        WebhookConfig.from_env({**environ, "CROSSLINK_WEBHOOK_MAX_ATTEMPTS": "many"})
    with pytest.raises(WebhookConfigError, match="max_attempts at least 1"):
        WebhookConfig.from_env({**environ, "CROSSLINK_WEBHOOK_MAX_ATTEMPTS": "0"})


def test_a_stopped_deliverer_gives_back_the_hits_it_did_not_post(graph: Graph, receiver: Receiver) -> None:
    driver, database = graph
    casework.watch(driver, database, "+44 7957 500418", by="test")
    adverts = [{**ADVERT, "post_id": f"wh{n}"} for n in range(4)]
    casework.push_adverts(driver, database, adverts, source="analyst")
    stop = threading.Event()
    receiver.on_post = stop.set  # the app stopping while the first post is under way

    report = webhooks.deliver_pending(driver, database, config(receiver.url), stop=stop)
    assert (report.delivered, report.pending) == (1, 3)
    assert len(receiver.posts) == 1
    assert all(
        d.get("claimed_by") is None for d in deliveries(graph)
    )  # the next deliverer takes them at once
    assert webhooks.deliver_pending(driver, database, config(receiver.url)).delivered == 3
