"""The usual request answered directly gets exactly the answer Strawberry's view gives; every other request
still goes to the view, which answers or refuses it as before."""

from __future__ import annotations

import json
from typing import Any

import pytest
import strawberry.asgi
from planted import Api

from api.endpoint import GraphQLEndpoint

STATS = "{ stats { adverts accounts } }"
TWO = "query A { stats { adverts } } query B { stats { accounts } }"
LOOKUP = "query ($v: String!) { identifier(value: $v) { id kind adverts(first: 2) { id } } }"

# (what the request is, its body, its extra headers, whether it is answered directly)
REQUESTS: list[tuple[str, bytes, dict[str, str], bool]] = [
    ("a query", json.dumps({"query": STATS}).encode(), {}, True),
    (
        "with variables",
        json.dumps({"query": LOOKUP, "variables": {"v": "+44 7400 123456"}}).encode(),
        {},
        True,
    ),
    ("variables null", json.dumps({"query": STATS, "variables": None}).encode(), {}, True),
    ("a bad variable", json.dumps({"query": LOOKUP, "variables": {"v": 12}}).encode(), {}, True),
    ("an operation picked", json.dumps({"query": TWO, "operationName": "B"}).encode(), {}, True),
    ("no operation picked", json.dumps({"query": TWO}).encode(), {}, True),
    ("an unknown operation", json.dumps({"query": TWO, "operationName": "C"}).encode(), {}, True),
    (
        "a mutation refused",
        json.dumps({"query": 'mutation { watch(identifier: "x") { id } }'}).encode(),
        {},
        True,
    ),
    ("not valid", json.dumps({"query": "{ stats { nope } }"}).encode(), {}, True),
    ("not GraphQL", json.dumps({"query": "{ stats "}).encode(), {}, True),
    ("with extensions", json.dumps({"query": STATS, "extensions": {"x": 1}}).encode(), {}, True),
    (
        "charset given",
        json.dumps({"query": STATS}).encode(),
        {"Content-Type": "application/json; charset=utf-8"},
        True,
    ),
    ("JSON accepted", json.dumps({"query": STATS}).encode(), {"Accept": "application/json, */*"}, True),
    ("an empty query", json.dumps({"query": ""}).encode(), {}, False),
    ("no query", json.dumps({"variables": {}}).encode(), {}, False),
    ("a query not text", json.dumps({"query": 5}).encode(), {}, False),
    ("variables not an object", json.dumps({"query": STATS, "variables": [1]}).encode(), {}, False),
    ("an unknown key", json.dumps({"query": STATS, "other": 1}).encode(), {}, False),
    ("a batch", json.dumps([{"query": STATS}, {"query": STATS}]).encode(), {}, False),
    ("null", b"null", {}, False),
    ("not JSON", b"{query", {}, False),
    ("too deep to decode", b"[" * 100_000, {}, False),
    ("another content type", STATS.encode(), {"Content-Type": "application/graphql"}, False),
    ("a stream asked for", json.dumps({"query": STATS}).encode(), {"Accept": "multipart/mixed"}, False),
]


def answer(api: Api, body: bytes, headers: dict[str, str]) -> tuple[int, str | None, Any]:
    sent = {"Authorization": f"Bearer {api.keys['reader']}", "Content-Type": "application/json", **headers}
    response = api.client.post("/graphql", content=body, headers=sent)
    try:
        content: Any = response.json()
    except ValueError:
        content = response.text
    return response.status_code, response.headers.get("content-type"), content


@pytest.mark.parametrize(
    ("body", "headers", "direct"), [r[1:] for r in REQUESTS], ids=[r[0] for r in REQUESTS]
)
def test_each_request_gets_the_views_own_answer(
    api: Api, monkeypatch: pytest.MonkeyPatch, body: bytes, headers: dict[str, str], direct: bool
) -> None:
    viewed: list[str] = []
    original = strawberry.asgi.GraphQL.run

    async def run(self: Any, request: Any, *args: Any, **kwargs: Any) -> Any:
        viewed.append(request.method)
        return await original(self, request, *args, **kwargs)

    monkeypatch.setattr(strawberry.asgi.GraphQL, "run", run)
    mine = answer(api, body, headers)
    assert viewed == ([] if direct else ["POST"])

    monkeypatch.setattr(GraphQLEndpoint, "direct", False)
    theirs = answer(api, body, headers)
    assert mine == theirs


def test_a_direct_answer_has_the_views_headers(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    headers = {"Authorization": f"Bearer {api.keys['reader']}"}
    mine = api.client.post("/graphql", json={"query": STATS}, headers=headers)
    monkeypatch.setattr(GraphQLEndpoint, "direct", False)
    theirs = api.client.post("/graphql", json={"query": STATS}, headers=headers)
    assert mine.status_code == theirs.status_code == 200
    assert list(mine.headers.items()) == list(theirs.headers.items())
    assert mine.content == theirs.content


def test_a_direct_answer_is_audited_as_any_other(api: Api) -> None:
    api.post("query Counted { stats { adverts } }")
    record = api.audit()[-1]
    assert record["operation"] == "Counted" and record["outcome"] == "ok"
    assert record["key_id"] == api.key_ids["reader"]
