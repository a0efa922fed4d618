"""Per-request DataLoaders: every node, list and count a query asks for is read in batches.

Each loader wraps one batch function of `graph.read.batch` (or `graph.casework.tags_of`), so a page of
networks with their adverts, each advert with its author and mentions, costs one query per kind of thing,
whatever the page's size. Keys with a limit are (key, limit) pairs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from functools import cached_property
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from graph import casework
from graph.read import AsyncReader, batch

K = TypeVar("K")
V = TypeVar("V")


class Loaders:
    """The loaders of one request, sharing its reader (and so its query count).

    Each is made when a resolver first asks for it: a request uses one or two of the eleven, and every
    DataLoader made holds reference cycles that the garbage collector must find and free."""

    def __init__(self, reader: AsyncReader) -> None:
        self.reader = reader

    @cached_property
    def nodes(self) -> DataLoader[Any, Any]:
        return self._loader(batch.nodes)

    @cached_property
    def mentions(self) -> DataLoader[Any, Any]:
        return self._loader(batch.advert_mentions)

    @cached_property
    def adverts_of(self) -> DataLoader[Any, Any]:
        return self._loader(batch.adverts_of)

    @cached_property
    def accounts_of(self) -> DataLoader[Any, Any]:
        return self._loader(batch.accounts_of)

    @cached_property
    def account_identifiers(self) -> DataLoader[Any, Any]:
        return self._loader(batch.account_identifiers)

    @cached_property
    def networks_of(self) -> DataLoader[Any, Any]:
        return self._loader(batch.networks_of)

    @cached_property
    def members(self) -> DataLoader[Any, Any]:
        return self._loader(batch.network_members)

    @cached_property
    def network_identifiers(self) -> DataLoader[Any, Any]:
        return self._loader(batch.network_identifiers)

    @cached_property
    def timelines(self) -> DataLoader[Any, Any]:
        return self._loader(batch.network_timelines)

    @cached_property
    def evidence(self) -> DataLoader[Any, Any]:
        return self._loader(batch.network_evidence)

    @cached_property
    def tags(self) -> DataLoader[Any, Any]:
        return self._loader(casework.tags_of)

    def _loader(self, function: Callable[[AsyncReader, Sequence[K]], Awaitable[list[V]]]) -> DataLoader[K, V]:
        reader = self.reader

        async def load(keys: list[K]) -> list[V]:
            return await function(reader, keys)

        return DataLoader(load_fn=load)

    def prime_nodes(self, records: Sequence[Any]) -> None:
        """Remember records already read (a page of networks), so that asking for them again costs nothing."""
        for record in records:
            self.nodes.prime(record.key, record)
