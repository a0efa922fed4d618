"""Reading ahead: the reads an `identifier` or a `network` question's fields will make, started while the
node itself is read.

Asked by value or id, the node's key is known before the node is read, and so are the reads its fields
make (an identifier's adverts, accounts and networks; a network's members, identifiers, timeline and
evidence), all by that key. GraphQL resolves those fields only once the node is found, so their reads
would wait for the node's. Started at once through the request's loaders, they run together with it,
and each field then finds its answer in its loader's cache. For a node that is not there they are
cancelled once that is known; fields skipped by `@skip` or `@include`, or asked in a shape not read
ahead (a page size out of bounds), are left to their resolvers, which read and report as usual.

A `path`'s adverts are known once the search finds it: their read starts then (`PathReads`), while the
check of the path's two ends may still be running and before GraphQL reaches the hops' fields.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from strawberry import Schema
from strawberry.types import Info, get_object_definition
from strawberry.types.nodes import SelectedField, Selection

from api.graphql import types as t
from api.graphql.loaders import READ, KeyedRead
from graph.read import batch, queries
from graph.read.reader import NotFound, ReadError


class FieldReads:
    """The reads declared on the fields of a node's type (`KeyedRead`, in each field's metadata), found
    from the type itself so that the read-ahead cannot drift from what the fields read."""

    def __init__(self, node_type: type) -> None:
        self.type_name = get_object_definition(node_type, strict=True).name

    def start(self, info: Info, key: str) -> list[asyncio.Future[Any]]:
        """The reads of node `key` that the current field's selection will ask for, started. A field
        asked in a shape that cannot be read ahead (a page size out of bounds, a variable of the wrong
        type) is left to its resolver, which reads and reports as usual."""
        declared = declared_reads(info.schema, self.type_name)
        loaders = info.context.loaders
        started = []
        for selected in asked(info):
            found = declared.get(selected.name)
            if found is None:
                continue
            read, default = found
            try:
                size = None if read.page is None else int(_given(selected.arguments, read.page, default))
                started.append(_begin(read.load(loaders, key, size)))
            except (ReadError, TypeError, ValueError):
                continue
        return started


@lru_cache(maxsize=16)
def declared_reads(schema: Schema, type_name: str) -> dict[str, tuple[KeyedRead, Any]]:
    """By field name as a query writes it, the read each field of the type declares, with the default of
    its page-size argument; found once per schema. ValueError when a read names no argument of its
    field: the declaration is wrong, and the schema should not serve."""
    definition = schema.get_type_by_name(type_name)
    names = schema.config.name_converter
    declared = {}
    for field in getattr(definition, "fields", ()):
        read = field.metadata.get(READ)
        if not isinstance(read, KeyedRead):
            continue
        defaults = {names.get_graphql_name(a): a.default for a in field.arguments}
        if read.page is not None and read.page not in defaults:
            raise ValueError(f"{type_name}.{field.python_name} reads with a page size {read.page!r} it lacks")
        declared[names.get_graphql_name(field)] = (read, defaults.get(read.page) if read.page else None)
    return declared


def _given(arguments: Mapping[str, Any], name: str, default: Any) -> Any:
    """An argument as asked, or its default when left out (or given a variable that is null or unset)."""
    value = arguments.get(name)
    return default if value is None else value


IDENTIFIER_FIELDS = FieldReads(t.Identifier)
NETWORK_FIELDS = FieldReads(t.Network)


def asked(info: Info) -> Iterator[SelectedField]:
    """The fields selected directly under the current field (under each of its nodes, when a query asks
    for it more than once), fragments opened and `@skip`/`@include` applied."""
    for field in info.selected_fields:
        yield from opened(field.selections)


def opened(selections: Iterable[Selection]) -> Iterator[SelectedField]:
    """The fields of `selections`, inline fragments and fragment spreads opened; those a `@skip(if:
    true)` or an `@include(if: false)` leaves out are left out here too."""
    for selection in selections:
        if not _included(selection.directives):
            continue
        if isinstance(selection, SelectedField):
            yield selection
        else:
            yield from opened(selection.selections)


def _included(directives: Mapping[str, Mapping[str, Any]]) -> bool:
    return (
        directives.get("skip", {}).get("if") is not True
        and directives.get("include", {}).get("if") is not False
    )


class PathReads:
    """The reads of the nodes a path's selected fields show (its hops' adverts, its nodes): started in
    one batch once the search has found it (`start`, `queries.path`'s `on_found`), not once the search
    and the check of its ends have both ended and GraphQL has reached those fields; then handed to the
    path whole (`read`), so that GraphQL completes it at once instead of awaiting a loader per hop.
    Should the question fail after all (the check of its ends did), the read is left to end (within its
    deadline), its error, if any, taken off (`_begin`); nobody but the path awaits it."""

    def __init__(self, info: Info) -> None:
        fields = list(asked(info))
        self.adverts = any(
            f.name == "advert" for hops in fields if hops.name == "hops" for f in opened(hops.selections)
        )
        self.nodes = any(f.name == "nodes" for f in fields)
        self._loaders = info.context.loaders
        self._keys: list[str] = []
        self._started: asyncio.Future[list[Any]] | None = None

    def start(self, found: queries.Path) -> None:
        self._keys = [h.advert for h in found.hops] if self.adverts else []
        self._keys += found.nodes if self.nodes else []
        if self._keys:
            self._started = _begin(self._read(self._keys))

    async def _read(self, keys: list[str]) -> list[Any]:
        """The nodes read at once, not through the loader (whose batch waits for the next turn of the
        event loop, and whose answer takes two more to reach the path), then kept in it for any
        other field asking for them."""
        found = await batch.nodes(self._loaders.reader, keys)
        self._loaders.prime_nodes([r for r in found if r is not None])
        return found

    async def read(self) -> Mapping[str, Any] | None:
        """Each key read, with its record (None for a node not there), once read; None when nothing was
        read or the read failed: each field then reads for itself, through the loader (the hops' in
        one batch, which tries once more), and reports its error."""
        if self._started is None:
            return None
        try:
            found = await self._started
        except ReadError:
            return None
        return dict(zip(self._keys, found, strict=True))


@contextmanager
def read_ahead(info: Info, key: str, fields: FieldReads) -> Iterator[None]:
    """Around the read of node `key`: the reads of those of `fields` that the current field's selection
    asks for run meanwhile. When the node is not there they are cancelled, as no field will wait for
    them (a field elsewhere in the request asking for the same key finds no node either). When its read
    fails otherwise they are left to end, each its own error taken off by `_retrieved`: a loader's
    answer is shared by every field asking for the same key, and one still waiting on it would be
    cancelled too."""
    started = fields.start(info, key)
    try:
        yield
    except NotFound:
        for future in started:
            future.cancel()
        raise


def _begin(read: Awaitable[Any]) -> asyncio.Future[Any]:
    """`read` started, its error (if any) taken off should nobody await it (see `_retrieved`)."""
    future = asyncio.ensure_future(read)
    future.add_done_callback(_retrieved)
    return future


def _retrieved(future: asyncio.Future[Any]) -> None:
    """Take a failed read's error off its future: when the node is not found, nobody awaits it, and
    asyncio would log it as never retrieved. A field that does await it still gets the error."""
    if not future.cancelled():
        future.exception()
