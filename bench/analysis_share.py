"""What reading an advert's language and indicators adds to ingest's extraction step, on one core.

    python bench/analysis_share.py --corpus var/bench/corpus-20000-1 [--adverts 5000] [--runs 5]

The extraction step of `crosslink ingest` (a worker process per core) reads each advert's identifiers
and template signature; it now also runs `graph.store.analysis_properties` (language detection when the
feed gives none, the indicator matcher). This times each part over the same synthetic adverts, one after
the other, run after run, and reports the medians per advert: the identifiers, the template signature
(given the identifiers' spans), the two together, the analysis with the feed's language, the analysis
detecting the language, the language detection alone, and the worker's whole `extract()` (identifiers,
signature and analysis of each advert in turn) and `extract_many()` over batches of BATCH adverts, as
ingest's worker runs them (ingest's default batch size). The corpus is made with
`crosslink synth` (its adverts.jsonl) when the folder holds none.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph import language  # noqa: E402
from graph.advert import Advert, parse_advert  # noqa: E402
from graph.evidence import find_mentions  # noqa: E402
from graph.ingest import DEFAULT_BATCH_SIZE  # noqa: E402
from graph.store import analysis_properties, extract, extract_many  # noqa: E402
from graph.synth import generate  # noqa: E402
from graph.templates import signature  # noqa: E402

BATCH = DEFAULT_BATCH_SIZE


def read(corpus: Path, count: int) -> list[Advert]:
    """The first `count` adverts of the corpus (generated there, 20,000 adverts, when missing)."""
    path = corpus / "adverts.jsonl"
    if not path.exists():
        generate(corpus, adverts=max(count, 20_000), seed=1)
    with path.open(encoding="utf-8") as lines:
        return [parse_advert(json.loads(line)) for line in itertools.islice(lines, count)]


def identifiers_alone(adverts: list[Advert]) -> None:
    for advert in adverts:
        find_mentions(advert.text, platform=advert.platform, region=advert.region)


def template_alone(adverts: list[Advert], spans: list[list[tuple[int, int]]]) -> None:
    for advert, found in zip(adverts, spans, strict=True):
        signature(advert.text, found)


def identifiers(adverts: list[Advert]) -> None:
    for advert in adverts:
        mentions, _ = find_mentions(advert.text, platform=advert.platform, region=advert.region)
        signature(advert.text, [span for mention in mentions for span in mention.spans])


def analysed(adverts: list[Advert]) -> None:
    for advert in adverts:
        analysis_properties(advert.text, advert.lang)


def detected(adverts: list[Advert]) -> None:
    for advert in adverts:
        analysis_properties(advert.text, None)


def detection_alone(adverts: list[Advert]) -> None:
    for advert in adverts:
        language.detect(advert.text)


def extracted(adverts: list[Advert]) -> None:
    for advert in adverts:
        extract(advert.text, advert.platform, advert.region, advert.lang)


def extracted_in_batches(adverts: list[Advert]) -> None:
    rows = [(advert.text, advert.platform, advert.region, advert.lang) for advert in adverts]
    for start in range(0, len(rows), BATCH):
        extract_many(rows[start : start + BATCH])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "var" / "bench" / "corpus-20000-1")
    parser.add_argument("--adverts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    adverts = read(args.corpus, args.adverts)
    detected(adverts[:10])  # load the lexicons and the language model before any timing
    spans = [
        [
            span
            for mention in find_mentions(a.text, platform=a.platform, region=a.region)[0]
            for span in mention.spans
        ]
        for a in adverts
    ]
    steps: dict[str, Callable[[list[Advert]], None]] = {
        "identifiers": identifiers_alone,
        "template signature": lambda adverts: template_alone(adverts, spans),
        "identifiers and template": identifiers,
        "analysis, the feed's language": analysed,
        "analysis, language detected": detected,
        "language detection alone": detection_alone,
        "extract(), advert by advert": extracted,
        "extract_many(), the worker's whole step": extracted_in_batches,
    }
    seconds: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(args.runs):
        for name, step in steps.items():
            start = time.process_time()
            step(adverts)
            seconds[name].append(time.process_time() - start)
    base = statistics.median(seconds["identifiers and template"])
    print(
        f"{len(adverts):,} adverts ({sum(1 for a in adverts if a.lang):,} with the feed's language), CPU "
        f"time, median of {args.runs} runs, one core ({platform.machine()}, Python "
        f"{platform.python_version()}):\n"
    )
    print("| step | µs per advert | of identifiers and template |\n|---|---:|---:|")
    for name, runs in seconds.items():
        median = statistics.median(runs)
        print(f"| {name} | {median * 1e6 / len(adverts):.0f} | {median / base:.0%} |")


if __name__ == "__main__":
    main()
