"""`Network.graph`: a network as the page draws it, from the same subgraph every export is written from
(graph.export), so the drawing and the downloads hold the same nodes and edges."""

from __future__ import annotations

import json
from datetime import datetime

import strawberry

from graph.export import attributes
from graph.export.subgraph import Edge, Node, Subgraph
from graph.read.queries import check_range

# The most nodes one drawing may hold: more is cut (`truncated`), a larger `limit` refused.
MAX_GRAPH_NODES = 5000
DEFAULT_GRAPH_NODES = 2000


@strawberry.type(
    description="One mention of an identifier in an advert: [start, end) in the text of the advert node "
    "(which carries it once: repeating it per mention would let one long advert multiply an answer)."
)
class EdgeEvidence:
    advert: strawberry.ID
    start: int
    end: int
    value: str


@strawberry.type(description="A node of a network's drawing.")
class NetworkGraphNode:
    id: strawberry.ID = strawberry.field(description="Its key in the graph.")
    kind: str = strawberry.field(
        description="Its label: Advert, Account, Phone, PaymentTag, Email, Link, Domain or Country."
    )
    label: str = strawberry.field(description="A caption to draw.")
    platform: str | None
    country: str | None
    countries: list[str] = strawberry.field(description="The countries its IN_COUNTRY edges point to.")
    hub: bool
    hub_reason: str | None
    posted_at: datetime | None
    text: str | None = strawberry.field(description="An advert's text.")
    properties: str = strawberry.field(description="All its exported properties, as a JSON object.")

    @classmethod
    def of(cls, node: Node, countries: dict[str, list[str]]) -> NetworkGraphNode:
        p = node.properties
        posted = p.get("posted_at")
        return cls(
            id=strawberry.ID(node.id),
            kind=node.kind,
            label=node.label,
            platform=p.get("platform"),
            country=attributes.country(node, countries),
            countries=sorted(countries.get(node.id, [])),
            hub=bool(p.get("hub")),
            hub_reason=p.get("hub_reason"),
            posted_at=datetime.fromisoformat(posted) if posted else None,
            text=p.get("text"),
            properties=json.dumps(dict(p), ensure_ascii=False, sort_keys=True),
        )


@strawberry.type(description="A relationship of a network's drawing; a MENTIONS carries its evidence.")
class NetworkGraphEdge:
    id: strawberry.ID = strawberry.field(description="TYPE:source->target, unique in the drawing.")
    source: strawberry.ID
    target: strawberry.ID
    type: str = strawberry.field(description="POSTED, MENTIONS, IN_COUNTRY, ON_DOMAIN or SAME_TEMPLATE.")
    similarity: float | None = strawberry.field(description="A SAME_TEMPLATE link's similarity.")
    evidence: list[EdgeEvidence]

    @classmethod
    def of(cls, edge: Edge) -> NetworkGraphEdge:
        similarity = edge.properties.get("similarity")
        return cls(
            id=strawberry.ID(edge.id),
            source=strawberry.ID(edge.source),
            target=strawberry.ID(edge.target),
            type=edge.type,
            similarity=None if similarity is None else float(similarity),
            evidence=[
                EdgeEvidence(advert=strawberry.ID(e.advert), start=e.start, end=e.end, value=e.value)
                for e in edge.evidence
            ],
        )


@strawberry.type(
    description="A network for drawing: its adverts, accounts, what they mention (hubs marked), their "
    "countries and domains, and the relationships among them; truncated when the limit cut it."
)
class NetworkGraph:
    nodes: list[NetworkGraphNode]
    edges: list[NetworkGraphEdge]
    truncated: bool

    @classmethod
    def of(cls, subgraph: Subgraph) -> NetworkGraph:
        countries = attributes.countries(subgraph)
        return cls(
            nodes=[NetworkGraphNode.of(node, countries) for node in subgraph.nodes],
            edges=[NetworkGraphEdge.of(edge) for edge in subgraph.edges],
            truncated=subgraph.truncated,
        )


def check_limit(limit: int) -> int:
    """`limit` when 1 <= limit <= MAX_GRAPH_NODES (BadInput or TooLarge otherwise)."""
    check_range("limit", limit, MAX_GRAPH_NODES)
    return limit
