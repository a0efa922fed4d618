"""The nightly job against the real Neo4j: each file once, by content; crashes retried; overlaps refused."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph import inbox
from graph import nightly as nightly_job
from graph.crosslink import Crosslink
from graph.ingest import read_files
from graph.lease import LeaseBusy, held
from graph.nightly import EXIT_ATTENTION, EXIT_FAILED, EXIT_OK, LEASE_NAME, run_nightly

PHONE = "+44 7957 500418"


def advert(post_id: str, text: str, platform: str = "facebook") -> dict[str, Any]:
    return {
        "platform": platform,
        "post_id": post_id,
        "author": {"handle": f"author{post_id}"},
        "text": text,
        "posted_at": "2024-03-01T10:00:00Z",
        "region": "GB",
    }


def write(path: Path, adverts: list[dict[str, Any] | str]) -> Path:
    path.write_text("".join((a if isinstance(a, str) else json.dumps(a)) + "\n" for a in adverts), "utf-8")
    return path


@pytest.fixture
def box(tmp_path: Path) -> Path:
    """An inbox with two files: a pair of adverts sharing a phone, and a pair sharing another."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder / "a.jsonl", [advert("1", f"Crossing UK, WhatsApp {PHONE}"), advert("2", f"Call {PHONE}")])
    write(
        folder / "b.jsonl",
        [advert("3", "Boat to Italy +39 320 123 4567"), advert("4", "Italy trip, call +39 320 123 4567")],
    )
    return folder


def night(graph: neo4j.Driver, database: str, folder: Path, **options: Any) -> nightly_job.NightlySummary:
    options.setdefault("rejects_dir", folder.parent)
    return run_nightly(graph, database, folder, **options)


def adverts_in_graph(graph: neo4j.Driver, database: str) -> int:
    records, _, _ = graph.execute_query("MATCH (a:Advert) RETURN count(a) AS n", database_=database)
    return records[0]["n"]


def ledger(graph: neo4j.Driver, database: str) -> dict[str, dict[str, Any]]:
    records, _, _ = graph.execute_query("MATCH (f:InboxFile) RETURN f", database_=database)
    return {r["f"]["name"]: dict(r["f"]) for r in records}


def test_the_first_night_ingests_every_file_and_records_it(graph, database, box):
    summary = night(graph, database, box)

    assert [(f.name, f.status) for f in summary.files] == [("a.jsonl", "completed"), ("b.jsonl", "completed")]
    assert summary.counts()["created"] == 4
    assert adverts_in_graph(graph, database) == 4
    entries = ledger(graph, database)
    assert {name: e["status"] for name, e in entries.items()} == {
        "a.jsonl": "completed",
        "b.jsonl": "completed",
    }
    assert entries["a.jsonl"]["sha256"] == inbox.sha256_of(box / "a.jsonl")[0]
    assert entries["a.jsonl"]["run"] == summary.files[0].run
    assert entries["a.jsonl"]["read"] == 2
    # Each file is a run of its own, named after the inbox.
    records, _, _ = graph.execute_query("MATCH (r:IngestRun) RETURN r.source AS source", database_=database)
    assert [r["source"] for r in records] == ["inbox", "inbox"]
    assert len(summary.new_networks) == 2 and summary.grown_networks == []
    assert summary.exit_status == EXIT_OK
    assert summary.as_dict()["files_new"] == 2


def test_a_second_night_reads_nothing(graph, database, box):
    night(graph, database, box)
    summary = night(graph, database, box)

    assert [f.status for f in summary.files] == ["skipped", "skipped"]
    assert summary.counts()["read"] == 0
    assert summary.new_networks == [] and summary.grown_networks == []
    assert summary.exit_status == EXIT_OK
    records, _, _ = graph.execute_query("MATCH (r:IngestRun) RETURN count(r) AS n", database_=database)
    assert records[0]["n"] == 2


def test_a_renamed_or_redelivered_file_is_skipped_and_a_changed_one_read(graph, database, box):
    first = night(graph, database, box)
    (box / "a.jsonl").rename(box / "a-again.jsonl")
    (box / "copy-of-b.jsonl").write_bytes((box / "b.jsonl").read_bytes())
    write(box / "b.jsonl", [advert("3", "Boat to Italy +39 320 123 4567"), advert("5", f"New trip {PHONE}")])

    summary = night(graph, database, box)

    by_name = {f.name: f for f in summary.files}
    assert by_name["a-again.jsonl"].status == "skipped"
    assert by_name["a-again.jsonl"].ingested_as == "a.jsonl"
    assert by_name["a-again.jsonl"].run == first.files[0].run
    assert by_name["copy-of-b.jsonl"].status == "skipped"
    assert by_name["b.jsonl"].status == "completed"
    assert by_name["b.jsonl"].counts["read"] == 2
    assert by_name["b.jsonl"].counts["created"] == 1 and by_name["b.jsonl"].counts["unchanged"] == 1
    assert adverts_in_graph(graph, database) == 5


