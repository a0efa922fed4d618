"""Reading links out of Neo4j and writing networks, hub marks and memberships back, in batches.

Reads stream with the Rust-backed driver; writes go `UNWIND $rows` in transactions of `BATCH` rows and
only touch what changed (a member whose network is unchanged is not rewritten).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import neo4j

from graph import cypher, schema
from graph.db import QUIET
from graph.networks.content import AdvertContent

BATCH = 10_000
# Boundaries of the advert key ranges read in parallel (keys are `advert:<platform>:<post id>`).
RANGES = ("advert:", "advert:g", "advert:j", "advert:ti", "advert:v", "advert:\U0010ffff")
# The parameter of networks_identifiers / networks_hubs_write holding each key prefix's rows.
LABEL_PARAMETERS = {
    "phone": "phones",
    "payment": "payments",
    "email": "emails",
    "handle": "accounts",
    "account": "accounts",
    "url": "links",
    "domain": "domains",
}
_SCHEMA_NAME = re.compile(r"CREATE\s+(?:CONSTRAINT|INDEX)\s+(\w+)", re.I)


@dataclass(frozen=True, slots=True)
class AdvertRow:
    """One advert as the network computation needs it."""

    key: str
    author: str | None
    identifiers: list[str]
    located: list[list[str]]  # [identifier key, country]
    posted: int | None
    region: str | None
    named: list[str] | None  # None: not cached for this content
    network: str | None = None
    template: list[int] | None = None  # the template signature's values (graph.templates)
    template_hub: str | None = None  # why its template was a hub at the last recompute, if it was


@dataclass(frozen=True, slots=True)
class OldNetwork:
    """A network as the last recompute wrote it."""

    key: str
    id: str
    members: list[str]
    profile_hash: str | None
    template: tuple[str, ...] = ()  # members in it only through template links


@dataclass(frozen=True, slots=True)
class NodeRow:
    """One identifier or account, with what decides whether it joins."""

    key: str
    mentions: list[str]
    posted: list[str]
    posters: int
    hub: bool
    hub_reason: str | None
    network: str | None
    hub_groups: int | None = None


def apply_schema(driver: neo4j.Driver, database: str) -> list[str]:
    """Create the networks' constraints and indexes that are missing (idempotent); return their names."""
    records, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name", database_=database)
    existing = {r["name"] for r in records}
    created = []
    for statement in cypher.statements("networks_schema"):
        match = _SCHEMA_NAME.match(statement)
        name = match.group(1) if match else None
        if name not in existing and schema.create(driver, database, statement):
            created.append(name or statement)
    if created:
        driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    return created


def fill_missing(driver: neo4j.Driver, database: str) -> int:
    """Give networks stored before the API's page properties existed those properties; return how many.

    Networks written now have them (networks_write); this is for a graph built by an older version, and
    reads every network, so it runs when the API starts, not after every ingest.
    """
    records, _, _ = driver.execute_query(cypher.load("networks_fill"), database_=database)
    return records[0]["filled"]


def _advert_row(record: neo4j.Record, with_network: bool) -> AdvertRow:
    return AdvertRow(
        record["key"],
        record["author"],
        record["identifiers"],
        record["located"],
        record["posted"],
        record["region"],
        record["named"],
        record["network"] if with_network else None,
        record["template"],
        record["template_hub"] if with_network else None,
    )


def stream_adverts(
    driver: neo4j.Driver, database: str, *, page: int = 5_000
) -> Iterator[tuple[AdvertRow, list[int] | None]]:
    """Every advert with its author and identifiers (networks_links), and its template signature apart
    (so that a caller keeping the rows does not keep the signatures), in pages, two pages read at once.

    The key space is cut into ranges read by two threads, so that both of Neo4j's cores work; within
    a range, pages follow the key index. Adverts come range by range, each in key order.
    """
    query = cypher.load("networks_links")

    def read_range(bounds: tuple[str, str]) -> list[list[Any]]:
        after, before = bounds
        pages = []
        with driver.session(
            database=database,
            default_access_mode=neo4j.READ_ACCESS,
            notifications_disabled_classifications=QUIET,
        ) as session:
            while True:
                record = session.run(query, after=after, before=before, size=page).single()
                rows = record["adverts"] if record else []
                if not rows:
                    return pages
                pages.append(rows)
                after = rows[-1][0]

    with ThreadPoolExecutor(max_workers=2) as pool:
        for pages in pool.map(read_range, itertools.pairwise(RANGES)):
            for rows in pages:
                for key, author, identifiers, located, posted, region, named, template in rows:
                    yield AdvertRow(key, author, identifiers, located, posted, region, named), template


