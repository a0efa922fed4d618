"""`crosslink --log-format text|json`: the format each command and the API server log in, and no
secret in any line (API keys, bearer tokens, the Neo4j password, the metrics token)."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import neo4j
import pytest
from click.testing import CliRunner, Result

from api.cli import main
from api.logs import JsonFormatter, TextFormatter, redact
from graph import apikeys
from graph.config import REPO_ROOT, Settings

ADVERT = {
    "platform": "facebook",
    "post_id": "lf1",
    "text": "Boat, call +44 7957 500418",
    "posted_at": "2024-03-01",
}
KEY = "clk_0123456789ab_" + "S" * 43


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=json.dumps(ADVERT) + "\n", env=env)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_keys_tokens_and_known_secrets_are_redacted() -> None:
    line = redact(
        f"key {KEY}, header Authorization: Bearer tok3n-value, password hunter2-long", ("hunter2-long",)
    )
    assert "S" * 43 not in line and "tok3n-value" not in line and "hunter2-long" not in line
    assert "clk_0123456789ab_[redacted]" in line  # the key's id stays, as the audit log names it


def record(name: str, message: str, args: tuple = (), exc: bool = False) -> logging.LogRecord:
    info = None
    if exc:
        try:
            raise RuntimeError(f"failed with {KEY}")
        except RuntimeError:
            info = sys.exc_info()
    return logging.LogRecord(name, logging.ERROR, __file__, 1, message, args, info)


def test_a_json_line_carries_the_message_and_a_redacted_traceback() -> None:
    line = JsonFormatter(secrets=("s3cret-pass",)).format(
        record("crosslink.api", "internal error %s with s3cret-pass", ("ab12",), exc=True)
    )
    parsed = json.loads(line)
    assert parsed["level"] == "error" and parsed["logger"] == "crosslink.api"
    assert parsed["message"] == "internal error ab12 with [redacted]"
    assert "RuntimeError" in parsed["exception"] and "S" * 43 not in parsed["exception"]


def test_an_access_line_is_its_fields_without_the_query_string() -> None:
    access = record(
        "uvicorn.access",
        '%s - "%s %s HTTP/%s" %d',
        ("10.0.0.5:5123", "GET", "/graphql?query=%7Bstats%7D&variables=%7B%22phone%22%7D", "1.1", 200),
    )
    parsed = json.loads(JsonFormatter(secrets=()).format(access))
    assert parsed["event"] == "request"
    assert (parsed["method"], parsed["path"], parsed["status"]) == ("GET", "/graphql", 200)
    assert "query" not in json.dumps(parsed)


def test_a_text_line_is_redacted_too() -> None:
    line = TextFormatter(secrets=()).format(record("crosslink.api", f"refused {KEY}"))
    assert line == "ERROR: refused clk_0123456789ab_[redacted]"


@pytest.mark.usefixtures("empty_graph")
@pytest.mark.parametrize(
    ("args", "env", "json_lines"),
    [
        (["--log-format", "json"], {}, True),
        (["--log-format", "text"], {}, False),
        ([], {"CROSSLINK_LOG_FORMAT": "json"}, True),
        ([], {"CROSSLINK_LOG_FORMAT": "text"}, False),
        ([], {}, True),  # stderr is not a terminal here
    ],
)
def test_ingest_logs_in_the_format_asked(
    args: list[str], env: dict[str, str], json_lines: bool, tmp_path: Path
) -> None:
    result = invoke(*args, "ingest", "--source", "logs", "--rejects", str(tmp_path / "r.jsonl"), env=env)
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if json_lines:
        assert all(line.startswith("{") for line in lines)
        assert json.loads(lines[-1])["event"] == "finished"
    else:
        assert not any(line.startswith("{") for line in lines)
        assert "accepted 1" in lines[-1]


def test_an_unknown_format_is_a_usage_error() -> None:
    result = invoke("ingest", "--source", "logs", env={"CROSSLINK_LOG_FORMAT": "xml"})
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_the_server_logs_requests_as_json_lines_without_secrets(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    _, key = apikeys.create_key(neo4j_driver, neo4j_settings.database, role="reader", name="log format")
    port, token = free_port(), "metrics-token-for-the-log-test"
    stderr = tmp_path / "stderr.log"
    env = {
        **os.environ,
        "NEO4J_PASSWORD": neo4j_settings.password,
        "CROSSLINK_METRICS_TOKEN": token,
        "CROSSLINK_AUDIT_LOG": str(tmp_path / "audit.jsonl"),
    }
    with stderr.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "--log-format", "json", "serve", "--port", str(port)],
            cwd=REPO_ROOT, env=env, stdout=err, stderr=err, start_new_session=True,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(process, url)
            headers = {"Authorization": f"Bearer {key}"}
            lookup = '{"value": "+447957500418"}'
            query = "query Look($value: String!) { identifier(value: $value) { value } }"
            httpx2.get(f"{url}/graphql", params={"query": query, "variables": lookup}, headers=headers)
            httpx2.post(f"{url}/graphql", json={"query": "{ stats { adverts } }"}, headers=headers)
            httpx2.post(
                f"{url}/graphql",
                json={"query": "{ stats { adverts } }"},
                headers={"Authorization": f"Bearer {KEY}"},
            )
            assert (
                httpx2.get(f"{url}/metrics", headers={"Authorization": f"Bearer {token}"}).status_code == 200
            )
        finally:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=60)
    text = stderr.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]

    requests = [line for line in lines if line.get("event") == "request"]
    assert {(r["method"], r["path"], r["status"]) for r in requests} >= {
        ("GET", "/graphql", 200),
        ("POST", "/graphql", 200),
        ("POST", "/graphql", 401),
        ("GET", "/metrics", 200),
    }
    assert any("Started server process" in line.get("message", "") for line in lines)
    assert any("GraphQL at http://127.0.0.1" in line.get("message", "") for line in lines)
    for secret in (key, KEY, token, neo4j_settings.password, "7957500418"):
        assert secret not in text


def _wait_until_ready(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "crosslink serve ended before it answered"
        try:
            if httpx2.get(f"{url}/ready", timeout=5).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail("crosslink serve did not answer within 120 s")
