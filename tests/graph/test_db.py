"""Connecting to Neo4j: settings from the environment, and failures that say what to do."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import neo4j
import pytest

from graph.config import Settings, SettingsError, local_password_file
from graph.db import GraphUnavailable, connect

NEO4J_VARIABLES = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_HOME_DIR")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in NEO4J_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_driver_answers_a_query(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> None:
    records, _, _ = neo4j_driver.execute_query("RETURN 1 AS one", database_=neo4j_settings.database)
    assert records[0]["one"] == 1


def test_empty_graph_has_no_nodes(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> None:
    records, _, _ = empty_graph.execute_query(
        "MATCH (n) RETURN count(n) AS nodes", database_=neo4j_settings.database
    )
    assert records[0]["nodes"] == 0


@pytest.mark.usefixtures("neo4j_driver")  # the server must be up, or this would test something else
def test_wrong_password_is_a_readable_graph_unavailable(neo4j_settings: Settings) -> None:
    wrong = dataclasses.replace(neo4j_settings, password="not-the-password")

    with pytest.raises(GraphUnavailable) as raised:
        connect(wrong)

    message = str(raised.value)
    assert neo4j_settings.uri in message
    assert f"user '{neo4j_settings.user}' was refused" in message
    assert "NEO4J_PASSWORD" in message
    assert "scripts/neo4j start" in message
    assert "not-the-password" not in message


def test_unreachable_server_names_the_uri_and_the_fix() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    settings = Settings(uri="bolt://127.0.0.1:1", password="irrelevant")

    with pytest.raises(GraphUnavailable) as raised:
        connect(settings, timeout=5)

    assert raised.value.uri == "bolt://127.0.0.1:1"
    assert "bolt://127.0.0.1:1" in str(raised.value)
    assert "scripts/neo4j start" in str(raised.value)


def test_settings_read_the_environment(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("NEO4J_URI", "neo4j://graph.example:7688")
    clean_env.setenv("NEO4J_USER", "analyst")
    clean_env.setenv("NEO4J_PASSWORD", "s3cret-passphrase")
    clean_env.setenv("NEO4J_DATABASE", "adverts")

    settings = Settings.from_env()

    assert settings == Settings(
        uri="neo4j://graph.example:7688", user="analyst", password="s3cret-passphrase", database="adverts"
    )
    assert "s3cret-passphrase" not in repr(settings)


def test_settings_default_to_the_local_server(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "password").write_text("from-the-file\n", encoding="utf-8")
    clean_env.setenv("NEO4J_HOME_DIR", str(tmp_path))

    settings = Settings.from_env()

    assert settings == Settings(
        uri="bolt://127.0.0.1:7687", user="neo4j", password="from-the-file", database="neo4j"
    )


def test_environment_password_wins_over_the_file(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "password").write_text("from-the-file", encoding="utf-8")
    clean_env.setenv("NEO4J_HOME_DIR", str(tmp_path))
    clean_env.setenv("NEO4J_PASSWORD", "from-the-environment")

    assert Settings.from_env().password == "from-the-environment"


def test_relative_home_dir_is_taken_from_the_repository(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("NEO4J_HOME_DIR", "var/other")

    assert local_password_file() == Path(__file__).resolve().parents[2] / "var" / "other" / "password"


def test_missing_password_says_how_to_fix_it(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setenv("NEO4J_HOME_DIR", str(tmp_path / "nowhere"))

    with pytest.raises(SettingsError) as raised:
        Settings.from_env()

    message = str(raised.value)
    assert "NEO4J_PASSWORD" in message
    assert str(tmp_path / "nowhere" / "password") in message
    assert "scripts/neo4j start" in message


def test_non_bolt_uri_is_refused_before_connecting() -> None:
    with pytest.raises(GraphUnavailable, match=r"NEO4J_URI must start with one of bolt://"):
        connect(Settings(uri="http://127.0.0.1:7474", password="irrelevant"))