def read_adverts(session: neo4j.Session, keys: Sequence[str]) -> list[AdvertRow]:
    """The given adverts (those that exist) with their current network."""
    rows = []
    for chunk in _chunks(keys, BATCH):
        result = session.run(cypher.load("networks_adverts"), keys=chunk)
        rows.extend(_advert_row(record, True) for record in result)
    return rows


def read_nodes(session: neo4j.Session, keys: Iterable[str]) -> list[NodeRow]:
    """The given identifiers and accounts (those that exist), with their mentions and posters."""
    rows = []
    keys = list(keys)
    for chunk in _chunks(keys, 2_000):
        result = session.run(cypher.load("networks_identifiers"), _by_label(chunk))
        rows.extend(
            NodeRow(
                r["key"],
                r["mentions"],
                r["posted"],
                r["posters"],
                r["hub"],
                r["hub_reason"],
                r["network"],
                r["hub_groups"],
            )
            for r in result
        )
    return rows


def read_networks(session: neo4j.Session, keys: Sequence[str] | None = None) -> list[OldNetwork]:
    """The given networks, or every network, as they are in the graph now."""
    query = cypher.load("networks_current")
    chunks = [None] if keys is None else _chunks(keys, BATCH)
    found = []
    for chunk in chunks:
        result = session.run(query, keys=chunk)
        found.extend(
            OldNetwork(r["key"], r["id"], r["members"], r["profile_hash"], tuple(r["template"]))
            for r in result
        )
    return found


def read_hubs(session: neo4j.Session) -> dict[str, str | None]:
    """Every identifier marked as a hub now, with its reason."""
    return {r["key"]: r["hub_reason"] for r in session.run(cypher.load("networks_hubs_current"))}


def ids_taken(session: neo4j.Session, ids: Sequence[str]) -> set[str]:
    """Which of these network ids a Network already has."""
    taken: set[str] = set()
    for chunk in _chunks(ids, BATCH):
        taken.update(r["id"] for r in session.run(cypher.load("networks_ids_taken"), ids=chunk))
    return taken


def read_texts(session: neo4j.Session, keys: Sequence[str]) -> list[tuple[str, str, str]]:
    """(key, text, content_hash) of the given adverts whose named countries are not cached."""
    found = []
    for chunk in _chunks(keys, BATCH):
        result = session.run(cypher.load("networks_texts"), keys=chunk)
        found.extend((r["key"], r["text"], r["content_hash"]) for r in result)
    return found


def read_content(session: neo4j.Session, keys: Sequence[str]) -> dict[str, AdvertContent]:
    """What the given adverts' texts say (networks_content): their indicator hits, smuggling score and
    whether a template joins them to another advert."""
    found = {}
    for chunk in _chunks(keys, BATCH):
        for r in session.run(cypher.load("networks_content"), keys=chunk):
            found[r["key"]] = AdvertContent.of(
                r["score"], r["terms"], r["categories"], r["weights"], r["templated"]
            )
    return found


def write_named(session: neo4j.Session, rows: Sequence[Mapping[str, Any]]) -> None:
    _write_batches(session, "networks_named_write", "rows", rows)


