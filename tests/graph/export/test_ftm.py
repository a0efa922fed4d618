"""The FollowTheMoney export read back through FtM's own model: every line a valid entity whose schema and
properties survive, and every node and edge of the subgraph found as an entity, a property or a link."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from graph.export import Edge, Node, Subgraph
from graph.export.ftm import ExportError, entity_id, write
from tests.api.planted import HUB_EMAIL, IBAN_A, PHONE_A
from tests.graph.export.handbuilt import SUBGRAPH

NODE_SCHEMATA = {
    "Advert": {"Article"},
    "Account": {"UserAccount"},
    "Link": {"HyperText"},
    "Domain": {"HyperText"},
}
ENDS = ("document", "entity", "subject", "object")
PAYMENT_SCHEMATA = {
    "iban": "BankAccount",
    "btc": "CryptoWallet",
    "eth": "CryptoWallet",
    "tron": "CryptoWallet",
}


def read_back(subgraph: Subgraph) -> tuple[list[dict[str, Any]], dict[str, EntityProxy]]:
    """The JSON lines written for `subgraph`, and each loaded by FtM's model, by id."""
    out = io.BytesIO()
    write(subgraph, out)
    rows = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    loaded = {row["id"]: model.get_proxy(row) for row in rows}
    assert len(loaded) == len(rows), "two entities share an id"
    return rows, loaded


def expected_schema(node: Node) -> set[str]:
    if node.kind == "PaymentTag":
        return {PAYMENT_SCHEMATA.get(node.properties["scheme"], "UserAccount")}
    return NODE_SCHEMATA[node.kind]


def links_of(loaded: dict[str, EntityProxy]) -> dict[str, EntityProxy]:
    """The link entities by the Crosslink edge id they record."""
    return {
        e.first("recordId"): e for e in loaded.values() if e.schema.name in ("Documentation", "UnknownLink")
    }


def assert_accounted(subgraph: Subgraph, loaded: dict[str, EntityProxy]) -> None:
    """Every node is its entity or a property value; every edge a property or a link entity."""
    nodes = {node.id: node for node in subgraph.nodes}
    links = links_of(loaded)
    authors = {e.target: e.source for e in subgraph.edges if e.type == "POSTED"}
    for node in subgraph.nodes:
        if node.kind in ("Phone", "Email", "Country"):
            assert entity_id(node.id) not in loaded
            continue
        entity = loaded[entity_id(node.id)]
        assert entity.schema.name in expected_schema(node), node
        assert f"Crosslink key: {node.id}" in entity.get("notes")[0]
    for edge in subgraph.edges:
        source, target = nodes[edge.source], nodes[edge.target]
        if edge.type == "IN_COUNTRY" and source.kind == "Phone":
            assert registry.phone.country_hint(source.properties["e164"]) == target.id.lower()
        elif edge.type == "IN_COUNTRY":
            assert target.id.lower() in loaded[entity_id(source.id)].get("country"), edge.id
        elif edge.type == "MENTIONS" and target.kind in ("Phone", "Email"):
            prop, value = (
                ("phoneMentioned", target.properties["e164"])
                if target.kind == "Phone"
                else ("emailMentioned", target.properties["address"])
            )
            assert value in loaded[entity_id(source.id)].get(prop), edge.id
            author = authors.get(source.id)
            if author is not None:
                owned = loaded[entity_id(author)].get("phone" if target.kind == "Phone" else "email")
                assert (value in owned) is not bool(target.properties.get("hub")), edge.id
        else:
            link = links[edge.id]
            ends = {value for prop in ENDS for value in link.get(prop, quiet=True)}
            assert ends == {entity_id(edge.source), entity_id(edge.target)}, edge.id
    assert len(links) == sum(
        1
        for e in subgraph.edges
        if e.type != "IN_COUNTRY"
        and not (e.type == "MENTIONS" and nodes[e.target].kind in ("Phone", "Email"))
    )


def test_every_line_is_a_valid_entity_whose_properties_survive() -> None:
    rows, loaded = read_back(SUBGRAPH)
    for row in rows:
        schema = model.get(row["schema"])
        assert schema is not None and not schema.abstract
        assert set(row["properties"]) <= set(schema.properties), row
        assert schema.validate(row) is None
        assert set(schema.required) <= set(row["properties"]), row
        # Cleaned again by FtM's types, the values are unchanged: they were written in FtM's own forms.
        again = model.get_proxy(row, cleaned=False).to_dict()
        assert again["properties"] == row["properties"]
        assert loaded[row["id"]].to_dict() == row
        assert EntityProxy.from_dict(row).schema is schema


