"""Extraction's worst case: CPU time against text length for families of hostile text.

    python bench/extraction_worst_case.py [--sizes 1000,10000,100000] [--runs 3] [--region FR]
    python bench/extraction_worst_case.py --code /path/to/other/checkout --sizes 1000,2000,4000

Each family is one way a long advert can be built to make a reader stall: digits spaced out, runs of
national-format pairs, Arabic-Indic digits, keycap emoji, look-alike letters, long runs of @handles,
addresses, links, labels, blanks. For each family and length the median CPU time of `extract()` over
`--runs` runs is printed, beside the time a benign advert of the same length takes (the labelled adverts
run together) measured in the same run, and the ratio of the longest length's time to the one ten
times shorter. CPU time (not wall time) is reported, so that other work on a shared machine disturbs
the figures less. `--code` imports Crosslink from another checkout, to measure an earlier version.
The targets: every family under 1 s at 100,000 characters, and 100,000 costing at most 12x 10,000.
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
LABELLED = ROOT / "tests" / "data" / "labelled_adverts.jsonl"
TARGET_SECONDS = 1.0
TARGET_RATIO = 12.0


def repeated(unit: str) -> Callable[[int], str]:
    """A family made of one unit written over and over."""

    def build(length: int) -> str:
        return (unit * (length // len(unit) + 1))[:length]

    return build


def random_digits(separators: str, digits: str = "0123456789") -> Callable[[int], str]:
    """Random digits, one separator after each: nothing repeats, so no cache helps."""

    def build(length: int) -> str:
        rnd = random.Random(length)
        return "".join(rnd.choice(digits) + rnd.choice(separators) for _ in range(length // 2 + 1))[:length]

    return build


def random_handles(length: int) -> str:
    rnd = random.Random(length)
    out: list[str] = []
    while sum(map(len, out)) < length:
        out.append(
            "@" + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789_.") for _ in range(12)) + " "
        )
    return "".join(out)[:length]


def benign(length: int) -> str:
    """The labelled adverts run together: the cost of an ordinary text of this length."""
    texts = [
        json.loads(line)["text"] for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return repeated("\n".join(texts) + "\n")(length)


FAMILIES: dict[str, Callable[[int], str]] = {
    "spaced digits": repeated("1 2-3.4 5 "),
    "spaced random digits": random_digits(" -."),
    "national pairs": repeated("06 12 34 56 78 "),
    "random pairs, commas": random_digits(", "),
    "Arabic-Indic digits": repeated("٠٦ ١٢ ٣٤ ٥٦ ٧٨ "),
    "Persian digits, random": random_digits(" ", "۰۱۲۳۴۵۶۷۸۹"),
    "keycap emoji": repeated("0\ufe0f\u20e36\ufe0f\u20e3 1\ufe0f\u20e3 "),
    "look-alike letters": repeated("O6 l8 ll 57 47 "),
    "number words": repeated("zero seven four double eight "),
    "international, plus": repeated("+44 7400 "),
    "double zero": repeated("00 4 4 7 "),
    "cue words and digits": repeated("whatsapp 4 4 7 4 0 "),
    "flags and numbers": repeated("🇬🇧 07400 123456 "),
    "country names": repeated("France Tunisie UK Italia 06 "),
    "prices and dates": repeated("£1,200 05/11/2024 14:30 "),
    "hash signs and digits": repeated("#7"),
    "digits and dashes": repeated("7-"),
    "digits and ticks": repeated("07 ✅ 4 "),
    "@handles": repeated("@boat_uk1 "),
    "@handles, random": random_handles,
    "labelled handles": repeated("tg: @name_1 insta: sara.travel "),
    "labels with endings and articles": repeated("Telegram'dan @name_1 الانستا 👈 sara.travel سناپ: snap: "),
    "look-alike and styled labels": repeated("Теlеgrаm: @name_1 𝐓𝐞𝐥𝐞𝐠𝐫𝐚𝐦 @𝐧𝐚𝐦𝐞 Τelegram: "),
    "defanged links": repeated("t . me / name_1 wa(.)me/447400 tiktok dot com slash @a "),
    "numbers glued to labels": repeated("WhatsApp+4474001 "),
    "emails": repeated("a.b@example.com "),
    "bracketed emails": repeated("sara [at] gmail [dot] com "),
    "spoken emails": repeated("sara at gmail dot com "),
    "links": repeated("https://wa.me/447400123456 "),
    "bare domains": repeated("boats.example.co.uk/x "),
    "payment tags": repeated("revolut: @boatpay paypal.me/boat $cashtag "),
    "tags after service names": repeated("PayPal @boat1 paypal: Boat Revtag boat_ Cash App $Boat Wise @b "),
    "service names joined by dashes": repeated("paypal-"),
    "cashtags among Cash App labels": repeated("cash app: x $Boat "),
    "service names alone": repeated("PayPal PayPal'dan pay-pal Cash App revolut بايبال "),
    "repeat words and digits": repeated("double 8 triple zero 07 treble 4 "),
    "digit words of other languages": repeated("sıfır beş üç bir 2 doppio sette دبل ٥ έξι bir "),
    "lone everyday digit words": repeated("2 bir kişi due 07 دو "),
    "arrows after service names": repeated("PayPal 👉 @boat1 Revolut ➡️ boat PayPal => 👇 "),
    "handles ending in _": repeated("@boat_uk_ tiktok: @road_ "),
    "IBAN-like": repeated("GB82 WEST 1234 5698 7654 32 "),
    "IBAN-like, dashes and lines": repeated("GB82-WEST-1234\n5698-7654-32\n"),
    "wallet-like": repeated("1BoatBoatBoatBoatBoatBoatBoat "),
    "blanks": repeated(" "),
    "one long word": repeated("a"),
    "dots": repeated("a."),
    "at signs": repeated("@"),
}


def cpu_seconds(extract: Callable[..., object], text: str, region: str | None, runs: int) -> float:
    """The median CPU time of `runs` extractions of `text`."""
    times = []
    gc.collect()  # each measurement starts from the same collector state, whatever ran before it
    for _ in range(runs):
        start = time.process_time()
        extract(text, platform="telegram", region=region)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="text lengths, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is kept)")
    parser.add_argument("--region", default="FR", help="the advert's region ('' for none)")
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to import Crosslink from")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    from graph.identifiers import extract

    sizes = [int(size) for size in args.sizes.split(",")]
    region = args.region or None
    families = {name: FAMILIES[name] for name in args.family} if args.family else FAMILIES
    extract("warm up: +44 7400 123456 a@b.com https://x.com", region=region)
    print(
        f"# extraction worst case: {platform.node()}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, region {region}, median of {args.runs} runs, CPU seconds"
    )
    print(f"# code: {args.code.resolve()}")
    header = ["family"] + [f"{size:,}" for size in sizes] + [f"x benign@{sizes[-1]:,}", "ratio", "verdict"]
    print(" | ".join(header))
    benign_times = {size: cpu_seconds(extract, benign(size), region, args.runs) for size in sizes}
    print(
        " | ".join(
            ["benign (labelled adverts)"] + [f"{benign_times[s]:.4f}" for s in sizes] + ["1.0", "", ""]
        )
    )
    failures = 0
    for name, build in families.items():
        times = {size: cpu_seconds(extract, build(size), region, args.runs) for size in sizes}
        longest = sizes[-1]
        tenth = longest // 10
        ratio = times[longest] / max(times[tenth], 1e-6) if tenth in times else None
        ok = longest < 100_000 or times[longest] < TARGET_SECONDS
        ok = ok and (ratio is None or ratio <= TARGET_RATIO)
        failures += not ok
        row = [name] + [f"{times[s]:.4f}" for s in sizes]
        row += [
            f"{times[longest] / max(benign_times[longest], 1e-6):.1f}",
            f"{ratio:.1f}" if ratio else "",
            "ok" if ok else "MISSED",
        ]
        print(" | ".join(row), flush=True)
    print(f"# {failures} of {len(families)} families missed a target")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
