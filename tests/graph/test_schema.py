"""The schema file: parsed into named statements, applied to the real server, and safe to apply again."""

from __future__ import annotations

import threading
import time

import neo4j
import pytest

from graph import cypher
from graph.config import Settings
from graph.schema import apply_schema, create, existing_names, schema_names

LABELS = ("Advert", "Account", "Phone", "PaymentTag", "Email", "Link", "Domain", "Country", "IngestRun")


def test_every_statement_is_named_and_idempotent() -> None:
    named = schema_names()
    assert len(named) == len(cypher.statements("schema"))
    for statement in named.values():
        assert "IF NOT EXISTS" in statement
        assert "//" not in statement


def test_applying_twice_is_fine_and_the_second_time_creates_nothing(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    apply_schema(neo4j_driver, neo4j_settings.database)
    assert apply_schema(neo4j_driver, neo4j_settings.database) == []
    assert set(schema_names()) <= existing_names(neo4j_driver, neo4j_settings.database)


@pytest.mark.parametrize("label", LABELS)
def test_key_is_unique_for_each_label(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, label: str
) -> None:
    apply_schema(neo4j_driver, neo4j_settings.database)
    records, _, _ = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties "
        "WHERE type = 'UNIQUENESS' AND labelsOrTypes = [$label] AND properties = ['key'] "
        "RETURN count(*) AS n",
        label=label,
        database_=neo4j_settings.database,
    )
    assert records[0]["n"] == 1


def test_a_duplicate_key_is_refused(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> None:
    apply_schema(empty_graph, neo4j_settings.database)
    empty_graph.execute_query(
        "CREATE (:Phone {key: 'phone:+447957500418'})", database_=neo4j_settings.database
    )
    with pytest.raises(neo4j.exceptions.ConstraintError):
        empty_graph.execute_query(
            "CREATE (:Phone {key: 'phone:+447957500418'})", database_=neo4j_settings.database
        )


def test_full_text_index_finds_advert_words(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> None:
    apply_schema(empty_graph, neo4j_settings.database)
    empty_graph.execute_query(
        "CREATE (:Advert {key: 'advert:x:1', text: 'UK crossing from Dunkirk this week'})",
        database_=neo4j_settings.database,
    )
    records, _, _ = empty_graph.execute_query(
        "CALL db.index.fulltext.queryNodes('advert_text', 'dunkirk') YIELD node RETURN node.key AS key",
        database_=neo4j_settings.database,
    )
    assert [r["key"] for r in records] == ["advert:x:1"]


def test_an_index_another_transaction_creates_meanwhile_counts_as_there(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    """As when two ingests start together on a new database: Neo4j reports an index committed by another
    transaction while the statement waited as an error, despite IF NOT EXISTS."""
    database = neo4j_settings.database
    statement = schema_names()["advert_platform"]
    neo4j_driver.execute_query("DROP INDEX advert_platform IF EXISTS", database_=database)
    outcome: list[object] = []
    with neo4j_driver.session(database=database) as session:
        other = session.begin_transaction()
        other.run(statement).consume()
        waiting = threading.Thread(target=lambda: outcome.append(create(neo4j_driver, database, statement)))
        waiting.start()
        time.sleep(1)  # long enough for the statement to wait on the other transaction's lock
        other.commit()
        waiting.join()

    assert outcome == [False]
    assert "advert_platform" in existing_names(neo4j_driver, database)
    assert apply_schema(neo4j_driver, database) == []
