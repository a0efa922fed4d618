"""Where an API request's time goes beyond Neo4j's: the GraphQL layer, and each driver's cost per read.

    NEO4J_URI=... NEO4J_PASSWORD=... python bench/api_breakdown.py [--requests 200] [--only QUESTION]

`bench/api_latency.py` measures the whole request over HTTP against a bare replay of its reads. This
takes the request apart, in one process, on the same graph and the same questions:

1. the question executed through the API's schema (`schema.execute`, no HTTP), its reads recorded with
   their rows: CPU and wall time of the whole execution;
2. the same requests executed again with each read answered from the recorded rows instead of Neo4j:
   the CPU of the GraphQL layer alone (parsing and validation from the caches, resolvers, loaders, value
   completion), checked to give the same answers;
3. each recorded read run by itself six ways, read by read, the order of the ways rotated from one read
   to the next, so that neither the machine's drift nor going first favours one way: through the API's
   `AsyncReader` (asyncio driver, managed read transaction, records turned into Python values, a
   timeout) and the blocking `Reader` (the same but for the driver); bare, records fetched and left as
   they are, through either driver in a managed read transaction (BEGIN, RUN with PULL, COMMIT: three
   round trips) and in an auto-commit one (one round trip). Every way opens a session per read; the
   bare replay of `api_latency.py` is the blocking managed way in one session for all its reads.
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
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import neo4j
import strawberry
import uvloop

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api_latency import QUESTIONS, bare_query, question_options, questions  # noqa: E402 - the same questions and samples

from api.graphql.context import Context  # noqa: E402
from api.graphql.schema import build_schema  # noqa: E402
from graph.config import Settings  # noqa: E402
from graph.crosslink import Crosslink  # noqa: E402
from graph.db import QUIET, connect, connect_async  # noqa: E402
from graph.read.reader import AsyncReader, Reader, complete  # noqa: E402

# A read as a request ran it: the query's name and its parameters, and the rows it returned.
Read = tuple[str, dict[str, Any], list[dict[str, Any]]]
Timings = dict[str, dict[str, list[tuple[float, float]]]]  # read name -> way -> (wall, CPU) seconds


class Rows:
    """Records every read's rows (wrapping AsyncReader.rows), or answers reads from recorded rows."""

    def __init__(self) -> None:
        self.recorded: list[Read] = []
        self.answers: dict[tuple[str, str], list[dict[str, Any]]] | None = None
        self._original = original = AsyncReader.rows
        rows = self

        async def wrapped(reader: AsyncReader, name: str, **parameters: Any) -> list[dict[str, Any]]:
            if rows.answers is not None:
                return rows.answers[_key(name, parameters)]
            found = await original(reader, name, **parameters)
            rows.recorded.append((name, parameters, found))
            return found

        AsyncReader.rows = wrapped  # type: ignore[method-assign]

    def take(self) -> list[Read]:
        taken, self.recorded = self.recorded, []
        return taken

    def answer_from(self, reads: list[Read] | None) -> None:
        """Answer reads from these (None: read Neo4j again), found by the query's name and parameters."""
        self.answers = None if reads is None else {_key(n, p): r for n, p, r in reads}

    def restore(self) -> None:
        AsyncReader.rows = self._original  # type: ignore[method-assign]


def _key(name: str, parameters: dict[str, Any]) -> tuple[str, str]:
    """A read's identity for answering it again. A loader's batch collects its keys in the order the
    resolvers ask, which concurrent reads finishing first can change; the batch functions match rows
    to keys, so a batch of the same keys in another order is the same read."""
    canonical = {k: sorted(v, key=repr) if isinstance(v, list) else v for k, v in parameters.items()}
    return name, repr(sorted(canonical.items()))


async def execute(
    schema: strawberry.Schema,
    context: Callable[[], Context],
    query: str,
    variables: Callable[[], dict[str, Any]],
    n: int,
) -> tuple[list[float], list[float], list[float], list[list[Read]]]:
    """CPU and wall seconds of `n` executions after a warm-up, the CPU of each again with its reads
    answered from memory (none when the answers from memory do not fit), and the reads each ran."""
    rows = Rows()
    try:
        for _ in range(20):
            await _run(schema, context, query, variables())
        rows.take()
        cpus, walls, asked = [], [], []
        for _ in range(n):
            values = variables()
            started, cpu = time.perf_counter(), time.process_time()
            data = await _run(schema, context, query, values)
            cpus.append(time.process_time() - cpu)
            walls.append(time.perf_counter() - started)
            asked.append((values, data, rows.take()))
        alone: list[float] = []
        for values, data, reads in asked:
            rows.answer_from(reads)
            cpu = time.process_time()
            again = await schema.execute(query, variable_values=values, context_value=context())
            alone.append(time.process_time() - cpu)
            if again.errors or again.data != data:
                # Answered at once, the loaders may batch their keys otherwise than when reading Neo4j
                # (a batch that waited for one read now goes with another): no such read was recorded.
                alone = []
                break
        return cpus, walls, alone, [reads for _, _, reads in asked]
    finally:
        rows.restore()


