"""Corpora generated once per test run and shared by the synth tests (they take well under a second)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.synth import CorpusReport, generate


@dataclass
class Corpus:
    report: CorpusReport
    path: Path
    adverts: list[dict]
    truth: list[dict]
    networks: list[dict]

    @property
    def planted(self) -> list[dict]:
        return [n for n in self.networks if not n["hub"]]

    @property
    def hubs(self) -> list[dict]:
        return [n for n in self.networks if n["hub"]]


def load(report: CorpusReport) -> Corpus:
    def lines(name: str) -> list[dict]:
        with (report.out_dir / name).open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle]

    return Corpus(
        report, report.out_dir, lines("adverts.jsonl"), lines("truth.jsonl"), lines("networks.jsonl")
    )


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The small corpus of the brief: 2,000 adverts."""
    return load(generate(tmp_path_factory.mktemp("synth-2000"), adverts=2000, seed=7))


@pytest.fixture(scope="session")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """10,000 adverts: enough for the rarest written forms (Venmo, Cash App tags) to appear."""
    return load(generate(tmp_path_factory.mktemp("synth-10000"), adverts=10_000, seed=7))