def test_every_node_and_edge_is_accounted_for() -> None:
    _, loaded = read_back(SUBGRAPH)
    assert_accounted(SUBGRAPH, loaded)


def test_values_are_in_ftm_forms() -> None:
    _, loaded = read_back(SUBGRAPH)
    advert = loaded[entity_id("advert:telegram:2")]
    assert advert.get("phoneMentioned") == ["+447400123456"]  # written 07400 123456, kept as E.164
    assert advert.get("country") == ["fr"]
    assert advert.get("language") == ["eng"]
    assert advert.get("publishedAt") == ["2026-03-02T11:30:00"]
    assert advert.get("author") == ["@dunkirk_crossing (telegram)"]
    bank = loaded[entity_id("payment:iban:GB33BUKB20201555555555")]
    assert bank.get("iban") == ["GB33BUKB20201555555555"] and bank.get("country") == ["gb"]
    assert loaded[entity_id("advert:facebook:1")].get("ibanMentioned") == ["GB33BUKB20201555555555"]
    wallet = loaded[entity_id("payment:btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")]
    assert wallet.get("currencySymbol") == ["BTC"]
    tag = loaded[entity_id("payment:revolut:boatpay")]
    assert (tag.get("service"), tag.get("username")) == (["Revolut"], ["boatpay"])


def test_a_language_ftm_does_not_know_is_kept_in_the_notes() -> None:
    def in_kurdish(node: Node) -> Node:
        return replace(node, properties={**node.properties, "lang": "ckb"})

    kurdish = tuple(in_kurdish(n) if n.id == "advert:whatsapp:3" else n for n in SUBGRAPH.nodes)
    _, loaded = read_back(replace(SUBGRAPH, nodes=kurdish))
    advert = loaded[entity_id("advert:whatsapp:3")]
    assert advert.get("language") == []
    assert "Language: ckb" in advert.get("notes")[0]
    assert "Language:" not in loaded[entity_id("advert:telegram:2")].get("notes")[0]


def test_a_hub_email_is_mentioned_but_owned_by_no_account() -> None:
    _, loaded = read_back(SUBGRAPH)
    assert loaded[entity_id("advert:facebook:1")].get("emailMentioned") == ["crossinghelp@gmail.com"]
    assert all(not e.get("email") for e in loaded.values() if e.schema.name == "UserAccount")
    # The shared phone is on every account whose own advert gives it: FtM joins them by the value.
    owners = [e for e in loaded.values() if "+447400123456" in e.get("phone", quiet=True)]
    assert len(owners) == 3


def test_evidence_as_written_is_kept_on_the_mention() -> None:
    _, loaded = read_back(SUBGRAPH)
    link = links_of(loaded)["MENTIONS:advert:telegram:2->payment:paypal:boatmoney"]
    assert link.get("summary") == ["As written: PayPal @boatmoney"]
    assert link.get("role") == ["mentions"]


def test_the_same_subgraph_gives_the_same_ids(tmp_path: Path) -> None:
    path = tmp_path / "out.ftm.json"
    write(SUBGRAPH, path)
    rows, _ = read_back(SUBGRAPH)
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == rows


def test_an_unknown_kind_or_a_dangling_edge_is_refused_with_its_key() -> None:
    odd = replace(SUBGRAPH, nodes=(*SUBGRAPH.nodes, Node("tag:1", "Tag", "a tag", {})))
    with pytest.raises(ExportError, match="tag:1"):
        write(odd, io.BytesIO())
    dangling = Edge("POSTED:x->advert:facebook:1", "x", "advert:facebook:1", "POSTED", {}, ())
    with pytest.raises(ExportError, match="POSTED:x->advert:facebook:1"):
        write(replace(SUBGRAPH, edges=(*SUBGRAPH.edges, dangling)), io.BytesIO())


def test_a_planted_network_exports_whole(network_a: Subgraph) -> None:
    """Network A from the real ingest and rebuild (tests/graph/export/conftest.py)."""
    kinds = {node.kind for node in network_a.nodes}
    assert {"Advert", "Account", "Phone", "PaymentTag", "Email", "Link", "Domain", "Country"} <= kinds
    assert {"POSTED", "MENTIONS", "IN_COUNTRY", "ON_DOMAIN", "SAME_TEMPLATE"} <= {
        e.type for e in network_a.edges
    }
    assert {PHONE_A, IBAN_A, HUB_EMAIL} <= {node.id for node in network_a.nodes}
    rows, loaded = read_back(network_a)
    for row in rows:
        assert model.get(row["schema"]).validate(row) is None
    assert_accounted(network_a, loaded)
    bank = loaded[entity_id(IBAN_A)]
    assert bank.schema.name == "BankAccount" and bank.get("country") == ["gb"]
