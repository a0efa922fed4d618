"""One network recompute at a time, across processes and hosts: a lease held in the graph.

A rebuild reads every advert, then computes for seconds before it writes; an update that wrote networks
in that time would be overwritten by the rebuild's older picture, and the run it caught up with marked
as accounted for while its adverts were in no network. So `rebuild` and `update` each hold the lease
while they run. The holder renews it every `RENEW_SECONDS` from a thread of its own, so a recompute may
take as long as it needs; a holder that dies stops renewing, and the lease runs out `LEASE_SECONDS`
later. Times are the server's.
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
WAIT_SECONDS = 3600  # how long the CLI waits for another recompute by default
POLL_SECONDS = 0.5


class RecomputeBusy(RuntimeError):
    """Another process is recomputing networks; the message says since when."""


@contextmanager
def recompute_lease(driver: neo4j.Driver, database: str, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lease for the block, waiting at most `wait` seconds for it (0: take it or fail at once)."""
    holder = secrets.token_hex(8)
    deadline = time.monotonic() + wait
    while not _run(driver, database, "networks_lease_take", holder):
        if time.monotonic() >= deadline:
            raise RecomputeBusy(_busy(driver, database))
        time.sleep(POLL_SECONDS)
    done = threading.Event()
    renewer = threading.Thread(
        target=_renew, args=(driver, database, holder, done), name="crosslink-lease", daemon=True
    )
    renewer.start()
    try:
        yield
    finally:
        done.set()
        renewer.join()
        driver.execute_query(cypher.load("networks_lease_give"), holder=holder, database_=database)


def _renew(driver: neo4j.Driver, database: str, holder: str, done: threading.Event) -> None:
    while not done.wait(RENEW_SECONDS):
        try:
            if not _run(driver, database, "networks_lease_renew", holder):
                log.warning("the network recompute lease was lost (not renewed in time); another may start")
                return
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as error:
            log.warning("could not renew the network recompute lease: %s", error)


def _run(driver: neo4j.Driver, database: str, name: str, holder: str) -> bool:
    records, _, _ = driver.execute_query(
        cypher.load(name), holder=holder, seconds=LEASE_SECONDS, database_=database
    )
    return bool(records)


def _busy(driver: neo4j.Driver, database: str) -> str:
    records, _, _ = driver.execute_query(cypher.load("networks_lease_show"), database_=database)
    since = f" since {records[0]['since']}" if records else ""
    return f"another process is recomputing the networks{since}; try again when it has finished"
