"""Where an API request's time goes beyond Neo4j's: GraphQL resolving, and each driver's cost per read.

    NEO4J_URI=... NEO4J_PASSWORD=... python bench/api_breakdown.py [--requests 200] [--only QUESTION]

`bench/api_latency.py` measures the whole request over HTTP against a bare replay of its reads. This
takes the request apart, in one process, on the same graph and the same questions:

1. the question run in-process through the API's schema (`schema.execute`, no HTTP), recording its
   reads: CPU and wall time of the whole execution;
2. each recorded read run again by itself, five ways in turn, read by read, so that the machine's
   drift falls on all five alike: through the API's `AsyncReader` (asyncio driver, a managed read
   transaction, records turned into Python values) and the blocking `Reader` (the same but for the
   driver); bare through the blocking driver in a managed transaction, records fetched and left as they
   are (the "bare" figure of `api_latency.py`); and bare through each driver in an auto-commit
   transaction (one round trip instead of three: BEGIN, RUN with PULL, COMMIT).

Per question it prints the execution's CPU against the sum of its reads' CPU (the difference is the
GraphQL layer's resolving, validation and loaders); per read, the five ways' median wall and CPU.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import uvloop

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api_latency import (  # noqa: E402 - the same questions and samples as the latency benchmark
    QUESTIONS,
    Recorder,
    questions,
)

from api.graphql.context import Context  # noqa: E402
from api.graphql.schema import build_schema  # noqa: E402
from graph import cypher  # noqa: E402
from graph.config import Settings  # noqa: E402
from graph.db import QUIET, connect, connect_async  # noqa: E402
from graph.read.reader import AsyncReader, Reader, complete  # noqa: E402

Read = tuple[str, dict[str, Any]]
WAYS = (
    "API's AsyncReader",
    "blocking Reader",
    "bare: blocking, managed",
    "async, auto-commit",
    "blocking, auto-commit",
)


async def execute(
    schema: Any, context: Callable[[], Context], query: str, variables: Callable[[], dict[str, Any]], n: int
) -> tuple[list[float], list[float], list[list[Read]]]:
    """CPU and wall seconds of `n` in-process executions after a warm-up, and the reads each ran."""
    recorder = Recorder()
    try:
        for _ in range(20):
            result = await schema.execute(query, variable_values=variables(), context_value=context())
            if result.errors:
                raise SystemExit(f"the question failed: {result.errors}")
        recorder.take()
        cpus, walls, reads = [], [], []
        for _ in range(n):
            values = variables()
            started, cpu = time.perf_counter(), time.process_time()
            await schema.execute(query, variable_values=values, context_value=context())
            cpus.append(time.process_time() - cpu)
            walls.append(time.perf_counter() - started)
            reads.append(recorder.take()[0])
        return cpus, walls, reads
    finally:
        recorder.restore()


async def each_way(
    reads: list[Read], reader: AsyncReader, adriver: neo4j.AsyncDriver, driver: neo4j.Driver, database: str
) -> dict[str, dict[str, list[tuple[float, float]]]]:
    """Per read name and way, (wall, CPU) seconds of each read run alone."""
    options = {
        "database": database,
        "default_access_mode": neo4j.READ_ACCESS,
        "notifications_disabled_classifications": QUIET,
    }
    times: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    blocking_reader = Reader(driver, database)

    async def async_auto(query: str, values: dict[str, Any]) -> None:
        async with adriver.session(**options) as session:
            result = await session.run(query, values)
            [record async for record in result]

    def blocking(query: str, values: dict[str, Any], *, managed: bool) -> None:
        with driver.session(**options) as session:
            if managed:
                session.execute_read(lambda tx: list(tx.run(query, values)))
            else:
                list(session.run(query, values))

    async def run(way: str, name: str, parameters: dict[str, Any]) -> None:
        slots = parameters.get("slots")
        query = cypher.variant(name, **slots) if slots else cypher.load(name)
        values = {k: v for k, v in parameters.items() if k != "slots"}
        if way == WAYS[0]:
            await reader.rows(name, **parameters)
        elif way == WAYS[1]:
            complete(blocking_reader.rows(name, **parameters))
        elif way == WAYS[2]:
            blocking(query, values, managed=True)
        elif way == WAYS[3]:
            await async_auto(query, values)
        else:
            blocking(query, values, managed=False)

    for name, parameters in reads:
        for way in WAYS:
            started, cpu = time.perf_counter(), time.process_time()
            await run(way, name, parameters)
            times[name][way].append((time.perf_counter() - started, time.process_time() - cpu))
    return times


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.2f}"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", action="append", choices=QUESTIONS, help="this question only (repeatable)")
    args = parser.parse_args()
    random.seed(args.seed)
    settings = Settings.from_env()
    driver = connect(settings)
    adriver = await connect_async(settings)
    database = settings.database
    schema = build_schema()
    asked = questions(driver, database)
    gc.collect()
    gc.freeze()  # as the API's start-up does

    def context() -> Context:
        reader = AsyncReader(adriver, database)
        return Context(api_key=None, driver=driver, database=database, reader=reader, audit=None)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; {args.requests} executions per question")
    try:
        for name in [q for q in QUESTIONS if q in (args.only or QUESTIONS)]:
            query, variables = asked[name]
            cpus, walls, reads = await execute(schema, context, query, variables, args.requests)
            flat = [read for request in reads for read in request]
            times = await each_way(flat, AsyncReader(adriver, database), adriver, driver, database)
            reads_cpu = sum(
                statistics.median(t[1] for t in times[n][WAYS[0]]) * len(times[n][WAYS[0]]) / len(reads)
                for n in times
            )
            print(
                f"\n{name}: executed in-process, CPU {ms(cpus)} ms, wall {ms(walls)} ms (p50); its reads "
                f"through the API's reader, CPU {reads_cpu * 1000:.2f} ms per request (sum of medians)"
            )
            print("| read | reads/request | " + " | ".join(f"{w} wall / CPU ms" for w in WAYS) + " |")
            print("|---|---:|" + "---:|" * len(WAYS))
            for read, by_way in times.items():
                cells = " | ".join(
                    f"{ms([t[0] for t in by_way[w]])} / {ms([t[1] for t in by_way[w]])}" for w in WAYS
                )
                print(f"| {read} | {len(by_way[WAYS[0]]) / len(reads):.1f} | {cells} |")
    finally:
        await adriver.close()
        driver.close()


if __name__ == "__main__":
    uvloop.run(main())
