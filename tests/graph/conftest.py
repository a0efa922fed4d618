"""Fixtures shared by the tests of the graph core that write to an emptied graph."""

import neo4j
import pytest

from graph.config import Settings


@pytest.fixture
def database(neo4j_settings: Settings) -> str:
    return neo4j_settings.database


@pytest.fixture
def graph(empty_graph: neo4j.Driver) -> neo4j.Driver:
    """The emptied test graph (a module may define its own `graph`, as the case-work tests do)."""
    return empty_graph
