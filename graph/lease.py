"""One holder at a time of a named job (the nightly inbox run), across processes and hosts: a lease.

The same protocol as the networks' recompute lease (`graph.networks.lease`), for any name: the holder
renews it from a thread of its own every `RENEW_SECONDS`, so the job may take as long as it needs; a
holder that dies stops renewing and the lease runs out `LEASE_SECONDS` later. Times are the server's.
The `Lease` constraint is part of the nightly schema (`cypher/nightly_schema.cypher`).
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import neo4j

from graph import cypher

log = logging.getLogger(__name__)

LEASE_SECONDS = 300
RENEW_SECONDS = 60
POLL_SECONDS = 0.5


class LeaseBusy(RuntimeError):
    """Another process holds the lease; the message says what it is doing and since when."""


@contextmanager
def held(driver: neo4j.Driver, database: str, name: str, *, what: str, wait: float = 0.0) -> Iterator[None]:
    """Hold lease `name` for the block, waiting at most `wait` seconds for it (0: take it or fail at once).

    `what` says what the holder does ("the nightly inbox run"), for the message a second taker gets.
    """
    holder = secrets.token_hex(8)
    deadline = time.monotonic() + wait
    while not _take(driver, database, name, holder, what):
        if time.monotonic() >= deadline:
            raise LeaseBusy(_busy(driver, database, name, what))
        time.sleep(POLL_SECONDS)
    done = threading.Event()
    renewer = threading.Thread(
        target=_renew,
        args=(driver, database, name, holder, done),
        name=f"crosslink-lease-{name}",
        daemon=True,
    )
    renewer.start()
    try:
        yield
    finally:
        done.set()
        renewer.join()
        _give(driver, database, name, holder)


def _give(driver: neo4j.Driver, database: str, name: str, holder: str) -> None:
    """Give the lease back; when Neo4j cannot be reached it runs out by itself, so the block's own
    outcome (its summary, or the error that stopped it) is what the caller gets."""
    try:
        driver.execute_query(cypher.load("lease_give"), name=name, holder=holder, database_=database)
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as error:
        log.warning("could not give the %s lease back (it runs out by itself): %s", name, error)


def _take(driver: neo4j.Driver, database: str, name: str, holder: str, what: str) -> bool:
    records, _, _ = driver.execute_query(
        cypher.load("lease_take"),
        name=name,
        holder=holder,
        seconds=LEASE_SECONDS,
        what=what,
        database_=database,
    )
    return bool(records)


def _renew(driver: neo4j.Driver, database: str, name: str, holder: str, done: threading.Event) -> None:
    while not done.wait(RENEW_SECONDS):
        try:
            records, _, _ = driver.execute_query(
                cypher.load("lease_renew"),
                name=name,
                holder=holder,
                seconds=LEASE_SECONDS,
                database_=database,
            )
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as error:
            log.warning("could not renew the %s lease: %s", name, error)
            continue
        if not records:
            log.warning("the %s lease was lost (not renewed in time); another holder may start", name)
            return


def _busy(driver: neo4j.Driver, database: str, name: str, what: str) -> str:
    records, _, _ = driver.execute_query(cypher.load("lease_show"), name=name, database_=database)
    if not records:  # given back between the attempt and this question: say so plainly
        return f"{what} was held by another process a moment ago; try again"
    row = records[0]
    return f"{row['what'] or what} is already running (since {row['since']}, lease {name!r})"
