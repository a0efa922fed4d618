"""`crosslink nightly` against the real Neo4j: exit statuses, the summary file and text, metrics, webhook."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner, Result
from prometheus_client.parser import text_string_to_metric_families

from api.cli import main
from graph import inbox
from graph.config import Settings
from graph.crosslink import Crosslink
from graph.lease import held
from graph.nightly import LEASE_NAME

PHONE = "+44 7957 500418"


def advert(post_id: str, text: str) -> dict[str, Any]:
    return {
        "platform": "facebook",
        "post_id": post_id,
        "author": {"handle": f"author{post_id}"},
        "text": text,
        "posted_at": "2024-03-01T10:00:00Z",
        "region": "GB",
    }


def write(path: Path, lines: list[dict[str, Any] | str]) -> None:
    path.write_text("".join((a if isinstance(a, str) else json.dumps(a)) + "\n" for a in lines), "utf-8")


@pytest.fixture
def box(tmp_path: Path, empty_graph: neo4j.Driver) -> Path:
    folder = tmp_path / "partner-feed"
    folder.mkdir()
    write(folder / "a.jsonl", [advert("1", f"Crossing UK, WhatsApp {PHONE}"), advert("2", f"Call {PHONE}")])
    write(folder / "b.jsonl", [advert("3", "Boat +39 320 123 4567"), advert("4", "Trip +39 320 123 4567")])
    return folder


def nightly(box: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    reports = box.parent / "reports"
    return CliRunner().invoke(
        main, ["nightly", "--inbox", str(box), "--reports-dir", str(reports), *args], env=env
    )


def summary_of(box: Path) -> dict[str, Any]:
    [path] = sorted((box.parent / "reports").glob("inbox-summary-*.json"))
    return json.loads(path.read_text("utf-8"))


def test_a_first_night_exits_0_and_writes_its_summary(box: Path) -> None:
    result = nightly(box, "--json")

    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    saved = summary_of(box)
    assert printed == saved
    assert saved["status"] == "ok" and saved["source"] == "partner-feed"
    assert (saved["files_seen"], saved["files_new"], saved["files_skipped"], saved["files_failed"]) == (
        2,
        2,
        0,
        0,
    )
    assert saved["adverts"]["created"] == 4
    assert saved["new_networks_count"] == 2
    assert "files: 2 seen, 2 new, 0 skipped (already ingested), 0 failed" in result.stderr
    assert "networks: 2 new, 0 grew" in result.stderr


def test_with_json_logs_the_summary_is_one_json_line_on_stderr(box: Path) -> None:
    reports = box.parent / "reports"
    result = CliRunner().invoke(
        main, ["--log-format", "json", "nightly", "--inbox", str(box), "--reports-dir", str(reports)]
    )

    assert result.exit_code == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["event"] == "nightly"
    assert line["files_new"] == 2 and line["status"] == "ok"


def test_a_second_night_reads_nothing_and_exits_0(box: Path, tmp_path: Path) -> None:
    assert nightly(box).exit_code == 0
    result = nightly(box, "--summary", str(tmp_path / "second.json"))

    assert result.exit_code == 0, result.stderr
    second = json.loads((tmp_path / "second.json").read_text("utf-8"))
    assert second["files_skipped"] == 2 and second["files_new"] == 0
    assert second["adverts"]["read"] == 0


def test_a_second_nightly_while_one_runs_exits_1_at_once(box: Path, neo4j_settings: Settings) -> None:
    graph = Crosslink.connect(settings=neo4j_settings)
    with graph:
        inbox.apply_schema(graph.driver, graph.database)
        with held(graph.driver, graph.database, LEASE_NAME, what="the nightly inbox run"):
            result = nightly(box)

    assert result.exit_code == 1
    assert "the nightly inbox run is already running" in result.stderr
    assert not list((box.parent / "reports").glob("inbox-summary-*.json"))  # it did nothing


def test_with_json_logs_a_run_that_could_not_start_says_so_in_one_json_line(
    box: Path, neo4j_settings: Settings
) -> None:
    reports = box.parent / "reports"
    graph = Crosslink.connect(settings=neo4j_settings)
    with graph:
        inbox.apply_schema(graph.driver, graph.database)
        with held(graph.driver, graph.database, LEASE_NAME, what="the nightly inbox run"):
            result = CliRunner().invoke(
                main, ["--log-format", "json", "nightly", "--inbox", str(box), "--reports-dir", str(reports)]
            )

    assert result.exit_code == 1
    [line] = [json.loads(text) for text in result.stderr.strip().splitlines()]  # every line is JSON
    assert (line["event"], line["status"], line["exit_status"]) == ("nightly", "failed", 1)
    assert "the nightly inbox run is already running" in line["error"]


def test_rejects_above_the_threshold_exit_3_with_the_rejects_file(box: Path) -> None:
    write(box / "c.jsonl", [advert("7", "fine"), '{"platform": "x", "text": "no post id"}'])

    result = nightly(box)

    assert result.exit_code == 3, result.stderr
    saved = summary_of(box)
    [c] = [f for f in saved["files"] if f["name"] == "c.jsonl"]
    assert c["rejected"] == 1
    assert Path(c["rejects_file"]).parent == box.parent / "reports"
    assert json.loads(Path(c["rejects_file"]).read_text("utf-8"))["line"] == 2
    assert "look at: c.jsonl: 1 of 2 lines rejected" in result.stderr


def test_the_ledger_names_each_files_rejects_file(box: Path, neo4j_settings: Settings) -> None:
    write(box / "c.jsonl", [advert("7", "fine"), '{"platform": "x", "text": "no post id"}'])
    (box / "d.json").write_text("not a layout Crosslink reads\n", "utf-8")  # fails: no rejects file

    assert nightly(box).exit_code == 1
    rejects = {f["name"]: f["rejects_file"] for f in summary_of(box)["files"]}
    graph = Crosslink.connect(settings=neo4j_settings)
    with graph:
        records, _, _ = graph.driver.execute_query(
            "MATCH (f:InboxFile) RETURN f.name AS name, f.status AS status, f.rejects_file AS rejects",
            database_=graph.database,
        )

    ledger = {r["name"]: (r["status"], r["rejects"]) for r in records}
    assert rejects["c.jsonl"] is not None and Path(rejects["c.jsonl"]).is_file()
    assert ledger == {
        "a.jsonl": ("completed", None),
        "b.jsonl": ("completed", None),
        "c.jsonl": ("completed", rejects["c.jsonl"]),
        "d.json": ("failed", None),
    }


def test_a_file_in_the_wrong_layout_exits_1_and_the_others_go_in(box: Path) -> None:
    export = {"name": "Crossings", "type": "public_channel", "id": 7, "messages": [{"id": 1, "text": "hi"}]}
    (box / "result.json").write_text(json.dumps(export), "utf-8")  # a Telegram export, not JSON Lines

    result = nightly(box, "--format", "jsonl")

    assert result.exit_code == 1, result.stderr
    saved = summary_of(box)
    statuses = {f["name"]: f["status"] for f in saved["files"]}
    assert statuses == {"a.jsonl": "completed", "b.jsonl": "completed", "result.json": "failed"}
    assert "failed: result.json:" in result.stderr
    assert "Telegram" in next(f for f in saved["files"] if f["name"] == "result.json")["error"]


def test_neo4j_unreachable_exits_1_and_the_metrics_say_it_failed(box: Path, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a local port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    metrics = tmp_path / "nightly.prom"

    result = nightly(
        box,
        "--metrics-textfile",
        str(metrics),
        env={"NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "x"},
    )

    assert result.exit_code == 1
    assert "crosslink:" in result.stderr
    assert samples(metrics)[("crosslink_job_succeeded", "")] == 0


def test_the_metrics_textfile_holds_the_night(box: Path, tmp_path: Path) -> None:
    metrics = tmp_path / "nightly.prom"

    result = nightly(box, env={"CROSSLINK_METRICS_TEXTFILE": str(metrics)})

    assert result.exit_code == 0, result.stderr
    found = samples(metrics)
    assert found[("crosslink_job_succeeded", "")] == 1
    assert found[("crosslink_job_adverts", "read")] == 4
    assert found[("crosslink_job_adverts", "created")] == 4


def test_a_metrics_file_the_collector_would_ignore_is_a_usage_error(box: Path, tmp_path: Path) -> None:
    result = nightly(box, "--metrics-textfile", str(tmp_path / "nightly.txt"))

    assert result.exit_code == 2
    assert ".prom" in result.stderr


def samples(path: Path) -> dict[tuple[str, str], float]:
    found = {}
    for family in text_string_to_metric_families(path.read_text("utf-8")):
        for sample in family.samples:
            assert sample.labels["job"] == "nightly"
            found[(sample.name, sample.labels.get("outcome", ""))] = sample.value
    return found


class _Receiver(BaseHTTPRequestHandler):
    posts: list[dict[str, Any]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.posts.append({"body": json.loads(body), "signature": self.headers.get("X-Crosslink-Signature")})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    posts: list[dict[str, Any]] = []
    handler = type("Receiver", (_Receiver,), {"posts": posts})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hits", posts
    finally:
        server.shutdown()
        server.server_close()


def test_watch_hits_exit_3_and_reach_the_webhook(box: Path, neo4j_settings: Settings, receiver) -> None:
    url, posts = receiver
    with Crosslink.connect(settings=neo4j_settings) as graph:
        graph.watch(PHONE)

    result = nightly(box, env={"CROSSLINK_WEBHOOK_URL": url, "CROSSLINK_WEBHOOK_SECRET": "s3cret"})

    assert result.exit_code == 3, result.stderr
    saved = summary_of(box)
    assert saved["watch_hits_count"] == 2
    assert saved["webhooks"]["queued"] == 2 and saved["webhooks"]["delivered"] == 2
    assert len(posts) == 2 and all(p["signature"] for p in posts)
    assert "watch hits: 2" in result.stderr
    assert "s3cret" not in result.stderr + result.stdout + json.dumps(saved)
