"""The nightly inbox benchmark on a tiny inbox: what each night reads (no timing is asserted)."""

from __future__ import annotations

from pathlib import Path

import neo4j

from bench.nightly_inbox import BASELINE, NIGHTS, baseline, make_inbox, one_round, table, whole_corpus
from graph.config import Settings


def test_a_round_reads_everything_then_nothing_then_the_changed_files(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    inbox, spare = make_inbox(tmp_path, adverts=60, files=4, added=6, seed=3)
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in inbox.iterdir()}
    before = {p.name: p.read_bytes() for p in inbox.iterdir()}

    first, again, changed = one_round(
        empty_graph, neo4j_settings.database, inbox, spare, changed=2, workers=0
    )

    assert [n.name for n in (first, again, changed)] == list(NIGHTS)
    assert (first.files_read, first.adverts_read) == (4, 60)
    assert (again.files_read, again.files_skipped, again.adverts_read) == (0, 4, 0)
    changed_names = sorted(sizes)[:2]
    assert (changed.files_read, changed.files_skipped) == (2, 2)
    assert changed.adverts_read == sum(sizes[name] for name in changed_names) + 6
    assert changed.unchanged == sum(sizes[name] for name in changed_names)
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == before  # the changed files put back
    assert "| two files changed |" in table([[first, again, changed]])


def test_the_baseline_reads_the_same_adverts_as_one_file(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    inbox, _ = make_inbox(tmp_path, adverts=60, files=4, added=6, seed=3)
    corpus = whole_corpus(inbox, tmp_path / "whole.jsonl")

    night = baseline(empty_graph, neo4j_settings.database, corpus, workers=0)

    assert (night.name, night.files_read, night.adverts_read, night.created) == (BASELINE, 1, 60, 60)
    assert f"| {BASELINE} |" in table([[night]])
