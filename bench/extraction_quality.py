"""Score identifier extraction against the hand-labelled advert set.

    python bench/extraction_quality.py [--data tests/data/labelled_adverts.jsonl] [--markdown] [--errors N]
                                       [--baseline-only]

Scores `graph.identifiers.extract` (phone, handle, payment and email keys; url:/domain: keys are not
scored) against each record's `expected` keys, as micro precision / recall / F1 per kind, overall and
per language. The same is done for a baseline: `phonenumbers.PhoneNumberMatcher(text, region or "ZZ")`
alone, its matches written as `phone:+E164`. The baseline is scored twice: over phones only, and over
all four kinds (it finds no handles, payments or emails, so its overall recall is low by design).

`--errors N` prints up to N false positives and N false negatives of the extractor (or, with
`--baseline-only`, of the baseline) with the advert id and an excerpt of its text.
`--markdown` prints the tables in Markdown for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import phonenumbers  # noqa: E402

SCORED_KINDS = ("phone", "handle", "payment", "email")
DEFAULT_DATA = REPO_ROOT / "tests" / "data" / "labelled_adverts.jsonl"

Predictor = Callable[[dict], set[str]]


def kind_of(key: str) -> str:
    return key.split(":", 1)[0]


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# --- predictors ---------------------------------------------------------------------------------


def extractor_predictor() -> Predictor:
    """The system under test; imported lazily so the baseline can run without it."""
    from graph.identifiers import extract

    def predict(record: dict) -> set[str]:
        found = extract(record["text"], platform=record["platform"], region=record["region"])
        return {ident.key for ident in found if kind_of(ident.key) in SCORED_KINDS}

    return predict


def baseline_predict(record: dict) -> set[str]:
    """libphonenumber's own matcher, nothing else."""
    keys = set()
    for match in phonenumbers.PhoneNumberMatcher(record["text"], record["region"] or "ZZ"):
        keys.add("phone:" + phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
    return keys


# --- scoring ------------------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], pred: set[str]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        # nothing predicted: shown as n/a in the tables, counted as 1.0 so F1 follows recall
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class Report:
    name: str
    kinds: tuple[str, ...]
    overall: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_lang: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # (fp|fn, id, key, excerpt)
    seconds: float = 0.0
    records: int = 0


def score(records: Iterable[dict], predict: Predictor, name: str, kinds: tuple[str, ...]) -> Report:
    report = Report(name, kinds)
    start = time.perf_counter()
    predictions = [(rec, predict(rec)) for rec in records]
    report.seconds = time.perf_counter() - start
    for rec, pred in predictions:
        report.records += 1
        gold = {k for k in rec["expected"] if kind_of(k) in kinds}
        pred = {k for k in pred if kind_of(k) in kinds}
        report.overall.add(gold, pred)
        report.by_lang[rec["lang"]].add(gold, pred)
        for kind in kinds:
            report.by_kind[kind].add(
                {k for k in gold if kind_of(k) == kind}, {k for k in pred if kind_of(k) == kind}
            )
        for key in sorted(pred - gold):
            report.errors.append(("FP", rec["id"], key, excerpt(rec["text"])))
        for key in sorted(gold - pred):
            report.errors.append(("FN", rec["id"], key, excerpt(rec["text"])))
    return report


def excerpt(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# --- output -------------------------------------------------------------------------------------


def _row(label: str, c: Counts) -> tuple[str, str, str, str, str, str, str, str]:
    return (
        label,
        f"{c.precision:.3f}" if c.tp + c.fp else "n/a",
        f"{c.recall:.3f}",
        f"{c.f1:.3f}",
        str(c.tp),
        str(c.fp),
        str(c.fn),
        str(c.support),
    )


HEADER = ("", "precision", "recall", "F1", "TP", "FP", "FN", "gold")


def rows(report: Report) -> tuple[list[tuple], list[tuple]]:
    kind_rows = [_row(kind, report.by_kind[kind]) for kind in report.kinds]
    kind_rows.append(_row("overall", report.overall))
    lang_rows = [_row(lang, report.by_lang[lang]) for lang in sorted(report.by_lang)]
    return kind_rows, lang_rows


def print_plain(report: Report) -> None:
    kind_rows, lang_rows = rows(report)
    print(f"== {report.name} ({report.records} adverts, {report.seconds:.2f}s)")
    widths = [max(len(str(r[i])) for r in [HEADER, *kind_rows, *lang_rows]) for i in range(len(HEADER))]

    def line(r):
        return "  ".join(
            str(v).ljust(widths[0]) if i == 0 else str(v).rjust(widths[i]) for i, v in enumerate(r)
        )

    print(line(HEADER))
    for r in kind_rows:
        print(line(r))
    print("-- per language")
    for r in lang_rows:
        print(line(r))
    print()


def print_markdown(report: Report) -> None:
    kind_rows, lang_rows = rows(report)
    print(f"### {report.name}\n")
    print(f"{report.records} adverts, {report.seconds:.2f} s.\n")
    head = ("kind", *HEADER[1:])
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
    for r in kind_rows:
        print("| " + " | ".join(r) + " |")
    print()
    head = ("language", *HEADER[1:])
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
    for r in lang_rows:
        print("| " + " | ".join(r) + " |")
    print()


def print_summary_markdown(reports: list[Report]) -> None:
    print("| system | scored kinds | precision | recall | F1 |")
    print("|---|---|---:|---:|---:|")
    for rep in reports:
        c = rep.overall
        print(f"| {rep.name} | {', '.join(rep.kinds)} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |")
    print()


def print_errors(report: Report, limit: int) -> None:
    for tag in ("FP", "FN"):
        errs = [e for e in report.errors if e[0] == tag]
        title = "false positives" if tag == "FP" else "false negatives"
        print(f"-- {report.name}: {title} ({len(errs)}, showing {min(limit, len(errs))})")
        for _, rid, key, text in errs[:limit]:
            print(f"{tag} {rid:10} {key:60} | {text}")
        print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="labelled JSONL file")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N FPs and N FNs")
    ap.add_argument("--baseline-only", action="store_true", help="score only the phonenumbers baseline")
    args = ap.parse_args(argv)

    records = load(args.data)
    reports = []
    if not args.baseline_only:
        try:
            predict = extractor_predictor()
        except ImportError as exc:
            print(f"cannot import graph.identifiers.extract ({exc}); use --baseline-only", file=sys.stderr)
            return 2
        reports.append(score(records, predict, "crosslink extract", SCORED_KINDS))
    reports.append(score(records, baseline_predict, "baseline PhoneNumberMatcher, phones only", ("phone",)))
    reports.append(score(records, baseline_predict, "baseline PhoneNumberMatcher, all kinds", SCORED_KINDS))

    if args.markdown:
        print_summary_markdown(reports)
        for rep in reports:
            print_markdown(rep)
    else:
        for rep in reports:
            print_plain(rep)
    if args.errors:
        print_errors(reports[0], args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
