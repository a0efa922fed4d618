"""The Bloom perspective names only what a real graph holds, and its search phrases and scene actions
answer on it.

Bloom itself cannot run here, so the graph is built as the nightly run builds it (ingest, then a network
rebuild) from the API tests' planted adverts and a few more (bloom_adverts.jsonl): bitcoin, ether and
tron wallets, a web domain, an advert with its url and media, a post copied by three unrelated accounts
(its template links join nothing), and two copies of one text sharing a phone, one forwarded from
the other's channel into a group (IN_CHAT, FORWARDED_FROM). Every label,
relationship type and property the perspective names is looked up in it; then each query the
perspective holds is run with parameters taken from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph import bloom, model
from graph.config import Settings
from graph.cypher import CypherNotFound
from graph.ingest import ingest, read_files
from graph.networks import rebuild
from tests.api.planted import HUB_RULE, IBAN_A, PHONE_A, PHONE_B, PLANTED

MORE = Path(__file__).with_name("bloom_adverts.jsonl")
BTC = "payment:btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
# The copied post is written by three accounts that share nothing else: with this limit its template is
# a hub, so its links are kept with joins false and the reason.
TEMPLATE_RULE = {"CROSSLINK_HUB_MAX_GROUPS_TEMPLATE": "3"}
PERSPECTIVE = bloom.perspective()


class Graph:
    """The built graph, with a helper to run a query on it."""

    def __init__(self, driver: neo4j.Driver, database: str) -> None:
        self.driver, self.database = driver, database

    def run(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(query, parameters, database_=self.database)
        return [record.data() for record in records]

    def phrase(self, name: str, **parameters: Any) -> list[neo4j.Record]:
        records, _, _ = self.driver.execute_query(bloom.query(name), parameters, database_=self.database)
        return records

    def element_ids(self, query: str, **parameters: Any) -> list[str]:
        return [row["id"] for row in self.run(query, **parameters)]


@pytest.fixture(scope="module")
def built(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> Iterator[Graph]:
    graph = Graph(neo4j_driver, neo4j_settings.database)
    with pytest.MonkeyPatch.context() as env:
        for name, value in {**HUB_RULE, **TEMPLATE_RULE}.items():
            env.setenv(name, value)
        with neo4j_driver.session(
            database=graph.database
        ) as session:  # auto-commit, as IN TRANSACTIONS needs
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        files = [str(PLANTED), str(MORE)]
        ingest(
            neo4j_driver, graph.database, read_files(files), source="bloom", files=[PLANTED.name, MORE.name]
        )
        rebuild(neo4j_driver, graph.database)
        yield graph


def network_members(graph: Graph, identifier: str) -> set[str]:
    """The members of the networks of the adverts mentioning `identifier`, read directly."""
    rows = graph.run(
        "MATCH (a:Advert)-[:MENTIONS]->({key: $key}) MATCH (a)-[:IN_NETWORK]->(net:Network) "
        "MATCH (m)-[:IN_NETWORK]->(net) RETURN DISTINCT m.key AS key",
        key=identifier,
    )
    return {row["key"] for row in rows}


def keys(records: list[neo4j.Record], column: str) -> set[str]:
    return {record[column]["key"] for record in records if record[column] is not None}


# What the perspective names ------------------------------------------------------------------------


def named_labels() -> set[str]:
    names = {label for category in PERSPECTIVE["categories"] for label in category["labels"]}
    names |= set(PERSPECTIVE["labels"])
    names |= {s[end] for s in PERSPECTIVE["metadata"]["pathSegments"] for end in ("source", "target")}
    names |= {
        p["suggestionLabel"] for t in PERSPECTIVE["templates"] for p in t["params"] if p["suggestionLabel"]
    }
    return names


def named_node_properties() -> set[tuple[str, str]]:
    """(label, property) for every property a category, a style rule, a suggestion or an index names."""
    named = {
        (label, p["name"])
        for category in PERSPECTIVE["categories"]
        for label in category["labels"]
        for p in category["properties"]
    }
    named |= {
        (label, rule["basedOn"].rsplit("_", 1)[0])
        for category in PERSPECTIVE["categories"]
        for label in category["labels"]
        for rule in category["styleRules"]
    }
    named |= {(label, p["propertyKey"]) for label, ps in PERSPECTIVE["labels"].items() for p in ps}
    named |= {
        (p["suggestionLabel"], p["suggestionProp"])
        for t in PERSPECTIVE["templates"]
        for p in t["params"]
        if p["suggestionLabel"]
    }
    named |= {(i["label"], key) for i in PERSPECTIVE["metadata"]["indexes"] for key in i["propertyKeys"]}
    return named


def named_relationship_properties() -> set[tuple[str, str]]:
    named = {(r["name"], p["propertyKey"]) for r in PERSPECTIVE["relationshipTypes"] for p in r["properties"]}
    named |= {
        (r["name"], rule["basedOn"].rsplit("_", 1)[0])
        for r in PERSPECTIVE["relationshipTypes"]
        for rule in r["styleRules"]
    }
    return named


def test_every_label_the_perspective_names_is_in_the_graph(built):
    in_graph = {row["label"] for row in built.run("CALL db.labels() YIELD label RETURN label")}
    assert named_labels() == {label.name for label in model.LABELS}
    assert named_labels() <= in_graph


def test_every_relationship_type_and_path_it_names_is_in_the_graph(built):
    types = {r["name"] for r in PERSPECTIVE["relationshipTypes"]}
    in_graph = {
        row["t"] for row in built.run("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")
    }
    assert types <= in_graph
    segments = {
        (s["source"], s["relationshipType"], s["target"]) for s in PERSPECTIVE["metadata"]["pathSegments"]
    }
    seen = built.run("MATCH (a)-[r]->(b) RETURN DISTINCT labels(a)[0] AS a, type(r) AS t, labels(b)[0] AS b")
    assert segments <= {(row["a"], row["t"], row["b"]) for row in seen}


def test_every_property_it_names_is_in_the_graph(built):
    """A property every node of its label carries is looked up on that label; one only some nodes carry
    (a hub's reason, an author's name) must be on some node of the graph."""
    on_labels = {
        (label, row["property"])
        for row in built.run(
            "CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName "
            "RETURN nodeLabels AS labels, propertyName AS property"
        )
        for label in row["labels"]
    }
    on_types = {
        (row["type"].strip(":`"), row["property"])
        for row in built.run(
            "CALL db.schema.relTypeProperties() YIELD relType, propertyName "
            "RETURN relType AS type, propertyName AS property"
        )
    }
    anywhere = {row["key"] for row in built.run("CALL db.propertyKeys() YIELD propertyKey AS key RETURN key")}
    for label, name in named_node_properties():
        if model.label(label).property(name).optional:
            assert name in anywhere, (label, name)
        else:
            assert (label, name) in on_labels, (label, name)
    for relationship, name in named_relationship_properties():
        assert (relationship, name) in on_types, (relationship, name)


def test_the_wallet_rule_names_schemes_the_graph_holds(built):
    schemes = {row["s"] for row in built.run("MATCH (p:PaymentTag) RETURN DISTINCT p.scheme AS s")}
    (payment,) = [c for c in PERSPECTIVE["categories"] if c["labels"] == ["PaymentTag"]]
    ruled = {r["conditionValue"] for r in payment["styleRules"] if r["basedOn"] == "scheme_string"}
    assert ruled == set(model.WALLET_SCHEMES) <= schemes
    assert "iban" in schemes and "iban" not in ruled


# The search phrases ----------------------------------------------------------------------------------


def test_network_of_the_planted_phone_draws_its_network(built):
    records = built.phrase("network_of", identifier=PHONE_A)
    members = keys(records, "member")
    assert members == network_members(built, PHONE_A)
    assert {"advert:facebook:a1", "advert:tiktok:a4", "handle:telegram:calais_crossing_a"} <= members
    assert PHONE_A in keys(records, "identifier") and IBAN_A in keys(records, "identifier")
    assert "advert:x:b1" not in members  # the other network, tied only through the hub email
    # The same number typed in E.164 finds the same network.
    assert keys(built.phrase("network_of", identifier=PHONE_A.removeprefix("phone:")), "member") == members


def test_network_of_a_network_id_or_an_unknown_identifier(built):
    (network,) = {record["network"]["id"] for record in built.phrase("network_of", identifier=PHONE_B)}
    assert keys(built.phrase("network_of", identifier=network), "member") == network_members(built, PHONE_B)
    assert built.phrase("network_of", identifier="phone:+10000000000") == []


def test_cross_border_networks_in_a_country(built):
    records = built.phrase("cross_border_networks", country="tr")
    assert records
    for network in {record["network"]["key"]: record["network"] for record in records}.values():
        assert "TR" in network["countries"] and len(network["countries"]) >= 2
    assert "TR" in keys(records, "country")
    assert built.phrase("cross_border_networks", country="JP") == []


def test_accounts_sharing_a_payment_tag(built):
    records = built.phrase("accounts_sharing_payment_tag", account="uk.trip.safe")
    assert {(r["tag"]["key"], r["other_account"]["key"]) for r in records} == {
        (IBAN_A, "handle:telegram:calais_crossing_a")
    }
    wallets = built.phrase("accounts_sharing_payment_tag", account="handle:telegram:channel_wallets_one")
    assert {(r["tag"]["key"], r["other_account"]["key"]) for r in wallets} == {
        (BTC, "handle:facebook:walletstwo")
    }
    assert built.phrase("accounts_sharing_payment_tag", account="garden.sale.lille") == []


def test_what_links_two_identifiers(built):
    (record,) = built.phrase("what_links", a=PHONE_A, b=IBAN_A)
    path = record["path"]
    assert path.start_node["key"] == PHONE_A and path.end_node["key"] == IBAN_A
    assert {r.type for r in path.relationships} <= {"MENTIONS", "POSTED"}
    # The two planted networks are tied only through the hub email, which is not crossed.
    assert built.phrase("what_links", a=PHONE_A, b=PHONE_B) == []


def test_adverts_of_a_network(built):
    (network,) = {record["network"]["id"] for record in built.phrase("network_of", identifier=PHONE_A)}
    records = built.phrase("network_adverts", id=network)
    adverts = keys(records, "advert")
    assert adverts == {key for key in network_members(built, PHONE_A) if key.startswith("advert:")}
    assert "handle:instagram:uk.trip.safe" in keys(records, "author")
    assert keys(built.phrase("network_adverts", id=f"network:{network}"), "advert") == adverts


def test_template_links_are_drawn_with_their_network(built):
    (network,) = {r["network"]["id"] for r in built.phrase("network_of", identifier="advert:telegram:t1")}
    records = built.phrase("network_adverts", id=network)
    links = {(r["advert"]["key"], r["copy"]["key"]) for r in records if r["same_template"] is not None}
    assert links == {
        ("advert:telegram:t1", "advert:telegram:t2"),
        ("advert:telegram:t2", "advert:telegram:t1"),
    }
    # ... with the group t2 was posted in and the channel it was forwarded from, context of the drawing.
    assert keys(records, "chat") == {"account:telegram:-1007770001"}
    assert keys(records, "origin") == {"handle:telegram:night_boats_channel"}
    assert {r["in_chat"].type for r in records if r["in_chat"] is not None} == {"IN_CHAT"}
    assert {r["forwarded"].type for r in records if r["forwarded"] is not None} == {"FORWARDED_FROM"}


# The scene actions -----------------------------------------------------------------------------------


def test_expanding_a_node_draws_its_network(built):
    nodes = built.element_ids("MATCH (n:Phone {key: $key}) RETURN elementId(n) AS id", key=PHONE_A)
    records = built.phrase("expand_to_network", nodes=nodes)
    assert keys(records, "member") == network_members(built, PHONE_A)
    advert = built.element_ids("MATCH (n:Advert {key: 'advert:x:b1'}) RETURN elementId(n) AS id")
    assert keys(built.phrase("expand_to_network", nodes=advert), "member") == network_members(built, PHONE_B)
    assert built.phrase("expand_to_network", nodes=[]) == []


def test_the_evidence_of_a_mention_is_its_span_of_the_advert_text(built):
    mentions = built.element_ids(
        "MATCH (:Advert)-[m:MENTIONS]->(:Phone {key: $key}) RETURN elementId(m) AS id", key=PHONE_A
    )
    records = built.phrase("show_evidence", relationships=mentions)
    assert len(records) == len(mentions)
    for record in records:
        text = record["advert"]["text"]
        assert record["quotes"] and all(quote in text for quote in record["quotes"])
        assert all("7400" in quote.replace(" ", "") for quote in record["quotes"])
        assert record["identifier"]["key"] == PHONE_A
    assert "00447400123456" in {quote for record in records for quote in record["quotes"]}


def test_the_evidence_of_an_account_using_an_identifier_is_its_adverts(built):
    uses = built.element_ids(
        "MATCH (a:Account {key: 'handle:instagram:uk.trip.safe'})-[u:USES]->(:PaymentTag {key: $key}) "
        "RETURN elementId(u) AS id",
        key=IBAN_A,
    )
    (record,) = built.phrase("show_evidence", relationships=uses)
    assert record["advert"]["key"] == "advert:instagram:a2"
    assert record["quotes"] == ["GB33BUKB20201555555555"]
    # Selected nodes are not links: nothing to show.
    nodes = built.element_ids("MATCH (n:Phone {key: $key}) RETURN elementId(n) AS id", key=PHONE_A)
    assert built.phrase("show_evidence", relationships=nodes) == []


# The perspective itself ------------------------------------------------------------------------------


def test_each_search_phrase_and_action_holds_its_query_file():
    phrases = {t["text"]: t for t in PERSPECTIVE["templates"]}
    for phrase in bloom.SEARCH_PHRASES:
        template = phrases[phrase.text]
        assert template["cypher"] == bloom.query(phrase.query).rstrip("\n")
        assert [p["name"] for p in template["params"]] == [f"${p.name}" for p in phrase.parameters]
    assert {a["name"] for a in PERSPECTIVE["sceneActions"]} == {"Expand to its network", "Show the evidence"}
    assert {t["text"] for t in PERSPECTIVE["templates"]} >= {
        "Network of $identifier",
        "Cross-border networks in $country",
        "Accounts sharing a payment tag with $account",
        "What links $a and $b",
        "Adverts of network $id",
    }


def test_categories_are_told_apart_at_a_glance():
    colours = [c["color"] for c in PERSPECTIVE["categories"]]
    assert len(set(colours)) == len(colours) == len(model.LABELS)
    for category in PERSPECTIVE["categories"]:
        assert any(p["isCaption"] for p in category["properties"]), category["name"]
    internal = {(label.name, p.name) for label in model.LABELS for p in label.properties if p.internal}
    hidden = {
        (c["name"], p["name"]) for c in PERSPECTIVE["categories"] for p in c["properties"] if p["exclude"]
    }
    assert hidden == internal and ("Advert", "template_signature") in hidden


def test_the_perspective_is_the_same_each_time_and_json():
    assert bloom.perspective_json() == bloom.perspective_json()
    assert json.loads(bloom.perspective_json()) == PERSPECTIVE


def test_the_committed_perspective_is_what_the_command_prints():
    # Analysts import cypher/bloom/crosslink.json: it must not drift from the model and the queries.
    committed = Path(__file__).resolve().parents[2] / "cypher" / "bloom" / "crosslink.json"
    assert committed.read_text(encoding="utf-8") == bloom.perspective_json(), (
        "run: crosslink bloom > cypher/bloom/crosslink.json"
    )


def test_a_phrase_whose_text_and_query_disagree_is_refused(monkeypatch):
    wrong = bloom.SearchPhrase("Network", "Network of $who", "network_of", (bloom.Parameter("who"),))
    monkeypatch.setattr(bloom, "SEARCH_PHRASES", (wrong,))
    with pytest.raises(ValueError, match=r"network_of\.cypher \(\['identifier'\]\)"):
        bloom.perspective()


def test_an_action_that_ignores_the_selection_is_refused(monkeypatch):
    monkeypatch.setattr(bloom, "SCENE_ACTIONS", (bloom.SceneAction("Network", "network_of"),))
    with pytest.raises(ValueError, match=r"\$nodes or \$relationships"):
        bloom.perspective()


def test_query_names_are_checked():
    with pytest.raises(CypherNotFound, match="not a query name"):
        bloom.query("../schema")
    with pytest.raises(CypherNotFound, match="no Bloom query named 'nowhere'"):
        bloom.query("nowhere")
