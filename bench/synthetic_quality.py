"""Extraction quality on a synthetic corpus, against the identifiers planted in it by construction.

    python bench/synthetic_quality.py --adverts 20000 --seed 5 [--corpus DIR] [--errors N]

Generates the corpus with `crosslink synth` (unless `--corpus` names one), runs `extract()` on every
advert and prints Markdown tables of precision and recall per kind, per language and per written form,
and how many extracted keys belong to another planted network (a false link between networks).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.synth import generate  # noqa: E402
from graph.synth.score import Counts, score  # noqa: E402


def table(title: str, rows: dict[str, Counts]) -> None:
    print(f"\n| {title} | precision | recall | TP | FP | FN |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, counts in sorted(rows.items()):
        rates = f"{counts.precision:.4f} | {counts.recall:.4f}"
        print(f"| {name} | {rates} | {counts.tp} | {counts.fp} | {counts.fn} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="an existing corpus folder")
    parser.add_argument("--errors", type=int, default=0, help="print up to N misses and false positives")
    args = parser.parse_args()
    corpus = args.corpus or ROOT / "var" / "bench" / f"corpus-{args.adverts}-{args.seed}"
    if not (corpus / "adverts.jsonl").exists():
        generate(corpus, adverts=args.adverts, seed=args.seed)
    result = score(corpus)
    print(
        f"{result.adverts:,} synthetic adverts from {corpus.name}; scored kinds phone, handle, payment, email"
    )
    table("overall", {"all kinds": result.overall})
    table("kind", dict(result.kinds))
    table("language", dict(result.languages))
    table("written form", dict(result.forms))
    print(f"\nkeys extracted that another planted network owns: {len(result.cross_network)}")
    for miss in result.misses[: args.errors]:
        print(f"FN {miss.post_id} {miss.lang} {miss.key} [{miss.form}] | {miss.text[:160]!r}")
    for miss in result.false_positives[: args.errors]:
        print(f"FP {miss.post_id} {miss.lang} {miss.key} | {miss.text[:160]!r}")


if __name__ == "__main__":
    main()
