"""The one object a Python user holds: `Crosslink`, a graph to ingest into and ask questions of.

Every method is one call into the core (`graph.ingest`, `graph.networks`, `graph.read.queries`,
`graph.casework`, `graph.apikeys`) with the driver and database the object holds. The methods are written
once, as the coroutines of `AsyncCrosslink`, the face the GraphQL API uses (reads on its event loop, each
request with its own reader); `Crosslink` runs the same coroutines over a blocking reader, with changes
made in place, so that each ends without an event loop (as `Reader.call` does for a read function).
"""

from __future__ import annotations

import asyncio
import functools
import io
import os
import threading
from collections.abc import Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import IO, Any, Concatenate, ParamSpec, TypeVar, cast

import neo4j

from graph import apikeys, casework, ingest_budget, networks, schema
from graph.advert import Line, Reject, read_lines
from graph.config import DEFAULT_DATABASE, Settings
from graph.db import connect
from graph.ingest import DEFAULT_BATCH_SIZE, STDIN_NAME, RunReport, read_files
from graph.ingest import ingest as run_ingest
from graph.networks import CatchUp, HubRule, NetworkReport, catch_up, rebuild
from graph.networks.summary import network_summary as summarize_network
from graph.read import batch, queries
from graph.read.reader import Reader, ReaderBase, complete, read_timeout
from graph.read.records import Account, Advert, Identifier, Network, Node
from graph.summary import Summary, summarize

P = ParamSpec("P")
T = TypeVar("T")

# Who made a tag, a takedown or a watch, when not told: the API names its key's id instead.
BY = "python"

Adverts = str | os.PathLike[str] | IO[bytes] | Iterable[Mapping[str, Any] | Line | bytes | str]


