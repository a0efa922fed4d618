"""`crosslink ingest --metrics-textfile`: the run's metrics for the node exporter, success or failure."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from prometheus_client.parser import text_string_to_metric_families

from api.cli import main

ADVERTS = [
    {
        "platform": "facebook",
        "post_id": "m1",
        "text": "Crossing, call +44 7957 500418",
        "posted_at": "2024-03-01",
    },
    {
        "platform": "facebook",
        "post_id": "m2",
        "text": "Boat, WhatsApp +44 7957 500419",
        "posted_at": "2024-03-02",
    },
]
BAD = '{"platform": "x", "post_id": "3", "text": "t", "posted_at": "32/13/2024"}'


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def samples(path: Path) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(path.read_text(encoding="utf-8"))
        for s in family.samples
    }


def metric(path: Path, name: str, **labels: str) -> float:
    return samples(path)[name, frozenset({"job": "ingest", **labels}.items())]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def adverts(tmp_path: Path) -> Path:
    path = tmp_path / "adverts.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ADVERTS) + BAD + "\n", encoding="utf-8")
    return path


@pytest.mark.usefixtures("empty_graph")
def test_a_finished_ingest_writes_its_counts_and_success(adverts: Path, tmp_path: Path) -> None:
    textfile = tmp_path / "ingest.prom"
    result = invoke(
        "ingest", str(adverts), "--source", "feed", "--rejects", str(tmp_path / "r.jsonl"),
        "--metrics-textfile", str(textfile),
    )  # fmt: skip

    assert result.exit_code == 3, result.stderr  # one line rejected: finished, with something to look at
    assert metric(textfile, "crosslink_job_succeeded") == 1
    assert metric(textfile, "crosslink_job_adverts", outcome="read") == 3
    assert metric(textfile, "crosslink_job_adverts", outcome="created") == 2
    assert metric(textfile, "crosslink_job_adverts", outcome="rejected") == 1
    assert metric(textfile, "crosslink_job_duration_seconds") > 0


@pytest.mark.usefixtures("empty_graph")
def test_a_failed_ingest_says_so_and_keeps_the_last_success(adverts: Path, tmp_path: Path) -> None:
    textfile = tmp_path / "ingest.prom"
    env = {"CROSSLINK_METRICS_TEXTFILE": str(textfile)}  # the variable, as a cron job would set it
    first = invoke(
        "ingest", str(adverts), "--source", "feed", "--rejects", str(tmp_path / "r.jsonl"), env=env
    )
    succeeded_at = metric(textfile, "crosslink_job_last_success_timestamp_seconds")

    gone = {**env, "NEO4J_URI": f"bolt://127.0.0.1:{closed_port()}", "NEO4J_PASSWORD": "x"}
    failed = invoke("ingest", str(adverts), "--source", "feed", env=gone)

    assert (first.exit_code, failed.exit_code) == (3, 1)
    assert metric(textfile, "crosslink_job_succeeded") == 0
    assert metric(textfile, "crosslink_job_last_success_timestamp_seconds") == succeeded_at
    assert metric(textfile, "crosslink_job_last_run_timestamp_seconds") >= succeeded_at


def test_a_textfile_the_collector_would_ignore_is_a_usage_error(adverts: Path, tmp_path: Path) -> None:
    result = invoke("ingest", str(adverts), "--source", "feed", "--metrics-textfile", str(tmp_path / "m.txt"))
    assert result.exit_code == 2
    assert ".prom" in result.stderr
    assert not (tmp_path / "m.txt").exists()


def test_a_textfile_that_cannot_be_written_does_not_change_the_exit_status(
    adverts: Path, tmp_path: Path
) -> None:
    textfile = tmp_path / "missing-folder" / "ingest.prom"
    gone = {"NEO4J_URI": f"bolt://127.0.0.1:{closed_port()}", "NEO4J_PASSWORD": "x"}
    result = invoke("ingest", str(adverts), "--source", "feed", "--metrics-textfile", str(textfile), env=gone)
    assert result.exit_code == 1
    assert "cannot write the metrics" in result.stderr
