"""What each GraphQL request carries: the caller's key, the graph's asyncio face over a reader counting
the request's queries, and its loaders.

Resolvers ask `crosslink`, the asyncio face of the app's `graph.Crosslink` made for the request: its reads
await the asyncio driver on the event loop through the request's `reader` (which the loaders share), its
changes (case work, keys, pushed adverts) run the blocking core in a worker thread.
"""

from __future__ import annotations

from dataclasses import InitVar, dataclass, field

from api.audit import AuditLog
from api.graphql.limits import Limits
from api.graphql.loaders import Loaders
from graph.apikeys import ApiKey
from graph.crosslink import AsyncCrosslink, Crosslink
from graph.read import AsyncReader


@dataclass
class Context:
    """Per request: who asks (`api_key`), the graph (`crosslink`, made from the app's `graph` with the
    request's `reader`), the loaders that batch its reads, and the app's limits (those resolvers check)."""

    api_key: ApiKey | None
    graph: InitVar[Crosslink]
    reader: AsyncReader
    audit: AuditLog | None
    client: str | None = None
    limits: Limits = field(default_factory=Limits)
    crosslink: AsyncCrosslink = field(init=False)
    loaders: Loaders = field(init=False)

    def __post_init__(self, graph: Crosslink) -> None:
        self.crosslink = AsyncCrosslink(graph, self.reader)
        self.loaders = Loaders(self.reader)

    @property
    def key_id(self) -> str:
        return self.api_key.id if self.api_key else "anonymous"
