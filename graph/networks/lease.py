"""One network recompute at a time, across processes and hosts: a lease held in the graph.

A rebuild reads every advert, then computes for seconds before it writes; an update that wrote networks
in that time would be overwritten by the rebuild's older picture, and the run it caught up with marked
as accounted for while its adverts were in no network. So `rebuild` and `update` each hold the lease
while they run. A holder that dies lets it run out after `LEASE_SECONDS` (longer than the first build of
a million adverts); times are the server's.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager

import neo4j

from graph import cypher

LEASE_SECONDS = 30 * 60
POLL_SECONDS = 0.5


class RecomputeBusy(RuntimeError):
    """Another process is recomputing networks; the message says since when."""


@contextmanager
def recompute_lease(driver: neo4j.Driver, database: str, *, wait: float = LEASE_SECONDS) -> Iterator[None]:
    """Hold the lease for the block, waiting at most `wait` seconds for it (0: take it or fail at once)."""
    holder = secrets.token_hex(8)
    deadline = time.monotonic() + wait
    while not _take(driver, database, holder):
        if time.monotonic() >= deadline:
            raise RecomputeBusy(_busy(driver, database))
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        driver.execute_query(cypher.load("networks_lease_give"), holder=holder, database_=database)


def _take(driver: neo4j.Driver, database: str, holder: str) -> bool:
    records, _, _ = driver.execute_query(
        cypher.load("networks_lease_take"), holder=holder, seconds=LEASE_SECONDS, database_=database
    )
    return bool(records)


def _busy(driver: neo4j.Driver, database: str) -> str:
    records, _, _ = driver.execute_query(cypher.load("networks_lease_show"), database_=database)
    since = f" since {records[0]['since']}" if records else ""
    return f"another process is recomputing the networks{since}; try again when it has finished"
