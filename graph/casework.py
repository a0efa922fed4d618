"""Case work on the graph: small pushes of adverts, tags and case notes, takedowns, and watched identifiers.

The API's mutations and `watchHits` call these, as a CLI would. Every write names the API key that made it
(`created_by`, `taken_down_by`), runs in a write transaction with a timeout, and its Cypher is in
`cypher/casework_*.cypher`.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import neo4j

from graph import cypher
from graph.advert import AdvertError, Reject, parse_advert
from graph.db import run_rows
from graph.ingest import ingest
from graph.networks import catch_up
from graph.networks.lease import RecomputeBusy
from graph.read.keys import identifier_key, kind_of
from graph.read.queries import check_range
from graph.read.reader import BadInput, NotFound, ReaderBase, native
from graph.read.records import Span, spans_of
from graph.webhooks import queue_watch_hits

# Adverts one push may carry: the API is for a handful found by hand, files go through `crosslink ingest`.
MAX_PUSH = 100
MAX_LABEL_CHARS = 100
MAX_NOTE_CHARS = 5000
MAX_HITS = 1000
WRITE_TIMEOUT_SECONDS = 30.0


class TooMany(ValueError):
    """A push holds more adverts than one call may carry."""


# --- pushing adverts ---


@dataclass(frozen=True)
class PushReport:
    """What a push did: the run, its counts, each rejected advert and why, whether networks were updated."""

    run: str
    accepted: int
    rejected: int
    created: int
    updated: int
    unchanged: int
    duplicates: int
    adverts: list[str]
    rejects: list[Reject]
    networks_updated: bool
    watch_hits: int = 0  # watch hits of the adverts this push created, queued for the webhook


def push_adverts(
    driver: neo4j.Driver,
    database: str,
    adverts: Sequence[Mapping[str, Any]],
    *,
    source: str,
    region: str | None = None,
) -> PushReport:
    """Ingest a few adverts (records as in the JSON Lines files) through the same pipeline as the CLI,
    then update the networks of the adverts written. At most MAX_PUSH adverts per call."""
    check_push(adverts, source=source)
    rejects: list[Reject] = []
    try:
        report = ingest(
            driver, database, list(adverts), source=source.strip(), region=region, rejects=rejects.append
        )
    except AdvertError as error:  # ingest checks the default region before it writes anything
        raise BadInput(str(error)) from None
    rejected_lines = {r.line for r in rejects}
    keys = []
    for number, record in enumerate(adverts, start=1):
        if number in rejected_lines:
            continue
        try:
            keys.append(parse_advert(record).key)
        except AdvertError:  # cannot happen for an accepted line; kept out of the update if it does
            continue
    keys = list(dict.fromkeys(keys))
    return PushReport(
        run=report.run_id,
        accepted=report.accepted,
        rejected=report.rejected,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        duplicates=report.duplicates,
        adverts=keys,
        rejects=rejects,
        networks_updated=_catch_up(driver, database, report.run_id),
        # After the networks, so a delivery names the advert's network; queued before the caller is
        # answered, so a hit is in the graph whatever becomes of its post (graph/webhooks.py).
        watch_hits=queue_watch_hits(driver, database, [report.run_id]),
    )


def check_push(adverts: Sequence[object], *, source: str) -> None:
    """Refuse a push that `push_adverts` would refuse whole (too many adverts, no source), before the
    caller spends anything on it: TooMany or BadInput."""
    if len(adverts) > MAX_PUSH:
        raise TooMany(
            f"{len(adverts)} adverts in one push; at most {MAX_PUSH} are taken, "
            "send more with `crosslink ingest`"
        )
    if not source.strip():
        raise BadInput("source (the name of the feed) is empty")


# A push waits this long for another recompute (another push's, most likely) before leaving its run pending.
PUSH_WAIT_SECONDS = 5.0


def _catch_up(driver: neo4j.Driver, database: str, run: str) -> bool:
    """Regroup the networks this push's adverts touch (its run only: a backlog left by other runs is for
    the next `crosslink ingest` or `crosslink networks update`, not for an analyst's request). False when
    another recompute holds on past a few seconds: the push is not kept waiting, its run stays pending."""
    try:
        catch_up(driver, database, runs=[run], wait=PUSH_WAIT_SECONDS)
    except RecomputeBusy:
        return False
    return True


# --- tags ---


@dataclass(frozen=True)
class Tag:
    """An analyst's label and case note on a node."""

    id: str
    target: str
    label: str
    note: str | None
    created_at: datetime
    created_by: str
    moved_from: str | None = None  # the network it was put on, when that network merged or came apart


def tag(driver: neo4j.Driver, database: str, target: str, label: str, note: str | None, *, by: str) -> Tag:
    """Tag the node with key `target` (advert, account, identifier or network) with `label` and a note."""
    label = label.strip()
    if not label or len(label) > MAX_LABEL_CHARS:
        raise BadInput(f"a tag's label is 1 to {MAX_LABEL_CHARS} characters")
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise BadInput(f"a note is at most {MAX_NOTE_CHARS} characters")
    if kind_of(target) is None:
        raise BadInput(f"{target!r} is not a node key (advert:..., handle:..., phone:..., network:..., ...)")
    id = secrets.token_hex(8)
    properties = {
        "key": f"tag:{id}",
        "id": id,
        "label": label,
        "note": note,
        "created_at": datetime.now(UTC),
        "created_by": by,
    }
    rows = _write(driver, database, "casework_tag", target=target, tag=properties)
    if not rows:
        raise NotFound(f"no node {target!r} in the graph to tag")
    return _tag(rows[0]["target"], rows[0]["tag"])


