"""Relative default paths: from the repository in a checkout, from the current folder when installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.audit import audit_path
from graph import config
from graph.config import base_dir, local_password_file


def test_a_checkout_takes_relative_paths_from_the_repository(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    repository = Path(__file__).resolve().parents[2]

    assert base_dir() == repository
    assert local_password_file({"NEO4J_HOME_DIR": "var/x"}) == repository / "var" / "x" / "password"


def test_an_installed_package_takes_them_from_the_current_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Installed from a wheel, the folder above the package is site-packages: no pyproject.toml there.
    monkeypatch.setattr(config, "REPO_ROOT", tmp_path / "site-packages")
    monkeypatch.chdir(tmp_path)

    assert base_dir() == tmp_path
    assert local_password_file({}) == tmp_path / "var" / "neo4j" / "password"
    assert audit_path({}) == tmp_path / "var" / "audit.jsonl"
    assert audit_path({"CROSSLINK_AUDIT_LOG": "/srv/audit.jsonl"}) == Path("/srv/audit.jsonl")
