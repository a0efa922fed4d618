"""When the garbage collector runs: between requests, not in the middle of one.

Reference counting frees most of what a request makes, but the driver and the GraphQL executor leave a
few hundred objects in reference cycles per request (hydration scopes, results, loaders, collected
fields), so with Python's default threshold the collector ran during most requests, and now and then a
longer run of an older generation stalled one (BENCHMARKS.md has the figures).

What the API does instead:
- at start-up, what start-up made (modules, the schema, the drivers) is frozen out of the collector's
  walks (`freeze_startup_objects`);
- while it serves, the automatic collection waits for `BACKSTOP` new objects instead of 700, a limit that
  only a server never idle reaches (about every twenty requests);
- `IdleCollection` collects once the last request in flight has been answered: the collector's work is
  the same, done while nobody waits for an answer. An analyst's IDE, or a script asking one question at
  a time, always leaves such a moment; a server under steady load falls back on the automatic collection.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.types import ASGIApp, Receive, Scope, Send

# New objects before an automatic collection of the youngest generation while serving (Python's is 700).
BACKSTOP = 10_000


def freeze_startup_objects() -> None:
    """Leave what start-up made (modules, the schema, the drivers) out of the garbage collector's walks.

    Every few hundred requests the collector used to walk every object in the process, the modules and
    the schema included, in pauses far longer than a request (BENCHMARKS.md). Cycles made after start-up
    are still collected.
    """
    gc.collect()
    gc.freeze()


@contextmanager
def serving_thresholds(young: int = BACKSTOP) -> Iterator[None]:
    """The collector's thresholds while the API serves (see the module's docstring), restored after."""
    before = gc.get_threshold()
    gc.set_threshold(young, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def due_generation() -> int | None:
    """The oldest generation due by the counts of Python's default thresholds (700, 10, 10), or None
    when there is too little garbage to be worth a collection.

    Python also puts off a full collection until a quarter of the long-lived objects are new, a count
    it does not expose; here a full one comes every hundred young ones, about as often as Python's ran
    under `bench/api_latency.py`, and between requests."""
    young, older, oldest = gc.get_count()
    if oldest >= 10:
        return 2
    if older >= 10:
        return 1
    if young >= 700:
        return 0
    return None


class IdleCollection:
    """ASGI middleware: once no HTTP request is in flight, collect the generations due (see
    `due_generation`). A request arriving while it runs waits for it, as it would have for a collection
    made during a request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
            if self.in_flight == 0 and due_generation() is not None:
                # After this callback returns: the answer is on its way before the collector starts.
                asyncio.get_running_loop().call_soon(self._collect)

    def _collect(self) -> None:
        generation = due_generation()
        if self.in_flight == 0 and generation is not None:  # a request may have come in meanwhile
            gc.collect(generation)
