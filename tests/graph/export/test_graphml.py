"""GraphML export read back by networkx: every node and edge of the network, with its attributes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx

from graph.export import Subgraph, graphml
from tests.api.planted import HUB_EMAIL, PHONE_A


def read(subgraph: Subgraph) -> networkx.MultiDiGraph:
    out = io.BytesIO()
    graphml.write(subgraph, out)
    out.seek(0)
    return networkx.read_graphml(out, force_multigraph=True)


def test_every_node_and_edge_round_trips(network_a: Subgraph) -> None:
    back = read(network_a)
    assert set(back.nodes) == {node.id for node in network_a.nodes}
    assert back.number_of_nodes() == len(network_a.nodes)
    for node in network_a.nodes:
        data = back.nodes[node.id]
        assert (data["kind"], data["label"], data["hub"]) == (node.kind, node.label, node.properties["hub"])
        assert data.get("network") == node.properties["network"]
    edges = {key: (u, v, data) for u, v, key, data in back.edges(keys=True, data=True)}
    assert set(edges) == {edge.id for edge in network_a.edges}
    for edge in network_a.edges:
        source, target, data = edges[edge.id]
        assert (source, target, data["relationship"]) == (edge.source, edge.target, edge.type)
        if edge.evidence:
            spans = json.loads(data["evidence"])
            assert [(s["advert"], s["start"], s["end"], s["value"]) for s in spans] == [
                (e.advert, e.start, e.end, e.value) for e in edge.evidence
            ]
            assert data["count"] == edge.properties["count"]


def test_attributes_keep_their_types(network_a: Subgraph) -> None:
    back = read(network_a)
    assert back.nodes[HUB_EMAIL]["hub"] is True and back.nodes[HUB_EMAIL]["hub_reason"]
    assert back.nodes[PHONE_A]["country"] == "GB" and back.nodes[PHONE_A]["countries"] == "GB"
    advert = back.nodes["advert:facebook:a1"]
    assert advert["platform"] == "facebook" and isinstance(advert["smuggling_score"], float)
    text = advert["text"]
    for _, _, data in back.out_edges("advert:facebook:a1", data=True):
        for span in json.loads(data.get("evidence", "[]")):
            assert text[span["start"] : span["end"]] == span["value"]
    assert json.loads(back.graph["networks"])[0]["id"] == network_a.networks[0]["id"]
    assert back.graph["truncated"] is False


def test_writes_to_a_path(network_a: Subgraph, tmp_path: Path) -> None:
    path = tmp_path / "network.graphml"
    graphml.write(network_a, path)
    assert networkx.read_graphml(path).number_of_nodes() == len(network_a.nodes)
