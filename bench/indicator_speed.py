"""Indicator matching and language detection: CPU time against text length for families of hostile text.

    python bench/indicator_speed.py [--sizes 10000,100000,1000000] [--runs 5] [--family NAME ...]

Each family is one way a long advert can be built to make the matcher stall or flood it with hits:
every lexicon term written out (a hit at every word), the terms run together with no space (every match
refused at a word boundary), starred terms going on for ever, Arabic with a mark on every letter,
Arabizi words, emoji with selectors and skin tones, words spelt out letter by letter, Cyrillic
look-alikes in Latin words, marks alone, blanks, one long word (alone, or with a digit or a Cyrillic
letter after it, which sends it through the passes that read mixed words), random text of every
script. For each family and length the median CPU time of `analyse()` over `--runs` runs is printed,
beside the time of the development adverts run together, with the ratio of the longest length's time to
the one ten times shorter, then the same for `graph.language.detect()`. The targets: every family well
under 1 s at 100,000 characters (TARGET_SECONDS), and ten times the text costing at most 15x (linear,
with room for the memory caches a longer text outgrows).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.indicators import analyse  # noqa: E402
from graph.indicators.lexicon import load_all  # noqa: E402
from graph.language import detect  # noqa: E402

DEV = ROOT / "tests" / "graph" / "indicators" / "dev_adverts.jsonl"
TARGET_SECONDS = 0.5
TARGET_RATIO = 15.0


def repeated(unit: str) -> Callable[[int], str]:
    """A family made of one unit written over and over."""

    def build(length: int) -> str:
        return (unit * (length // len(unit) + 1))[:length]

    return build


def random_text(alphabet: str) -> Callable[[int], str]:
    """Random characters of `alphabet`: nothing repeats, so no cache helps."""

    def build(length: int) -> str:
        rnd = random.Random(length)
        return "".join(rnd.choice(alphabet) for _ in range(length))

    return build


def random_unicode(length: int) -> str:
    rnd = random.Random(length)
    return "".join(
        chr(rnd.choice([rnd.randrange(32, 0x2FFF), rnd.randrange(0x1F300, 0x1FAFF)])) for _ in range(length)
    )


def terms() -> list[str]:
    """Every spelling of every installed lexicon term, as the files write them."""
    return [term.text.removesuffix("*") for lexicon in load_all() for term in lexicon.terms]


def dev_adverts(length: int) -> str:
    """The development adverts run together: the cost of an ordinary text of this length."""
    texts = [
        json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return repeated("\n".join(texts) + "\n")(length)


FAMILIES: dict[str, Callable[[int], str]] = {
    "every term, spaced": lambda n: repeated(" ".join(terms()) + " ")(n),
    "every term, run together": lambda n: repeated("".join(terms()))(n),
    "starred terms going on": lambda n: repeated(" ".join(t + "ç" * 50 for t in terms()) + " ")(n),
    "Arabic with marks": repeated("حَرْقَةٌ وَالْحَرْقَةُ بِالْبَحْرِ ـــ "),
    "Arabic proclitics": repeated("وال"),
    "Arabizi words": repeated("7arga 7ar9a 5ouya 3ala b8orba 2020x "),
    "Arabizi, one word": repeated("7a"),
    "emoji, selectors, tones": repeated("🛥️🚤🏽🇬🇧➡️🇫🇷💶 "),
    "spelt out": repeated("p.a.s.s.e.u.r b o z a "),
    "single letters": repeated("a "),
    "look-alikes": repeated("pаsseur ΡΑSSEUR "),
    "marks alone": repeated("\u0301\u064e"),
    "zero-width": repeated("a\u200b\u200c\u200d"),
    "blanks": repeated(" \n\t"),
    "one long word": repeated("a"),
    "one long word, then a digit": lambda n: "a" * (n - 2) + " 7",
    "one long word, then Cyrillic": lambda n: "a" * (n - 2) + " б",
    "random Latin": random_text("abcdefghijklmnopqrstuvwxyzçşıéè0123456789 "),
    "random Unicode": random_unicode,
}


def cpu_seconds(function: Callable[[str], object], text: str, runs: int) -> float:
    """The median CPU time of `runs` calls of `function` on `text`."""
    times = []
    gc.collect()
    for _ in range(runs):
        start = time.process_time()
        function(text)
        times.append(time.process_time() - start)
    return statistics.median(times)


def table(name: str, function: Callable[[str], object], sizes: list[int], runs: int, families: dict) -> int:
    """Print one function's table; the number of families that missed a target."""
    print(f"\n## {name}: median of {runs} runs, CPU seconds")
    print(" | ".join(["family"] + [f"{size:,}" for size in sizes] + ["x dev adverts", "ratio", "verdict"]))
    base = {size: cpu_seconds(function, dev_adverts(size), runs) for size in sizes}
    print(" | ".join(["dev adverts run together"] + [f"{base[s]:.4f}" for s in sizes] + ["1.0", "", ""]))
    failures = 0
    for family, build in families.items():
        times = {size: cpu_seconds(function, build(size), runs) for size in sizes}
        longest, tenth = sizes[-1], sizes[-1] // 10
        ratio = times[longest] / max(times[tenth], 1e-4) if tenth in times else None
        # The time target is at 100,000 characters, whatever the longest length measured.
        ok = times.get(100_000, 0.0) < TARGET_SECONDS and (ratio is None or ratio <= TARGET_RATIO)
        failures += not ok
        row = [family] + [f"{times[s]:.4f}" for s in sizes]
        row += [f"{times[longest] / max(base[longest], 1e-6):.1f}", f"{ratio:.1f}" if ratio else ""]
        print(" | ".join([*row, "ok" if ok else "MISSED"]), flush=True)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="text lengths, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (the median is kept)")
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    families = {name: FAMILIES[name] for name in args.family} if args.family else FAMILIES
    analyse("warm up: passeur 7arga 🛥️")
    detect("warm up the language model with a sentence")
    print(
        f"# indicator speed: {platform.node()}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, {len(terms())} lexicon spellings"
    )
    failures = table("analyse()", analyse, sizes, args.runs, families)
    failures += table("language.detect()", detect, sizes, args.runs, families)
    print(f"\n# {failures} family measurements missed a target")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
