"""The subgraph every export draws from, read from the planted graph and checked against the graph itself
(what IN_NETWORK, MENTIONS and the other relationships hold, asked in Cypher here)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.crosslink import Crosslink
from graph.export import NotFound, Subgraph, identifier_subgraph, network_subgraph, networks_subgraph
from graph.read import BadInput, TooLarge
from tests.api.planted import HUB_EMAIL, IBAN_A, PHONE_A
from tests.graph.export.conftest import DOMAIN_A, LINK_A, PHONE_B


def rows(graph: Crosslink, query: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = graph.driver.execute_query(query, parameters, database_=graph.database)
    return [record.data() for record in records]


def network_of(graph: Crosslink, key: str) -> str:
    (row,) = rows(
        graph,
        "MATCH (a:Advert)-[:MENTIONS]->({key: $key}) MATCH (a)-[:IN_NETWORK]->(n:Network) "
        "RETURN DISTINCT n.id AS id",
        key=key,
    )
    return row["id"]


def by_id(subgraph: Subgraph) -> dict[str, Any]:
    return {node.id: node for node in subgraph.nodes}


def test_a_network_holds_its_members_and_everything_they_mention(
    graph: Crosslink, network_a: Subgraph
) -> None:
    id = network_of(graph, PHONE_A)
    members = rows(graph, "MATCH (m)-[:IN_NETWORK]->(:Network {id: $id}) RETURN m.key AS key", id=id)
    mentioned = rows(
        graph,
        "MATCH (a:Advert)-[:IN_NETWORK]->(:Network {id: $id}) MATCH (a)-[:MENTIONS]->(n) "
        "RETURN DISTINCT n.key AS key, coalesce(n.hub, false) AS hub",
        id=id,
    )
    nodes = by_id(network_a)
    assert len(members) >= 6
    assert {m["key"] for m in members} <= set(nodes)
    assert {m["key"] for m in mentioned} <= set(nodes)
    for m in mentioned:
        assert nodes[m["key"]].properties["hub"] is m["hub"]
    assert nodes[HUB_EMAIL].properties["hub"] is True and nodes[HUB_EMAIL].properties["hub_reason"]
    assert {PHONE_A, IBAN_A, LINK_A, DOMAIN_A} <= set(nodes)
    assert PHONE_B not in nodes  # network B's phone: the hub email does not pull B in
    assert [n["id"] for n in network_a.networks] == [id]
    assert network_a.title == f"network {id}" and not network_a.truncated
    for member in members:
        assert nodes[member["key"]].properties["network"] == id


def test_countries_domains_and_relationship_types(graph: Crosslink, network_a: Subgraph) -> None:
    nodes = by_id(network_a)
    edges = {edge.id: edge for edge in network_a.edges}
    assert len(edges) == len(network_a.edges)
    assert {edge.type for edge in network_a.edges} == {
        "POSTED",
        "MENTIONS",
        "IN_COUNTRY",
        "ON_DOMAIN",
        "SAME_TEMPLATE",
    }
    for edge in network_a.edges:
        assert edge.source in nodes and edge.target in nodes
        assert edge.id == f"{edge.type}:{edge.source}->{edge.target}"
    regions = rows(
        graph,
        "UNWIND $keys AS key MATCH (a:Advert {key: key})-[:IN_COUNTRY]->(c:Country) "
        "RETURN a.key AS a, c.key AS c",
        keys=[n.id for n in network_a.nodes if n.kind == "Advert"],
    )
    assert regions
    for row in regions:
        assert nodes[row["c"]].kind == "Country"
        assert f"IN_COUNTRY:{row['a']}->{row['c']}" in edges
    assert f"IN_COUNTRY:{PHONE_A}->GB" in edges
    assert f"ON_DOMAIN:{LINK_A}->{DOMAIN_A}" in edges
    assert nodes[DOMAIN_A].kind == "Domain" and nodes[DOMAIN_A].properties["domain"] == "calais-boats.net"
    assert nodes[PHONE_A].label == "+447400123456" and nodes[PHONE_A].kind == "Phone"
    assert nodes["handle:telegram:calais_crossing_a"].label == "@calais_crossing_a (telegram)"
    assert nodes[IBAN_A].label.startswith("iban: GB33")


def test_every_relationship_among_the_nodes_is_exported(graph: Crosslink, network_a: Subgraph) -> None:
    among = rows(
        graph,
        "MATCH (a)-[r:POSTED|MENTIONS|IN_COUNTRY|ON_DOMAIN|SAME_TEMPLATE]->(b) "
        "WHERE a.key IN $keys AND b.key IN $keys RETURN type(r) + ':' + a.key + '->' + b.key AS id",
        keys=[node.id for node in network_a.nodes],
    )
    assert {row["id"] for row in among} == {edge.id for edge in network_a.edges}


def test_evidence_slices_the_advert_text_to_the_value(network_a: Subgraph) -> None:
    nodes = by_id(network_a)
    mentions = [edge for edge in network_a.edges if edge.type == "MENTIONS"]
    assert mentions
    for edge in mentions:
        assert len(edge.evidence) == edge.properties["count"] >= 1
        for evidence in edge.evidence:
            assert evidence.advert == edge.source
            assert evidence.text == nodes[edge.source].properties["text"]
            assert evidence.text[evidence.start : evidence.end] == evidence.value
    for edge in network_a.edges:
        if edge.type != "MENTIONS":
            assert edge.evidence == ()
    written = {e.value for edge in mentions if edge.target == PHONE_A for e in edge.evidence}
    assert {"+44 7400 123456", "00447400123456"} <= written


def test_template_links_carry_their_similarity(network_a: Subgraph) -> None:
    (link,) = [edge for edge in network_a.edges if edge.type == "SAME_TEMPLATE"]
    assert {link.source, link.target} == {"advert:facebook:a1", "advert:facebook:a5"}
    assert 0.7 <= link.properties["similarity"] <= 1 and link.properties["joins"] is True


def test_adverts_carry_their_properties(network_a: Subgraph) -> None:
    advert = by_id(network_a)["advert:facebook:a1"]
    assert advert.kind == "Advert" and advert.label.startswith("Boat to UK this week")
    p = advert.properties
    assert (p["platform"], p["post_id"], p["posted_at"], p["region"]) == (
        "facebook",
        "a1",
        "2024-05-01T18:00:00Z",
        "FR",
    )
    assert p["via"] in ("identifier", "template") and isinstance(p["smuggling_score"], float)


def test_a_network_is_found_by_id_key_or_identifier(graph: Crosslink, network_a: Subgraph) -> None:
    id = network_a.networks[0]["id"]
    for name in (id, f"network:{id}", "+44 7400 123456", "advert:facebook:a1"):
        found = network_subgraph(graph, name)
        assert {n.id for n in found.nodes} == {n.id for n in network_a.nodes}, name


def test_unknown_networks_and_identifiers_are_not_found(graph: Crosslink) -> None:
    for name in ("n-doesnotexist", "network:n-doesnotexist", "+44 7400 654321", "not an identifier at all"):
        with pytest.raises(NotFound) as raised:
            network_subgraph(graph, name)
        assert isinstance(raised.value, LookupError)
        assert "no network" in str(raised.value) or "in no network" in str(raised.value)
    with pytest.raises(NotFound, match="n-doesnotexist"):
        networks_subgraph(graph, ["n-doesnotexist"])
    with pytest.raises(NotFound):
        identifier_subgraph(graph, "+44 7400 654321")
    with pytest.raises(BadInput):
        network_subgraph(graph, "  ")


def test_a_cut_keeps_the_newest_adverts_whole(graph: Crosslink, network_a: Subgraph) -> None:
    newest = rows(
        graph,
        "MATCH (a:Advert)-[:IN_NETWORK]->(:Network {id: $id}) WITH a ORDER BY a.posted_at DESC LIMIT 1 "
        "RETURN a.key AS key, "
        "[(x:Account)-[:POSTED]->(a) | x.key] + [(a)-[:MENTIONS]->(n) | n.key] AS touches",
        id=network_a.networks[0]["id"],
    )[0]
    whole = 1 + len(newest["touches"])
    cut = network_subgraph(graph, PHONE_A, limit=whole + 1)
    assert cut.truncated and len(cut.nodes) == whole + 1 < len(network_a.nodes)
    kept = {n.id for n in cut.nodes}
    assert {newest["key"], *newest["touches"]} <= kept
    assert all(e.source in kept and e.target in kept for e in cut.edges)
    assert {e.id for e in cut.edges} <= {e.id for e in network_a.edges}
    with pytest.raises(TooLarge):
        network_subgraph(graph, PHONE_A, limit=10**9)
    with pytest.raises(BadInput):
        network_subgraph(graph, PHONE_A, limit=0)


def test_several_networks_together(graph: Crosslink, network_a: Subgraph) -> None:
    ids = [network_of(graph, PHONE_A), network_of(graph, PHONE_B)]
    both = networks_subgraph(graph, ids)
    assert both.title == "2 networks"
    assert sorted(n["id"] for n in both.networks) == sorted(ids)
    nodes = by_id(both)
    assert {n.id for n in network_a.nodes} <= set(nodes) and PHONE_B in nodes
    assert len(nodes) == len(both.nodes)


def test_a_neighbourhood_steps_out_from_the_identifier_not_through_hubs(graph: Crosslink) -> None:
    near = identifier_subgraph(graph, "+44 7400 123456", depth=1)
    adverts = rows(graph, "MATCH (a:Advert)-[:MENTIONS]->({key: $key}) RETURN a.key AS key", key=PHONE_A)
    nodes = by_id(near)
    assert near.title == f"neighbourhood of {PHONE_A}"
    assert {a["key"] for a in adverts} <= set(nodes)
    assert not any(n.kind == "Account" for n in near.nodes)  # authors are two steps away
    wider = identifier_subgraph(graph, PHONE_A, depth=2)
    wide = by_id(wider)
    assert "handle:facebook:calaiscrossinguk" in wide and HUB_EMAIL in wide
    assert "advert:facebook:h2" not in wide  # only through the hub email
    assert [n["id"] for n in wider.networks] == [network_of(graph, PHONE_A)]
