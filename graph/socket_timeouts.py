"""The asyncio driver's socket timeouts, made cheap on Python 3.11.

Neo4j 5 asks every client to give up on a socket read after `connection.recv_timeout_seconds` (120 s
by default), so the asyncio driver bounds each of its socket reads and writes with a timeout: a dozen
per query. On Python 3.12 and later it uses `asyncio.wait_for`, which is `asyncio.timeout` inside. On
3.8-3.11 it uses its own copy of an older `wait_for` (that version of the standard library's could lose a
cancellation), which wraps every read in a new Task with a timer and callbacks of its own. Measured on a
`path` question against the 1M-advert graph, that costs the API about 0.1 ms of CPU per read, a tenth of
the whole request's.

`install` gives the driver, on 3.11, the timeout it has on 3.12: `asyncio.timeout` (new in 3.11, and
not subject to the old bug) around the read itself, no Task. The timeout still fires, as the same
`TimeoutError`, and a cancellation from outside still goes through; `tests/graph/test_socket_timeouts.py`
checks both against the real server. The driver's module is private, so nothing is replaced unless it
holds exactly the function expected; `installed()` says whether it took.

Even so, a timer per socket operation cost the API's reads 0.05 ms of CPU each. A read that runs under
`bounded(seconds)` has one deadline for all of it, sooner than Neo4j's 120 s: inside it, a socket
operation whose own timeout would end later than that deadline sets no timer, as it could never fire
first. The API's reader bounds every read so (within 45 s by default), and its asyncio driver gives
writes `ASYNC_WRITE_TIMEOUT` (the driver's default is 30 s) so that theirs are covered too.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

# The asyncio driver's limit on one socket write: as long as Neo4j's on a read, beyond any read's bound.
ASYNC_WRITE_TIMEOUT = 120.0

_MODULE = "neo4j._async_compat.network._bolt_socket"
_SHIM = "neo4j._async_compat.shims._wait_for"


# The loop time at which the innermost `bounded` around the running task gives up, if any.
_DEADLINE: ContextVar[float | None] = ContextVar("crosslink_read_deadline", default=None)


async def wait_for(awaitable: Awaitable[T], timeout: float | None) -> T:
    """`awaitable`'s result, or TimeoutError after `timeout` seconds (None: no limit), without a Task,
    and without a timer of its own when an enclosing `bounded` deadline comes first."""
    if timeout is None:
        return await awaitable
    if timeout <= 0:  # "non-blocking" reads: the driver's own handling, which gives them one loop cycle
        return await _original(awaitable, timeout)
    deadline = _DEADLINE.get()
    if deadline is not None and deadline <= asyncio.get_running_loop().time() + timeout:
        return await awaitable
    async with asyncio.timeout(timeout):
        return await awaitable


@asynccontextmanager
async def bounded(seconds: float) -> AsyncIterator[None]:
    """Raise TimeoutError in the block once `seconds` have passed; the socket operations awaited in it
    whose own timeouts are longer set no timers (see the module's docstring)."""
    async with asyncio.timeout(seconds) as timeout:
        token = _DEADLINE.set(timeout.when())
        try:
            yield
        finally:
            _DEADLINE.reset(token)


def _module() -> Any | None:
    try:
        return importlib.import_module(_MODULE)
    except ImportError:
        return None


def _shim() -> Any | None:
    try:
        return importlib.import_module(_SHIM).wait_for
    except (ImportError, AttributeError):
        return None


_original: Any = _shim()


def install() -> bool:
    """Give the asyncio driver `wait_for` on Python 3.11; True when it now uses it.

    Left alone on 3.12 and later (the driver already uses `asyncio.wait_for`), or when the driver's
    private module no longer holds its own `wait_for` (a newer driver): then the driver runs as shipped."""
    module = _module()
    if module is None or sys.version_info >= (3, 12):
        return False
    current = getattr(module, "wait_for", None)
    if current is wait_for:
        return True
    if current is None or current is not _original:
        return False
    module.wait_for = wait_for
    return True


def installed() -> bool:
    """Whether the asyncio driver's socket reads and writes now go through `wait_for`."""
    module = _module()
    return module is not None and getattr(module, "wait_for", None) is wait_for
