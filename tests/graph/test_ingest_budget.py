"""The per-key minute of pushed advert text, counted on the key's node in the real graph."""

from __future__ import annotations

import threading

import neo4j
import pytest

from graph import apikeys, ingest_budget
from graph.apikeys import UnknownKey
from graph.config import Settings

MINUTE = 1_700_000_040.0  # the start of a minute (a multiple of 60), so that windows are known


@pytest.fixture
def key(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> tuple[neo4j.Driver, str, str]:
    apikeys.ensure_schema(empty_graph, neo4j_settings.database)
    created, _ = apikeys.create_key(empty_graph, neo4j_settings.database, role="ingest", name="feed")
    return empty_graph, neo4j_settings.database, created.id


def test_a_key_spends_up_to_its_limit_and_a_refused_push_is_not_counted(
    key: tuple[neo4j.Driver, str, str],
) -> None:
    driver, database, id = key

    first = ingest_budget.spend(driver, database, id, 600, per_minute=1000, now=MINUTE + 5)
    refused = ingest_budget.spend(driver, database, id, 500, per_minute=1000, now=MINUTE + 20)
    rest = ingest_budget.spend(driver, database, id, 400, per_minute=1000, now=MINUTE + 59)

    assert (first.granted, first.used) == (True, 0)
    assert (refused.granted, refused.used, refused.limit) == (False, 600, 1000)
    assert refused.seconds_left == 40
    assert (rest.granted, rest.used) == (True, 600)
    assert not ingest_budget.spend(driver, database, id, 1, per_minute=1000, now=MINUTE + 59).granted


def test_the_next_minute_starts_from_nothing(key: tuple[neo4j.Driver, str, str]) -> None:
    driver, database, id = key
    assert ingest_budget.spend(driver, database, id, 1000, per_minute=1000, now=MINUTE).granted

    later = ingest_budget.spend(driver, database, id, 1000, per_minute=1000, now=MINUTE + 60)

    assert (later.granted, later.used, later.seconds_left) == (True, 0, 60)


def test_keys_have_budgets_of_their_own(key: tuple[neo4j.Driver, str, str]) -> None:
    driver, database, id = key
    other, _ = apikeys.create_key(driver, database, role="ingest", name="other feed")
    assert ingest_budget.spend(driver, database, id, 1000, per_minute=1000, now=MINUTE).granted

    assert ingest_budget.spend(driver, database, other.id, 1000, per_minute=1000, now=MINUTE).granted


def test_an_unknown_key_is_named(key: tuple[neo4j.Driver, str, str]) -> None:
    driver, database, _ = key
    with pytest.raises(UnknownKey, match="000000000000"):
        ingest_budget.spend(driver, database, "000000000000", 10, per_minute=1000, now=MINUTE)


def test_pushes_at_once_from_many_clients_are_all_counted(
    key: tuple[neo4j.Driver, str, str], neo4j_settings: Settings
) -> None:
    """Several API processes, each its own driver, spending one key's minute at the same time: the
    grants add up to the limit exactly, none lost to a race and none over it."""
    driver, database, id = key
    grants: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(6)

    def client() -> None:
        with neo4j.GraphDatabase.driver(
            neo4j_settings.uri, auth=(neo4j_settings.user, neo4j_settings.password)
        ) as own:
            start.wait()
            for _ in range(20):
                spent = ingest_budget.spend(own, database, id, 70, per_minute=3500, now=MINUTE + 1)
                with lock:
                    grants.append(spent.granted)

    threads = [threading.Thread(target=client) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(grants) == 120
    assert grants.count(True) == 50
    last = ingest_budget.spend(driver, database, id, 0, per_minute=3500, now=MINUTE + 2)
    assert last.used == 3500
