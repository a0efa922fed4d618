"""Extraction speed: adverts per second on one core, beside PhoneNumberMatcher on the same texts.

    python bench/extraction_speed.py [--adverts 10000] [--runs 5]

The texts are the hand-labelled adverts, cycled (and padded or cut to about 300 characters) so the
mix of languages and obfuscations is the one the quality figures come from. Both timings run in the
same process, one after the other, run after run, so machine noise hits both alike; the median of
the runs is reported.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import phonenumbers

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.identifiers import extract  # noqa: E402

DATA = ROOT / "tests" / "data" / "labelled_adverts.jsonl"
TARGET_LENGTH = 300


def load_adverts(count: int) -> list[dict]:
    """`count` adverts of about 300 characters, built from the labelled set."""
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    adverts = []
    for record, filler in zip(itertools.islice(itertools.cycle(records), count), itertools.cycle(records)):
        text = record["text"]
        while len(text) < TARGET_LENGTH:
            text = f"{text}\n{filler['text']}"
        adverts.append(
            {"text": text[:TARGET_LENGTH], "platform": record["platform"], "region": record["region"]}
        )
    return adverts


def time_crosslink(adverts: list[dict]) -> float:
    start = time.perf_counter()
    for advert in adverts:
        extract(advert["text"], platform=advert["platform"], region=advert["region"])
    return time.perf_counter() - start


def time_matcher(adverts: list[dict]) -> float:
    start = time.perf_counter()
    for advert in adverts:
        list(phonenumbers.PhoneNumberMatcher(advert["text"], advert["region"] or "ZZ"))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    adverts = load_adverts(args.adverts)
    mean_length = statistics.mean(len(a["text"]) for a in adverts)
    time_crosslink(adverts[:200])  # warm caches and imports before timing
    ours, baseline = [], []
    for _ in range(args.runs):
        ours.append(len(adverts) / time_crosslink(adverts))
        baseline.append(len(adverts) / time_matcher(adverts))
    print(
        f"machine: {platform.processor() or platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, one process"
    )
    print(f"adverts: {len(adverts)} of {mean_length:.0f} characters on average; runs: {args.runs}")
    print("| extractor | adverts/s (median) | min | max |")
    print("|---|---:|---:|---:|")
    for name, rates in (("crosslink extract()", ours), ("PhoneNumberMatcher alone", baseline)):
        print(f"| {name} | {statistics.median(rates):,.0f} | {min(rates):,.0f} | {max(rates):,.0f} |")


if __name__ == "__main__":
    main()
