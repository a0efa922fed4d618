"""A subgraph as a networkx MultiDiGraph, which networkx then writes as GraphML or GEXF.

Node ids are the Crosslink keys; each edge's networkx key and `id` attribute is its Subgraph id, so that
the edge ids survive both formats. A multigraph, so that two edges between the same nodes never merge.
"""

from __future__ import annotations

import networkx

from graph.export.attributes import countries, edge_attributes, graph_attributes, node_attributes
from graph.export.subgraph import Subgraph


def to_networkx(subgraph: Subgraph) -> networkx.MultiDiGraph:
    """The subgraph's nodes and edges with their flat attributes (graph.export.attributes)."""
    graph = networkx.MultiDiGraph(name=subgraph.title, **graph_attributes(subgraph))
    where = countries(subgraph)
    for node in subgraph.nodes:
        graph.add_node(node.id, **node_attributes(node, where))
    for edge in subgraph.edges:
        graph.add_edge(edge.source, edge.target, key=edge.id, id=edge.id, **edge_attributes(edge))
    return graph
