"""`crosslink keys` and `crosslink serve` against the real graph (registered as commands in api/cli.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import neo4j
import pytest
from click.testing import CliRunner

from api.commands.keys import keys
from graph import apikeys
from graph.config import REPO_ROOT, Settings


@pytest.mark.usefixtures("empty_graph")
def test_create_prints_the_key_once_then_list_and_revoke(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    runner = CliRunner()
    created = runner.invoke(keys, ["create", "--role", "ingest", "--name", "nightly feed"])
    secret = created.stdout.strip()
    key = apikeys.verify_key(neo4j_driver, neo4j_settings.database, secret)
    listed = runner.invoke(keys, ["list", "--json"])
    revoked = runner.invoke(keys, ["revoke", key.id if key else "?"])
    unknown = runner.invoke(keys, ["revoke", "0123456789ab"])

    assert created.exit_code == 0, created.stderr
    assert key is not None and key.role == "ingest" and key.name == "nightly feed"
    assert "shown only this once" in created.stderr
    assert secret not in listed.stdout and f'"id": "{key.id}"' in listed.stdout
    assert revoked.exit_code == 0 and key.id in revoked.stdout
    assert apikeys.verify_key(neo4j_driver, neo4j_settings.database, secret) is None
    assert unknown.exit_code == 1 and "keys list" in unknown.stderr
    assert runner.invoke(keys, ["create", "--role", "root", "--name", "x"]).exit_code == 2


@pytest.mark.usefixtures("empty_graph")
def test_serve_answers_over_real_http(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    _, secret = apikeys.create_key(neo4j_driver, neo4j_settings.database, role="reader", name="serve test")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "CROSSLINK_AUDIT_LOG": str(tmp_path / "audit.jsonl")}
    command = [sys.executable, "-c", "from api.commands.serve import serve; serve()", "--port", str(port)]
    server = subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                health = httpx2.get(f"{url}/health", timeout=1)
                break
            except httpx2.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("crosslink serve did not answer within 10 s")
        answer = httpx2.post(
            f"{url}/graphql",
            json={"query": "{ stats { adverts } }"},
            headers={"Authorization": f"Bearer {secret}"},
            timeout=10,
        )
        refused = httpx2.get(f"{url}/graphql", params={"query": "{ stats { adverts } }"}, timeout=10)
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert health.status_code == 200
    assert answer.json() == {"data": {"stats": {"adverts": 0}}}
    assert refused.status_code == 401
    assert "clk_" not in (tmp_path / "audit.jsonl").read_text(encoding="utf-8")
