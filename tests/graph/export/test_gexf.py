"""GEXF export read back by networkx: every node and edge of the network, with its attributes."""

from __future__ import annotations

import io
import json

import networkx

from graph.export import Subgraph, gexf
from tests.api.planted import HUB_EMAIL


def read(subgraph: Subgraph) -> networkx.Graph:
    out = io.BytesIO()
    gexf.write(subgraph, out)
    out.seek(0)
    return networkx.read_gexf(out)


def test_every_node_and_edge_round_trips(network_a: Subgraph) -> None:
    back = read(network_a)
    assert back.is_directed()
    assert set(back.nodes) == {node.id for node in network_a.nodes}
    for node in network_a.nodes:
        data = back.nodes[node.id]
        assert (data["kind"], data["label"], data["hub"]) == (node.kind, node.label, node.properties["hub"])
        assert data.get("platform") == node.properties.get("platform")
    found = {data["id"]: (u, v, data) for u, v, data in back.edges(data=True)}
    assert len(found) == back.number_of_edges() == len(network_a.edges)
    for edge in network_a.edges:
        source, target, data = found[edge.id]
        assert (source, target, data["relationship"], data["label"]) == (
            edge.source,
            edge.target,
            edge.type,
            edge.type,
        )
        spans = json.loads(data.get("evidence", "[]"))
        assert [(s["advert"], s["start"], s["end"], s["value"]) for s in spans] == [
            (e.advert, e.start, e.end, e.value) for e in edge.evidence
        ]
        if edge.type == "SAME_TEMPLATE":
            assert data["similarity"] == edge.properties["similarity"] and data["joins"] is True


def test_hubs_and_countries_are_attributes(network_a: Subgraph) -> None:
    back = read(network_a)
    assert back.nodes[HUB_EMAIL]["hub"] is True and "groups" in back.nodes[HUB_EMAIL]["hub_reason"]
    assert back.nodes["advert:instagram:a2"]["countries"] == "IQ"
    assert back.nodes["GB"]["kind"] == "Country"
