"""The API tests' fixture: the app over the planted graph (see planted.py), once per test module."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient
from planted import HUB_RULE, Api, make_keys, plant

from api.app import create_app
from api.audit import AuditLog
from graph import apikeys, casework
from graph.config import Settings


@pytest.fixture(scope="module")
def api(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Api]:
    """The app over the planted graph, built once per test module (tests of a module share it)."""
    with pytest.MonkeyPatch.context() as env:
        for name, value in HUB_RULE.items():
            env.setenv(name, value)
        yield from _serve(neo4j_driver, neo4j_settings, tmp_path_factory)


def _serve(
    driver: neo4j.Driver, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Api]:
    neo4j_driver, database = driver, settings.database
    plant(neo4j_driver, database)
    apikeys.ensure_schema(neo4j_driver, database)
    casework.ensure_schema(neo4j_driver, database)
    keys, ids = make_keys(neo4j_driver, database)
    audit_path = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    queries: list[str] = []
    app = create_app(
        neo4j_driver,
        database,
        audit=AuditLog(audit_path),
        query_listener=queries.append,
        settings=settings,
    )
    with TestClient(app) as client:
        yield Api(client, keys, ids, audit_path, queries)
