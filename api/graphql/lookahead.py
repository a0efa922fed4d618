"""Reading ahead: the reads an `identifier` or a `network` question's fields will make, started while the
node itself is read.

Asked by value or id, the node's key is known before the node is read, and so are the reads its fields
make (an identifier's adverts, accounts and networks; a network's members, identifiers, timeline and
evidence), all by that key. GraphQL resolves those fields only once the node is found, so their reads
would wait for the node's. Started at once through the request's loaders, they run together with it,
and each field then finds its answer in its loader's cache. A node that is not there makes those reads
for nothing, each one bounded read by key; fields asked in another shape (a page size out of bounds)
are left to their resolvers, which read and report as usual.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from api.graphql import types as t
from api.graphql.loaders import Loaders
from graph.read import queries
from graph.read.reader import ReadError

# A field's read, started: from the request's loaders, the node's key and the field's arguments as asked.
Start = Callable[[Loaders, str, Mapping[str, Any]], "asyncio.Future[Any]"]


def _page(arguments: Mapping[str, Any], name: str, default: int) -> int:
    # An Int written in the query comes as its text (a variable's value as the number); validation has
    # already held it to an Int either way.
    return queries.check_page_size(int(arguments.get(name, default)), name=name)


IDENTIFIER_FIELDS: Mapping[str, Start] = {
    "adverts": lambda ld, key, args: ld.adverts_of.load((key, _page(args, "first", t.IDENTIFIER_ADVERTS))),
    "accounts": lambda ld, key, args: ld.accounts_of.load((key, _page(args, "first", t.IDENTIFIER_ACCOUNTS))),
    "networks": lambda ld, key, args: ld.networks_of.load(key),
}
NETWORK_FIELDS: Mapping[str, Start] = {
    "adverts": lambda ld, key, args: ld.members.load((key, _page(args, "first", t.NETWORK_MEMBERS))),
    "accounts": lambda ld, key, args: ld.members.load((key, _page(args, "first", t.NETWORK_MEMBERS))),
    "identifiers": lambda ld, key, args: ld.network_identifiers.load(key),
    "timeline": lambda ld, key, args: ld.timelines.load(key),
    "evidence": lambda ld, key, args: ld.evidence.load(
        (key, _page(args, "advertsPerIdentifier", t.EVIDENCE_ADVERTS))
    ),
}


def read_ahead(info: Info, key: str, fields: Mapping[str, Start]) -> None:
    """Start the reads of those of `fields` that the current field's selection asks for, for node `key`."""
    loaders = info.context.loaders
    for field in _asked(info.selected_fields):
        start = fields.get(field.name)
        if start is None:
            continue
        try:
            started = start(loaders, key, field.arguments)
        except ReadError:  # a page size out of bounds: the field's resolver reports it
            continue
        started.add_done_callback(_retrieved)


def _asked(current: Sequence[Selection]) -> Iterator[SelectedField]:
    """The fields selected directly under the current field (`info.selected_fields`)."""
    for field in current:
        yield from _fields(field.selections)


def _fields(selections: Sequence[Selection]) -> Iterator[SelectedField]:
    """The fields among `selections`, fragments opened."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, InlineFragment | FragmentSpread):
            yield from _fields(selection.selections)


def _retrieved(future: asyncio.Future[Any]) -> None:
    """Take a failed read's error off its future: when the node is not found, nobody awaits it, and
    asyncio would log it as never retrieved. A field that does await it still gets the error."""
    if not future.cancelled():
        future.exception()
