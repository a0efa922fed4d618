"""What adverts say, over HTTP: indicators, smuggling score, language, template links, and the networks'
content score and filters, against the planted graph built by the real ingest and rebuild."""

from __future__ import annotations

import pytest
from graphql import parse
from planted import PHONE_A, PHONE_B, Api

from api.graphql.budget import core_schema, items_asked
from api.graphql.schema import build_schema
from graph.indicators import analyse
from graph.indicators.normalise import fold
from graph.indicators.wording import words

ADVERT = """
query ($id: ID!) {
  advert(id: $id) {
    id text lang langDetected smugglingScore
    indicators { term category language start end weight text means }
  }
}
"""
NETWORKS = """
query ($filter: NetworkFilter, $order: NetworkOrder!) {
  networks(filter: $filter, orderBy: $order, first: 50) {
    totalCount
    edges { node {
      id score scoreShape scoreContent scoreTemplate scoreBenign scoreExplanation
      scoreCrossPlatform scoreCrossBorder scoreSize scoreRecency
      templateAdverts smugglingAdverts benignAdverts indicatorCategories advertCount
    } }
  }
}
"""
# The advert of network B that offers places on a lorry tonight, and one of network A (by boat).
LORRY = "advert:x:b1"
BOAT = "advert:facebook:a1"


def networks(api: Api, order: str = "SCORE", **filter: object) -> tuple[int, list[dict]]:
    page = api.data(NETWORKS, {"filter": filter or None, "order": order})["networks"]
    return page["totalCount"], [edge["node"] for edge in page["edges"]]


def test_an_advert_shows_its_indicators_where_its_text_writes_them(api: Api) -> None:
    found = []
    for key in (LORRY, BOAT):
        advert = api.data(ADVERT, {"id": key})["advert"]
        assert 0.0 <= advert["smugglingScore"] <= 1.0
        assert advert["lang"] == "en" and advert["langDetected"] is False  # the feed gave "en"
        for hit in advert["indicators"]:
            assert advert["text"][hit["start"] : hit["end"]] == hit["text"]
            assert 0 < hit["weight"] <= 1
        starts = [hit["start"] for hit in advert["indicators"]]
        assert starts == sorted(starts)
        found.extend(advert["indicators"])
    assert found, "the planted smuggling adverts should hit the lexicon"
    assert any(hit["means"] for hit in found)


def test_an_advert_names_the_words_that_moved_its_score(api: Api) -> None:
    query = "query ($id: ID!) { advert(id: $id) { text smugglingScore scoreWords { word part } } }"
    advert = api.data(query, {"id": BOAT})["advert"]
    expected = analyse(advert["text"], lang="en")
    assert advert["smugglingScore"] == pytest.approx(expected.score)
    shown = [(word["word"], word["part"]) for word in advert["scoreWords"]]
    assert shown == [(word, pytest.approx(part)) for word, part in expected.words]
    assert 0 < len(shown) <= 6 and all(part != 0 for _, part in shown)
    folded = fold(advert["text"]).text
    assert all(word in words(folded) for word, _ in shown), "each word is one of the advert's own"


def test_indicators_are_a_page_the_item_budget_counts(api: Api) -> None:
    query = "query ($id: ID!, $n: Int!) { advert(id: $id) { indicators(first: $n) { term } } }"
    every = api.data(query, {"id": BOAT, "n": 500})["advert"]["indicators"]
    assert len(every) >= 2, "the planted boat advert should hit the lexicon more than once"
    assert api.data(query, {"id": BOAT, "n": 1})["advert"]["indicators"] == every[:1]
    hits = "indicators(first: 30) { term }"
    nested = f"{{ networks(first: 10) {{ edges {{ node {{ adverts(first: 10) {{ {hits} }} }} }} }} }}"
    assert items_asked(core_schema(build_schema()), parse(nested), None, None) == 10 + 100 + 3000


def test_the_score_parts_add_up_and_the_content_part_is_shown(api: Api) -> None:
    total, nodes = networks(api)
    assert total == len(nodes) >= 2
    for node in nodes:
        shape = (
            node["scoreCrossPlatform"] + node["scoreCrossBorder"] + node["scoreSize"] + node["scoreRecency"]
        )
        assert round(shape, 1) == node["scoreShape"]
        assert round(node["scoreShape"] + node["scoreContent"] - node["scoreBenign"], 1) == node["score"]
        assert 0 <= node["scoreTemplate"] <= node["scoreContent"] <= 60
        assert f"content {node['scoreContent']:g}" in node["scoreExplanation"]
    assert any(node["scoreContent"] > 0 and node["smugglingAdverts"] > 0 for node in nodes)


