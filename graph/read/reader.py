"""Running the API's read queries: one `cypher/read_*.cypher` file per call, in a read transaction.

Every read of the analysts' API goes through a reader, so one place sets the timeout, turns Neo4j's
values into Python ones, and can count the queries a request runs (the API's loaders are tested with it).
The API's `AsyncReader` awaits the asyncio driver; the blocking `Reader` serves everything else.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship

from graph import cypher
from graph.db import QUIET

T = TypeVar("T")

# Values that come out of the driver as they are; `native` returns them untouched.
_PLAIN = frozenset({str, int, float, bool, type(None), bytes})
# Seconds a read may take before Neo4j stops it; an analyst's question that needs longer must be narrowed.
DEFAULT_READ_TIMEOUT = 15.0
# Beyond its timeout, how long an API read may go on in all (waiting for a connection, the driver retrying
# a transient failure, fetching its rows) before it is given up on: what bounds a read when Neo4j stops
# answering without a word (a host gone, a network cut).
RETRY_SECONDS = 30.0


class ReadError(RuntimeError):
    """A read could not be answered; subclasses say whether the input, the size or the server is at fault."""


class NotFound(ReadError):
    """The graph holds no node for what was asked; the message names the canonical key looked for."""


class BadInput(ReadError, ValueError):
    """The question cannot be asked as given (an unreadable phone number, a bad search expression)."""


class TooLarge(ReadError):
    """The question asks for more than a read may return or takes longer than the timeout."""


class Unavailable(ReadError):
    """Neo4j did not answer; the message says so without the driver's internals."""


def read_timeout(environ: Mapping[str, str] | None = None) -> float:
    """CROSSLINK_READ_TIMEOUT (seconds), or the default."""
    env = os.environ if environ is None else environ
    raw = env.get("CROSSLINK_READ_TIMEOUT")
    if not raw:
        return DEFAULT_READ_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"CROSSLINK_READ_TIMEOUT must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise ValueError(f"CROSSLINK_READ_TIMEOUT must be positive, not {raw!r}")
    return value


