"""Case work against the real graph: pushes through ingest, tags, takedowns, watches and watch hits."""

from __future__ import annotations

from datetime import UTC, datetime

import neo4j
import pytest

from graph import casework
from graph.config import Settings
from graph.read import BadInput, NotFound, Reader

ADVERT = {
    "platform": "facebook",
    "post_id": "cw1",
    "author": {"handle": "boat.uk"},
    "text": "UK crossing. WhatsApp +44 7957 500418",
    "posted_at": "2024-03-01T10:00:00Z",
    "region": "FR",
}


@pytest.fixture
def graph(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> tuple[neo4j.Driver, str]:
    casework.ensure_schema(empty_graph, neo4j_settings.database)
    return empty_graph, neo4j_settings.database


def test_a_push_is_an_ingest_run_and_reports_rejects_by_position(graph: tuple[neo4j.Driver, str]) -> None:
    driver, database = graph
    same_phone = {**ADVERT, "platform": "x", "post_id": "cw4", "author": {"handle": "CrossingUK24"}}
    bad_date = {**ADVERT, "post_id": "cw2", "posted_at": "yesterday"}
    report = casework.push_adverts(driver, database, [ADVERT, bad_date, same_phone], source="analyst")

    assert (report.accepted, report.created, report.rejected) == (2, 2, 1)
    assert report.adverts == ["advert:facebook:cw1", "advert:x:cw4"]
    assert report.rejects[0].line == 2 and "posted_at" in report.rejects[0].reason
    assert report.networks_updated is True
    records, _, _ = driver.execute_query(
        "MATCH (a:Advert)-[:IN_NETWORK]->(n:Network) RETURN a.key AS advert, n.key AS network "
        "ORDER BY advert",
        database_=database,
    )
    assert [r["advert"] for r in records] == ["advert:facebook:cw1", "advert:x:cw4"]
    assert len({r["network"] for r in records}) == 1
    with pytest.raises(casework.TooMany):
        casework.push_adverts(driver, database, [ADVERT] * (casework.MAX_PUSH + 1), source="analyst")


def test_a_push_with_an_unknown_region_is_refused_and_writes_nothing(graph: tuple[neo4j.Driver, str]) -> None:
    driver, database = graph
    with pytest.raises(BadInput, match="the United Kingdom is 'GB'"):
        casework.push_adverts(driver, database, [ADVERT], source="analyst", region="uk")
    records, _, _ = driver.execute_query("MATCH (a:Advert) RETURN count(a) AS n", database_=database)
    assert records[0]["n"] == 0


def test_tags_are_kept_per_node_newest_first(graph: tuple[neo4j.Driver, str]) -> None:
    driver, database = graph
    casework.push_adverts(driver, database, [ADVERT], source="analyst")
    casework.tag(driver, database, "phone:+447957500418", "suspect", "first note", by="k1")
    casework.tag(driver, database, "phone:+447957500418", "confirmed", None, by="k2")

    (tags,) = Reader(driver, database).call(casework.tags_of, ["phone:+447957500418"])
    assert [(t.label, t.note, t.created_by) for t in tags] == [
        ("confirmed", None, "k2"),
        ("suspect", "first note", "k1"),
    ]
    with pytest.raises(NotFound):
        casework.tag(driver, database, "phone:+440000000000", "x", None, by="k1")
    with pytest.raises(BadInput):
        casework.tag(driver, database, "phone:+447957500418", " ", None, by="k1")


def test_a_takedown_is_recorded_with_who_said_so(graph: tuple[neo4j.Driver, str]) -> None:
    driver, database = graph
    casework.push_adverts(driver, database, [ADVERT], source="analyst")
    at = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
    casework.mark_taken_down(driver, database, "handle:facebook:boatuk", at, by="k1")

    records, _, _ = driver.execute_query(
        "MATCH (a:Account {key: $key}) RETURN a.taken_down_at AS at, a.taken_down_by AS by",
        key="handle:facebook:boatuk",
        database_=database,
    )
    assert records[0]["at"].to_native() == at and records[0]["by"] == "k1"
    with pytest.raises(NotFound):
        casework.mark_taken_down(driver, database, "handle:facebook:nobody", at, by="k1")


def test_watch_hits_are_new_adverts_carrying_a_watched_identifier(graph: tuple[neo4j.Driver, str]) -> None:
    driver, database = graph
    reader = Reader(driver, database)
    casework.push_adverts(driver, database, [ADVERT], source="analyst")
    watch = casework.watch(driver, database, "wa.me/447957500418", note="boat.uk's number", by="k1")
    since = datetime.now(UTC)  # ingest stamps its runs with this clock too
    assert reader.call(casework.watch_hits, since) == []

    casework.push_adverts(
        driver, database, [{**ADVERT, "post_id": "cw3", "text": "Call 0044 7957 500418"}], source="analyst"
    )
    (hit,) = reader.call(casework.watch_hits, since)

    assert watch.identifier == "phone:+447957500418"
    assert (hit.identifier, hit.advert, hit.relation) == (
        "phone:+447957500418",
        "advert:facebook:cw3",
        "MENTIONS",
    )
    assert [s.text for s in hit.spans] == ["0044 7957 500418"]
    assert [w.identifier for w in reader.call(casework.watchlist)] == ["phone:+447957500418"]
    assert casework.unwatch(driver, database, "+44 7957 500418") is True
    assert casework.unwatch(driver, database, "+44 7957 500418") is False


def test_a_takedown_of_an_empty_account_is_bad_input(graph: tuple[neo4j.Driver, str]) -> None:
    driver, database = graph
    with pytest.raises(BadInput, match="the account is empty"):
        casework.mark_taken_down(driver, database, "  ", by="test")
    with pytest.raises(NotFound, match="no account 'handle:x:nobody' in the graph"):
        casework.mark_taken_down(driver, database, "handle:x:nobody", by="test")
