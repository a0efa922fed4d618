"""bench/format_throughput.py on a tiny corpus: every layout it writes carries the same adverts, and the
whole benchmark runs against the test Neo4j (its timings are not checked: speed is the benchmark's)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import neo4j
import pytest

from bench.format_throughput import (
    ParseTiming,
    format_of,
    markdown,
    parse_summary,
    parsed,
    read_corpus,
    run,
    write_layouts,
)
from graph.advert import Advert
from graph.config import Settings
from graph.formats import FORMATS, detect, read_file
from graph.synth import generate

ADVERTS = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("work")
    generate(out / "corpus", adverts=ADVERTS, seed=5)
    return out


def test_every_layout_holds_the_texts_and_times_of_the_corpus(corpus: Path, tmp_path: Path):
    source = read_corpus(corpus / "corpus" / "adverts.jsonl")
    paths = write_layouts(corpus / "corpus" / "adverts.jsonl", tmp_path, page=7)
    assert {format_of(label) for label in paths} == set(FORMATS)
    expected = Counter((a.text, a.posted_at) for a in source)
    for label, path in paths.items():
        name = format_of(label)
        assert detect(path) == name
        adverts = [a for a in parsed(read_file(path, name)) if isinstance(a, Advert)]
        assert Counter((a.text, a.posted_at) for a in adverts) == expected, label
        if label == "jsonl-no-lang":
            assert {a.lang for a in adverts} == {None}


def test_the_benchmark_runs_and_reports_every_format(
    corpus: Path, empty_graph: neo4j.Driver, neo4j_settings: Settings
):
    results = run(empty_graph, neo4j_settings.database, corpus, adverts=ADVERTS, seed=5, runs=1, rounds=1)
    accepted = {name: figures["accepted"] for name, figures in results["ingest"].items()}
    assert {format_of(label) for label in accepted} == set(FORMATS)
    assert set(accepted.values()) == {results["parse"]["jsonl"]["adverts"]}
    assert results["ingest"]["jsonl"]["ratio_to_jsonl"] == 1.0
    assert results["ingest"]["jsonl"]["ratio_same_fields"] == 1.0
    assert results["parse"]["jsonl"]["validated_ratio"] == 1.0
    table = markdown(results["parse"], results["ingest"])
    assert all(f"| {name} |" in table for name in FORMATS)


def test_parse_ratios_are_per_run_by_cpu_time_and_against_the_same_fields():
    timings = []
    # Run 0: JSON Lines 100 records per CPU second, without lang 80, Telegram 60, X 50; run 1 twice that.
    for number, scale in ((0, 1.0), (1, 0.5)):
        for label, cpu in (("jsonl", 1.0), ("jsonl-no-lang", 1.25), ("telegram", 100 / 60), ("x", 2.0)):
            timings.append(ParseTiming(label, number, False, 0.1, 0.1, 100))
            timings.append(ParseTiming(label, number, True, 9.0, cpu * scale, 100))
    figures = parse_summary(timings)
    assert figures["jsonl"]["validated_ratio"] == 1.0
    assert (figures["x"]["validated_ratio"], figures["x"]["validated_ratio_same_fields"]) == (0.5, 0.5)
    assert figures["telegram"]["validated_ratio"] == 0.6
    assert figures["telegram"]["validated_ratio_same_fields"] == 0.75  # 60 over 80
    assert figures["x"]["validated_per_cpu_s"] == 75  # median of 50 and 100
    assert figures["x"]["validated_per_s"] == 11  # 100 records in 9 wall seconds