async def _run(
    schema: strawberry.Schema, context: Callable[[], Context], query: str, values: dict[str, Any]
) -> Any:
    result = await schema.execute(query, variable_values=values, context_value=context())
    if result.errors:
        raise SystemExit(f"the question failed: {result.errors}")
    return result.data


def ways(
    adriver: neo4j.AsyncDriver, driver: neo4j.Driver, database: str
) -> dict[str, Callable[[str, dict[str, Any]], Awaitable[None]]]:
    """Each way of running a read, by name: a coroutine function of the query's name and parameters."""
    options = {
        "database": database,
        "default_access_mode": neo4j.READ_ACCESS,
        "notifications_disabled_classifications": QUIET,
    }
    api_reader, blocking_reader = AsyncReader(adriver, database), Reader(driver, database)

    async def api(name: str, parameters: dict[str, Any]) -> None:
        await api_reader.rows(name, **parameters)

    async def blocking(name: str, parameters: dict[str, Any]) -> None:
        complete(blocking_reader.rows(name, **parameters))

    async def async_bare(name: str, parameters: dict[str, Any], *, managed: bool) -> None:
        query, values = bare_query(name, parameters)

        async def fetch(tx: Any) -> list[Any]:
            return [record async for record in await tx.run(query, values)]

        async with adriver.session(**options) as session:
            await (session.execute_read(fetch) if managed else fetch(session))

    async def blocking_bare(name: str, parameters: dict[str, Any], *, managed: bool) -> None:
        query, values = bare_query(name, parameters)
        with driver.session(**options) as session:
            if managed:
                session.execute_read(lambda tx: list(tx.run(query, values)))
            else:
                list(session.run(query, values))

    return {
        "API's AsyncReader": api,
        "blocking Reader": blocking,
        "bare: async, managed": lambda n, p: async_bare(n, p, managed=True),
        "bare: blocking, managed": lambda n, p: blocking_bare(n, p, managed=True),
        "bare: async, auto-commit": lambda n, p: async_bare(n, p, managed=False),
        "bare: blocking, auto-commit": lambda n, p: blocking_bare(n, p, managed=False),
    }


async def each_way(
    reads: list[Read], run: dict[str, Callable[[str, dict[str, Any]], Awaitable[None]]]
) -> Timings:
    """Per read name and way, (wall, CPU) seconds of each read run alone."""
    times: Timings = defaultdict(lambda: defaultdict(list))
    names = list(run)
    for number, (name, parameters, _) in enumerate(reads):
        for way in names[number % len(names) :] + names[: number % len(names)]:
            started, cpu = time.perf_counter(), time.process_time()
            await run[way](name, parameters)
            times[name][way].append((time.perf_counter() - started, time.process_time() - cpu))
    return times


def ms(values: Any) -> str:
    return f"{statistics.median(values) * 1000:.2f}"


def report(
    name: str, cpus: list[float], walls: list[float], alone: list[float], times: Timings, requests: int
) -> None:
    """One question's figures: the execution, the GraphQL layer alone, and each read's six ways."""
    api = "API's AsyncReader"
    reads_cpu = sum(
        statistics.median(t[1] for t in by_way[api]) * len(by_way[api]) for by_way in times.values()
    )
    print(
        f"\n{name}: executed in-process, CPU {ms(cpus)} ms, wall {ms(walls)} ms (p50); answered from "
        f"recorded rows, CPU {ms(alone) + ' ms' if alone else 'not measured (batched otherwise)'}; "
        "its reads through the API's reader, CPU "
        f"{reads_cpu / requests * 1000:.2f} ms per request (each read's median times its count)"
    )
    columns = list(next(iter(times.values()))) if times else []
    print("| read | reads/request | " + " | ".join(f"{w}, wall / CPU ms" for w in columns) + " |")
    print("|---|---:|" + "---:|" * len(columns))
    for read, by_way in times.items():
        cells = " | ".join(f"{ms(t[0] for t in by_way[w])} / {ms(t[1] for t in by_way[w])}" for w in columns)
        print(f"| {read} | {len(by_way[api]) / requests:.1f} | {cells} |")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    question_options(parser, requests=200)
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

    graph = Crosslink(driver, database)

    def context() -> Context:
        reader = AsyncReader(adriver, database)
        return Context(api_key=None, graph=graph, reader=reader, audit=None)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; {args.requests} executions per question")
    try:
        for name in [q for q in QUESTIONS if q in (args.only or QUESTIONS)]:
            query, variables = asked[name]
            cpus, walls, alone, reads = await execute(schema, context, query, variables, args.requests)
            flat = [read for request in reads for read in request]
            times = await each_way(flat, ways(adriver, driver, database))
            report(name, cpus, walls, alone, times, args.requests)
    finally:
        await adriver.close()
        driver.close()


if __name__ == "__main__":
    uvloop.run(main())