def test_a_network_that_grew_is_told_with_its_size_before_and_after(graph, database, box):
    first = night(graph, database, box)
    sizes = {n["id"]: n["size"] for n in first.new_networks}
    write(box / "c.jsonl", [advert("6", f"Last places, {PHONE}", platform="tiktok")])

    summary = night(graph, database, box)

    assert summary.new_networks == []
    [grown] = summary.grown_networks
    assert grown["before"] == sizes[grown["id"]]
    assert grown["after"] > grown["before"]
    assert f"{grown['id']} {grown['before']} -> {grown['after']}" in summary.text()


def test_hidden_and_partial_files_and_folders_are_left_alone(graph, database, box):
    for name in (".hidden.jsonl", "c.jsonl.partial", "d.jsonl.tmp"):
        write(box / name, [advert("9", "Anything")])
    (box / "sub").mkdir()

    summary = night(graph, database, box)

    assert [f.name for f in summary.files] == ["a.jsonl", "b.jsonl"]
    assert sorted(summary.ignored) == [".hidden.jsonl", "c.jsonl.partial", "d.jsonl.tmp", "sub"]


def test_a_file_whose_ingest_stopped_half_way_is_read_again_next_night(graph, database, box, monkeypatch):
    write(box / "b.jsonl", [advert(str(n), f"Advert {n} call +39 320 123 45{n:02d}") for n in range(10, 20)])

    def breaks_off(path: Path, format: str, csv: Any) -> tuple[str, Iterator[Any]]:
        def lines() -> Iterator[Any]:
            for line in read_files([str(path)]):
                if path.name == "b.jsonl" and line.number == 6:
                    raise OSError("the disk went away")
                yield line

        return "jsonl", lines()

    monkeypatch.setattr(nightly_job, "_read", breaks_off)
    broken = night(graph, database, box, batch_size=1)
    by_name = {f.name: f for f in broken.files}
    assert by_name["a.jsonl"].status == "completed"  # the other file still went in
    assert by_name["b.jsonl"].status == "failed"
    assert "the disk went away" in by_name["b.jsonl"].error
    assert by_name["b.jsonl"].counts["created"] == 5  # the batches before the break are in
    assert ledger(graph, database)["b.jsonl"]["status"] == "failed"
    assert broken.exit_status == EXIT_FAILED

    monkeypatch.undo()
    again = night(graph, database, box, batch_size=1)

    by_name = {f.name: f for f in again.files}
    assert by_name["a.jsonl"].status == "skipped"
    assert by_name["b.jsonl"].status == "completed"
    assert by_name["b.jsonl"].counts["unchanged"] == 5 and by_name["b.jsonl"].counts["created"] == 5
    assert adverts_in_graph(graph, database) == 12  # nothing doubled
    assert again.exit_status == EXIT_OK


def test_a_file_left_reading_by_a_process_that_died_is_read_again(graph, database, box):
    sha256, size = inbox.sha256_of(box / "a.jsonl")
    inbox.apply_schema(graph, database)
    inbox.record(
        graph,
        database,
        {"sha256": sha256, "name": "a.jsonl", "size": size, "status": "reading"},
        datetime.now(UTC),
    )

    summary = night(graph, database, box)

    assert [f.status for f in summary.files] == ["completed", "completed"]
    assert ledger(graph, database)["a.jsonl"]["attempts"] == 2


def test_a_second_nightly_is_refused_while_one_holds_the_lease(graph, database, box):
    inbox.apply_schema(graph, database)
    with (
        held(graph, database, LEASE_NAME, what="the nightly inbox run"),
        pytest.raises(LeaseBusy, match="already running"),
    ):
        night(graph, database, box)
    assert adverts_in_graph(graph, database) == 0

    release = threading.Event()

    def hold() -> None:
        with held(graph, database, LEASE_NAME, what="the nightly inbox run"):
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        threading.Timer(1.0, release.set).start()
        summary = night(graph, database, box, wait=60)  # waits for the holder, then runs
    finally:
        release.set()
        holder.join()
    assert [f.status for f in summary.files] == ["completed", "completed"]


