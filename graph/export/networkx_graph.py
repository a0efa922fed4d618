"""A subgraph as a networkx MultiDiGraph, which networkx then writes as GraphML or GEXF.

Node ids are the Crosslink keys; each edge's networkx key and `id` attribute is its Subgraph id, so that
the edge ids survive both formats. A multigraph, so that two edges between the same nodes never merge.

GraphML and GEXF declare one type per attribute name, and networkx takes each value's own: a name whose
values differ in type (a score 1 on one advert and 0.5 on another, a post id a number here and text
there) would be declared twice in GraphML, or declared whole in GEXF and fail to read back. So each name
gets one type: decimals when its values are whole numbers and decimals, text when they differ otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx

from graph.export.attributes import Scalar, countries, edge_attributes, graph_attributes, node_attributes
from graph.export.subgraph import Subgraph


def to_networkx(subgraph: Subgraph) -> networkx.MultiDiGraph:
    """The subgraph's nodes and edges with their flat attributes (graph.export.attributes)."""
    graph = networkx.MultiDiGraph(name=subgraph.title, **graph_attributes(subgraph))
    where = countries(subgraph)
    nodes = _one_type_each([node_attributes(node, where) for node in subgraph.nodes])
    for node, values in zip(subgraph.nodes, nodes, strict=True):
        graph.add_node(node.id, **values)
    edges = _one_type_each([edge_attributes(edge) for edge in subgraph.edges])
    for edge, values in zip(subgraph.edges, edges, strict=True):
        graph.add_edge(edge.source, edge.target, key=edge.id, id=edge.id, **values)
    return graph


def _one_type_each(rows: list[dict[str, Scalar]]) -> list[dict[str, Scalar]]:
    """`rows` with each attribute name's values made one type (see the module's docstring)."""
    kinds: dict[str, set[type]] = {}
    for row in rows:
        for name, value in row.items():
            kinds.setdefault(name, set()).add(type(value))
    mixed = {name: _common(found) for name, found in kinds.items() if len(found) > 1}
    if not mixed:
        return rows
    return [
        {name: mixed[name](value) if name in mixed else value for name, value in row.items()} for row in rows
    ]


def _common(found: Iterable[type]) -> type:
    return float if set(found) == {int, float} else str
