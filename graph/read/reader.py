"""Running the API's read queries: one `cypher/read_*.cypher` file per call, in a read transaction.

Every read of the analysts' API goes through a `Reader`, so one place sets the timeout, turns Neo4j's
values into Python ones, and can count the queries a request runs (the API's loaders are tested with it).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from typing import Any

import neo4j
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship

from graph import cypher
from graph.db import QUIET

# Values that come out of the driver as they are; `native` returns them untouched.
_PLAIN = frozenset({str, int, float, bool, type(None), bytes})
# Seconds a read may take before Neo4j stops it; an analyst's question that needs longer must be narrowed.
DEFAULT_READ_TIMEOUT = 15.0


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


class Reader:
    """Runs named read queries against one database.

    `listener`, when given, is called with the query's name before each query runs (from whichever thread
    runs it); `queries` counts them. One Reader per API request keeps the count per request.
    """

    def __init__(
        self,
        driver: neo4j.Driver,
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

    def rows(
        self, name: str, *, slots: Mapping[str, str] | None = None, **parameters: Any
    ) -> list[dict[str, Any]]:
        """The rows of `cypher/<name>.cypher` run with `parameters`, each a dict of Python values.

        `slots` fill the file's `{{slot}}` names (see `cypher.variant`).
        """
        query = cypher.variant(name, **slots) if slots else cypher.load(name)
        with self._lock:
            self.queries += 1
        if self.listener is not None:
            self.listener(name)

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            # Not record.data(): its deep copy cost more than the whole read for a page of networks.
            return [{k: native(v) for k, v in record.items()} for record in tx.run(query, parameters)]

        try:
            with self.driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                notifications_disabled_classifications=QUIET,
            ) as session:
                return session.execute_read(neo4j.unit_of_work(timeout=self.timeout)(work))
        except ClientError as error:
            raise _client_error(name, error, self.timeout) from error
        except (ServiceUnavailable, SessionExpired) as error:
            raise Unavailable("the graph database did not answer; try again shortly") from error
        except (Neo4jError, DriverError, OSError) as error:
            raise Unavailable(f"the graph database failed to answer ({type(error).__name__})") from error

    def one(
        self, name: str, *, slots: Mapping[str, str] | None = None, **parameters: Any
    ) -> dict[str, Any] | None:
        """The first row of a query that returns at most one, or None."""
        rows = self.rows(name, slots=slots, **parameters)
        return rows[0] if rows else None


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
