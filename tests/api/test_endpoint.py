"""The /graphql endpoint answers every shape of request a client may send: the usual ones with data, the
others with a 400 and a coded GraphQL error that says what is wrong, never a 500 or a plain-text body."""

from __future__ import annotations

import json
from typing import Any

import pytest
from planted import Api

STATS = "{ stats { adverts accounts } }"
TWO = "query A { stats { adverts } } query B { stats { accounts } }"
LOOKUP = "query ($v: String!) { identifier(value: $v) { id kind adverts(first: 2) { id } } }"


def body(value: Any) -> bytes:
    return json.dumps(value).encode()


# (what the request is, its body, its extra headers, the fields of `stats` answered)
ANSWERED: list[tuple[str, bytes, dict[str, str], set[str]]] = [
    ("a query", body({"query": STATS}), {}, {"adverts", "accounts"}),
    ("variables null", body({"query": STATS, "variables": None}), {}, {"adverts", "accounts"}),
    ("an operation picked", body({"query": TWO, "operationName": "B"}), {}, {"accounts"}),
    ("with extensions", body({"query": STATS, "extensions": {"x": 1}}), {}, {"adverts", "accounts"}),
    ("an unknown key", body({"query": STATS, "other": 1}), {}, {"adverts", "accounts"}),
    (
        "charset given",
        body({"query": STATS}),
        {"Content-Type": "application/json; charset=utf-8"},
        {"adverts", "accounts"},
    ),
    ("JSON accepted", body({"query": STATS}), {"Accept": "application/json, */*"}, {"adverts", "accounts"}),
    ("a stream asked for", body({"query": STATS}), {"Accept": "multipart/mixed"}, {"adverts", "accounts"}),
]

# (what the request is, its body, its extra headers, the HTTP status, words of the error's message)
REFUSED: list[tuple[str, bytes, dict[str, str], int, str]] = [
    ("a bad variable", body({"query": LOOKUP, "variables": {"v": 12}}), {}, 200, "Variable '$v'"),
    ("an unknown operation", body({"query": TWO, "operationName": "C"}), {}, 400, 'operation named "C"'),
    ("a mutation not valid", body({"query": 'mutation { watch(identifier: "x") { id } }'}), {}, 200, "'id'"),
    ("not valid", body({"query": "{ stats { nope } }"}), {}, 200, "'nope'"),
    ("not GraphQL", body({"query": "{ stats "}), {}, 200, "Syntax Error"),
    ("an empty query", body({"query": ""}), {}, 400, "No GraphQL query"),
    ("no query", body({"variables": {}}), {}, 400, "No GraphQL query"),
    ("a query not text", body({"query": 5}), {}, 400, "`query` must be a string"),
    ("variables not an object", body({"query": STATS, "variables": [1]}), {}, 400, "`variables` must be"),
    ("a batch", body([{"query": STATS}, {"query": STATS}]), {}, 400, "Batching is not enabled"),
    ("null", b"null", {}, 400, "must be a JSON object"),
    ("a number", b"123", {}, 400, "must be a JSON object"),
    ("a batch holding null", b"[null]", {}, 400, "must be a JSON object"),
    ("not JSON", b"{query", {}, 400, "Unable to parse request body as JSON"),
    ("too deep to decode", b"[" * 100_000, {}, 400, "not JSON this API can read"),
    ("another content type", STATS.encode(), {"Content-Type": "application/graphql"}, 400, "content type"),
    ("JSON in capitals", body({"query": STATS}), {"Content-Type": "Application/JSON"}, 400, "content type"),
    (
        "text before JSON",
        body({"query": STATS}),
        {"Content-Type": "text/plain"},
        400,
        "content type",
    ),
]


def answer(api: Api, content: bytes, headers: dict[str, str]) -> tuple[int, str | None, Any]:
    sent = {"Authorization": f"Bearer {api.keys['reader']}", "Content-Type": "application/json", **headers}
    response = api.client.post("/graphql", content=content, headers=sent)
    return response.status_code, response.headers.get("content-type"), response.json()


@pytest.mark.parametrize(
    ("content", "headers", "fields"), [r[1:] for r in ANSWERED], ids=[r[0] for r in ANSWERED]
)
def test_the_usual_requests_are_answered(
    api: Api, content: bytes, headers: dict[str, str], fields: set[str]
) -> None:
    status, kind, answered = answer(api, content, headers)
    assert (status, kind) == (200, "application/json")
    assert "errors" not in answered
    assert set(answered["data"]["stats"]) == fields
    assert all(isinstance(value, int) and value > 0 for value in answered["data"]["stats"].values())


def test_a_question_with_variables_is_answered(api: Api) -> None:
    status, _, answered = answer(api, body({"query": LOOKUP, "variables": {"v": "+44 7400 123456"}}), {})
    found = answered["data"]["identifier"]
    assert status == 200 and found["id"] == "phone:+447400123456" and found["kind"] == "PHONE"
    assert 1 <= len(found["adverts"]) <= 2


@pytest.mark.parametrize(
    ("content", "headers", "status", "words"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_every_other_request_is_refused_with_a_coded_error(
    api: Api, content: bytes, headers: dict[str, str], status: int, words: str
) -> None:
    got, kind, answered = answer(api, content, headers)
    assert (got, kind) == (status, "application/json")
    assert answered.get("data") is None
    (error,) = answered["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert words in error["message"]


def test_a_request_is_audited_with_its_operation_and_key(api: Api) -> None:
    api.post("query Counted { stats { adverts } }")
    record = api.audit()[-1]
    assert record["operation"] == "Counted" and record["outcome"] == "ok"
    assert record["key_id"] == api.key_ids["reader"]


def test_head_and_put_are_refused_naming_the_methods_allowed(api: Api) -> None:
    headers = {"Authorization": f"Bearer {api.keys['reader']}"}
    head = api.client.head("/graphql", headers=headers)
    assert head.status_code == 405 and head.headers["allow"] == "GET, POST"
    assert api.client.put("/graphql", content=body({"query": STATS}), headers=headers).status_code == 405


def test_a_get_with_variables_null_is_answered(api: Api) -> None:
    headers = {"Authorization": f"Bearer {api.keys['reader']}"}
    response = api.client.get("/graphql", params={"query": STATS, "variables": "null"}, headers=headers)
    assert response.status_code == 200
    assert set(response.json()["data"]["stats"]) == {"adverts", "accounts"}
