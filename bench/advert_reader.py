"""How fast the JSON Lines reader validates lines: `graph.advert.parse_line` over a corpus file, no Neo4j.

    python bench/advert_reader.py var/corpus/adverts.jsonl --rounds 5
    python bench/advert_reader.py var/corpus/adverts.jsonl --tree /path/to/other/checkout

Each round reads every line of the file (already in memory, so the disk is not measured) into an Advert
or a Reject; the median of the rounds is reported in lines per second and microseconds per line, with the
counts of adverts and rejects (which must not change between two versions of the reader on the same
file). `--tree` imports `graph` from another checkout instead of this one, to compare two versions.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", type=Path, help="a JSON Lines file of adverts (`crosslink synth` writes one)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tree", type=Path, help="the checkout whose graph package is measured")
    args = parser.parse_args()
    sys.path.insert(0, str((args.tree or Path(__file__).resolve().parent.parent).resolve()))
    from graph.advert import Advert, Line, Reject, parse_line

    data = [Line(str(args.file), n, raw) for n, raw in enumerate(args.file.read_bytes().splitlines(), 1)]
    seconds = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        parsed = [parse_line(line) for line in data]
        seconds.append(time.perf_counter() - start)
    adverts = sum(isinstance(p, Advert) for p in parsed)
    median = statistics.median(seconds)
    print(
        json.dumps(
            {
                "tree": str(args.tree or "."),
                "lines": len(data),
                "adverts": adverts,
                "rejects": sum(isinstance(p, Reject) for p in parsed),
                "rounds": [round(s, 3) for s in seconds],
                "lines_per_second": round(len(data) / median),
                "microseconds_per_line": round(median / len(data) * 1e6, 1),
                "python": platform.python_version(),
                "machine": platform.machine(),
            }
        )
    )


if __name__ == "__main__":
    main()
