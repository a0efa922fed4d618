"""The `crosslink` command against the real Neo4j: exit statuses, JSON logs, rejects, stdin, summary, demo."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click
import httpx2
import neo4j
import pytest
from click.testing import CliRunner, Result
from neo4j.exceptions import ServiceUnavailable

from api.cli import main
from api.commands.connection import graph_connection
from graph.config import REPO_ROOT, Settings

GOOD = [
    {
        "platform": "facebook",
        "post_id": "1",
        "author": {"handle": "boat.uk"},
        "text": "UK crossing. WhatsApp +44 7957 500418",
        "posted_at": "2024-03-01T10:00:00Z",
        "region": "FR",
    },
    {
        "platform": "Twitter",
        "post_id": 2,
        "author": {"handle": "CrossingUK24"},
        "text": "Call 0044 7957 500418",
        "posted_at": "2024-03-02T10:00:00Z",
    },
]
BAD = '{"platform": "x", "post_id": "3", "text": "t", "posted_at": "32/13/2024"}'


def jsonl(records: list[Any]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env=env)


def log_lines(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]


@pytest.fixture
def adverts(tmp_path: Path) -> Path:
    path = tmp_path / "adverts.jsonl"
    path.write_text(jsonl(GOOD), encoding="utf-8")
    return path


@pytest.mark.usefixtures("empty_graph")
def test_all_accepted_exits_0_with_a_json_summary_line(adverts: Path, tmp_path: Path) -> None:
    result = invoke(
        "ingest", str(adverts), "--source", "nightly", "--rejects", str(tmp_path / "rejects.jsonl")
    )

    assert result.exit_code == 0, result.stderr
    final = log_lines(result)[-1]
    assert final["event"] == "finished"
    assert final["run"].startswith("run-")
    assert {
        k: final[k] for k in ("status", "read", "accepted", "rejected", "created", "updated", "unchanged")
    } == {
        "status": "completed",
        "read": 2,
        "accepted": 2,
        "rejected": 0,
        "created": 2,
        "updated": 0,
        "unchanged": 0,
    }
    assert final["seconds"] > 0 and final["adverts_per_second"] > 0
    assert not (tmp_path / "rejects.jsonl").exists()  # created only when a line is rejected


def test_an_ingest_brings_the_networks_up_to_date(
    adverts: Path, tmp_path: Path, empty_graph: neo4j.Driver, neo4j_settings: Settings
) -> None:
    result = invoke("ingest", str(adverts), "--source", "nightly")

    assert result.exit_code == 0, result.stderr
    networks = log_lines(result)[-1]["networks"]
    assert networks["adverts"] == 2 and networks["recompute"]["kind"] == "update"
    records, _, _ = empty_graph.execute_query(
        "MATCH (a:Advert)-[:IN_NETWORK]->(n:Network) MATCH (r:IngestRun) "
        "RETURN count(DISTINCT a) AS adverts, count(DISTINCT n) AS networks, "
        "collect(DISTINCT r.networks_at IS NOT NULL) AS marked",
        database_=neo4j_settings.database,
    )
    assert records[0].data() == {"adverts": 2, "networks": 1, "marked": [True]}  # the two share a phone


def test_networks_left_by_a_run_are_caught_up_by_networks_update(
    adverts: Path, empty_graph: neo4j.Driver, neo4j_settings: Settings
) -> None:
    result = invoke("ingest", str(adverts), "--source", "bulk", "--no-networks")
    assert result.exit_code == 0, result.stderr
    assert "networks" not in log_lines(result)[-1]

    def networks() -> int:
        records, _, _ = empty_graph.execute_query(
            "MATCH (n:Network) RETURN count(n) AS n", database_=neo4j_settings.database
        )
        return records[0]["n"]

    assert networks() == 0
    updated = invoke("networks", "update", "--json")
    assert updated.exit_code == 0, updated.stderr
    assert json.loads(updated.stdout)["adverts"] == 2
    assert networks() == 1
    again = invoke("networks", "update")
    assert again.exit_code == 0 and again.stdout.startswith("networks up to date (0 run(s)")


@pytest.mark.usefixtures("empty_graph")
def test_rejects_exit_3_and_go_to_the_rejects_file(adverts: Path, tmp_path: Path) -> None:
    with_bad = tmp_path / "with-bad.jsonl"
    with_bad.write_text(jsonl([GOOD[0], BAD, GOOD[1]]), encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"

    result = invoke("ingest", str(with_bad), "--source", "nightly", "--rejects", str(rejects))

    assert result.exit_code == 3, result.stderr
    final = log_lines(result)[-1]
    assert (final["accepted"], final["rejected"], final["rejects_file"]) == (2, 1, str(rejects))
    [reject] = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert reject == {
        "file": str(with_bad),
        "line": 2,
        "reason": "posted_at: not an ISO 8601 date: '32/13/2024'",
        "raw": BAD,
    }


@pytest.mark.usefixtures("empty_graph")
def test_the_default_rejects_file_is_named_after_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    result = invoke("ingest", "--source", "feed/1", input=jsonl([BAD]))

    assert result.exit_code == 3
    assert len(list(tmp_path.glob("rejects-feed_1-*.jsonl"))) == 1


@pytest.mark.usefixtures("empty_graph")
@pytest.mark.parametrize("args", [["-"], []])
def test_stdin_is_read_with_a_dash_or_no_file(args: list[str], tmp_path: Path) -> None:
    result = invoke(
        "ingest", *args, "--source", "pipe", "--rejects", str(tmp_path / "r.jsonl"), input=jsonl(GOOD)
    )

    assert result.exit_code == 0, result.stderr
    final = log_lines(result)[-1]
    assert (final["files"], final["created"]) == (["<stdin>"], 2)


@pytest.mark.usefixtures("empty_graph")
def test_a_progress_line_every_few_batches(tmp_path: Path) -> None:
    records = [{**GOOD[0], "post_id": str(i)} for i in range(25)]
    result = invoke(
        "ingest", "--source", "s", "--batch", "1", "--rejects", str(tmp_path / "r"), input=jsonl(records)
    )

    events = [line["event"] for line in log_lines(result)]
    assert events == ["progress", "progress", "finished"]  # after batches 10 and 20


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_neo4j_unreachable_exits_1_saying_where(adverts: Path) -> None:
    uri = f"bolt://127.0.0.1:{closed_port()}"

    result = invoke("ingest", str(adverts), "--source", "s", env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "x"})

    assert result.exit_code == 1
    assert f"Neo4j at {uri} is not available" in result.stderr


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("ingest", str(tmp_path / "nope.jsonl"), "--source", "s")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_bad_region_is_a_usage_error(adverts: Path) -> None:
    result = invoke("ingest", str(adverts), "--source", "s", "--region", "UK")
    assert result.exit_code == 2
    assert "'UK' is not an ISO 3166 alpha-2 country code" in result.stderr


def test_synth_into_a_folder_it_cannot_make_exits_1_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = invoke("synth", "--adverts", "10", "--out", str(blocker / "corpus"))

    assert result.exit_code == 1
    assert result.stderr.startswith("crosslink: cannot write the corpus to ")
    assert "Traceback" not in result.output


def test_a_graph_failure_during_a_command_exits_1_with_a_message(neo4j_settings: Settings) -> None:
    @click.command()
    def failing() -> None:
        with graph_connection():
            raise ServiceUnavailable("the connection was cut")

    result = CliRunner().invoke(failing, [])

    assert result.exit_code == 1
    assert (
        result.stderr == "crosslink: the graph database failed: ServiceUnavailable: the connection was cut\n"
    )


def test_help_documents_the_exit_statuses() -> None:
    result = invoke("ingest", "--help")
    assert result.exit_code == 0
    for line in ("0  every line was accepted", "3  the run finished", "1  the run failed"):
        assert line in result.output


@pytest.mark.usefixtures("empty_graph")
def test_schema_apply_is_idempotent() -> None:
    invoke("schema-apply")
    result = invoke("schema-apply")
    assert (result.exit_code, result.output) == (0, "schema up to date\n")


@pytest.mark.usefixtures("empty_graph")
def test_summary_lists_identifiers_shared_across_platforms(adverts: Path, tmp_path: Path) -> None:
    invoke("ingest", str(adverts), "--source", "s", "--rejects", str(tmp_path / "r.jsonl"))

    result = invoke("summary", "--json")

    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.output)
    assert summary["counts"]["adverts"] == 2
    assert summary["counts"]["phones"] == 1
    [shared] = summary["shared"]
    assert shared["key"] == "phone:+447957500418"
    assert shared["platforms"] == ["facebook", "x"]
    assert shared["accounts"] == ["handle:facebook:boatuk", "handle:x:crossinguk24"]
    assert shared["countries"] == ["FR", "GB"]
    assert shared["first_seen"].startswith("2024-03-01")
    text = invoke("summary").output
    assert "phone:+447957500418" in text and "platforms: facebook, x" in text


def test_demo_ingests_the_sample_and_prints_what_was_found(empty_graph: neo4j.Driver) -> None:
    first = invoke("demo", "--no-serve")
    again = invoke("demo", "--no-serve")

    assert first.exit_code == 0, first.stderr
    assert (
        "rejected 3" in first.output and "rejected line 25: posted_at: not an ISO 8601 date" in first.output
    )
    assert "phone:+447957500418" in first.output and "payment:iban:GB02NWBK60161331926820" in first.output
    assert again.exit_code == 0
    assert "created 0, updated 0, unchanged 37" in again.output
    assert "Networks: " in first.output and "score" in first.output


@pytest.mark.usefixtures("empty_graph")
def test_demo_serves_the_sample_graph_with_a_key_that_finds_cross_border_networks() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "api.cli", "demo", "--port", str(port)]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=os.environ.copy(),
        text=True,
    )
    try:
        key = None
        for line in process.stdout:
            if "reader key" in line:
                key = line.rsplit(" ", 1)[-1].strip()
                break
        assert key and key.startswith("clk_")
        query = "{ networks(first: 5, filter: {minPlatforms: 2, minCountries: 2}) { totalCount } }"
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx2.post(
                    f"http://127.0.0.1:{port}/graphql",
                    json={"query": query},
                    headers={"Authorization": f"Bearer {key}"},
                    timeout=10,
                )
                break
            except httpx2.TransportError:
                assert time.monotonic() < deadline, "the demo's API did not start"
                time.sleep(0.2)
        assert answer.status_code == 200
        assert answer.json()["data"]["networks"]["totalCount"] >= 1
        assert httpx2.get(f"http://127.0.0.1:{port}/ide", timeout=10).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.usefixtures("empty_graph")
def test_the_console_script_runs_as_a_process(adverts: Path, tmp_path: Path) -> None:
    crosslink = Path(sys.executable).with_name("crosslink")
    command = [
        str(crosslink) if crosslink.exists() else sys.executable,
        *([] if crosslink.exists() else ["-m", "api.cli"]),
    ]

    done = subprocess.run(
        [*command, "ingest", "--source", "proc", "--rejects", str(tmp_path / "r.jsonl")],
        input=jsonl(GOOD).encode(),
        capture_output=True,
        cwd=REPO_ROOT,
        env=os.environ.copy(),
        timeout=120,
    )

    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stderr.decode().splitlines()[-1])["created"] == 2


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_run_marked_interrupted_with_whole_batches_written(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path, signum: int
) -> None:
    adverts = tmp_path / "many.jsonl"
    adverts.write_text(jsonl([{**GOOD[0], "post_id": str(i)} for i in range(3000)]), encoding="utf-8")
    command = [sys.executable, "-m", "api.cli", "ingest", str(adverts), "--source", "term", "--batch", "10"]
    process = subprocess.Popen(command, cwd=REPO_ROOT, stderr=subprocess.PIPE, env=os.environ.copy())

    def batches() -> int:
        records, _, _ = empty_graph.execute_query(
            "MATCH (r:IngestRun) RETURN r.batches AS b", database_=neo4j_settings.database
        )
        return records[0]["b"] if records else 0

    deadline = time.monotonic() + 60
    while batches() < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)

    assert process.returncode == 128 + signum, stderr.decode()
    assert json.loads(stderr.decode().splitlines()[-2])["event"] == "interrupted"
    records, _, _ = empty_graph.execute_query(
        "MATCH (r:IngestRun) MATCH (a:Advert) "
        "RETURN r.status AS status, r.batches AS batches, count(a) AS adverts",
        database_=neo4j_settings.database,
    )
    assert records[0]["status"] == "interrupted"
    assert records[0]["adverts"] == records[0]["batches"] * 10


def test_the_cli_starts_without_the_web_app() -> None:
    """Every command, and every ingest worker (which imports the CLI's module again as it starts), would
    otherwise pay for importing the API's web stack and building its GraphQL types."""
    script = "import sys, api.cli; print(sorted({'api.app', 'strawberry', 'fastapi'} & set(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )

    assert loaded.stdout.strip() == "[]"
