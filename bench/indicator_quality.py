"""Advert precision and recall of the smuggling indicators on the hand-written labelled set.

    python bench/indicator_quality.py [--file tests/data/indicators_labelled.jsonl] [--json]

Each line of the file is an advert in the input format (docs/input.md) with its truth: `label`
("smuggling" or "benign"), `kind` (smuggling, or which hard negative: ferry, travel_agency, news...) and
`truth_lang`; a smuggling line may say `"context_only": true`, its writer's word that read alone (a bare
"how much?" under a video) it could as well be an honest post. Every text goes through
`graph.indicators.analyse`; an advert is called smuggling when its `Analysis.is_smuggling()` says so. The
report gives precision and recall overall, by language and by kind (the false positive rate of each
benign kind: which honest businesses the indicators mistake for smugglers), and again without the
context-only lines (what text alone can be asked to find: only the group or network such a reply sits
in tells it from an honest one). It lists every false positive and false negative with its score and
strongest hits, and scores `graph.language.detect` against `truth_lang`: on the lines without a `lang`
(the ones ingest would detect) and on every line. Markdown by default, JSON with `--json`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.advert import AdvertError, parse_advert  # noqa: E402

DEFAULT_FILE = ROOT / "tests" / "data" / "indicators_labelled.jsonl"
LABELS = ("smuggling", "benign")
KINDS = (
    "smuggling",
    "travel_agency",
    "ferry",
    "language_school",
    "cargo",
    "charity",
    "news",
    "jobs",
    "ordinary",
)
TOP_HITS = 3


class LabelledError(ValueError):
    """A line of the labelled file is not a labelled advert; the message names the line and the field."""


@dataclass(frozen=True, slots=True)
class Labelled:
    """One advert of the set with its truth."""

    line: int
    post_id: str
    text: str
    lang: str | None
    label: str
    kind: str
    truth_lang: str
    context_only: bool = False  # a smuggling line its writer says carries no offer in its own words

    @property
    def smuggling(self) -> bool:
        return self.label == "smuggling"


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the indicators and the language detector said of one labelled advert."""

    advert: Labelled
    predicted: bool
    score: float
    top_hits: tuple[str, ...]
    detected: str | None


@dataclass
class Counts:
    """A confusion matrix for the smuggling label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, truth: bool, predicted: bool) -> None:
        if truth and predicted:
            self.tp += 1
        elif truth:
            self.fn += 1
        elif predicted:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def adverts(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        """Of the adverts called smuggling, the share that are; None when none was called smuggling."""
        called = self.tp + self.fp
        return self.tp / called if called else None

    @property
    def recall(self) -> float | None:
        """Of the smuggling adverts, the share called smuggling; None when there are none."""
        actual = self.tp + self.fn
        return self.tp / actual if actual else None

    @property
    def false_positive_rate(self) -> float | None:
        """Of the benign adverts, the share called smuggling; None when there are none."""
        benign = self.fp + self.tn
        return self.fp / benign if benign else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "adverts": self.adverts,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": self.precision,
            "recall": self.recall,
            "false_positive_rate": self.false_positive_rate,
        }


@dataclass
class Detection:
    """Language detection against truth_lang; `none` counts the texts the detector would not name."""

    right: int = 0
    wrong: int = 0
    none: int = 0
    confusions: dict[str, int] = field(default_factory=dict)

    def add(self, truth: str, detected: str | None) -> None:
        if detected is None:
            self.none += 1
        elif base_code(detected) == truth:
            self.right += 1
        else:
            self.wrong += 1
            pair = f"{truth}->{base_code(detected)}"
            self.confusions[pair] = self.confusions.get(pair, 0) + 1

    @property
    def adverts(self) -> int:
        return self.right + self.wrong + self.none

    @property
    def accuracy(self) -> float | None:
        return self.right / self.adverts if self.adverts else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "adverts": self.adverts,
            "right": self.right,
            "wrong": self.wrong,
            "none": self.none,
            "accuracy": self.accuracy,
            "confusions": dict(sorted(self.confusions.items(), key=lambda kv: (-kv[1], kv[0]))),
        }


@dataclass
class Report:
    """Everything the bench prints."""

    file: str
    threshold: float | None
    overall: Counts
    own_words: Counts  # overall, without the context-only lines
    by_lang: dict[str, Counts]
    by_kind: dict[str, Counts]
    false_positives: list[Verdict]
    false_negatives: list[Verdict]
    detection_unlabelled: Detection
    detection_all: Detection
    detection_by_lang: dict[str, Detection]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "threshold": self.threshold,
            "overall": self.overall.as_dict(),
            "own_words": self.own_words.as_dict(),
            "by_lang": {k: v.as_dict() for k, v in self.by_lang.items()},
            "by_kind": {k: v.as_dict() for k, v in self.by_kind.items()},
            "false_positives": [verdict_dict(v) for v in self.false_positives],
            "false_negatives": [verdict_dict(v) for v in self.false_negatives],
            "detection": {
                "without_lang": self.detection_unlabelled.as_dict(),
                "all_lines": self.detection_all.as_dict(),
                "by_lang": {k: v.as_dict() for k, v in self.detection_by_lang.items()},
            },
        }


def base_code(code: str) -> str:
    """`ar-IQ` and `AR` both name Arabic: the language part, lower case."""
    return code.split("-", 1)[0].strip().lower()


def _field(record: dict[str, Any], name: str, allowed: Sequence[str] | None, line: int) -> str:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip():
        raise LabelledError(f"line {line}: {name}: missing or not a string: {value!r}")
    if allowed is not None and value not in allowed:
        raise LabelledError(f"line {line}: {name}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _context_only(record: dict[str, Any], label: str, line: int) -> bool:
    value = record.get("context_only", False)
    if not isinstance(value, bool):
        raise LabelledError(f"line {line}: context_only: not true or false: {value!r}")
    if value and label != "smuggling":
        raise LabelledError(f"line {line}: context_only: only a smuggling line can be context-only")
    return value


def parse(lines: Iterable[str]) -> list[Labelled]:
    """The labelled adverts of a file's lines; blank lines skipped, anything else wrong is an error."""
    found: list[Labelled] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            raise LabelledError(
                f"line {number}: not valid JSON: {error.msg} at column {error.colno}"
            ) from error
        if not isinstance(record, dict):
            raise LabelledError(f"line {number}: not a JSON object")
        try:
            advert = parse_advert(record)
        except AdvertError as error:
            raise LabelledError(f"line {number}: {error}") from error
        label = _field(record, "label", LABELS, number)
        found.append(
            Labelled(
                line=number,
                post_id=advert.post_id,
                text=advert.text,
                lang=advert.lang,
                label=label,
                kind=_field(record, "kind", KINDS, number),
                truth_lang=_field(record, "truth_lang", None, number),
                context_only=_context_only(record, label, number),
            )
        )
    return found


