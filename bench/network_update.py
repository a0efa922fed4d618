"""When is one rebuild cheaper than an incremental update? The threshold of `graph.networks.catch_up`.

    NEO4J_URI=... NEO4J_PASSWORD=... python bench/network_update.py [--sizes 1000,10000,50000] [--rounds 3]

On a loaded graph (networks built), times `update` from N advert keys sampled at random (the adverts a
run wrote, as catch_up passes them), for each N, against a full `rebuild`, alternating them round by
round (a shared machine drifts). Both write only what changed, so every round starts from the same
networks. Prints a Markdown table of medians, and the threshold past which `catch_up` rebuilds.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.config import Settings  # noqa: E402
from graph.db import connect  # noqa: E402
from graph.networks import rebuild, update  # noqa: E402
from graph.networks.pending import rebuild_threshold  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    random.seed(args.seed)
    settings = Settings.from_env()
    driver = connect(settings)
    database = settings.database
    records, _, _ = driver.execute_query("MATCH (a:Advert) RETURN a.key AS key", database_=database)
    keys = [r["key"] for r in records]
    rebuild(driver, database)  # the starting point: networks as a rebuild leaves them
    times: dict[str, list[float]] = {"rebuild": [], **{f"update {n:,}": [] for n in sizes}}
    read: dict[str, list[int]] = {name: [] for name in times}
    for _ in range(args.rounds):
        for n in sizes:
            started = time.perf_counter()
            report = update(driver, database, random.sample(keys, n))
            times[f"update {n:,}"].append(time.perf_counter() - started)
            read[f"update {n:,}"].append(report.adverts_read)
        started = time.perf_counter()
        report = rebuild(driver, database)
        times["rebuild"].append(time.perf_counter() - started)
        read["rebuild"].append(report.adverts_read)
    driver.close()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; graph: {len(keys):,} adverts; "
        f"{args.rounds} rounds; catch_up rebuilds past {rebuild_threshold(len(keys)):,} adverts"
    )
    print("| recompute | median s | runs s | adverts read (median) |")
    print("|---|---:|---|---:|")
    for name, values in times.items():
        runs = ", ".join(f"{v:.1f}" for v in values)
        print(f"| {name} | {statistics.median(values):.1f} | {runs} | {statistics.median(read[name]):,.0f} |")


if __name__ == "__main__":
    main()
