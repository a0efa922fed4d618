"""GET /ready against the real graph, and against a server that does not answer (a closed port)."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import neo4j
from fastapi.testclient import TestClient

from api.app import create_app
from api.audit import AuditLog
from api.ready import check
from graph.config import Settings


def closed_port() -> int:
    """A local port nothing listens on (bound for a moment, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_ready_when_the_graph_answers_and_not_when_it_is_gone(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    audit = tmp_path / "audit.jsonl"
    app = create_app(neo4j_driver, neo4j_settings.database, audit=AuditLog(audit), settings=neo4j_settings)
    with TestClient(app) as client:
        up = client.get("/ready")
        working = app.state.reads
        app.state.reads = neo4j.AsyncGraphDatabase.driver(
            f"bolt://127.0.0.1:{closed_port()}", auth=(neo4j_settings.user, neo4j_settings.password)
        )
        try:
            down = client.get("/ready")
            health = client.get("/health")  # liveness: the process, over its blocking driver
        finally:
            app.state.reads = working
        again = client.get("/ready")

    assert (up.status_code, up.json()) == (200, {"status": "ready"})
    assert down.status_code == 503
    assert down.json() == {"status": "unavailable", "reason": "the graph database cannot be reached"}
    assert "Traceback" not in down.text and "127.0.0.1" not in down.text
    assert neo4j_settings.password not in down.text
    assert health.status_code == 200
    assert again.status_code == 200
    assert not audit.exists()  # needs no key: nothing refused


def test_the_check_names_a_refused_login_without_the_password(neo4j_settings: Settings) -> None:
    async def run() -> str | None:
        async with neo4j.AsyncGraphDatabase.driver(
            neo4j_settings.uri, auth=(neo4j_settings.user, "not-the-password")
        ) as driver:
            return await check(driver, neo4j_settings.database)

    reason = asyncio.run(run())
    assert reason is not None and "Neo.ClientError.Security" in reason
    assert "not-the-password" not in reason


def test_the_check_of_a_closed_port_says_so_within_its_time(neo4j_settings: Settings) -> None:
    async def run() -> str | None:
        async with neo4j.AsyncGraphDatabase.driver(
            f"bolt://127.0.0.1:{closed_port()}", auth=(neo4j_settings.user, neo4j_settings.password)
        ) as driver:
            return await check(driver, neo4j_settings.database, timeout=1.0)

    assert asyncio.run(run()) == "the graph database cannot be reached"
