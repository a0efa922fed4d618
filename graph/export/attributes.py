"""A subgraph's nodes and edges as flat attributes: the typed single values (text, whole numbers, decimals,
true/false) that GraphML, GEXF and CSV columns hold.

A list becomes one string joined by "; " (countries, platforms); the evidence of an edge becomes a JSON
list of `{advert, start, end, value}` (the advert's text is its node's `text` attribute, not repeated per
span). An attribute with no value is left out, as GraphML and GEXF have no null.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from graph.export.subgraph import Edge, Node, Subgraph

Scalar = str | int | float | bool
SEPARATOR = "; "


def flat(value: Any) -> Scalar | None:
    """A property value as one typed value: lists joined by SEPARATOR, maps as JSON, None kept."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list | tuple):
        return SEPARATOR.join(str(item) for item in value if item is not None)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def countries(subgraph: Subgraph) -> dict[str, list[str]]:
    """Each node's countries: the Country nodes its IN_COUNTRY edges point to (an advert's region, the
    country of a phone or IBAN)."""
    found: dict[str, list[str]] = {}
    for edge in subgraph.edges:
        if edge.type == "IN_COUNTRY":
            found.setdefault(edge.source, []).append(edge.target)
    return found


def country(node: Node, countries: Mapping[str, list[str]]) -> str | None:
    """The one country to show for a node: a phone's or IBAN's, an advert's region, a country's own
    code, else the first its IN_COUNTRY edges point to."""
    p = node.properties
    own = sorted(countries.get(node.id, []))
    return p.get("country") or p.get("region") or p.get("code") or (own[0] if own else None)


def node_attributes(node: Node, countries: Mapping[str, list[str]]) -> dict[str, Scalar]:
    """The node's kind, label, platform, country, countries and every property, flat, None left out."""
    values: dict[str, Any] = {
        "kind": node.kind,
        "label": node.label,
        "platform": node.properties.get("platform"),
        "country": country(node, countries),
        "countries": sorted(countries.get(node.id, [])) or None,
    }
    p = node.properties
    for name, value in p.items():
        values.setdefault(name, value)
    return {name: flat_value for name, value in values.items() if (flat_value := flat(value)) is not None}


def evidence_json(edge: Edge) -> str:
    """The evidence of an edge as a JSON list of `{advert, start, end, value}`."""
    spans = [{"advert": e.advert, "start": e.start, "end": e.end, "value": e.value} for e in edge.evidence]
    return json.dumps(spans, ensure_ascii=False)


def edge_attributes(edge: Edge) -> dict[str, Scalar]:
    """The edge's type (as `relationship`, and as its `label`: GEXF keeps `type` for directed or
    undirected), its properties, and for a MENTIONS its evidence (JSON) and the values as written (joined
    by SEPARATOR), None left out."""
    values: dict[str, Any] = {"relationship": edge.type, "label": edge.type, **edge.properties}
    if edge.evidence:
        values["evidence"] = evidence_json(edge)
        values["values"] = [e.value for e in edge.evidence]
    return {name: flat_value for name, value in values.items() if (flat_value := flat(value)) is not None}


def graph_attributes(subgraph: Subgraph) -> dict[str, Scalar]:
    """The title, whether the limit cut the subgraph, and its networks (a JSON list)."""
    return {
        "title": subgraph.title,
        "truncated": subgraph.truncated,
        "networks": json.dumps([dict(n) for n in subgraph.networks], ensure_ascii=False),
    }