def write_hubs(session: neo4j.Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Mark (row hub true) or clear (false) hub identifiers; rows {key, hub, reason, groups, accounts}."""
    for chunk in _chunks(rows, BATCH):
        params: dict[str, list[Mapping[str, Any]]] = {p: [] for p in set(LABEL_PARAMETERS.values())}
        for row in chunk:
            params[LABEL_PARAMETERS[row["key"].split(":", 1)[0]]].append(row)
        session.execute_write(lambda tx, p=params: tx.run(cypher.load("networks_hubs_write"), p).consume())


def write_networks(session: neo4j.Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Create or update Network nodes; rows {key, id, properties}."""
    _write_batches(session, "networks_write", "networks", rows, size=2_000)


def write_members(
    session: neo4j.Session, moves: Sequence[tuple[str, str | None]], template: Collection[str] = ()
) -> None:
    """Move each member (advert or account key) to a network key, or out of any network (None); the
    members in `template` are in their network only through template links (`via`)."""
    for chunk in _chunks(moves, BATCH):
        params: dict[str, list[dict[str, str | None]]] = {"adverts": [], "accounts": []}
        for member, network in chunk:
            params["adverts" if member.startswith("advert:") else "accounts"].append(
                {
                    "member": member,
                    "network": network,
                    "via": "template" if member in template else "identifier",
                }
            )
        session.execute_write(lambda tx, p=params: tx.run(cypher.load("networks_members_write"), p).consume())


def template_candidates(
    session: neo4j.Session, queries: Mapping[str, str], limit: int
) -> dict[str, list[str]]:
    """For each name, the adverts having any of its band tokens (space-separated), at most `limit`
    (networks_template_candidates)."""
    found: dict[str, list[str]] = {}
    rows = [{"key": key, "bands": bands} for key, bands in queries.items()]
    for chunk in _chunks(rows, 1_000):
        for r in session.run(cypher.load("networks_template_candidates"), queries=chunk, limit=limit):
            found[r["key"]] = r["adverts"]
    return found


def read_template_links(
    session: neo4j.Session, keys: Sequence[str] | None = None
) -> dict[tuple[str, str], tuple[float, bool, str | None]]:
    """The SAME_TEMPLATE links touching these adverts (every link for None): (small, large) -> (similarity,
    joins, reason)."""
    query = cypher.load("networks_template_links")
    found = {}
    for chunk in [None] if keys is None else _chunks(keys, BATCH):
        for r in session.run(query, keys=chunk):
            found[(r["small"], r["large"])] = (r["similarity"], r["joins"], r["reason"])
    return found


def write_template_links(
    session: neo4j.Session, gone: Sequence[tuple[str, str]], links: Sequence[Mapping[str, Any]]
) -> None:
    """Remove the `gone` (small, large) links and create or update `links` (networks_template_write)."""
    query = cypher.load("networks_template_write")
    rows = [{"small": s, "large": g} for s, g in gone]
    for chunk in _chunks(rows, BATCH):
        session.execute_write(lambda tx, c=chunk: tx.run(query, gone=c, links=[]).consume())
    for chunk in _chunks(links, BATCH):
        session.execute_write(lambda tx, c=chunk: tx.run(query, gone=[], links=c).consume())


def tagged_networks(session: neo4j.Session, keys: Sequence[str]) -> set[str]:
    """The networks among `keys` that carry an analyst's tag."""
    found: set[str] = set()
    for chunk in _chunks(keys, 10_000):
        found.update(r["key"] for r in session.run(cypher.load("networks_tagged"), keys=chunk))
    return found


def move_tags(session: neo4j.Session, moves: Sequence[Mapping[str, Any]]) -> None:
    """Move the tags of networks about to be deleted (see `cypher/networks_tags_move.cypher`)."""
    _write_batches(session, "networks_tags_move", "moves", moves, size=100)


def delete_networks(session: neo4j.Session, keys: Sequence[str]) -> None:
    _write_batches(session, "networks_delete", "keys", keys, size=1_000)


def _write_batches(
    session: neo4j.Session, name: str, parameter: str, rows: Sequence[Any], size: int = BATCH
) -> None:
    query = cypher.load(name)
    for chunk in _chunks(rows, size):
        session.execute_write(lambda tx, c=chunk: tx.run(query, {parameter: c}).consume())


def _by_label(keys: Iterable[str]) -> dict[str, list[str]]:
    """Keys sorted into networks_identifiers' parameters by their prefix; unknown kinds are dropped."""
    params: dict[str, list[str]] = {p: [] for p in set(LABEL_PARAMETERS.values())}
    for key in keys:
        parameter = LABEL_PARAMETERS.get(key.split(":", 1)[0])
        if parameter is not None:
            params[parameter].append(key)
    return params


def _chunks(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def pending_runs(driver: neo4j.Driver, database: str, runs: Sequence[str] | None = None) -> list[str]:
    """The ended ingest runs the networks do not yet account for (among `runs`, when given)."""
    if runs is None:
        return [r["run"] for r in _read(driver, database, "networks_pending_runs")]
    return [r["run"] for r in _read(driver, database, "networks_pending_runs_of", runs=list(runs))]


def run_adverts(driver: neo4j.Driver, database: str, runs: Sequence[str]) -> list[str]:
    """The keys of the adverts these runs wrote (each advert belongs to the last run that wrote it)."""
    return [r["key"] for r in _read(driver, database, "networks_pending_adverts", runs=list(runs))]


def run_advert_count(driver: neo4j.Driver, database: str, runs: Sequence[str]) -> int:
    return _read(driver, database, "networks_pending_advert_count", runs=list(runs))[0]["adverts"]


def advert_count(driver: neo4j.Driver, database: str) -> int:
    return _read(driver, database, "networks_advert_count")[0]["adverts"]


def mark_runs(driver: neo4j.Driver, database: str, runs: Sequence[str]) -> int:
    """Mark ingest runs as accounted for by the networks (see `graph.networks.pending`)."""
    if not runs:
        return 0
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        return session.execute_write(
            lambda tx: tx.run(cypher.load("networks_runs_done"), runs=list(runs)).single(strict=True)["runs"]
        )


def _read(driver: neo4j.Driver, database: str, name: str, **parameters: Any) -> list[neo4j.Record]:
    query = cypher.load(name)
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        return session.execute_read(lambda tx: list(tx.run(query, parameters)))
