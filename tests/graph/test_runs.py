"""Runs that end badly say so, against the real Neo4j: a run whose process is SIGKILLed is marked
interrupted by the next run or `crosslink summary` once its heartbeat is stale, while a run alive at the
same time is never touched; a live run marked by mistake comes back; the networks cover what a killed
run wrote.

The threshold is short here (seconds) and the live runs beat fast, so that a killed run goes stale
within the test while a live one stays far inside the threshold.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner

from api.cli import main
from graph.config import REPO_ROOT, Settings
from graph.ingest import SAMPLE_ADVERTS, IngestFailed, RunReport, ingest
from graph.networks import catch_up
from graph.runs import STALE_SECONDS, STALE_VARIABLE, beat, mark_stale, stale_seconds
from tests.graph.test_ingest import Proxy

STALE = 3.0  # seconds without a heartbeat after which a run counts as dead, in these tests
FAST_BEAT = 0.2  # the live runs' heartbeat interval, far inside STALE
BATCH = 10


def query(driver: neo4j.Driver, database: str, text: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(text, parameters, database_=database)
    return [r.data() for r in records]


def run_node(driver: neo4j.Driver, database: str, key: str) -> dict[str, Any]:
    [row] = query(driver, database, "MATCH (r:IngestRun {key: $key}) RETURN properties(r) AS p", key=key)
    return row["p"]


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


def advert(post_id: str, text: str = "No numbers here") -> str:
    record = {"platform": "telegram", "post_id": post_id, "text": text, "posted_at": "2024-03-01T10:00:00Z"}
    return json.dumps(record)


def adverts_file(path: Path, copies: int) -> Path:
    """The sample adverts `copies` times over, each copy with its own post ids."""
    records = [
        json.loads(line) for line in SAMPLE_ADVERTS.read_bytes().splitlines() if line.strip()[-1:] == b"}"
    ]
    records = [r for r in records if r.get("posted_at", "").startswith("2024") and r["platform"] != "myspace"]
    lines = [
        json.dumps({**r, "post_id": f"{r['post_id']}-{copy}"}, ensure_ascii=False)
        for copy in range(copies)
        for r in records
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def killed_run(driver: neo4j.Driver, database: str, adverts: Path) -> dict[str, Any]:
    """Start `crosslink ingest` in a process of its own, SIGKILL it after a few batches, and return its
    run node (still `running`: a killed process cannot say otherwise)."""
    command = [sys.executable, "-m", "api.cli", "ingest", str(adverts), "--source", "killed"]
    command += ["--batch", str(BATCH), "--workers", "0", "--no-networks"]
    process = subprocess.Popen(command, cwd=REPO_ROOT, stderr=subprocess.DEVNULL, env=os.environ.copy())

    def some_batches() -> bool:
        rows = query(driver, database, "MATCH (r:IngestRun {source: 'killed'}) RETURN r.batches AS b")
        return process.poll() is not None or bool(rows and rows[0]["b"] >= 3)

    wait_for(some_batches, "the ingest to commit some batches")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    [row] = query(driver, database, "MATCH (r:IngestRun {source: 'killed'}) RETURN properties(r) AS p")
    assert row["p"]["status"] == "running"
    return row["p"]


def wait_until_stale(driver: neo4j.Driver, database: str, key: str) -> None:
    """Wait until the run's last heartbeat is more than STALE seconds old by the server's clock."""
    text = (
        "MATCH (r:IngestRun {key: $key}) RETURN r.heartbeat_at < datetime() - duration({seconds: $s}) AS old"
    )

    wait_for(
        lambda: query(driver, database, text, key=key, s=int(STALE) + 1)[0]["old"], "the heartbeat to age"
    )


class LiveRun:
    """An ingest run in a thread that writes a first batch, then waits (beating) until released."""

    def __init__(self, driver: neo4j.Driver, database: str, source: str = "live") -> None:
        self.release = threading.Event()
        self.report: RunReport | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(driver, database, source), daemon=True)
        self.driver, self.database, self.source = driver, database, source

    def _lines(self) -> Iterator[str]:
        yield advert(f"{self.source}-1")
        yield advert(f"{self.source}-2")
        self.release.wait(120)
        yield advert(f"{self.source}-3")

    def _run(self, driver: neo4j.Driver, database: str, source: str) -> None:
        try:
            self.report = ingest(
                driver,
                database,
                self._lines(),
                source=source,
                batch_size=1,
                heartbeat=FAST_BEAT,
                stale_after=STALE,
            )
        except BaseException as error:  # reported by finish()
            self.error = error

    def __enter__(self) -> LiveRun:
        self.thread.start()
        text = "MATCH (r:IngestRun {source: $source}) RETURN r.batches AS b, r.key AS key"
        wait_for(
            lambda: bool(
                (rows := query(self.driver, self.database, text, source=self.source)) and rows[0]["b"] >= 1
            ),
            "the live run to write its first batch",
        )
        self.key = query(self.driver, self.database, text, source=self.source)[0]["key"]
        return self

    def finish(self) -> RunReport:
        self.release.set()
        self.thread.join(60)
        assert self.error is None, self.error
        assert self.report is not None
        return self.report

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(60)


def test_a_run_beats_while_it_runs_and_ends_without_stale_at(graph: neo4j.Driver, database: str):
    report = ingest(graph, database, [advert("1"), advert("2")], source="test", batch_size=1)

    node = run_node(graph, database, report.run_id)
    assert node["status"] == "completed" and "stale_at" not in node
    assert node["started_at"] <= node["heartbeat_at"] <= node["finished_at"]
    assert report.stale_runs == []


def test_a_killed_run_is_marked_interrupted_by_the_next_run_and_a_live_one_is_left_alone(
    graph: neo4j.Driver, database: str, tmp_path: Path
):
    killed = killed_run(graph, database, adverts_file(tmp_path / "adverts.jsonl", copies=20))
    with LiveRun(graph, database) as live:
        wait_until_stale(graph, database, killed["key"])

        report = ingest(graph, database, [advert("next")], source="next", stale_after=STALE)

        assert report.stale_runs == [killed["key"]]
        node = run_node(graph, database, killed["key"])
        assert node["status"] == "interrupted" and node["stale_at"] is not None
        assert node["finished_at"] == killed["heartbeat_at"]  # the last moment it was seen alive
        assert (
            node["error"].startswith("stopped without recording its end")
            and "no heartbeat since" in node["error"]
        )
        assert node["batches"] == killed["batches"]
        assert run_node(graph, database, live.key)["status"] == "running"
        done = live.finish()

    assert done.status == "completed" and run_node(graph, database, live.key)["status"] == "completed"
    assert done.stale_runs == []


def test_summary_marks_a_killed_run_interrupted_and_lists_it_and_the_networks_cover_its_adverts(
    graph: neo4j.Driver, database: str, tmp_path: Path
):
    killed = killed_run(graph, database, adverts_file(tmp_path / "adverts.jsonl", copies=20))
    written = query(
        graph, database, "MATCH (a:Advert) WHERE a.last_run = $run RETURN count(a) AS n", run=killed["key"]
    )[0]["n"]
    with LiveRun(graph, database) as live:
        wait_until_stale(graph, database, killed["key"])
        env = {STALE_VARIABLE: str(STALE)}

        shown = CliRunner().invoke(main, ["summary"], env=env).output

        assert "Interrupted runs: 1 " in shown
        assert f"  {killed['key']} (killed) started " in shown and "marked now" in shown
        node = run_node(graph, database, killed["key"])
        assert node["status"] == "interrupted"
        assert written == node["batches"] * BATCH
        assert f"{node['batches']} batches committed: created {node['created']}, " in shown
        assert run_node(graph, database, live.key)["status"] == "running"
        done = catch_up(graph, database)
        assert (done.runs, done.adverts) == ([killed["key"]], written)  # the live run is left to itself
        assert "networks_at" in run_node(graph, database, killed["key"])
        live.finish()

    again = CliRunner().invoke(main, ["summary", "--json"], env=env)
    summary = json.loads(again.output)
    assert summary["marked_interrupted"] == []  # marked once
    assert summary["counts"]["interrupted_runs"] == 1
    assert [r["key"] for r in summary["counts"]["interrupted"]] == [killed["key"]]


def test_a_run_cut_off_from_neo4j_is_marked_interrupted_once_stale(
    graph: neo4j.Driver, database: str, neo4j_settings: Settings
):
    proxy = Proxy(neo4j_settings.uri)

    def cut_after_two_batches(report: RunReport) -> None:
        if report.batches == 2:
            proxy.cut()

    auth = (neo4j_settings.user, neo4j_settings.password)
    flaky = neo4j.GraphDatabase.driver(proxy.uri, auth=auth, max_transaction_retry_time=0.5)
    items = [advert(str(n)) for n in range(5)]
    with flaky, pytest.raises(IngestFailed) as failed:
        ingest(
            flaky,
            database,
            items,
            source="cut",
            batch_size=1,
            progress=cut_after_two_batches,
            heartbeat=FAST_BEAT,
        )

    key = failed.value.report.run_id
    assert run_node(graph, database, key)["status"] == "running"  # it could not record its failure
    wait_until_stale(graph, database, key)
    assert mark_stale(graph, database, STALE) == [key]
    node = run_node(graph, database, key)
    assert (node["status"], node["batches"]) == ("interrupted", 2)


def test_a_live_run_marked_by_mistake_is_running_again_at_its_next_heartbeat(
    graph: neo4j.Driver, database: str
):
    with LiveRun(graph, database) as live:
        # A threshold shorter than the heartbeat interval: the live run is taken for dead between beats.
        wait_for(lambda: live.key in mark_stale(graph, database, FAST_BEAT / 10), "the live run to be marked")
        marked = run_node(graph, database, live.key)
        assert marked["status"] == "interrupted" and marked["stale_at"] is not None

        wait_for(lambda: run_node(graph, database, live.key)["status"] == "running", "the next heartbeat")

        node = run_node(graph, database, live.key)
        assert {"stale_at", "finished_at", "error", "networks_at"}.isdisjoint(node)
        done = live.finish()
    assert done.status == "completed"
    assert run_node(graph, database, live.key)["status"] == "completed"


def test_a_heartbeat_after_a_run_recorded_its_end_changes_no_status(graph: neo4j.Driver, database: str):
    report = ingest(graph, database, [advert("1")], source="test")
    stopped = ingest(graph, database, [advert("2")], source="test")
    graph.execute_query(
        "MATCH (r:IngestRun {key: $key}) SET r.status = 'interrupted'", key=stopped.run_id, database_=database
    )
    with graph.session(database=database) as session:
        for key in (report.run_id, stopped.run_id):
            session.execute_write(beat, key)

    assert run_node(graph, database, report.run_id)["status"] == "completed"
    assert run_node(graph, database, stopped.run_id)["status"] == "interrupted"


@pytest.mark.parametrize(
    ("given", "seconds"), [(None, STALE_SECONDS), ("", STALE_SECONDS), ("60", 60.0), (" 0.5 ", 0.5)]
)
def test_the_stale_threshold_comes_from_the_environment(given: str | None, seconds: float):
    assert stale_seconds({} if given is None else {STALE_VARIABLE: given}) == seconds


@pytest.mark.parametrize("given", ["0", "-5", "ten", "nan", "inf"])
def test_a_stale_threshold_that_is_no_positive_number_is_refused_by_name(given: str):
    with pytest.raises(
        ValueError, match=f"{STALE_VARIABLE} must be a number of seconds above 0, not '{given}'"
    ):
        stale_seconds({STALE_VARIABLE: given})
