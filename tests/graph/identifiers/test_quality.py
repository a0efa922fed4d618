"""The extraction quality targets, held on the hand-labelled set so a change that costs quality fails.

The figures themselves (per kind, per language, beside the PhoneNumberMatcher baseline) are produced by
`bench/extraction_quality.py` and written up in BENCHMARKS.md.
"""

import json
from pathlib import Path

import pytest

from graph.identifiers import extract

DATA = Path(__file__).resolve().parents[2] / "data"
SCORED = ("phone", "handle", "payment", "email")


def score(path: Path) -> tuple[float, float]:
    true_positives = false_positives = false_negatives = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found = {i.key for i in extract(record["text"], platform=record["platform"], region=record["region"])}
        found = {key for key in found if key.split(":", 1)[0] in SCORED}
        expected = set(record["expected"])
        true_positives += len(found & expected)
        false_positives += len(found - expected)
        false_negatives += len(expected - found)
    return (
        true_positives / (true_positives + false_positives),
        true_positives / (true_positives + false_negatives),
    )


@pytest.mark.parametrize(
    "name",
    [
        "labelled_adverts.jsonl",
        "blind_adverts.jsonl",
        "blind_adverts2.jsonl",
        "blind_adverts3.jsonl",
        "blind_adverts4.jsonl",
        "blind_adverts5.jsonl",
        "blind_adverts6.jsonl",
        "blind_adverts7.jsonl",
    ],
)
def test_precision_and_recall_targets(name: str) -> None:
    precision, recall = score(DATA / name)
    assert precision >= 0.98, f"precision {precision:.3f} below 0.98 on {name}"
    assert recall >= 0.95, f"recall {recall:.3f} below 0.95 on {name}"
