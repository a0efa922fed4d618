"""Opening a checked connection to the Neo4j graph.

Every entry point connects through `connect`, so a missing or misconfigured server fails at once, with
one message that names the URI and says how to start the local server, not at the first query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

from graph import cypher
from graph.config import Settings, local_password_file

# Session setting for every query of the project: "the property does not exist" notices (a graph without
# networks, revoked keys or takedowns yet) are noise in logs; deprecations and other notices are kept.
QUIET = [neo4j.NotificationDisabledClassification.UNRECOGNIZED]

D = TypeVar("D", neo4j.Driver, neo4j.AsyncDriver)

START_HINT = "To run the local server: `scripts/neo4j start` (then `scripts/neo4j status`)."
# Bolt only: the driver would also take http:// (its preview Query API), which this project does not use.
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def run_rows(
    driver: neo4j.Driver,
    database: str,
    query: str,
    *,
    write: bool = False,
    timeout: float | None = None,
    **parameters: Any,
) -> list[dict[str, Any]]:
    """The rows of `cypher/<query>.cypher`, run as one managed read or write transaction (retried by the
    driver on transient errors) in a QUIET session, with a timeout when given."""

    def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
        return [record.data() for record in tx.run(cypher.load(query), parameters)]

    if timeout is not None:
        work = neo4j.unit_of_work(timeout=timeout)(work)
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        return session.execute_write(work) if write else session.execute_read(work)


class GraphUnavailable(RuntimeError):
    """Neo4j could not be reached or refused the login; the message says where and what to do."""

    def __init__(self, uri: str, reason: str) -> None:
        super().__init__(f"Neo4j at {uri} is not available: {reason}")
        self.uri = uri
        self.reason = reason


def connect(settings: Settings | None = None, *, timeout: float = 10.0) -> neo4j.Driver:
    """A driver for `settings` (default: from the environment) that has answered a query.

    The check runs `RETURN 1` on `settings.database`, so a wrong database name fails here too.
    Raises GraphUnavailable; the caller owns the returned driver and must close it.
    """
    settings = settings or Settings.from_env()
    driver = _new_driver(neo4j.GraphDatabase.driver, settings, timeout)
    try:
        driver.verify_connectivity()
        driver.execute_query("RETURN 1", database_=settings.database)
    except (Neo4jError, DriverError, OSError) as error:
        driver.close()
        raise _unavailable(settings, error) from error
    return driver


async def connect_async(settings: Settings | None = None, *, timeout: float = 10.0) -> neo4j.AsyncDriver:
    """As `connect`, for the asyncio driver (the API's reads run on its event loop)."""
    settings = settings or Settings.from_env()
    driver = _new_driver(neo4j.AsyncGraphDatabase.driver, settings, timeout)
    try:
        await driver.verify_connectivity()
        await driver.execute_query("RETURN 1", database_=settings.database)
    except (Neo4jError, DriverError, OSError) as error:
        await driver.close()
        raise _unavailable(settings, error) from error
    return driver


def _new_driver(factory: Callable[..., D], settings: Settings, timeout: float, **options: Any) -> D:
    """A driver from `factory` (the blocking or the asyncio one) for `settings`, not yet connected;
    `options` are the driver's own."""
    scheme = settings.uri.partition("://")[0]
    if scheme not in BOLT_SCHEMES:
        raise GraphUnavailable(
            settings.uri, f"NEO4J_URI must start with one of {', '.join(s + '://' for s in BOLT_SCHEMES)}."
        )
    try:
        return factory(
            settings.uri, auth=(settings.user, settings.password), connection_timeout=timeout, **options
        )
    except (ConfigurationError, ValueError) as error:
        raise GraphUnavailable(settings.uri, f"the URI is not valid ({error}).") from error


def _unavailable(settings: Settings, error: Exception) -> GraphUnavailable:
    """The failed check as one message naming the URI and what to do."""
    if isinstance(error, AuthError):
        return GraphUnavailable(
            settings.uri,
            f"user '{settings.user}' was refused ({error.message}). Check NEO4J_USER and NEO4J_PASSWORD; "
            f"without NEO4J_PASSWORD the local server's password is read from {local_password_file()}. "
            + START_HINT,
        )
    if isinstance(error, ServiceUnavailable):
        return GraphUnavailable(
            settings.uri,
            f"no answer ({_one_line(error)}). Is the server running and NEO4J_URI right? " + START_HINT,
        )
    if isinstance(error, Neo4jError):
        return GraphUnavailable(
            settings.uri,
            f"database '{settings.database}' refused a test query ({error.code}: {error.message}). "
            "Check NEO4J_DATABASE (Community edition has only 'neo4j'). " + START_HINT,
        )
    return GraphUnavailable(settings.uri, f"{type(error).__name__}: {_one_line(error)}. " + START_HINT)


def _one_line(error: BaseException) -> str:
    """The error's text with line breaks and runs of spaces collapsed, to fit in one message."""
    return " ".join(str(error).split())
