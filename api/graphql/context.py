"""What each GraphQL request carries: the caller's key, a reader counting its queries, and its loaders.

Reads await the asyncio driver on the event loop (`reader`); writes, key management and ingest use the
blocking driver (`driver`) in a worker thread (`run`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

import neo4j

from api.audit import AuditLog
from api.graphql.loaders import Loaders
from graph.apikeys import ApiKey
from graph.read import AsyncReader

T = TypeVar("T")


@dataclass
class Context:
    """Per request: who asks (`api_key`), where the graph is, and the loaders that batch its reads."""

    api_key: ApiKey | None
    driver: neo4j.Driver
    database: str
    reader: AsyncReader
    audit: AuditLog | None
    client: str | None = None
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.reader)

    async def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call a blocking `graph` function in a worker thread, so the server keeps answering meanwhile."""
        return await asyncio.to_thread(partial(function, *args, **kwargs))

    @property
    def key_id(self) -> str:
        return self.api_key.id if self.api_key else "anonymous"