def load(path: Path) -> list[Labelled]:
    """The labelled adverts of a file."""
    with path.open(encoding="utf-8") as fh:
        return parse(fh)


Analyse = Callable[[str], Any]
Detect = Callable[[str], str | None]


def indicators() -> tuple[Analyse, float | None]:
    """`graph.indicators.analyse` and its threshold, or a clear exit when the matcher is not there."""
    try:
        import graph.indicators as module
    except ImportError as error:
        raise SystemExit(
            f"graph.indicators is not available ({error}); this bench measures its analyse(text)"
        ) from error
    analyse = getattr(module, "analyse", None)
    if analyse is None:
        raise SystemExit("graph.indicators has no analyse(text) yet; this bench measures it")
    return analyse, getattr(module, "THRESHOLD", None)


def language_detector() -> Detect:
    """`graph.language.detect`, or a clear exit when it is not there."""
    try:
        from graph.language import detect
    except ImportError as error:
        raise SystemExit(f"graph.language.detect is not available ({error})") from error
    return detect


def top_hits(analysis: Any, limit: int = TOP_HITS) -> tuple[str, ...]:
    """The strongest hits, as `term (category weight)`, strongest first, then in text order."""
    ranked = sorted(enumerate(analysis.hits), key=lambda ih: (-ih[1].weight, ih[0]))
    return tuple(f"{hit.term} ({hit.category} {hit.weight:.2f})" for _, hit in ranked[:limit])


def judge(adverts: Iterable[Labelled], analyse: Analyse, detect: Detect) -> list[Verdict]:
    """Run the indicators on every advert, and the detector on every text."""
    verdicts = []
    for advert in adverts:
        analysis = analyse(advert.text)
        verdicts.append(
            Verdict(
                advert=advert,
                predicted=bool(analysis.is_smuggling()),
                score=float(analysis.score),
                top_hits=top_hits(analysis),
                detected=detect(advert.text),
            )
        )
    return verdicts


