"""Per-request DataLoaders: every node, list and count a query asks for is read in batches.

Each loader wraps one batch function of `graph.read.batch` (or `graph.casework.tags_of`), so a page of
networks with their adverts, each advert with its author and mentions, costs one query per kind of thing,
whatever the page's size. Keys with a limit are (key, limit) pairs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from graph import casework
from graph.read import AsyncReader, batch

K = TypeVar("K")
V = TypeVar("V")


class Loaders:
    """The loaders of one request, sharing its reader (and so its query count)."""

    def __init__(self, reader: AsyncReader) -> None:
        self.reader = reader
        self.nodes = self._loader(batch.nodes)
        self.mentions = self._loader(batch.advert_mentions)
        self.adverts_of = self._loader(batch.adverts_of)
        self.accounts_of = self._loader(batch.accounts_of)
        self.account_identifiers = self._loader(batch.account_identifiers)
        self.networks_of = self._loader(batch.networks_of)
        self.members = self._loader(batch.network_members)
        self.network_identifiers = self._loader(batch.network_identifiers)
        self.timelines = self._loader(batch.network_timelines)
        self.evidence = self._loader(batch.network_evidence)
        self.tags = self._loader(casework.tags_of)

    def _loader(self, function: Callable[[AsyncReader, Sequence[K]], Awaitable[list[V]]]) -> DataLoader[K, V]:
        reader = self.reader

        async def load(keys: list[K]) -> list[V]:
            return await function(reader, keys)

        return DataLoader(load_fn=load)

    def prime_nodes(self, records: Sequence[Any]) -> None:
        """Remember records already read (a page of networks), so that asking for them again costs nothing."""
        for record in records:
            self.nodes.prime(record.key, record)
