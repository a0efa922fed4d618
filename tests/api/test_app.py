"""The application's start-up: what it leaves for serving."""

from __future__ import annotations

import gc
from pathlib import Path

import neo4j
from fastapi.testclient import TestClient

from api.app import create_app
from api.audit import AuditLog
from api.collector import BACKSTOP
from graph.config import Settings


def test_start_up_freezes_its_objects_and_serving_defers_the_collector(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    gc.unfreeze()  # whatever an earlier test's app froze
    assert gc.get_freeze_count() == 0
    app = create_app(neo4j_driver, neo4j_settings.database, audit=AuditLog(tmp_path / "audit.jsonl"))

    before = gc.get_threshold()
    with TestClient(app) as client:
        assert client.get("/health").json() == {"status": "ok", "graph": "ok"}
        assert gc.get_freeze_count() > 1000  # the modules, the schema and the drivers, at least
        assert gc.get_threshold()[0] == BACKSTOP
    assert gc.get_threshold() == before