async def tags_of(reader: ReaderBase, keys: Sequence[str]) -> list[list[Tag]]:
    """For each node key: its tags, newest first (a batch read for the API's loaders)."""
    found = {
        row["key"]: [_tag(row["key"], t) for t in row["tags"]]
        for row in await reader.rows("casework_tags", keys=list(dict.fromkeys(keys)))
    }
    return [found.get(key, []) for key in keys]


def _tag(target: str, p: Mapping[str, Any]) -> Tag:
    return Tag(
        p["id"],
        target,
        p["label"],
        p.get("note"),
        native(p["created_at"]),
        p["created_by"],
        p.get("moved_from"),
    )


# --- takedowns ---


def mark_taken_down(
    driver: neo4j.Driver, database: str, account: str, at: datetime | None = None, *, by: str
) -> str:
    """Record that the account with key `account` was taken down at `at` (default now); returns the key."""
    at = at or datetime.now(UTC)
    if at.tzinfo is None:
        raise BadInput("the takedown time needs a time zone (e.g. 2024-05-01T10:00:00Z)")
    if not account.strip():
        raise BadInput("the account is empty: give its key (handle:<platform>:<name> or account:...)")
    rows = _write(driver, database, "casework_takedown", account=account.strip(), at=at, by=by)
    if not rows:
        raise NotFound(f"no account {account.strip()!r} in the graph")
    return rows[0]["key"]


# --- watched identifiers ---


@dataclass(frozen=True)
class Watch:
    identifier: str
    kind: str
    note: str | None
    created_at: datetime
    created_by: str


def watch(
    driver: neo4j.Driver,
    database: str,
    value: str,
    *,
    kind: str | None = None,
    region: str | None = None,
    platform: str | None = None,
    note: str | None = None,
    by: str,
) -> Watch:
    """Watch an identifier, typed as an analyst would (canonicalised as ingest does)."""
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise BadInput(f"a note is at most {MAX_NOTE_CHARS} characters")
    key = identifier_key(value, kind=kind, region=region, platform=platform)
    properties = {
        "key": f"watch:{key}",
        "identifier": key,
        "kind": kind_of(key),
        "note": note,
        "created_at": datetime.now(UTC),
        "created_by": by,
    }
    rows = _write(driver, database, "casework_watch", watch=properties)
    return _watch(rows[0]["watch"])


def unwatch(
    driver: neo4j.Driver,
    database: str,
    value: str,
    *,
    kind: str | None = None,
    region: str | None = None,
    platform: str | None = None,
) -> bool:
    """Stop watching an identifier; False when it was not watched."""
    key = identifier_key(value, kind=kind, region=region, platform=platform)
    return bool(_write(driver, database, "casework_unwatch", key=f"watch:{key}")[0]["removed"])


async def watchlist(reader: ReaderBase) -> list[Watch]:
    """Every watched identifier, newest first."""
    return [_watch(row["watch"]) for row in await reader.rows("casework_watchlist")]


@dataclass(frozen=True)
class WatchHit:
    """A new advert carrying a watched identifier, with the run that brought it in and where it says it."""

    identifier: str
    advert: str
    run: str
    ingested_at: datetime | None
    relation: str
    spans: list[Span] = field(default_factory=list)


async def watch_hits(reader: ReaderBase, since: datetime, *, limit: int = MAX_HITS) -> list[WatchHit]:
    """Adverts ingested by runs started at or after `since` carrying a watched identifier, newest first."""
    if since.tzinfo is None:
        raise BadInput("since needs a time zone (e.g. 2024-05-01T00:00:00Z)")
    check_range("first", limit, MAX_HITS)
    return [
        WatchHit(
            row["identifier"],
            row["advert"],
            row["run"],
            row["ingested_at"],
            row["relation"],
            spans_of(row["spans"], row["quotes"]),
        )
        for row in await reader.rows("casework_watch_hits", since=since, limit=limit)
    ]


def _watch(p: Mapping[str, Any]) -> Watch:
    return Watch(p["identifier"], p["kind"], p.get("note"), native(p["created_at"]), p["created_by"])


# --- running ---


def ensure_schema(driver: neo4j.Driver, database: str) -> None:
    """Create the Tag and Watch constraints if missing."""
    for statement in cypher.statements("casework_schema"):
        driver.execute_query(statement, database_=database)


def _write(driver: neo4j.Driver, database: str, query: str, **parameters: Any) -> list[dict[str, Any]]:
    return run_rows(driver, database, query, write=True, timeout=WRITE_TIMEOUT_SECONDS, **parameters)


__all__ = [
    "MAX_PUSH",
    "PushReport",
    "Tag",
    "TooMany",
    "Watch",
    "WatchHit",
    "check_push",
    "ensure_schema",
    "mark_taken_down",
    "push_adverts",
    "tag",
    "tags_of",
    "unwatch",
    "watch",
    "watch_hits",
    "watchlist",
]
