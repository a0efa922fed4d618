"""`Network.graph` over HTTP: the planted network A drawn as the exports hold it, within the API's limits."""

from __future__ import annotations

import json

from planted import HUB_EMAIL, IBAN_A, PHONE_A, Api

GRAPH = """query Drawing($id: ID!, $limit: Int!) { network(id: $id) { graph(limit: $limit) {
  truncated
  nodes { id kind label platform country countries hub hubReason postedAt text properties }
  edges { id source target type similarity evidence { advert start end value } } } } }"""


def network_a(api: Api) -> str:
    found = api.data(
        f'{{ networks(filter: {{containsIdentifier: "{PHONE_A}"}}) {{ edges {{ node {{ id }} }} }} }}'
    )["networks"]["edges"]
    return found[0]["node"]["id"]


def test_the_drawing_holds_members_identifiers_hubs_and_evidence(api: Api) -> None:
    drawn = api.data(GRAPH, {"id": network_a(api), "limit": 2000})["network"]["graph"]
    nodes = {node["id"]: node for node in drawn["nodes"]}
    assert not drawn["truncated"] and len(nodes) == len(drawn["nodes"])
    assert {PHONE_A, IBAN_A, HUB_EMAIL, "advert:facebook:a1", "handle:telegram:calais_crossing_a"} <= set(
        nodes
    )
    assert nodes[HUB_EMAIL]["hub"] is True and nodes[HUB_EMAIL]["hubReason"]
    assert nodes[PHONE_A]["kind"] == "Phone" and nodes[PHONE_A]["country"] == "GB"
    advert = nodes["advert:instagram:a2"]
    assert advert["platform"] == "instagram" and advert["countries"] == ["IQ"]
    assert advert["postedAt"].startswith("2024-05-03T09:30:00") and advert["text"].startswith("رحلة")
    assert json.loads(advert["properties"])["post_id"] == "a2"
    mentions = [edge for edge in drawn["edges"] if edge["type"] == "MENTIONS"]
    assert mentions
    for edge in drawn["edges"]:
        assert edge["source"] in nodes and edge["target"] in nodes
    texts = {node["id"]: node["text"] for node in drawn["nodes"] if node["kind"] == "Advert"}
    for edge in mentions:
        assert edge["evidence"]
        for e in edge["evidence"]:
            assert e["advert"] == edge["source"] and texts[e["advert"]][e["start"] : e["end"]] == e["value"]
    assert {"POSTED", "IN_COUNTRY"} <= {edge["type"] for edge in drawn["edges"]}


def test_the_limit_cuts_and_is_bounded(api: Api) -> None:
    id = network_a(api)
    cut = api.data(GRAPH, {"id": id, "limit": 2})["network"]["graph"]
    assert cut["truncated"] and len(cut["nodes"]) == 2
    (error,) = api.post(GRAPH, {"id": id, "limit": 100_000})["errors"]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    (error,) = api.post(GRAPH, {"id": id, "limit": 0})["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


def test_many_networks_drawn_at_once_are_refused_by_the_item_budget(api: Api) -> None:
    (error,) = api.post("{ networks(first: 100) { edges { node { graph(limit: 5000) { truncated } } } } }")[
        "errors"
    ]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
