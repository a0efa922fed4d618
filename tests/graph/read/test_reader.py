"""The Reader's conversion of what the driver returns: plain values kept, dates made Python, nodes refused."""

from __future__ import annotations

from datetime import UTC, datetime

import neo4j
import pytest

from graph.config import Settings
from graph.read.reader import native

VALUES = """
RETURN 'text' AS text, 7 AS count, 0.5 AS share, true AS flag, null AS nothing,
       datetime('2026-03-01T02:03:04Z') AS at,
       {name: 'x', days: [date('2026-03-01'), 2], inner: {at: datetime('2026-03-02T00:00:00Z')}} AS nested
"""


def test_values_come_back_as_python_values(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> None:
    (record,) = neo4j_driver.execute_query(VALUES, database_=neo4j_settings.database).records
    values = {key: native(value) for key, value in record.items()}

    assert values["text"] == "text" and values["count"] == 7 and values["share"] == 0.5
    assert values["flag"] is True and values["nothing"] is None
    assert values["at"] == datetime(2026, 3, 1, 2, 3, 4, tzinfo=UTC)
    nested = values["nested"]
    assert nested["name"] == "x" and nested["days"][1] == 2
    assert nested["days"][0].isoformat() == "2026-03-01" and type(nested["days"][0]).__module__ == "datetime"
    assert nested["inner"]["at"] == datetime(2026, 3, 2, tzinfo=UTC)


def test_a_node_is_refused(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> None:
    (record,) = empty_graph.execute_query(
        "CREATE (n:Scratch {key: 'x'}) RETURN n, [n] AS listed", database_=neo4j_settings.database
    ).records

    with pytest.raises(TypeError, match="maps, not a Node"):
        native(record["n"])
    with pytest.raises(TypeError, match="maps, not a Node"):
        native(record["listed"])