def report(verdicts: Sequence[Verdict], *, file: str = "", threshold: float | None = None) -> Report:
    """Count the verdicts overall, by language and by kind, and score the language detector."""
    overall, own_words = Counts(), Counts()
    by_lang: dict[str, Counts] = {}
    by_kind: dict[str, Counts] = {}
    unlabelled, everything = Detection(), Detection()
    detection_by_lang: dict[str, Detection] = {}
    for verdict in verdicts:
        advert = verdict.advert
        truth = advert.smuggling
        overall.add(truth, verdict.predicted)
        if not advert.context_only:
            own_words.add(truth, verdict.predicted)
        by_lang.setdefault(advert.truth_lang, Counts()).add(truth, verdict.predicted)
        by_kind.setdefault(advert.kind, Counts()).add(truth, verdict.predicted)
        everything.add(advert.truth_lang, verdict.detected)
        detection_by_lang.setdefault(advert.truth_lang, Detection()).add(advert.truth_lang, verdict.detected)
        if advert.lang is None:
            unlabelled.add(advert.truth_lang, verdict.detected)
    return Report(
        file=file,
        threshold=threshold,
        overall=overall,
        own_words=own_words,
        by_lang=dict(sorted(by_lang.items())),
        by_kind=dict(sorted(by_kind.items(), key=lambda kv: (kv[0] != "smuggling", kv[0]))),
        false_positives=[v for v in verdicts if v.predicted and not v.advert.smuggling],
        false_negatives=[v for v in verdicts if v.advert.smuggling and not v.predicted],
        detection_unlabelled=unlabelled,
        detection_all=everything,
        detection_by_lang=dict(sorted(detection_by_lang.items())),
    )


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    advert = verdict.advert
    return {
        "post_id": advert.post_id,
        "kind": advert.kind,
        "context_only": advert.context_only,
        "lang": advert.truth_lang,
        "score": round(verdict.score, 4),
        "top_hits": list(verdict.top_hits),
        "text": advert.text,
    }


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _excerpt(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _cell(text: str) -> str:
    """`text` fit for one cell of a markdown table, whose row is one line: its pipes escaped and its line
    breaks written as \\n (a hit may span two lines of an advert)."""
    return "\\n".join(text.splitlines()).replace("|", "\\|")


def _counts_table(title: str, rows: dict[str, Counts]) -> list[str]:
    out = [
        f"| {title} | adverts | TP | FP | FN | TN | precision | recall | FP rate |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in rows.items():
        out.append(
            f"| {name} | {c.adverts} | {c.tp} | {c.fp} | {c.fn} | {c.tn} | {_ratio(c.precision)} "
            f"| {_ratio(c.recall)} | {_ratio(c.false_positive_rate)} |"
        )
    return out


def _verdict_table(verdicts: Sequence[Verdict]) -> list[str]:
    if not verdicts:
        return ["None."]
    out = ["| post_id | kind | lang | score | top hits | text |", "|---|---|---|---:|---|---|"]
    for v in verdicts:
        hits = _cell("; ".join(v.top_hits) or "(no hits)")
        kind = f"{v.advert.kind}, context only" if v.advert.context_only else v.advert.kind
        out.append(
            f"| {v.advert.post_id} | {kind} | {v.advert.truth_lang} | {v.score:.3f} "
            f"| {hits} | {_excerpt(v.advert.text)} |"
        )
    return out


def _detection_line(name: str, d: Detection) -> str:
    return f"| {name} | {d.adverts} | {d.right} | {d.wrong} | {d.none} | {_ratio(d.accuracy)} |"


def _own_words_lines(result: Report) -> list[str]:
    """The figures without the context-only lines, when the file marks any."""
    left_out = result.overall.adverts - result.own_words.adverts
    if not left_out:
        return []
    w = result.own_words
    return [
        f"Without the {left_out} smuggling lines marked context-only: precision {_ratio(w.precision)}, "
        f"recall {_ratio(w.recall)} (TP {w.tp}, FP {w.fp}, FN {w.fn}, TN {w.tn}).",
        "",
    ]


def markdown(result: Report) -> str:
    """The report as Markdown, for a reader and for BENCHMARKS.md."""
    o = result.overall
    threshold = "" if result.threshold is None else f", threshold {result.threshold}"
    lines = [
        f"# Indicator quality on {result.file or 'the labelled set'}",
        "",
        f"{o.adverts} adverts, {o.tp + o.fn} smuggling and {o.fp + o.tn} benign{threshold}.",
        "",
        f"**Precision {_ratio(o.precision)}, recall {_ratio(o.recall)}** "
        f"(TP {o.tp}, FP {o.fp}, FN {o.fn}, TN {o.tn}).",
        "",
        *_own_words_lines(result),
        "## By language (truth_lang)",
        "",
        *_counts_table("language", result.by_lang),
        "",
        "## By kind (FP rate: share of that benign kind called smuggling)",
        "",
        *_counts_table("kind", result.by_kind),
        "",
        f"## False positives ({len(result.false_positives)})",
        "",
        *_verdict_table(result.false_positives),
        "",
        f"## False negatives ({len(result.false_negatives)})",
        "",
        *_verdict_table(result.false_negatives),
        "",
        "## Language detection against truth_lang",
        "",
        "| lines | adverts | right | wrong | none | accuracy |",
        "|---|---:|---:|---:|---:|---:|",
        _detection_line("without lang", result.detection_unlabelled),
        _detection_line("all lines", result.detection_all),
        *(_detection_line(f"all, {name}", d) for name, d in result.detection_by_lang.items()),
        "",
    ]
    confusions = result.detection_all.as_dict()["confusions"]
    if confusions:
        lines += [
            "Confusions (truth->detected, all lines): "
            + ", ".join(f"{pair} {n}" for pair, n in confusions.items()),
            "",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="labelled adverts, JSON Lines")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args(argv)
    try:
        adverts = load(args.file)
    except (OSError, LabelledError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    analyse, threshold = indicators()
    detect = language_detector()
    shown = (
        str(args.file.resolve().relative_to(ROOT))
        if args.file.resolve().is_relative_to(ROOT)
        else str(args.file)
    )
    result = report(judge(adverts, analyse, detect), file=shown, threshold=threshold)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
