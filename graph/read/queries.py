"""The analysts' questions, one function each: the GraphQL API's resolvers call these.

Each is a coroutine taking a reader (reads in read transactions with a timeout) and returning records
from `graph.read.records`: the API awaits them over an `AsyncReader`; code without an event loop (the
tests) runs them with `Reader.call`. Errors say what to change: NotFound names the canonical key that
was looked for, BadInput what cannot be read, TooLarge which limit was passed.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from graph.indicators import SMUGGLING_CATEGORIES
from graph.read import batch
from graph.read.keys import account_key, identifier_key, is_key, kind_of, node_key
from graph.read.reader import BadInput, NotFound, ReaderBase, TooLarge
from graph.read.records import (
    Account,
    Advert,
    Identifier,
    Network,
    Node,
    Span,
    identifier_of,
    network_from_properties,
    spans_of,
)

MAX_PAGE = 500
MAX_PATH_HOPS = 6
MAX_DEPTH = 3
MAX_NEIGHBOURHOOD = 2000
MAX_CURSOR_CHARS = 1000
MAX_SEARCH_SKIP = 1_000_000  # a search cursor past this many hits was not made here
# Each order of the networks page and the Network property it reads in index order (see networks_write).
ORDER_PROPERTIES = MappingProxyType(
    {"SCORE": "score", "CONTENT": "score_content", "SIZE": "size", "LAST_SEEN": "last_seen_ms"}
)
ORDERS = tuple(ORDER_PROPERTIES)


def check_page_size(first: int, *, name: str = "first") -> int:
    """`first` when 0 <= first <= MAX_PAGE; TooLarge or BadInput otherwise."""
    if first < 0:
        raise BadInput(f"{name} must be 0 or more, not {first}")
    if first > MAX_PAGE:
        raise TooLarge(f"{name} is {first}; at most {MAX_PAGE} items are returned at once, page with `after`")
    return first


# --- single lookups ---


async def identifier(
    reader: ReaderBase,
    value: str,
    *,
    kind: str | None = None,
    region: str | None = None,
    platform: str | None = None,
) -> Identifier:
    """The identifier an analyst typed, canonicalised as ingest does ("+44 7400 123456", "wa.me/447400123456"
    and "00447400123456" are all `phone:+447400123456`)."""
    return await identifier_at(
        reader, key_of_identifier(value, kind=kind, region=region, platform=platform), value
    )


def key_of_identifier(
    value: str, *, kind: str | None = None, region: str | None = None, platform: str | None = None
) -> str:
    """The key `identifier` looks up for what an analyst typed (BadInput when it reads as none): known
    before any read, so that reads keyed by it can start alongside the identifier's own."""
    return identifier_key(value, kind=kind, region=_region(region), platform=_platform(platform))


async def identifier_at(reader: ReaderBase, key: str, value: str) -> Identifier:
    """The identifier with this key, which `value` (as typed) was read as."""
    (node,) = await batch.nodes(reader, [key])
    if node is None:
        raise NotFound(f"no {kind_of(key)} {key!r} in the graph (read from {value!r})")
    return identifier_of(node)


async def account(reader: ReaderBase, platform: str, handle: str) -> Account:
    """The account with this handle (or, for a WhatsApp author, this id) on this platform."""
    key = account_key(_platform(platform) or "", handle)
    (node,) = await batch.nodes(reader, [key])
    if not isinstance(node, Account):
        raise NotFound(f"no account {key!r} in the graph")
    return node


async def advert(reader: ReaderBase, key: str) -> Advert:
    """The advert with this key (`advert:<platform>:<post_id>`; the `advert:` prefix may be left out)."""
    key = key.strip()
    if key.removeprefix("advert:") == "":
        raise BadInput("the advert id is empty: give advert:<platform>:<post id>")
    if not key.startswith("advert:"):
        key = f"advert:{key}"
    (node,) = await batch.nodes(reader, [key])
    if not isinstance(node, Advert):
        raise NotFound(f"no advert {key!r} in the graph")
    return node


async def network_at(reader: ReaderBase, key: str) -> Network:
    """The network with this key."""
    if key.removeprefix("network:") == "":
        raise BadInput("the network id is empty: give its id (n-...) or key (network:n-...)")
    (node,) = await batch.nodes(reader, [key])
    if not isinstance(node, Network):
        raise NotFound(f"no network {key!r} in the graph (networks are rebuilt after each ingest)")
    return node


