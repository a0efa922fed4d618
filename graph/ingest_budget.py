"""How much advert text an API key may push in a minute, counted in the graph on the key's node.

The count lives in Neo4j rather than in the API process, so that several API processes behind one port
share it: a key cannot push the limit once per process. Minutes are fixed windows of the UTC clock; a
key that used its whole minute may push the limit again as the next minute starts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import neo4j

from graph.apikeys import TIMEOUT_SECONDS, UnknownKey
from graph.db import run_rows

WINDOW_SECONDS = 60
# The clock minutes are read from (seconds since the epoch); tests of a minute's count set their own.
clock = time.time


@dataclass(frozen=True, slots=True)
class Spend:
    """What the key's minute held before a push was counted, and whether the push was taken."""

    granted: bool
    used: int
    limit: int
    seconds_left: int  # until the minute ends and the count starts again


def spend(
    driver: neo4j.Driver,
    database: str,
    key_id: str,
    chars: int,
    *,
    per_minute: int,
    now: float | None = None,
) -> Spend:
    """Count `chars` characters against the key's minute, unless that would pass `per_minute`: then
    nothing is counted and the Spend says `granted=False`. `now` (default `clock()`) picks the minute.
    UnknownKey for a key id not in the graph."""
    now = clock() if now is None else now
    window = int(now // WINDOW_SECONDS)
    parameters = {"key": f"apikey:{key_id}", "window": window, "chars": chars, "limit": per_minute}

    rows = run_rows(
        driver, database, "apikeys_ingest_spend", write=True, timeout=TIMEOUT_SECONDS, **parameters
    )
    if not rows:
        raise UnknownKey(f"no API key with id {key_id!r}")
    left = WINDOW_SECONDS - int(now - window * WINDOW_SECONDS)
    return Spend(granted=rows[0]["granted"], used=rows[0]["used"], limit=per_minute, seconds_left=left)


__all__ = ["WINDOW_SECONDS", "Spend", "spend"]
