"""The extractor against the truth on 1,000 generated adverts: the figures are in the module's report.

Recall must stay at 0.9 or more for each scored kind, and the extractor must never return a key that
another network planted (a false link between two networks).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.synth import generate
from graph.synth.score import SCORED_KINDS, Score, score


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Score:
    out = tmp_path_factory.mktemp("synth-score")
    generate(out, adverts=1000, seed=11)
    return score(Path(out))


def test_recall_of_planted_identifiers(scored: Score) -> None:
    assert scored.adverts == 1000
    assert scored.overall.recall >= 0.9
    for kind in SCORED_KINDS:
        counts = scored.kinds[kind]
        assert counts.tp + counts.fn > 0, kind
        assert counts.recall >= 0.9, (kind, counts.as_json())


def test_no_key_of_another_network(scored: Score) -> None:
    assert [(m.key, m.form, m.post_id) for m in scored.cross_network] == []


def test_scores_are_broken_down_by_language_and_form(scored: Score) -> None:
    report = scored.as_json()
    assert set(report["languages"]) == {"en", "fr", "ar", "fa", "ps", "tr", "sq", "ckb", "vi", "ti"}
    assert "keycap" in report["forms"] and "words_en" in report["forms"]