def key_of_network(id: str) -> str:
    """The key of the network with this id (or key, `network:<id>`), known before it is read, as
    `key_of_identifier`."""
    return id.strip() if id.strip().startswith("network:") else f"network:{id.strip()}"


async def node(
    reader: ReaderBase, value: str, *, region: str | None = None, platform: str | None = None
) -> Node:
    """Any node, by key or by a raw identifier value."""
    key = node_key(value, region=_region(region), platform=_platform(platform))
    (found,) = await batch.nodes(reader, [key])
    if found is None:
        raise NotFound(f"no node {key!r} in the graph" + ("" if is_key(value) else f" (read from {value!r})"))
    return found


# --- networks ---


@dataclass(frozen=True)
class NetworkFilter:
    """Which networks to list: every condition given must hold, and every platform and country listed."""

    min_platforms: int = 0
    min_countries: int = 0
    min_size: int = 0
    platforms: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    seen_since: datetime | None = None
    seen_before: datetime | None = None
    contains_identifier: str | None = None
    identifier_region: str | None = None
    identifier_platform: str | None = None
    min_content_score: float = 0.0
    max_benign_score: float | None = None
    joined_by_template: bool | None = None  # True: some adverts joined only by template; False: none
    indicator_categories: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    """One page of results: the items with their cursors, the total, and whether more follow."""

    items: list[Any]
    cursors: list[str]
    total: int
    has_next: bool
    has_previous: bool