def test_networks_filter_and_rank_by_content(api: Api) -> None:
    _, every = networks(api)
    by_content = networks(api, "CONTENT")[1]
    contents = [node["scoreContent"] for node in by_content]
    assert contents == sorted(contents, reverse=True)
    assert {n["id"] for n in by_content} == {n["id"] for n in every}

    least = max(contents)
    total, strongest = networks(api, minContentScore=least)
    assert total == sum(1 for c in contents if c >= least) == len(strongest) >= 1
    assert all(node["scoreContent"] >= least for node in strongest)
    assert networks(api, minContentScore=60.0)[0] == sum(1 for c in contents if c >= 60)

    categories = {c for node in every for c in node["indicatorCategories"]}
    for category in categories:
        _, hit = networks(api, indicatorCategories=[category])
        assert {n["id"] for n in hit} == {n["id"] for n in every if category in n["indicatorCategories"]}

    quiet = networks(api, maxBenignScore=0.0)[1]
    assert {n["id"] for n in quiet} == {n["id"] for n in every if n["scoreBenign"] == 0}


def test_networks_with_or_without_template_members(api: Api) -> None:
    _, every = networks(api)
    _, joined = networks(api, joinedByTemplate=True)
    _, without = networks(api, joinedByTemplate=False)
    assert {n["id"] for n in joined} == {n["id"] for n in every if n["templateAdverts"] > 0}
    assert {n["id"] for n in without} == {n["id"] for n in every if n["templateAdverts"] == 0}


@pytest.mark.parametrize("value", [-1.0, 101.0])
def test_a_content_score_out_of_range_is_bad_input(api: Api, value: float) -> None:
    answer = api.post(NETWORKS, {"filter": {"minContentScore": value}, "order": "SCORE"})
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "minContentScore" in answer["errors"][0]["message"]


def test_an_unknown_category_is_bad_input(api: Api) -> None:
    answer = api.post(NETWORKS, {"filter": {"indicatorCategories": ["price", "boats"]}, "order": "SCORE"})
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "'boats'" in answer["errors"][0]["message"] and "secrecy" in answer["errors"][0]["message"]


def test_a_networks_adverts_by_how_they_joined(api: Api) -> None:
    query = """query ($v: String!) { identifier(value: $v) { networks {
        templateAdverts
        any: adverts { id }
        byIdentifier: adverts(via: IDENTIFIER) { id }
        byTemplate: adverts(via: TEMPLATE) { id }
    } } }"""
    for phone in (PHONE_A, PHONE_B):
        (network,) = api.data(query, {"v": phone})["identifier"]["networks"]
        every = {a["id"] for a in network["any"]}
        identifier, template = (
            {a["id"] for a in network["byIdentifier"]},
            {a["id"] for a in network["byTemplate"]},
        )
        assert identifier | template == every and not identifier & template
        assert len(template) == network["templateAdverts"]


TEMPLATE_LINKS = """
query ($id: ID!) { advert(id: $id) { templateLinks { similarity joins reason advert { id } } } }
"""


def test_template_links_show_both_ways_most_similar_first(api: Api, neo4j_driver, neo4j_settings) -> None:
    """Two planted adverts are tied as the network recompute ties near-duplicates (a SAME_TEMPLATE from
    the smaller key to the larger), and a third by a hub template; each side sees the others."""
    neo4j_driver.execute_query(
        "MATCH (a:Advert {key: $a}), (b:Advert {key: $b}), (c:Advert {key: $c}) "
        "MERGE (a)-[:SAME_TEMPLATE {similarity: 0.9, joins: true}]->(b) "
        "MERGE (a)-[:SAME_TEMPLATE {similarity: 0.7, joins: false, reason: 'a hub template'}]->(c)",
        a="advert:facebook:a1",
        b="advert:instagram:a2",
        c="advert:x:b1",
        database_=neo4j_settings.database,
    )
    try:
        links = api.data(TEMPLATE_LINKS, {"id": "advert:facebook:a1"})["advert"]["templateLinks"]
        assert [(link["advert"]["id"], link["joins"]) for link in links] == [
            ("advert:instagram:a2", True),
            ("advert:x:b1", False),
        ]
        assert links[1]["reason"] == "a hub template" and links[0]["similarity"] == 0.9
        back = api.data(TEMPLATE_LINKS, {"id": "advert:x:b1"})["advert"]["templateLinks"]
        assert [link["advert"]["id"] for link in back] == ["advert:facebook:a1"]
        first = api.data(
            '{ advert(id: "advert:facebook:a1") { templateLinks(first: 1) { advert { id } } } }'
        )["advert"]["templateLinks"]
        assert len(first) == 1
    finally:
        neo4j_driver.execute_query(
            "MATCH (:Advert {key: $a})-[t:SAME_TEMPLATE]->() DELETE t",
            a="advert:facebook:a1",
            database_=neo4j_settings.database,
        )


def test_template_links_count_in_the_item_budget() -> None:
    schema = core_schema(build_schema())
    links = "templateLinks(first: 30) { joins }"
    query = f"{{ networks(first: 10) {{ edges {{ node {{ adverts(first: 10) {{ {links} }} }} }} }} }}"
    assert items_asked(schema, parse(query), None, None) == 10 + 100 + 3000