class AsyncCrosslink:
    """The asyncio face of a `Crosslink`: the same methods, as coroutines. Reads go through `reader` (an
    `AsyncReader` on the caller's event loop); changes run the blocking core in a worker thread, so the
    loop keeps answering meanwhile. Two attributes: cheap enough to make per request, with the request's
    reader (which counts its queries and feeds its loaders)."""

    __slots__ = ("graph", "reader")

    def __init__(self, graph: Crosslink, reader: ReaderBase) -> None:
        self.graph = graph
        self.reader = reader

    async def _change(
        self, function: Callable[Concatenate[neo4j.Driver, str, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """`function(driver, database, ...)`, a blocking function of the core, in a worker thread."""
        return await asyncio.to_thread(function, self.graph.driver, self.graph.database, *args, **kwargs)

    # --- questions: the records the GraphQL API serves ---

    async def identifier(
        self, value: str, kind: str | None = None, region: str | None = None, platform: str | None = None
    ) -> Identifier:
        """An identifier as typed, read as ingest reads adverts: '+44 7400 123456', 'wa.me/447400123456'
        and '00447400123456' are one phone. `region` reads a national number, `platform` a bare handle."""
        return await queries.identifier(self.reader, value, kind=kind, region=region, platform=platform)

    async def identifier_at(self, key: str, value: str | None = None) -> Identifier:
        """The identifier with this key (`phone:+447400123456`), for a caller that knows the key before
        asking (the API starts the reads of its fields by it); `value`, as typed, is named if not found."""
        return await queries.identifier_at(self.reader, key, value if value is not None else key)

    async def account(self, platform: str, handle: str) -> Account:
        """The account with this handle (for a WhatsApp author, its id) on this platform."""
        return await queries.account(self.reader, platform, handle)

    async def advert(self, id: str) -> Advert:
        """The advert `advert:<platform>:<post id>` (the `advert:` prefix may be left out)."""
        return await queries.advert(self.reader, id)

    async def node(self, value: str, region: str | None = None, platform: str | None = None) -> Node:
        """Any node (advert, account, identifier, network) by its key or by an identifier as typed."""
        return await queries.node(self.reader, value, region=region, platform=platform)

    async def nodes(self, keys: Sequence[str]) -> list[Node | None]:
        """The nodes with these keys in one read, None for a key not in the graph (a search's adverts)."""
        return await batch.nodes(self.reader, keys)

    async def network(self, id: str) -> Network:
        """One network by id (`n-4kq2x7d9ab`) or key (`network:n-4kq2x7d9ab`)."""
        return await queries.network_at(self.reader, queries.key_of_network(id))

    async def networks(
        self,
        filter: queries.NetworkFilter | None = None,
        *,
        order: str = "SCORE",
        first: int = 20,
        after: str | None = None,
        **conditions: Any,
    ) -> queries.Page:
        """A page of networks, highest `order` first (SCORE, SIZE or LAST_SEEN): those matching `filter`,
        or the same conditions as keywords (`min_countries=2`, `platforms=["x"]`; see NetworkFilter).
        The next page starts `after` the last cursor of this one (`page.cursors[-1]`)."""
        if conditions:
            filter = replace(filter or queries.NetworkFilter(), **conditions)
        return await queries.networks(self.reader, filter, order=order, first=first, after=after)

    async def search(self, text: str, *, first: int = 20, after: str | None = None) -> queries.Page:
        """Adverts whose text matches (words, "a phrase", AND / OR / NOT, wildcards), best first: a page
        of (advert key, score); `nodes` reads the adverts."""
        return await queries.search(self.reader, text, first=first, after=after)

    async def path(
        self,
        a: str,
        b: str,
        *,
        max_hops: int = 4,
        region: str | None = None,
        platform: str | None = None,
        on_found: Callable[[queries.Path], None] | None = None,
    ) -> queries.Path | None:
        """The shortest connection between two identifiers, accounts or adverts (keys or as typed)
        through adverts, hubs not crossed; None when none is at most `max_hops` long. `on_found` sees
        the path before its ends are checked (the API starts reading its adverts there)."""
        return await queries.path(
            self.reader, a, b, max_hops=max_hops, region=region, platform=platform, on_found=on_found
        )

    async def neighbourhood(
        self,
        value: str,
        *,
        depth: int = 1,
        limit: int = 200,
        region: str | None = None,
        platform: str | None = None,
    ) -> queries.Neighbourhood:
        """What lies within `depth` steps of a node, for drawing; hubs and networks not stepped through."""
        return await queries.neighbourhood(
            self.reader, value, depth=depth, limit=limit, region=region, platform=platform
        )

    async def stats(self) -> queries.Stats:
        """What the graph holds: counts by kind, platforms, countries, the last ingest run."""
        return await queries.stats(self.reader)

    async def summary(
        self,
        *,
        limit: int = 20,
        min_accounts: int = 2,
        min_platforms: int = 2,
        stale_after: float | None = None,
    ) -> Summary:
        """Counts, and the `limit` identifiers shared by most accounts or platforms (`crosslink summary`);
        first, runs with no heartbeat for `stale_after` seconds (default CROSSLINK_RUN_STALE_SECONDS) are
        marked interrupted."""
        return await self._change(
            summarize,
            limit=limit,
            min_accounts=min_accounts,
            min_platforms=min_platforms,
            stale_after=stale_after,
        )

    async def network_summary(self, id: str, *, limit: int = 20) -> dict[str, Any] | None:
        """A network's properties, latest adverts, accounts and shared identifiers as plain values
        (`crosslink networks show`), or None when there is no such network."""
        return await self._change(summarize_network, id, limit=limit)

    # --- ingest and networks ---

    async def ingest(
        self,
        adverts: Adverts,
        *,
        source: str,
        region: str | None = None,
        files: Sequence[str] | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        workers: int = 0,
        rewrite: bool = False,
        rejects: Callable[[Reject], None] | None = None,
        progress: Callable[[RunReport], None] | None = None,
        stop: threading.Event | None = None,
        update_networks: bool = True,
        stale_after: float | None = None,
    ) -> RunReport:
        """Ingest adverts from a JSON Lines file (a path; '-' is standard input), a binary stream, or
        records (dicts as in the files): the same run as `crosslink ingest`, safe to repeat. Then bring
        the networks up to date, unless `update_networks` is False (between the files of a bulk load,
        say; `update_networks()` catches up later). Rejected lines go to `rejects`; IngestFailed when a
        batch cannot be written (the batches before it stay written). Runs left `running` with no
        heartbeat for `stale_after` seconds (default CROSSLINK_RUN_STALE_SECONDS) are marked interrupted
        first."""
        lines, names = _lines(adverts)
        report = await self._change(
            run_ingest,
            lines,
            source=source,
            files=names if files is None else files,
            region=region,
            batch_size=batch_size,
            rejects=rejects,
            progress=progress,
            rewrite=rewrite,
            stop=stop,
            workers=workers,
            stale_after=stale_after,
        )
        if update_networks:
            await self.update_networks()
        return report

    async def push_adverts(
        self, adverts: Sequence[Mapping[str, Any]], *, source: str, region: str | None = None
    ) -> casework.PushReport:
        """A few adverts found by hand (at most 100), each rejected one reported with its reason, and the
        networks of the adverts written updated: what the API's `ingestAdverts` does."""
        return await self._change(casework.push_adverts, adverts, source=source, region=region)

    async def update_networks(self, *, rule: HubRule | None = None) -> CatchUp:
        """Regroup the networks the adverts of every ingest run not yet accounted for touch (a run that
        failed, was stopped or skipped the update); a rebuild when they are a large share of the graph."""
        return await self._change(catch_up, rule=rule)

    async def rebuild_networks(self, *, rule: HubRule | None = None) -> NetworkReport:
        """Recompute every network, hubs decided afresh by `rule` (default: CROSSLINK_HUB_* variables)."""
        return await self._change(rebuild, rule=rule)

    async def prepare_api(self) -> None:
        """What serving the API needs of the graph before its first request: the schemas of API keys,
        case work and networks, and the page properties networks written by older versions lack (the
        networks page reads its indexes in order)."""
        await self._change(_prepare_api)

    async def apply_schema(self) -> list[str]:
        """Create the graph's missing constraints and indexes (ingest does too); the names created."""
        return await self._change(schema.apply_schema)

    # --- case work ---

    async def tag(self, target: str, label: str, note: str | None = None, *, by: str = BY) -> casework.Tag:
        """Label a node (advert, account, identifier or network, by key) with a case note, signed `by`."""
        return await self._change(casework.tag, target, label, note, by=by)

    async def mark_taken_down(self, account: str, at: datetime | None = None, *, by: str = BY) -> Account:
        """Record that the platform took the account (by key) down at `at` (default now); the account."""
        key = await self._change(casework.mark_taken_down, account, at, by=by)
        return cast(Account, await queries.node(self.reader, key))

    async def watch(
        self,
        value: str,
        *,
        kind: str | None = None,
        region: str | None = None,
        platform: str | None = None,
        note: str | None = None,
        by: str = BY,
    ) -> casework.Watch:
        """Watch an identifier, as typed: new adverts carrying it appear in `watch_hits`."""
        return await self._change(
            casework.watch, value, kind=kind, region=region, platform=platform, note=note, by=by
        )

    async def unwatch(
        self, value: str, *, kind: str | None = None, region: str | None = None, platform: str | None = None
    ) -> bool:
        """Stop watching an identifier; False when it was not watched."""
        return await self._change(casework.unwatch, value, kind=kind, region=region, platform=platform)

    async def watchlist(self) -> list[casework.Watch]:
        """Every watched identifier, newest first."""
        return await casework.watchlist(self.reader)

    async def watch_hits(self, since: datetime, *, first: int = 100) -> list[casework.WatchHit]:
        """The alert feed: adverts ingested since `since` (with a time zone) that carry a watched
        identifier, newest first, at most `first`."""
        return await casework.watch_hits(self.reader, since, limit=first)

    # --- the API's keys ---

    async def create_key(self, *, role: str, name: str) -> tuple[apikeys.ApiKey, str]:
        """A new API key for `role` (reader, ingest or admin) and the secret to hand over: shown once,
        only its hash is stored."""
        return await self._change(apikeys.create_key, role=role, name=name)

    async def list_keys(self) -> list[apikeys.ApiKey]:
        """Every API key, revoked ones too, without secrets, oldest first."""
        return await self._change(apikeys.list_keys)

    async def revoke_key(self, id: str) -> apikeys.ApiKey:
        """Revoke the key with this id: refused at once here, within seconds on API servers elsewhere."""
        return await self._change(apikeys.revoke_key, id)

    async def spend_ingest_budget(self, key_id: str, chars: int, *, per_minute: int) -> ingest_budget.Spend:
        """Count `chars` characters of pushed advert text against the key's minute, unless that would pass
        `per_minute` (then nothing is counted): shared by every API process over this graph."""
        return await self._change(ingest_budget.spend, key_id, chars, per_minute=per_minute)


class _InPlace(AsyncCrosslink):
    """The coroutines as `Crosslink` runs them: reads over its blocking Reader, changes made here and
    now, so that each ends at its first step without an event loop (`complete`)."""

    __slots__ = ()

    async def _change(
        self, function: Callable[Concatenate[neo4j.Driver, str, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        return function(self.graph.driver, self.graph.database, *args, **kwargs)


def _blocking(
    step: Callable[Concatenate[AsyncCrosslink, P], Coroutine[Any, Any, T]],
) -> Callable[Concatenate[Crosslink, P], T]:
    """The method of `Crosslink` for a method of `AsyncCrosslink`: its coroutine, run to its result."""

    @functools.wraps(step)
    def method(self: Crosslink, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return complete(step(self._in_place, *args, **kwargs))

    return method


class Crosslink:
    """A Crosslink graph (a Neo4j database) to ingest adverts into and ask questions of.

    `Crosslink.connect()` opens one with the settings the CLI uses (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
    NEO4J_DATABASE, or the local server's password file), each overridable; `Crosslink(driver)` borrows
    a driver already open, which it never closes. Use it in a `with` block, or `close()` it.
    The answers are the records the GraphQL API serves (`graph.read.records`, `graph.read.queries`).
    """

    def __init__(
        self, driver: neo4j.Driver, database: str = DEFAULT_DATABASE, *, read_timeout: float | None = None
    ) -> None:
        """Over an open driver, not closed by `close`; reads stop after `read_timeout` seconds
        (default CROSSLINK_READ_TIMEOUT, as the API's)."""
        self.driver = driver
        self.database = database
        self.reader = Reader(driver, database, timeout=_read_timeout(read_timeout))
        self.owns_driver = False
        self._in_place = _InPlace(self, self.reader)

    @classmethod
    def connect(
        cls,
        uri: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        settings: Settings | None = None,
        timeout: float = 10.0,
        read_timeout: float | None = None,
    ) -> Crosslink:
        """Connect and check that the database answers, or raise GraphUnavailable saying where and what
        to do (SettingsError when no password is given anywhere). What is not given comes from
        `settings`, else the environment, as for the CLI; the driver is closed with the object."""
        given = {"uri": uri, "user": user, "password": password, "database": database}
        chosen = {name: value for name, value in given.items() if value is not None}
        if settings is None:  # NEO4J_URI, NEO4J_USER, ...: a password given needs no password file
            environ = {**os.environ, **{f"NEO4J_{name.upper()}": value for name, value in chosen.items()}}
            settings = Settings.from_env(environ)
        settings = replace(settings, **chosen)
        graph = cls(connect(settings, timeout=timeout), settings.database, read_timeout=read_timeout)
        graph.owns_driver = True
        return graph

    def close(self) -> None:
        """Close the driver if this object opened it (`connect`); a borrowed one is left open."""
        if self.owns_driver:
            self.driver.close()

    def __enter__(self) -> Crosslink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Each method is the coroutine of AsyncCrosslink of the same name (its signature and docstring too),
    # run to its result over this object's blocking Reader, changes made in place.
    identifier = _blocking(AsyncCrosslink.identifier)
    identifier_at = _blocking(AsyncCrosslink.identifier_at)
    account = _blocking(AsyncCrosslink.account)
    advert = _blocking(AsyncCrosslink.advert)
    node = _blocking(AsyncCrosslink.node)
    nodes = _blocking(AsyncCrosslink.nodes)
    network = _blocking(AsyncCrosslink.network)
    networks = _blocking(AsyncCrosslink.networks)
    search = _blocking(AsyncCrosslink.search)
    path = _blocking(AsyncCrosslink.path)
    neighbourhood = _blocking(AsyncCrosslink.neighbourhood)
    stats = _blocking(AsyncCrosslink.stats)
    summary = _blocking(AsyncCrosslink.summary)
    network_summary = _blocking(AsyncCrosslink.network_summary)
    ingest = _blocking(AsyncCrosslink.ingest)
    push_adverts = _blocking(AsyncCrosslink.push_adverts)
    update_networks = _blocking(AsyncCrosslink.update_networks)
    rebuild_networks = _blocking(AsyncCrosslink.rebuild_networks)
    prepare_api = _blocking(AsyncCrosslink.prepare_api)
    apply_schema = _blocking(AsyncCrosslink.apply_schema)
    tag = _blocking(AsyncCrosslink.tag)
    mark_taken_down = _blocking(AsyncCrosslink.mark_taken_down)
    watch = _blocking(AsyncCrosslink.watch)
    unwatch = _blocking(AsyncCrosslink.unwatch)
    watchlist = _blocking(AsyncCrosslink.watchlist)
    watch_hits = _blocking(AsyncCrosslink.watch_hits)
    create_key = _blocking(AsyncCrosslink.create_key)
    list_keys = _blocking(AsyncCrosslink.list_keys)
    revoke_key = _blocking(AsyncCrosslink.revoke_key)
    spend_ingest_budget = _blocking(AsyncCrosslink.spend_ingest_budget)


def _prepare_api(driver: neo4j.Driver, database: str) -> None:
    apikeys.ensure_schema(driver, database)
    casework.ensure_schema(driver, database)
    networks.apply_schema(driver, database)
    networks.fill_missing(driver, database)


def _read_timeout(seconds: float | None) -> float:
    return read_timeout() if seconds is None else seconds


def _lines(adverts: Adverts) -> tuple[Iterable[Any], list[str]]:
    """What `ingest` reads from `adverts`, and the file names the run records."""
    if isinstance(adverts, str | os.PathLike):
        path = os.fspath(adverts)
        return read_files([path]), [STDIN_NAME if path == "-" else path]
    if hasattr(adverts, "readline") and not isinstance(adverts, io.TextIOBase):
        name = getattr(adverts, "name", None)
        name = name if isinstance(name, str) else None
        return read_lines(cast(IO[bytes], adverts), name), [name] if name else []
    return cast(Iterable[Any], adverts), []


__all__ = ["BY", "AsyncCrosslink", "Crosslink"]