async def networks(
    reader: ReaderBase,
    filter: NetworkFilter | None = None,
    *,
    order: str = "SCORE",
    first: int = 20,
    after: str | None = None,
) -> Page:
    """A page of networks matching `filter`, highest `order` first (SCORE, CONTENT, SIZE or LAST_SEEN)."""
    filter = filter or NetworkFilter()
    check_page_size(first)
    if order not in ORDERS:
        raise BadInput(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    for name in ("min_platforms", "min_countries", "min_size"):
        if getattr(filter, name) < 0:
            raise BadInput(f"{name} must be 0 or more")
    for name, value in (
        ("minContentScore", filter.min_content_score),
        ("maxBenignScore", filter.max_benign_score),
    ):
        if value is not None and not (_finite(value) and 0 <= value <= 100):
            raise BadInput(f"{name} must be a number from 0 to 100, not {value}")
    unknown = [c for c in filter.indicator_categories if c.strip().lower() not in SMUGGLING_CATEGORIES]
    if unknown:
        raise BadInput(
            f"indicatorCategories takes smuggling categories ({', '.join(SMUGGLING_CATEGORIES)}), "
            f"not {', '.join(map(repr, unknown))}"
        )
    for name, when in (("seenSince", filter.seen_since), ("seenBefore", filter.seen_before)):
        if when is not None and when.tzinfo is None:  # Neo4j compares a local time with none: no match
            raise BadInput(f"{name} needs a time zone (e.g. 2024-05-01T00:00:00Z)")
    after_value, after_key = None, None
    if after is not None:
        cursor = decode_cursor(after)
        if cursor.get("o") != order or not isinstance(cursor.get("k"), str):
            raise BadInput("the `after` cursor belongs to another ordering; start again without it")
        value = cursor.get("v")
        if isinstance(value, bool) or not isinstance(value, int | float) or not _finite(value):
            raise BadInput("the `after` cursor is not a networks cursor; start again without it")
        after_value, after_key = float(value), cursor["k"]
    only = None
    if filter.contains_identifier is not None:
        key = node_key(
            filter.contains_identifier,
            region=_region(filter.identifier_region),
            platform=_platform(filter.identifier_platform),
        )
        (found,) = await batch.networks_of(reader, [key])
        only = [network.key for network in found]
        if not only:  # the identifier is in no network: nothing to count or page through
            return Page([], [], 0, False, after is not None)
    row = await reader.one(
        "read_networks_page",
        slots={"order": ORDER_PROPERTIES[order]},
        only=only,
        min_platforms=filter.min_platforms,
        min_countries=filter.min_countries,
        min_size=filter.min_size,
        platforms=[p.strip().lower() for p in filter.platforms],
        countries=[c.strip().upper() for c in filter.countries],
        seen_since=filter.seen_since,
        seen_before=filter.seen_before,
        min_content=float(filter.min_content_score),
        max_benign=None if filter.max_benign_score is None else float(filter.max_benign_score),
        by_template=filter.joined_by_template,
        categories=[c.strip().lower() for c in filter.indicator_categories],
        after_value=after_value,
        after_key=after_key,
        first=first,
    ) or {"total": 0, "page": []}
    rows = row["page"]
    items = [network_from_properties(r["network"]) for r in rows[:first]]
    cursors = [
        encode_cursor({"o": order, "v": r["sort_value"], "k": r["network"]["key"]}) for r in rows[:first]
    ]
    return Page(items, cursors, row["total"], len(rows) > first, after is not None)


# --- search, paths, neighbourhoods, stats ---


async def search(reader: ReaderBase, text: str, *, first: int = 20, after: str | None = None) -> Page:
    """Adverts whose text matches `text` (full-text, Lucene syntax), best first: (advert key, score)."""
    check_page_size(first)
    text = text.strip()
    if not text:
        raise BadInput("the search text is empty")
    if len(text) > 1000:
        raise BadInput("the search text is longer than 1,000 characters")
    skip = 0
    if after is not None:
        cursor = decode_cursor(after)
        if not isinstance(cursor.get("s"), int) or not 0 <= cursor["s"] < MAX_SEARCH_SKIP:
            raise BadInput("the `after` cursor is not a search cursor; start again without it")
        skip = cursor["s"] + 1
    row = await reader.one("read_search", query=text, skip=skip, limit=first + 1) or {"total": 0, "hits": []}
    hits = row["hits"]
    items = [(h["advert"], float(h["score"])) for h in hits[:first]]
    cursors = [encode_cursor({"s": skip + i}) for i in range(len(items))]
    return Page(items, cursors, row["total"], len(hits) > first, skip > 0)


@dataclass(frozen=True)
class Hop:
    """One relationship of a path: an advert MENTIONS an identifier (with spans) or an account POSTED it."""

    source: str
    target: str
    relation: str
    advert: str
    spans: list[Span]


@dataclass(frozen=True)
class Path:
    nodes: list[str]
    hops: list[Hop]


async def path(
    reader: ReaderBase,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    region: str | None = None,
    platform: str | None = None,
    on_found: Callable[[Path], None] | None = None,
) -> Path | None:
    """The shortest connection between two identifiers, accounts or adverts (keys or raw values), hubs not
    crossed, at most `max_hops` relationships long; None when there is none that short.

    `on_found` is called with the path as soon as the search has found it, while its two ends may still
    be being checked: the API starts the reads of what the path's fields show (its adverts) there."""
    check_range("maxHops", max_hops, MAX_PATH_HOPS)
    ends = [node_key(v, region=_region(region), platform=_platform(platform)) for v in (source, target)]
    if ends[0] == ends[1]:
        raise BadInput(f"both ends are {ends[0]}; a path needs two different nodes")

    async def search() -> Path | None:
        row = await reader.one(
            "read_path", slots={"max_hops": str(max_hops)}, **{"from": ends[0], "to": ends[1]}
        )
        if row is None:
            return None
        hops = [
            Hop(h["from"], h["to"], h["relation"], h["advert"], spans_of(h["spans"], h["quotes"]))
            for h in row["hops"]
        ]
        found = Path(row["nodes"], hops)
        if on_found is not None:
            on_found(found)
        return found

    # The search need not wait for the ends to be found: when one is missing, it finds nothing. It is
    # sent first, as the longer of the two reads and the one the adverts' read waits for.
    found, records = await reader.together(search(), batch.nodes(reader, ends))
    for key, record in zip(ends, records, strict=True):
        if record is None:
            raise NotFound(f"no node {key!r} in the graph")
    return found


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str


@dataclass(frozen=True)
class Neighbourhood:
    """Nodes and relationships around a node, for drawing; `truncated` when the limit cut it short."""

    center: str
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool


async def neighbourhood(
    reader: ReaderBase,
    value: str,
    *,
    depth: int = 1,
    limit: int = 200,
    region: str | None = None,
    platform: str | None = None,
) -> Neighbourhood:
    """What lies within `depth` steps of a node (adverts, what they mention, who posted them, networks).

    One query per step and one for the nodes; hubs and networks are shown but not stepped through, or a
    platform's own domain would draw half the graph.
    """
    check_range("depth", depth, MAX_DEPTH)
    check_range("limit", limit, MAX_NEIGHBOURHOOD)
    start = await node(reader, value, region=region, platform=platform)
    seen: dict[str, Node | None] = {start.key: start}
    edges: dict[tuple[str, str, str], Edge] = {}
    frontier = [start.key] if _expandable(start) else []
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        rows = await reader.rows("read_neighbours", keys=frontier, limit=limit + 1)
        if len(rows) > limit:
            truncated = True
        new: list[str] = []
        for row in rows[:limit]:
            if len(edges) >= limit:
                truncated = True
                break
            edges.setdefault(
                (row["from"], row["to"], row["relation"]), Edge(row["from"], row["to"], row["relation"])
            )
            for key in (row["from"], row["to"]):
                if key not in seen:
                    seen[key] = None
                    new.append(key)
        if truncated:
            break
        loaded = await batch.nodes(reader, new)
        for key, record in zip(new, loaded, strict=True):
            seen[key] = record
        frontier = [
            key for key, record in zip(new, loaded, strict=True) if record is not None and _expandable(record)
        ]
    missing = [key for key, record in seen.items() if record is None]
    if missing:
        for key, record in zip(missing, await batch.nodes(reader, missing), strict=True):
            seen[key] = record
    return Neighbourhood(
        start.key, [r for r in seen.values() if r is not None], list(edges.values()), truncated
    )


def _expandable(record: Node) -> bool:
    return not isinstance(record, Network) and not getattr(record, "hub", False)


@dataclass(frozen=True)
class Stats:
    counts: dict[str, int]
    platforms: list[tuple[str, int]]
    countries: list[tuple[str, int]]
    networks_updated_at: datetime | None
    last_run: str | None
    last_run_status: str | None
    last_run_started_at: datetime | None
    last_run_finished_at: datetime | None
    last_run_heartbeat_at: datetime | None = None
    interrupted_runs: int = 0


async def stats(reader: ReaderBase) -> Stats:
    """What the graph holds: adverts, accounts, identifiers by kind, networks and the last ingest run."""
    row = await reader.one("read_stats") or {}
    names = (
        "adverts accounts phones payment_tags emails links domains networks cross_platform_networks "
        "cross_border_networks"
    ).split()
    return Stats(
        counts={name: int(row.get(name) or 0) for name in names},
        platforms=[(p["name"], p["adverts"]) for p in row.get("platforms", []) if p["name"] is not None],
        countries=[(c["name"], c["adverts"]) for c in row.get("countries", [])],
        networks_updated_at=row.get("networks_updated_at"),
        last_run=row.get("last_run"),
        last_run_status=row.get("last_run_status"),
        last_run_started_at=row.get("last_run_started_at"),
        last_run_finished_at=row.get("last_run_finished_at"),
        last_run_heartbeat_at=row.get("last_run_heartbeat_at"),
        interrupted_runs=int(row.get("interrupted_runs") or 0),
    )


# --- cursors and input ---


def encode_cursor(value: dict[str, Any]) -> str:
    """An opaque cursor: the position as compact JSON, base64url without padding."""
    raw = json.dumps(value, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    """The position a cursor holds; BadInput when it was not made by `encode_cursor`."""
    value = None
    if len(cursor) <= MAX_CURSOR_CHARS:  # the API's own are a few dozen characters
        try:
            value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        except (ValueError, UnicodeDecodeError, RecursionError):
            value = None
    if not isinstance(value, dict):
        raise BadInput("the `after` cursor is not one this API gave out; use a cursor from a previous page")
    return value


def check_range(name: str, value: int, most: int) -> None:
    """A count argument from 1 to `most`: below is a mistake (BadInput), above a limit (TooLarge)."""
    if value < 1:
        raise BadInput(f"{name} must be at least 1, not {value}")
    if value > most:
        raise TooLarge(f"{name} must be at most {most}, not {value}")


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        return False


def _region(region: str | None) -> str | None:
    if region is None or not region.strip():
        return None
    code = region.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise BadInput(f"region must be an ISO 3166 alpha-2 code such as GB or FR, not {region!r}")
    return code


def _platform(platform: str | None) -> str | None:
    if platform is None or not platform.strip():
        return None
    name = platform.strip().lower()
    return "x" if name == "twitter" else name