def test_rejects_above_the_threshold_need_a_person(graph, database, box):
    write(box / "c.jsonl", [advert("7", "fine"), '{"platform": "x", "text": "no post id"}'])

    summary = night(graph, database, box)

    [c] = [f for f in summary.files if f.name == "c.jsonl"]
    assert c.counts["rejected"] == 1 and c.rejects_file is not None
    assert json.loads(Path(c.rejects_file).read_text("utf-8").splitlines()[0])["line"] == 2
    assert summary.exit_status == EXIT_ATTENTION
    assert any("c.jsonl: 1 of 2 lines rejected" in reason for reason in summary.attention())
    assert night(graph, database, box, reject_threshold=1.0).exit_status == EXIT_OK  # nothing new: all good


def test_a_share_of_rejects_under_the_threshold_is_all_good(graph, database, box):
    write(box / "c.jsonl", [advert("7", "fine"), '{"platform": "x", "text": "no post id"}'])

    assert night(graph, database, box, reject_threshold=0.5).exit_status == EXIT_OK


def test_a_watch_hit_is_told_with_its_advert_and_network_and_queued(graph, database, box):
    Crosslink(graph, database).watch(PHONE)

    summary = night(graph, database, box)

    assert sorted(h["advert"] for h in summary.watch_hits) == ["advert:facebook:1", "advert:facebook:2"]
    assert {h["identifier"] for h in summary.watch_hits} == {"phone:+447957500418"}
    [network] = {h["network"] for h in summary.watch_hits}
    assert network in {n["id"] for n in summary.new_networks}
    assert summary.webhooks == {"queued": 2, "url": None}  # kept in the graph until a webhook is set
    assert summary.exit_status == EXIT_ATTENTION
    assert "none posted (no CROSSLINK_WEBHOOK_URL)" in summary.text()
    # The next night brings nothing new: the hits are not told twice.
    again = night(graph, database, box)
    assert again.watch_hits == [] and again.webhooks["queued"] == 0


def test_a_file_in_no_known_layout_fails_alone_and_is_tried_again(graph, database, box):
    (box / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    summary = night(graph, database, box)

    by_name = {f.name: f for f in summary.files}
    assert by_name["photo.png"].status == "failed"
    assert "cannot tell its format" in by_name["photo.png"].error
    assert by_name["a.jsonl"].status == "completed" and by_name["b.jsonl"].status == "completed"
    assert summary.exit_status == EXIT_FAILED
    assert ledger(graph, database)["photo.png"]["status"] == "failed"
    assert [f.status for f in night(graph, database, box).files] == ["skipped", "skipped", "failed"]


def test_each_file_is_read_in_its_own_layout(graph, database, box):
    export = {
        "name": "Crossings",
        "type": "public_channel",
        "id": 777,
        "messages": [
            {"id": 1, "type": "message", "date": "2024-03-01T10:00:00", "text": f"Channel post {PHONE}"}
        ],
    }
    (box / "result.json").write_text(json.dumps(export), "utf-8")

    summary = night(graph, database, box)

    by_name = {f.name: f for f in summary.files}
    assert by_name["result.json"].format == "telegram"
    assert by_name["result.json"].counts["created"] == 1
    assert by_name["a.jsonl"].format == "jsonl"
    assert ledger(graph, database)["result.json"]["format"] == "telegram"


def test_with_workers_the_files_of_a_night_share_one_set_of_extraction_workers(
    graph, database, box, monkeypatch
):
    pools: list[nightly_job.ExtractionPool] = []

    class Recorded(nightly_job.ExtractionPool):
        def __init__(self, workers: int) -> None:
            super().__init__(workers)
            pools.append(self)

    monkeypatch.setattr(nightly_job, "ExtractionPool", Recorded)
    in_process = night(graph, database, box)
    graph.execute_query("MATCH (n) DETACH DELETE n", database_=database)

    summary = night(graph, database, box, workers=1)

    assert len(pools) == 1 and pools[0].workers == 1 and not pools[0].started  # closed after the files
    assert [(f.name, f.status) for f in summary.files] == [(f.name, f.status) for f in in_process.files]
    assert len({f.run for f in summary.files}) == 2  # each file still a run of its own
    assert summary.counts() == in_process.counts()
