"""The indicator quality bench counts right: precision, recall and detection on sets of known truth."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.indicator_quality import (
    Counts,
    LabelledError,
    Verdict,
    load,
    markdown,
    parse,
    report,
)
from graph.indicators import analyse
from graph.language import detect

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "indicator_quality.py"


def advert(post_id: str, text: str, label: str, kind: str, truth_lang: str, lang: str | None = None) -> dict:
    record = {
        "platform": "facebook",
        "post_id": post_id,
        "text": text,
        "posted_at": "2026-03-01T10:00:00Z",
        "label": label,
        "kind": kind,
        "truth_lang": truth_lang,
    }
    if lang is not None:
        record["lang"] = lang
    return record


# Truth and what the indicators said, written out: the counts below follow from this table alone.
#  post_id  label      kind     truth_lang  predicted  detected (lang given?)
TINY = [
    ("a1", "smuggling", "smuggling", "en", True, "en", None),
    ("a2", "smuggling", "smuggling", "en", True, "en", "en"),
    ("a3", "smuggling", "smuggling", "fr", False, "fr", None),
    ("a4", "smuggling", "smuggling", "fr", True, None, None),
    ("b1", "benign", "ferry", "en", True, "de", None),
    ("b2", "benign", "ferry", "fr", False, "fr", "fr"),
    ("b3", "benign", "news", "en", False, "en", "en"),
    ("b4", "benign", "news", "fr", True, "fr", None),
    ("b5", "benign", "charity", "en", False, "en", None),
]


def tiny_verdicts() -> list[Verdict]:
    lines = [
        json.dumps(advert(pid, f"text of {pid}", label, kind, truth, lang))
        for pid, label, kind, truth, _, _, lang in TINY
    ]
    adverts = parse(lines)
    return [
        Verdict(
            advert=a,
            predicted=row[4],
            score=0.9 if row[4] else 0.1,
            top_hits=("t (service 0.80)",),
            detected=row[5],
        )
        for a, row in zip(adverts, TINY, strict=True)
    ]


def test_counts_on_a_known_tiny_set() -> None:
    result = report(tiny_verdicts())
    o = result.overall
    assert (o.tp, o.fp, o.fn, o.tn) == (3, 2, 1, 3)
    assert o.precision == pytest.approx(3 / 5) and o.recall == pytest.approx(3 / 4)
    assert o.false_positive_rate == pytest.approx(2 / 5)
    en, fr = result.by_lang["en"], result.by_lang["fr"]
    assert (en.tp, en.fp, en.fn, en.tn) == (2, 1, 0, 2)
    assert (fr.tp, fr.fp, fr.fn, fr.tn) == (1, 1, 1, 1)
    assert en.precision == pytest.approx(2 / 3) and en.recall == 1.0
    assert fr.precision == pytest.approx(1 / 2) and fr.recall == pytest.approx(1 / 2)
    assert result.by_kind["ferry"].false_positive_rate == pytest.approx(1 / 2)
    assert result.by_kind["news"].false_positive_rate == pytest.approx(1 / 2)
    assert result.by_kind["charity"].false_positive_rate == 0.0
    assert result.by_kind["smuggling"].recall == pytest.approx(3 / 4)
    assert [v.advert.post_id for v in result.false_positives] == ["b1", "b4"]
    assert [v.advert.post_id for v in result.false_negatives] == ["a3"]


def test_language_detection_is_scored_on_lines_without_lang_and_on_all() -> None:
    result = report(tiny_verdicts())
    without = result.detection_unlabelled
    # Lines without lang: a1 (right), a3 (right), a4 (none), b1 (wrong: de for en), b4 (right), b5 (right).
    assert (without.right, without.wrong, without.none) == (4, 1, 1)
    assert without.accuracy == pytest.approx(4 / 6)
    everything = result.detection_all
    assert (everything.right, everything.wrong, everything.none) == (7, 1, 1)
    assert everything.confusions == {"en->de": 1}


def test_no_advert_called_smuggling_leaves_precision_undefined() -> None:
    counts = Counts()
    counts.add(True, False)
    counts.add(False, False)
    assert counts.precision is None and counts.recall == 0.0 and counts.false_positive_rate == 0.0


def test_markdown_shows_the_figures_and_the_misses() -> None:
    text = markdown(report(tiny_verdicts(), file="tiny.jsonl"))
    assert "**Precision 0.600, recall 0.750** (TP 3, FP 2, FN 1, TN 3)" in text
    assert "## False positives (2)" in text and "## False negatives (1)" in text
    assert "| a3 | smuggling | fr | 0.100 | t (service 0.80) | text of a3 |" in text
    assert "| without lang | 6 | 4 | 1 | 1 | 0.667 |" in text


def test_a_hit_over_a_line_break_or_with_a_pipe_stays_in_its_table_row() -> None:
    (line,) = [json.dumps(advert("c1", "Payment:\nafter you arrive", "smuggling", "smuggling", "en"))]
    (parsed,) = parse([line])
    hits = ("Payment:\nafter you arrive (price 0.35)", "a|b (route 0.20)")
    text = markdown(report([Verdict(parsed, False, 0.2, hits, "en")]))
    (row,) = [row for row in text.splitlines() if row.startswith("| c1 |")]
    assert "| Payment:\\nafter you arrive (price 0.35); a\\|b (route 0.20) |" in row
    assert row.endswith("| Payment: after you arrive |")


def test_context_only_lines_are_counted_apart() -> None:
    """A reply its writer marks context-only counts in the overall figures and is left out of the
    own-words ones, which the report shows only when a file marks such lines."""
    plain = tiny_verdicts()
    assert "context-only" not in markdown(report(plain))
    reply = advert("a5", "how much?", "smuggling", "smuggling", "en")
    reply["context_only"] = True
    (parsed,) = parse([json.dumps(reply)])
    assert parsed.context_only
    result = report([*plain, Verdict(parsed, False, 0.0, (), "en")])
    assert (result.overall.tp, result.overall.fn) == (3, 2)
    own = result.own_words
    assert (own.tp, own.fp, own.fn, own.tn) == (3, 2, 1, 3)
    text = markdown(result)
    assert "Without the 1 smuggling lines marked context-only: precision 0.600, recall 0.750" in text
    assert "| a5 | smuggling, context only | en |" in text


def test_context_only_must_be_a_flag_on_a_smuggling_line() -> None:
    wrong_type = advert("y1", "how much?", "smuggling", "smuggling", "en")
    wrong_type["context_only"] = "yes"
    with pytest.raises(LabelledError, match="line 1: context_only: not true or false"):
        parse([json.dumps(wrong_type)])
    benign = advert("y2", "how much?", "benign", "ordinary", "en")
    benign["context_only"] = True
    with pytest.raises(LabelledError, match="line 1: context_only: only a smuggling line"):
        parse([json.dumps(benign)])


def test_a_bad_label_or_advert_names_its_line() -> None:
    good = json.dumps(advert("x1", "hello", "benign", "news", "en"))
    with pytest.raises(LabelledError, match="line 2: label: 'maybe'"):
        parse([good, json.dumps(advert("x2", "hi", "maybe", "news", "en"))])
    with pytest.raises(LabelledError, match="line 1: kind: 'bakery'"):
        parse([json.dumps(advert("x3", "hi", "benign", "bakery", "en"))])
    broken = advert("x4", "hi", "benign", "news", "en")
    broken["posted_at"] = "32/13/2024"
    with pytest.raises(LabelledError, match="line 1: posted_at"):
        parse([json.dumps(broken)])


def test_the_bench_run_counts_what_analyse_says(tmp_path: Path) -> None:
    """End to end through the command: its counts equal those of analyse() and detect() run here."""
    records = [
        advert(
            "e1",
            "Boat to the UK tonight, 2000 per person, pay on arrival. WhatsApp +44 7400 123456",
            "smuggling",
            "smuggling",
            "en",
        ),
        advert(
            "e2",
            "Passage Angleterre garanti, paiement à l'arrivée, départ ce soir",
            "smuggling",
            "smuggling",
            "fr",
            lang="fr",
        ),
        advert("e3", "Last seats on the 18:00 ferry Calais to Dover, book online", "benign", "ferry", "en"),
        advert(
            "e4",
            "Smugglers charge 2000 per person, according to police. Read more.",
            "benign",
            "news",
            "en",
            lang="en",
        ),
        advert("e5", "Does anyone know a good bakery in Lille?", "benign", "ordinary", "en"),
    ]
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(BENCH), "--file", str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result = json.loads(run.stdout)
    expected = Counts()
    for record in records:
        expected.add(record["label"] == "smuggling", analyse(record["text"]).is_smuggling())
    assert {k: result["overall"][k] for k in ("tp", "fp", "fn", "tn")} == {
        "tp": expected.tp,
        "fp": expected.fp,
        "fn": expected.fn,
        "tn": expected.tn,
    }
    assert result["overall"]["adverts"] == 5
    called = [r["post_id"] for r in records if analyse(r["text"]).is_smuggling()]
    assert [v["post_id"] for v in result["false_positives"]] == [p for p in called if p in {"e3", "e4", "e5"}]
    unlabelled = [r for r in records if "lang" not in r]
    right = sum(detect(r["text"]) == r["truth_lang"] for r in unlabelled)
    assert result["detection"]["without_lang"]["adverts"] == len(unlabelled)
    assert result["detection"]["without_lang"]["right"] == right


def test_the_bench_names_a_missing_file(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(BENCH), "--file", str(tmp_path / "none.jsonl")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 2 and "none.jsonl" in run.stderr


def test_the_default_file_loads() -> None:
    assert len(load(ROOT / "tests" / "data" / "indicators_labelled.jsonl")) >= 400
