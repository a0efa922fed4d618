"""Exports of networks and neighbourhoods to the analysts' tools (GraphML, GEXF, CSV, FollowTheMoney, i2).

`subgraph` reads what an export holds, once, as plain records; one module per format writes it
(`formats` names them).
"""

from graph.export.subgraph import (
    Edge,
    Evidence,
    ExportError,
    Node,
    NotFound,
    Subgraph,
    identifier_subgraph,
    network_subgraph,
    networks_subgraph,
)

__all__ = [
    "Edge",
    "Evidence",
    "ExportError",
    "Node",
    "NotFound",
    "Subgraph",
    "identifier_subgraph",
    "network_subgraph",
    "networks_subgraph",
]
