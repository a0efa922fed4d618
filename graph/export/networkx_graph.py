"""A subgraph as a networkx MultiDiGraph, which networkx then writes as GraphML or GEXF.

Node ids are the Crosslink keys; each edge's networkx key and `id` attribute is its Subgraph id, so that
the edge ids survive both formats. A multigraph, so that two edges between the same nodes never merge.

GraphML and GEXF declare one type per attribute name, and networkx takes each value's own: a name whose
values differ in type (a score 1 on one advert and 0.5 on another, a post id a number here and text
there) would be declared twice in GraphML, or declared whole in GEXF and fail to read back. So each name
gets one type: decimals when its values are whole numbers and decimals, text when they differ otherwise.

Both formats are XML, which cannot hold most control characters (nor U+FFFE, U+FFFF), even escaped, and
advert texts are written by anyone: each such character is written as U+FFFD, one for one, so that the
file parses and evidence offsets still point at the same places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx

from graph.export.attributes import Scalar, countries, edge_attributes, graph_attributes, node_attributes
from graph.export.subgraph import Subgraph

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_networkx(subgraph: Subgraph) -> networkx.MultiDiGraph:
    """The subgraph's nodes and edges with their flat attributes (graph.export.attributes)."""
    graph = networkx.MultiDiGraph(name=_text(subgraph.title), **_xml(graph_attributes(subgraph)))
    where = countries(subgraph)
    nodes = _one_type_each([_xml(node_attributes(node, where)) for node in subgraph.nodes])
    for node, values in zip(subgraph.nodes, nodes, strict=True):
        graph.add_node(_text(node.id), **values)
    edges = _one_type_each([_xml(edge_attributes(edge)) for edge in subgraph.edges])
    for edge, values in zip(subgraph.edges, edges, strict=True):
        source, target, key = _text(edge.source), _text(edge.target), _text(edge.id)
        graph.add_edge(source, target, key=key, id=key, **values)
    return graph


def _text(value: str) -> str:
    return NOT_XML.sub("\ufffd", value)


def _xml(values: dict[str, Scalar]) -> dict[str, Scalar]:
    """`values` with each text's characters that XML cannot hold written as U+FFFD."""
    return {name: _text(value) if isinstance(value, str) else value for name, value in values.items()}


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
