"""The analysts' questions over HTTP, against planted networks built by the real ingest and rebuild."""

from __future__ import annotations

from datetime import datetime

import pytest
from planted import HUB_EMAIL, IBAN_A, PHONE_A, PHONE_B, Api

NETWORK_OF = """
query ($value: String!) {
  identifier(value: $value) { networks { id key advertCount platforms countries } }
}
"""


def network_id(api: Api, value: str) -> str:
    (network,) = api.data(NETWORK_OF, {"value": value})["identifier"]["networks"]
    return network["id"]


@pytest.mark.parametrize("raw", ["+44 7400 123456", "wa.me/447400123456", "00447400123456"])
def test_three_ways_of_writing_a_phone_find_the_same_node(api: Api, raw: str) -> None:
    found = api.data(
        """query ($v: String!) {
          identifier(value: $v) {
            id kind value country advertCount
            adverts { id }
            accounts { adverts account { id platform } }
            networks { advertCount platforms }
          }
        }""",
        {"v": raw},
    )["identifier"]

    assert found["id"] == PHONE_A
    assert found["kind"] == "PHONE"
    assert found["country"] == "GB"
    assert found["advertCount"] == 4
    assert {a["id"] for a in found["adverts"]} == {
        "advert:facebook:a1",
        "advert:instagram:a2",
        "advert:telegram:calais_crossing_a/7",
        "advert:tiktok:a4",
    }
    assert {u["account"]["platform"] for u in found["accounts"]} == {
        "facebook",
        "instagram",
        "telegram",
        "tiktok",
    }
    assert found["networks"] == [
        {"advertCount": 4, "platforms": ["facebook", "instagram", "telegram", "tiktok"]}
    ]


