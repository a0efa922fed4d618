"""The synthetic-corpus share of adverts read as smuggling, on a small generated corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import indicator_synthetic
from graph.indicators import analyse
from graph.synth import generate


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    generate(folder, adverts=600, seed=3)
    return folder


def test_every_planted_kind_is_counted_and_its_share_is_what_analyse_says(corpus: Path) -> None:
    found = indicator_synthetic.shares(corpus)
    kinds = indicator_synthetic.planted_kinds(corpus / "truth.jsonl")
    assert sum(row["adverts"] for row in found.values()) == len(kinds) == 600
    lines = (corpus / "adverts.jsonl").read_text(encoding="utf-8").splitlines()
    adverts = [json.loads(line) for line in lines]
    smuggling = [a for a in adverts if kinds[(a["platform"], a["post_id"])] == "smuggling"]
    flagged = sum(analyse(a.get("text") or "", lang=a.get("lang")).is_smuggling() for a in smuggling)
    assert found["smuggling"]["smuggling"] == pytest.approx(flagged / len(smuggling))


def test_every_nth_advert_is_read(corpus: Path) -> None:
    found = indicator_synthetic.shares(corpus, every=3)
    assert sum(row["adverts"] for row in found.values()) == 200


def test_the_command_prints_a_table_and_refuses_a_step_below_one(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    indicator_synthetic.main(["--corpus", str(corpus), "--every", "2"])
    assert "| smuggling |" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        indicator_synthetic.main(["--corpus", str(corpus), "--every", "0"])
