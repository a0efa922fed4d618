"""Per-request DataLoaders: every node, list and count a query asks for is read in batches.

Each loader wraps one batch function of `graph.read.batch` (or `graph.casework.tags_of`), so a page of
networks with their adverts, each advert with its author and mentions, costs one query per kind of thing,
whatever the page's size. Keys with a limit are (key, limit) pairs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from strawberry.dataloader import DataLoader

from graph import casework
from graph.read import AsyncReader, batch, queries


class _Loader:
    """A loader of `Loaders` over one batch function, made for a request when first asked for (and kept
    in the instance, so made once)."""

    def __init__(self, function: Callable[[AsyncReader, Sequence[Any]], Awaitable[list[Any]]]) -> None:
        self.function = function

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, loaders: Loaders, owner: type | None = None) -> DataLoader[Any, Any]:
        function, reader = self.function, loaders.reader

        async def load(keys: list[Any]) -> list[Any]:
            return await function(reader, keys)

        made = loaders.__dict__[self.name] = DataLoader(load_fn=load)
        return made


class Loaders:
    """The loaders of one request, sharing its reader (and so its query count).

    Each is made when a resolver first asks for it: a request uses one or two of the fourteen, and every
    DataLoader made holds reference cycles that the garbage collector must find and free."""

    nodes = _Loader(batch.nodes)
    mentions = _Loader(batch.advert_mentions)
    context = _Loader(batch.advert_context)
    adverts_of = _Loader(batch.adverts_of)
    accounts_of = _Loader(batch.accounts_of)
    account_identifiers = _Loader(batch.account_identifiers)
    networks_of = _Loader(batch.networks_of)
    members = _Loader(batch.network_members)
    network_identifiers = _Loader(batch.network_identifiers)
    timelines = _Loader(batch.network_timelines)
    evidence = _Loader(batch.network_evidence)
    adverts_via = _Loader(batch.network_adverts_via)
    template_links = _Loader(batch.template_links)
    tags = _Loader(casework.tags_of)

    def __init__(self, reader: AsyncReader) -> None:
        self.reader = reader

    def prime_nodes(self, records: Sequence[Any]) -> None:
        """Remember records already read (a page of networks), so that asking for them again costs nothing."""
        for record in records:
            self.nodes.prime(record.key, record)


@dataclass(frozen=True)
class KeyedRead:
    """What a field of a node reads: one loader of `Loaders`, keyed by the node's key, and by the page size
    in the field's argument `page` (named as an analyst writes it) when it has one.

    Declared once, on the field (`metadata=KeyedRead(...).metadata`), and used by the field's resolver:
    the read-ahead (`api.graphql.lookahead`) finds it there with the argument's default, so that both
    make the same read with the same key, and the loader's cache answers the resolver."""

    loader: str
    page: str | None = None

    @property
    def metadata(self) -> dict[str, KeyedRead]:
        return {READ: self}

    def load(self, loaders: Loaders, key: str, size: int | None = None) -> Awaitable[Any]:
        """The read of node `key`, with `size` when the field has a page size (checked first: BadInput or
        TooLarge before anything is read)."""
        loader = getattr(loaders, self.loader)
        if self.page is None:
            return loader.load(key)
        if size is None:
            raise TypeError(f"the {self.loader} read needs a page size ({self.page})")
        return loader.load((key, queries.check_page_size(size, name=self.page)))


# The key of a field's metadata that holds its KeyedRead.
READ = "crosslink.read"
