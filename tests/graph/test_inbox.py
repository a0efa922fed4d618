"""The inbox ledger (graph/inbox.py) against the real Neo4j."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import neo4j

from graph import inbox
from graph.db import QUIET


class SessionsSeen:
    """The real driver, noting the settings of every session opened through it."""

    def __init__(self, driver: neo4j.Driver) -> None:
        self.driver = driver
        self.settings: list[dict[str, Any]] = []

    def session(self, **settings: Any) -> neo4j.Session:
        self.settings.append(settings)
        return self.driver.session(**settings)


def test_completed_lists_only_completed_files_and_reads_quietly(graph: neo4j.Driver, database: str) -> None:
    inbox.apply_schema(graph, database)
    at = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    inbox.record(graph, database, {"sha256": "a" * 64, "name": "a.jsonl", "status": "reading"}, at)
    inbox.record(
        graph,
        database,
        {"sha256": "b" * 64, "name": "b.jsonl", "status": "completed", "run": "run-b", "ingested_at": at},
        at,
    )
    seen = SessionsSeen(graph)

    done = inbox.completed(seen, database, iter(["a" * 64, "b" * 64, "c" * 64]))  # type: ignore[arg-type]

    assert list(done) == ["b" * 64]
    assert (done["b" * 64].name, done["b" * 64].run) == ("b.jsonl", "run-b")
    # A graph with no completed file yet has no `run` or `ingested_at` property: Neo4j's notice about
    # them must not open the first night's log (the UNRECOGNIZED classification is turned off).
    assert seen.settings and all(
        s.get("notifications_disabled_classifications") == QUIET for s in seen.settings
    )
