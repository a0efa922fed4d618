"""The hand-written labelled sets are well formed: valid adverts, known labels and kinds, enough languages,
half hard negatives. There are two: the first set, and a held-out set written apart from the lexicon and
matcher, so that one figure comes from text nobody tuned against; both must keep the same shape. It checks
the sets' shape only; how well the indicators do on them is the bench's business
(bench/indicator_quality.py)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.advert import Advert, Reject, parse_lines, read_lines

DATA = Path(__file__).resolve().parents[2] / "data"
LABELLED = DATA / "indicators_labelled.jsonl"
HELDOUT = DATA / "indicators_heldout.jsonl"
SETS = [LABELLED, HELDOUT]
LANGUAGES = {"en", "fr", "ar", "fa", "ps", "ckb", "kmr", "sq", "vi", "tr", "ti", "it", "de", "el"}
KINDS = {
    "smuggling",
    "travel_agency",
    "ferry",
    "language_school",
    "cargo",
    "charity",
    "news",
    "jobs",
    "ordinary",
}
HARD_NEGATIVES = KINDS - {"smuggling", "ordinary"}


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module", params=SETS, ids=lambda path: path.stem)
def labelled(request: pytest.FixtureRequest) -> Path:
    return request.param


@pytest.fixture(scope="module")
def records(labelled: Path) -> list[dict]:
    return _records(labelled)


# Every labelled file, blind sets included: each is read whole, with known labels, or a figure loses lines.
ALL_SETS = sorted(DATA.glob("indicators_*.jsonl"))


@pytest.fixture(scope="module", params=ALL_SETS, ids=lambda path: path.stem)
def any_set(request: pytest.FixtureRequest) -> Path:
    return request.param


@pytest.fixture(scope="module")
def any_records(any_set: Path) -> list[dict]:
    return _records(any_set)


def test_every_line_is_an_advert_the_reader_accepts(any_set: Path, any_records: list[dict]) -> None:
    with any_set.open("rb") as fh:
        parsed = [result for _, result in parse_lines(read_lines(fh, str(any_set)))]
    rejects = [r for r in parsed if isinstance(r, Reject)]
    assert rejects == []
    assert all(isinstance(a, Advert) for a in parsed) and len(parsed) == len(any_records) >= 400


def test_labels_kinds_and_languages_are_known(any_set: Path, any_records: list[dict]) -> None:
    # The first two sets label Dari as fa; the later ones tell Dari (prs) from Iranian Persian.
    languages = LANGUAGES if any_set in SETS else LANGUAGES | {"prs"}
    for record in any_records:
        where = record.get("post_id")
        assert record["label"] in {"smuggling", "benign"}, where
        assert record["kind"] in KINDS, where
        assert (record["kind"] == "smuggling") == (record["label"] == "smuggling"), where
        assert record["truth_lang"] in languages, where
        assert isinstance(record["text"], str) and record["text"].strip(), where


def test_post_ids_are_unique(any_records: list[dict]) -> None:
    keys = Counter((r["platform"], str(r["post_id"])) for r in any_records)
    assert [k for k, n in keys.items() if n > 1] == []
    assert len({str(r["post_id"]) for r in any_records}) == len(any_records)


def test_at_least_ten_languages_with_twenty_adverts_each(records: list[dict]) -> None:
    per_lang = Counter(r["truth_lang"] for r in records)
    assert sum(1 for n in per_lang.values() if n >= 20) >= 10, per_lang
    assert min(per_lang.values()) >= 20, per_lang


def test_half_are_hard_negatives(records: list[dict]) -> None:
    """Half the set is benign, and the benign adverts are hard negatives but for a few ordinary posts."""
    benign = [r for r in records if r["label"] == "benign"]
    assert abs(len(benign) / len(records) - 0.5) <= 0.05
    ordinary = sum(1 for r in benign if r["kind"] == "ordinary")
    assert ordinary <= 0.15 * len(benign)
    assert {r["kind"] for r in benign if r["kind"] != "ordinary"} == HARD_NEGATIVES


def test_each_language_has_both_labels(records: list[dict]) -> None:
    for lang in {r["truth_lang"] for r in records}:
        labels = Counter(r["label"] for r in records if r["truth_lang"] == lang)
        assert labels["smuggling"] >= 10 and labels["benign"] >= 10, (lang, labels)


def test_about_a_third_leave_lang_to_detection(records: list[dict]) -> None:
    without = sum(1 for r in records if not r.get("lang"))
    assert 0.25 <= without / len(records) <= 0.40
    given = [r for r in records if r.get("lang")]
    assert all(r["lang"].split("-")[0] == r["truth_lang"] for r in given)


def test_the_held_out_set_shares_no_advert_with_the_first() -> None:
    """A held-out advert that is also in the first set would not be held out."""
    first = _records(LABELLED)
    heldout = _records(HELDOUT)
    assert {str(r["post_id"]) for r in first}.isdisjoint(str(r["post_id"]) for r in heldout)
    assert {r["text"] for r in first}.isdisjoint(r["text"] for r in heldout)


def test_no_advert_text_is_in_two_labelled_files() -> None:
    """A text in two files would be trained on and measured at once: a blind figure must not see it."""
    seen: dict[str, str] = {}
    shared = []
    for path in ALL_SETS:
        for record in _records(path):
            text = " ".join(record["text"].split()).casefold()
            if seen.setdefault(text, path.name) != path.name:
                shared.append((seen[text], path.name, record["post_id"]))
    assert shared == []
