"""The share of a synthetic corpus's adverts that the advert score reads as smuggling, by what was planted.

    python bench/indicator_synthetic.py --corpus DIR [--adverts 100000 --seed 1] [--every 5] [--json]

The hand-written labelled sets are half offers; a feed is not. The synthetic corpus (`crosslink synth`)
plants smuggling networks among benign organisations (ferries, schools, charities, newsrooms...),
businesses, job adverts, rentals and chatter, with nothing tuned on it, so the share of each read as
smuggling shows how the score treats the mix a feed has. Each advert is read as ingest reads it
(`graph.indicators.analyse`, the feed's language else the detected one); `--every N` reads one advert
in N. The corpus is generated in DIR when DIR holds none.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.indicators import analyse  # noqa: E402
from graph.synth import generate  # noqa: E402


def planted_kinds(truth: Path) -> dict[tuple[str, str], str]:
    """(platform, post id) -> what was planted: "smuggling", "benign" (an organisation) or the noise kind."""
    kinds = {}
    with truth.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            kinds[(record["platform"], record["post_id"])] = record.get("class") or record["kind"]
    return kinds


def shares(corpus: Path, every: int = 1) -> dict[str, dict[str, float]]:
    """Per planted kind: how many adverts were read and the share of them read as smuggling."""
    kinds = planted_kinds(corpus / "truth.jsonl")
    read: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    with (corpus / "adverts.jsonl").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % every:
                continue
            advert = json.loads(line)
            kind = kinds[(advert["platform"], advert["post_id"])]
            read[kind] += 1
            flagged[kind] += analyse(advert.get("text") or "", lang=advert.get("lang")).is_smuggling()
    return {kind: {"adverts": read[kind], "smuggling": flagged[kind] / read[kind]} for kind in sorted(read)}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="corpus folder (generated when empty)")
    parser.add_argument("--adverts", type=int, default=100_000, help="adverts to generate (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--every", type=int, default=1, help="read one advert in N (default 1)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    args = parser.parse_args(argv)
    if args.every < 1:
        parser.error("--every must be 1 or more")
    if not (args.corpus / "truth.jsonl").exists():
        generate(args.corpus, adverts=args.adverts, seed=args.seed)
    found = shares(args.corpus, args.every)
    if args.json:
        print(json.dumps(found))
        return
    print("| planted | adverts read | read as smuggling |\n|---|---:|---:|")
    for kind, row in found.items():
        print(f"| {kind} | {row['adverts']} | {row['smuggling']:.3f} |")


if __name__ == "__main__":
    main()
