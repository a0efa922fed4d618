"""The fingerprint the fault tests compare graphs by: blind to per-run stamps, not to anything else."""

from __future__ import annotations

import json

import neo4j
import pytest

from bench.graph_fingerprint import Fingerprint, fingerprint
from graph.config import Settings
from graph.ingest import ingest

ADVERTS = [
    {
        "platform": "facebook",
        "post_id": "1",
        "author": {"handle": "boat.uk", "id": "1001"},
        "text": "UK crossing. WhatsApp +44 7957 500418 or Telegram @dunkirk_crossing",
        "posted_at": "2024-03-01T10:00:00Z",
        "region": "FR",
    },
    {
        "platform": "tiktok",
        "post_id": "2",
        "author": {"handle": "kurd_uk_way"},
        "text": "Call 0044 7957 500418",
        "posted_at": "2024-03-02T10:00:00Z",
        "region": "IQ",
    },
]


@pytest.fixture
def graph(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> tuple[neo4j.Driver, str, Fingerprint]:
    """A small ingested graph and its fingerprint."""
    database = neo4j_settings.database
    ingest(empty_graph, database, [json.dumps(a) for a in ADVERTS], source="test")
    return empty_graph, database, fingerprint(empty_graph, database)


def change(driver: neo4j.Driver, database: str, statement: str) -> None:
    driver.execute_query(statement, database_=database)


def test_the_same_graph_has_the_same_fingerprint(graph: tuple[neo4j.Driver, str, Fingerprint]) -> None:
    driver, database, before = graph
    assert before.labels["Advert"] == 2 and before.types["POSTED"] == 2
    assert fingerprint(driver, database) == before and before.differences(before) == []


def test_run_stamps_and_run_nodes_are_left_out(graph: tuple[neo4j.Driver, str, Fingerprint]) -> None:
    driver, database, before = graph
    change(driver, database, "MATCH (a:Advert) SET a.first_run = 'run-other', a.last_run = 'run-other'")
    change(driver, database, "CREATE (:IngestRun {key: 'run-other', status: 'interrupted'})")
    assert fingerprint(driver, database) == before


def test_a_doubled_relationship_shows_in_counts_and_checksum(
    graph: tuple[neo4j.Driver, str, Fingerprint],
) -> None:
    driver, database, before = graph
    change(
        driver,
        database,
        "MATCH (acc:Account)-[:POSTED]->(a:Advert {key: 'advert:tiktok:2'}) CREATE (acc)-[:POSTED]->(a)",
    )
    after = fingerprint(driver, database)
    assert not after.counts_equal(before) and after.graph != before.graph
    assert after.differences(before) == ["POSTED: 3 here, 2 there", "ingest checksum differs"]


def test_a_changed_property_shows_in_the_checksum_alone(graph: tuple[neo4j.Driver, str, Fingerprint]) -> None:
    driver, database, before = graph
    change(driver, database, "MATCH ()-[m:MENTIONS]->(:Phone) SET m.spans = [0, 1]")
    after = fingerprint(driver, database)
    assert after.counts_equal(before) and after.differences(before) == ["ingest checksum differs"]


def test_what_the_networks_set_is_checked_apart(graph: tuple[neo4j.Driver, str, Fingerprint]) -> None:
    driver, database, before = graph
    change(driver, database, "MATCH (p:Phone) SET p.hub = true")
    after = fingerprint(driver, database)
    assert after.graph == before.graph and not after.networks_equal(before)
    assert after.differences(before) == ["networks checksum differs"]