def test_an_identifier_not_in_the_graph_is_not_found_and_says_its_canonical_form(api: Api) -> None:
    answer = api.post('{ identifier(value: "+44 7400 999999") { id } }')

    (error,) = answer["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert "phone:+447400999999" in error["message"]


def test_an_unreadable_identifier_is_bad_input_with_a_hint(api: Api) -> None:
    (error,) = api.post('{ identifier(value: "07400 123456") { id } }')["errors"]

    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "region" in error["message"]
    found = api.data('{ identifier(value: "07400 123456", region: "GB") { id } }')
    assert found["identifier"]["id"] == PHONE_A


@pytest.mark.parametrize(
    ("value", "kind", "key"),
    [
        ("1CEwg9pXFgT489hnmzygDmv3kYPRctKtat", "WALLET", "payment:btc:1CEwg9pXFgT489hnmzygDmv3kYPRctKtat"),
        ("1CEwg9pXFgT489hnmzygDmv3kYPRctKtat", "PAYMENT", "payment:btc:1CEwg9pXFgT489hnmzygDmv3kYPRctKtat"),
        ("https://WWW.Boats-UK.co.uk/x", "DOMAIN", "domain:boats-uk.co.uk"),
    ],
)
def test_every_kind_an_analyst_names_reads_the_value_as_ingest_keys_it(
    api: Api, value: str, kind: str, key: str
) -> None:
    answer = api.post(
        "query ($v: String!, $k: IdentifierKind) { identifier(value: $v, kind: $k) { id } }",
        {"v": value, "k": kind},
    )

    (error,) = answer["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert key in error["message"]


def test_cross_border_cross_platform_networks_are_found_and_ranked_by_score(api: Api) -> None:
    # Which of the two planted smuggling networks ranks first is the content score's call (what their
    # adverts say), not the shape's: tests/graph/networks/test_content_rank.py tests that ordering.
    page = api.data(
        """{ networks(orderBy: SCORE) {
              totalCount
              edges { node { id score platforms countries advertCount scoreExplanation } }
        } }"""
    )["networks"]

    nodes = [e["node"] for e in page["edges"]]
    assert page["totalCount"] == len(nodes) >= 2
    wide = next(n for n in nodes if n["id"] == network_id(api, "+44 7400 123456"))
    assert wide["platforms"] == ["facebook", "instagram", "telegram", "tiktok"]
    assert {"FR", "IQ", "TR"} <= set(wide["countries"])
    assert all(n["scoreExplanation"] for n in nodes)
    assert [n["score"] for n in nodes] == sorted((n["score"] for n in nodes), reverse=True)

    filtered = api.data(
        """{ networks(filter: {minPlatforms: 2, minCountries: 2}) { totalCount edges { node { id } } } }"""
    )["networks"]
    assert [e["node"]["id"] for e in filtered["edges"]] == [wide["id"]]

    on_x = api.data('{ networks(filter: {platforms: ["x"], countries: ["BE"]}) { edges { node { id } } } }')
    assert [e["node"]["id"] for e in on_x["networks"]["edges"]] == [network_id(api, "+32 470 12 34 56")]


def test_a_hub_is_marked_and_does_not_merge_two_networks(api: Api) -> None:
    a, b = network_id(api, "+44 7400 123456"), network_id(api, "+32470123456")
    hub = api.data(f'{{ identifier(value: "{HUB_EMAIL}") {{ hub hubReason networks {{ id }} }} }}')[
        "identifier"
    ]

    assert a != b
    assert hub["hub"] is True
    assert "groups" in hub["hubReason"]
    assert {a, b} <= {n["id"] for n in hub["networks"]}
    identifiers = api.data(
        f'{{ network(id: "{a}") {{ identifiers {{ kind identifiers {{ adverts identifier {{ id }} }} }} }} }}'
    )["network"]["identifiers"]
    keys = {i["identifier"]["id"] for group in identifiers for i in group["identifiers"]}
    assert HUB_EMAIL not in keys
    assert {PHONE_A, IBAN_A} <= keys
    by_kind = {group["kind"]: group for group in identifiers}
    assert {"PHONE", "PAYMENT"} <= set(by_kind)


def test_network_evidence_points_at_the_text_that_shows_each_shared_identifier(api: Api) -> None:
    a = network_id(api, "+44 7400 123456")
    network = api.data(
        """query ($id: ID!) { network(id: $id) {
             advertCount accountCount
             adverts { id text }
             accounts { id }
             timeline { day adverts }
             evidence {
               advertCount identifier { id }
               adverts { relation spans { start end text } advert { id text } }
             }
        } }""",
        {"id": a},
    )["network"]

    assert network["advertCount"] == 4 and len(network["adverts"]) == 4
    assert len(network["accounts"]) == 4
    assert network["timeline"] == [
        {"day": "2024-05-01", "adverts": 1},
        {"day": "2024-05-03", "adverts": 1},
        {"day": "2024-05-04", "adverts": 1},
        {"day": "2024-05-06", "adverts": 1},
    ]
    evidence = {e["identifier"]["id"]: e for e in network["evidence"]}
    assert HUB_EMAIL not in evidence
    phone = evidence[PHONE_A]
    assert phone["advertCount"] == 4
    quotes = {item["advert"]["id"]: [s["text"] for s in item["spans"]] for item in phone["adverts"]}
    assert quotes == {
        "advert:facebook:a1": ["+44 7400 123456"],
        "advert:instagram:a2": ["00447400123456"],
        "advert:telegram:calais_crossing_a/7": ["wa.me/447400123456"],
        "advert:tiktok:a4": ["+44 7400 123456"],
    }
    for item in phone["adverts"] + evidence[IBAN_A]["adverts"]:
        for span in item["spans"]:  # the offsets are into the advert's text (emoji and Arabic included)
            assert item["advert"]["text"][span["start"] : span["end"]] == span["text"]
    iban = {item["advert"]["id"]: item["spans"][0]["text"] for item in evidence[IBAN_A]["adverts"]}
    assert iban == {
        "advert:instagram:a2": "GB33BUKB20201555555555",
        "advert:telegram:calais_crossing_a/7": "GB33 BUKB 2020 1555 5555 55",
    }
    handle = evidence["handle:telegram:calais_crossing_a"]["adverts"]
    assert {(i["advert"]["id"], i["relation"]) for i in handle} == {
        ("advert:facebook:a1", "MENTIONS"),
        ("advert:telegram:calais_crossing_a/7", "POSTED"),
    }


def test_networks_page_with_cursors_and_total_count(api: Api) -> None:
    query = """query ($after: String) { networks(first: 1, after: $after, orderBy: SIZE) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id size } } } }"""
    first = api.data(query, {"after": None})["networks"]
    second = api.data(query, {"after": first["pageInfo"]["endCursor"]})["networks"]

    assert first["totalCount"] == second["totalCount"] == 2
    assert first["pageInfo"]["hasNextPage"] is True and first["pageInfo"]["hasPreviousPage"] is False
    assert second["pageInfo"]["hasNextPage"] is False and second["pageInfo"]["hasPreviousPage"] is True
    sizes = [first["edges"][0]["node"]["size"], second["edges"][0]["node"]["size"]]
    assert sizes == sorted(sizes, reverse=True)
    assert first["edges"][0]["node"]["id"] != second["edges"][0]["node"]["id"]
    assert first["edges"][0]["cursor"] == first["pageInfo"]["endCursor"]

    (error,) = api.post(query, {"after": "not-a-cursor"})["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


def test_networks_containing_an_identifier_typed_raw(api: Api) -> None:
    found = api.data(
        """{ networks(filter: {containsIdentifier: "GB33 BUKB 2020 1555 5555 55"}) {
              totalCount edges { node { id } } } }"""
    )["networks"]

    assert found["totalCount"] == 1
    assert found["edges"][0]["node"]["id"] == network_id(api, "+44 7400 123456")


def test_account_and_advert_lookups(api: Api) -> None:
    account = api.data(
        """{ account(platform: "telegram", handle: "@calais_crossing_a") {
              id name advertCount mentionedBy network { id } adverts { id author { id } } } }"""
    )["account"]
    advert = api.data(
        """{ advert(id: "instagram:a2") { id platform region author { handle } network { id }
              mentions { count spans { text } identifier { id kind } } } }"""
    )["advert"]

    assert account["id"] == "handle:telegram:calais_crossing_a"
    assert account["name"] == "Calais A"
    assert (account["advertCount"], account["mentionedBy"]) == (1, 1)
    assert account["network"]["id"] == network_id(api, "+44 7400 123456")
    assert {a["id"] for a in account["adverts"]} == {
        "advert:telegram:calais_crossing_a/7",
        "advert:facebook:a1",
    }
    assert advert["author"]["handle"] == "uk.trip.safe"
    assert advert["region"] == "IQ"
    assert [(m["identifier"]["kind"], m["spans"][0]["text"]) for m in advert["mentions"]] == [
        ("PAYMENT", "GB33BUKB20201555555555"),
        ("PHONE", "00447400123456"),
    ]


def test_search_over_advert_text(api: Api) -> None:
    found = api.data(
        """{ search(text: "Calais OR Zeebrugge", first: 1) {
              totalCount pageInfo { hasNextPage endCursor } edges { score node { id } } } }"""
    )["search"]
    rest = api.data(
        """query ($a: String) {
             search(text: "Calais OR Zeebrugge", first: 5, after: $a) { edges { node { id } } } }""",
        {"a": found["pageInfo"]["endCursor"]},
    )["search"]

    ids = {found["edges"][0]["node"]["id"]} | {e["node"]["id"] for e in rest["edges"]}
    assert found["pageInfo"]["hasNextPage"] is True
    assert ids == {"advert:facebook:a1", "advert:x:b1"}
    assert len(ids) == found["totalCount"]
    (error,) = api.post('{ search(text: "\\"unclosed") { totalCount } }')["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


def test_path_between_identifiers_with_evidence_on_each_hop(api: Api) -> None:
    path = api.data(
        """{ path(from: "@calais_crossing_a", to: "GB33BUKB20201555555555", maxHops: 4,
                  platform: "telegram") {
              length nodes { id kind } hops { source target relation spans { text } advert { id } } } }"""
    )["path"]
    across_the_hub = api.data(f'{{ path(from: "{PHONE_A}", to: "{PHONE_B}", maxHops: 6) {{ length }} }}')
    too_short = api.data(
        '{ path(from: "@calais_crossing_a", to: "GB33BUKB20201555555555", maxHops: 1, platform: "telegram") '
        "{ length } }"
    )
    to_the_hub = api.data(
        f'{{ path(from: "{PHONE_A}", to: "{HUB_EMAIL}", maxHops: 6) {{ length nodeIds }} }}'
    )
    from_the_hub = api.data(
        f'{{ path(from: "{HUB_EMAIL}", to: "{PHONE_A}", maxHops: 6) {{ length nodeIds }} }}'
    )

    assert path["length"] == 2
    assert [n["id"] for n in path["nodes"]] == [
        "handle:telegram:calais_crossing_a",
        "advert:telegram:calais_crossing_a/7",
        IBAN_A,
    ]
    assert [h["relation"] for h in path["hops"]] == ["POSTED", "MENTIONS"]
    assert path["hops"][1]["spans"] == [{"text": "GB33 BUKB 2020 1555 5555 55"}]
    assert across_the_hub["path"] is None  # only the hub email ties A to B
    assert too_short["path"] is None  # the shortest is 2 hops long
    # A hub is not crossed, but it may be an end.
    assert to_the_hub["path"]["length"] == 2 and to_the_hub["path"]["nodeIds"][-1] == HUB_EMAIL
    assert from_the_hub["path"]["nodeIds"] == to_the_hub["path"]["nodeIds"][::-1]
    (error,) = api.post(f'{{ path(from: "{PHONE_A}", to: "{PHONE_B}", maxHops: 7) {{ length }} }}')["errors"]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    (zero,) = api.post(f'{{ path(from: "{PHONE_A}", to: "{PHONE_B}", maxHops: 0) {{ length }} }}')["errors"]
    assert zero["extensions"]["code"] == "BAD_USER_INPUT" and "at least 1" in zero["message"]
    (missing,) = api.post(f'{{ path(from: "{PHONE_A}", to: "+44 7400 999999") {{ length }} }}')["errors"]
    assert missing["extensions"]["code"] == "NOT_FOUND" and "phone:+447400999999" in missing["message"]


def test_neighbourhood_for_drawing_stops_at_hubs(api: Api) -> None:
    around = api.data(
        f"""{{ neighbourhood(id: "{PHONE_A}", depth: 2, limit: 100) {{
              center truncated nodes {{ id kind label hub }} edges {{ source target relation }} }} }}"""
    )["neighbourhood"]

    ids = {n["id"] for n in around["nodes"]}
    assert around["center"] == PHONE_A and not around["truncated"]
    assert {"advert:tiktok:a4", HUB_EMAIL, IBAN_A} <= ids
    assert not any(n.startswith("advert:x:") for n in ids)  # not reached through the hub email
    assert all(e["source"] in ids and e["target"] in ids for e in around["edges"])
    (error,) = api.post(f'{{ neighbourhood(id: "{PHONE_A}", depth: 4) {{ center }} }}')["errors"]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    (negative,) = api.post(f'{{ neighbourhood(id: "{PHONE_A}", limit: -1) {{ center }} }}')["errors"]
    assert negative["extensions"]["code"] == "BAD_USER_INPUT"


def test_stats(api: Api) -> None:
    stats = api.data(
        """{ stats {
          adverts phones networks crossPlatformNetworks crossBorderNetworks
          platforms { name adverts } interruptedRuns
          lastRun { status startedAt finishedAt heartbeatAt } } }"""
    )["stats"]

    assert stats["adverts"] == 13
    assert stats["networks"] == 2
    assert stats["crossPlatformNetworks"] == 1
    assert stats["crossBorderNetworks"] == 2
    assert stats["lastRun"]["status"] == "completed"
    times = [datetime.fromisoformat(stats["lastRun"][f]) for f in ("startedAt", "heartbeatAt", "finishedAt")]
    assert times == sorted(times)  # the heartbeat falls within the run
    assert stats["interruptedRuns"] == 0
    assert sum(p["adverts"] for p in stats["platforms"]) == 13


def test_graphql_answers_get_and_post(api: Api) -> None:
    headers = {"Authorization": f"Bearer {api.keys['reader']}"}
    by_get = api.client.get("/graphql", params={"query": "{ stats { adverts } }"}, headers=headers)
    null_variables = api.client.get(
        "/graphql", params={"query": "{ stats { adverts } }", "variables": "null"}, headers=headers
    )
    by_post = api.client.post("/graphql", json={"query": "{ stats { adverts } }"}, headers=headers)
    mutation_by_get = api.client.get(
        "/graphql", params={"query": 'mutation { unwatch(identifier: "+447400123456") }'}, headers=headers
    )

    assert by_get.status_code == by_post.status_code == null_variables.status_code == 200
    assert by_get.json() == by_post.json() == null_variables.json() == {"data": {"stats": {"adverts": 13}}}
    assert mutation_by_get.status_code == 400
    assert mutation_by_get.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