class ReaderBase:
    """What both readers share: the query text, the count and listener, and Neo4j's errors made readable.

    The read functions of `graph.read` and `graph.casework` are written once, as coroutines awaiting
    `reader.rows(...)`. An `AsyncReader` (the API's) really awaits Neo4j through the asyncio driver, so
    a request's reads run on the event loop with no thread between them. A `Reader` (blocking driver)
    answers at once, so `Reader.call` finishes a read function without any event loop (tests do, and
    so can any script or command that has no event loop).

    `listener`, when given, is called with the query's name before each query runs; `queries` counts
    them. One reader per API request keeps the count per request.
    """

    def __init__(
        self,
        driver: Any,
        database: str,
        *,
        timeout: float = DEFAULT_READ_TIMEOUT,
        listener: Callable[[str], None] | None = None,
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.listener = listener
        self.queries = 0
        self._lock = threading.Lock()

    def _query(self, name: str, slots: Mapping[str, str] | None) -> str:
        """The text of `cypher/<name>.cypher` (slots filled), counted and announced as it is sent."""
        query = cypher.variant(name, **(slots or {}))
        with self._lock:
            self.queries += 1
        if self.listener is not None:
            self.listener(name)
        return query

    def _session_options(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "default_access_mode": neo4j.READ_ACCESS,
            # "Property does not exist" notices are not wanted, nor the cost of logging them.
            "notifications_disabled_classifications": QUIET,
        }

    async def rows(
        self, name: str, *, slots: Mapping[str, str] | None = None, **parameters: Any
    ) -> list[dict[str, Any]]:
        """The rows of `cypher/<name>.cypher` run with `parameters`, each a dict of Python values;
        `slots` fill the file's `{{slot}}` names (see `cypher.variant`)."""
        raise NotImplementedError

    async def one(
        self, name: str, *, slots: Mapping[str, str] | None = None, **parameters: Any
    ) -> dict[str, Any] | None:
        """The first row of a query that returns at most one, or None."""
        rows = await self.rows(name, slots=slots, **parameters)
        return rows[0] if rows else None

    async def together(self, *reads: Coroutine[Any, Any, Any]) -> list[Any]:
        """The results of reads that do not depend on each other, in order: one after the other here,
        at the same time on an `AsyncReader`. The first error raised is raised."""
        results: list[Any] = []
        try:
            for read in reads:
                results.append(await read)
        finally:
            for unread in reads[len(results) + 1 :]:  # after an error: never started, so closed
                unread.close()
        return results


class Reader(ReaderBase):
    """Runs named read queries through the blocking driver; `call` runs a read function to its result."""

    driver: neo4j.Driver

    async def rows(
        self, name: str, *, slots: Mapping[str, str] | None = None, **parameters: Any
    ) -> list[dict[str, Any]]:
        """As `ReaderBase.rows`, blocking until Neo4j answers and awaiting nothing: see `call`."""
        query = self._query(name, slots)

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [_row(record) for record in tx.run(query, parameters)]

        try:
            with self.driver.session(**self._session_options()) as session:
                return session.execute_read(neo4j.unit_of_work(timeout=self.timeout)(work))
        except (Neo4jError, DriverError, OSError) as error:
            raise _failure(name, error, self.timeout) from error
        except (UnicodeEncodeError, OverflowError) as error:
            raise _unsendable(error) from None

    def call(self, function: Callable[..., Coroutine[Any, Any, T]], *args: Any, **kwargs: Any) -> T:
        """`function(self, *args, **kwargs)` run to its result, here and now: `queries.identifier`,
        `batch.nodes`, `casework.watchlist` and the other read functions, without an event loop."""
        return complete(function(self, *args, **kwargs))


class AsyncReader(ReaderBase):
    """Runs named read queries through the asyncio driver, on the caller's event loop (the API's)."""

    driver: neo4j.AsyncDriver

    async def together(self, *reads: Coroutine[Any, Any, Any]) -> list[Any]:
        """As `ReaderBase.together`, the reads at the same time; when one fails, the others are
        cancelled (a read nobody waits for would hold a connection and Neo4j's CPU to its end)."""
        tasks = [asyncio.ensure_future(read) for read in reads]
        try:
            return list(await asyncio.gather(*tasks))
        except BaseException:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise

    async def rows(
        self, name: str, *, slots: Mapping[str, str] | None = None, **parameters: Any
    ) -> list[dict[str, Any]]:
        """As `Reader.rows`, awaiting Neo4j's answer instead of blocking on it."""
        query = self._query(name, slots)

        async def work(tx: neo4j.AsyncManagedTransaction) -> list[dict[str, Any]]:
            result = await tx.run(query, parameters)
            return [_row(record) async for record in result]

        bound = self.timeout + RETRY_SECONDS
        try:
            async with asyncio.timeout(bound), self.driver.session(**self._session_options()) as session:
                return await session.execute_read(neo4j.unit_of_work(timeout=self.timeout)(work))
        except TimeoutError:  # the bound above: Neo4j stopped answering, or every retry failed slowly
            raise Unavailable(
                f"the graph database did not finish the read within {bound:g}s; try again shortly"
            ) from None
        except (Neo4jError, DriverError, OSError) as error:
            raise _failure(name, error, self.timeout) from error
        except (UnicodeEncodeError, OverflowError) as error:
            raise _unsendable(error) from None


def _row(record: neo4j.Record) -> dict[str, Any]:
    # Not record.data(): its deep copy cost more than the whole read for a page of networks.
    return {k: native(v) for k, v in record.items()}


def complete(read: Coroutine[Any, Any, T]) -> T:
    """The result of a read coroutine over a blocking `Reader`, which answers every await at once.

    The coroutine is stepped once: it ends without ever suspending, or it awaited something only an
    event loop can answer (an `AsyncReader`, a sleep), which is a mistake reported as such.
    """
    try:
        read.send(None)
    except StopIteration as finished:
        return finished.value
    read.close()
    raise RuntimeError("a read over a blocking Reader waited on an event loop; use an AsyncReader")


def _unsendable(error: Exception) -> BadInput:
    """A parameter the driver cannot send: text with an unpaired surrogate (half an emoji, cut by a
    client), or a whole number beyond 64 bits."""
    if isinstance(error, UnicodeEncodeError):
        return BadInput("the question holds text that is not valid Unicode (an unpaired surrogate)")
    return BadInput("the question holds a number too large for the graph (beyond 64 bits)")


def _failure(name: str, error: Exception, timeout: float) -> ReadError:
    """What a driver error means for the person who asked: the input, the size or the server at fault."""
    if isinstance(error, ClientError):
        return _client_error(name, error, timeout)
    if isinstance(error, ServiceUnavailable | SessionExpired):
        return Unavailable("the graph database did not answer; try again shortly")
    return Unavailable(f"the graph database failed to answer ({type(error).__name__})")


def _client_error(name: str, error: ClientError, timeout: float) -> ReadError:
    """What a refused query means for the person who asked it."""
    code = error.code or ""
    if "TransactionTimedOut" in code or "Terminated" in code:
        return TooLarge(
            f"the question took longer than {timeout:g}s and was stopped; narrow it (fewer hops, a smaller "
            "limit, more filters)"
        )
    if name == "read_search" and ("Procedure" in code or "Lucene" in (error.message or "")):
        return BadInput(
            "the search text is not a valid full-text query (Lucene syntax): check quotes, brackets and "
            "operators such as AND, OR, NOT"
        )
    # Anything else is a fault in the query itself, not the asker's: reported as internal, with the detail.
    return ReadError(f"{name} was refused: {code}: {error.message}")


def native(value: Any) -> Any:
    """Neo4j values as Python ones: temporal types converted, maps and lists walked.

    Read queries return maps and values (a node as `n {.*}`), never a node, relationship or path: what
    the API shows is chosen in Cypher, not by whatever properties a node happens to hold."""
    kind = type(value)
    if kind in _PLAIN:  # nearly every value (dates leave the queries as epoch milliseconds): checked first
        return value
    if kind is dict or isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if kind is list or isinstance(value, list):
        return [native(v) for v in value]
    if isinstance(value, Node | Relationship | Path):
        raise TypeError(f"read queries return maps, not a {type(value).__name__}")
    to_native = getattr(value, "to_native", None)
    return to_native() if to_native is not None else value
