"""Fixtures shared by all tests: the real Neo4j graph.

Tests run against a real server (start it with `scripts/neo4j start`; `make test` does). When it cannot be
reached the fixtures fail loudly instead of skipping, so a missing database never passes as green.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import neo4j
import pytest
from hypothesis import HealthCheck, settings

from graph.config import Settings, SettingsError
from graph.db import GraphUnavailable, connect

# Property tests: `ci` (the default) tries few enough inputs per test to keep the suite quick; `thorough` is
# the benchmark-size run, selected with HYPOTHESIS_PROFILE=thorough (RELIABILITY.md gives its figures).
settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile(
    "thorough",
    max_examples=100_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# HYPOTHESIS_MAX_EXAMPLES overrides the profile's count: a benchmark-size run can then be split into
# processes of a few thousand examples, each with its own --hypothesis-seed, as Hypothesis keeps what it
# learnt of every example in memory for the length of a run.
if os.environ.get("HYPOTHESIS_MAX_EXAMPLES"):
    settings.register_profile("chosen", settings(max_examples=int(os.environ["HYPOTHESIS_MAX_EXAMPLES"])))
    settings.load_profile("chosen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks `neo4j` every test that reaches the graph through these fixtures, so that the fast tests run
    alone with `pytest -m "not neo4j"` (as `make test-min` does)."""
    for item in items:
        if "neo4j_settings" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_settings() -> Settings:
    """Connection settings from the environment, as the CLI and the API read them."""
    try:
        return Settings.from_env()
    except SettingsError as error:
        problem = str(error)
    # Failing outside the except block keeps the report to this one message, without the chained traceback.
    pytest.fail(f"these tests need Neo4j, and its settings are incomplete: {problem}", pytrace=False)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Settings) -> Iterator[neo4j.Driver]:
    """One driver for the whole run, checked with a query before any test uses it."""
    try:
        driver = connect(neo4j_settings)
    except GraphUnavailable as error:
        problem = str(error)
    else:
        with driver:
            yield driver
        return
    pytest.fail(f"these tests need Neo4j: {problem}", pytrace=False)


@pytest.fixture
def empty_graph(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> Iterator[neo4j.Driver]:
    """The driver, after deleting every node and relationship; indexes and constraints are kept."""
    # CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    yield neo4j_driver
