"""The usual request answered directly gets exactly the answer Strawberry's view gives; every other request
still goes to the view, which answers or refuses it as before."""

from __future__ import annotations

import asyncio
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
    ("JSON in capitals", json.dumps({"query": STATS}).encode(), {"Content-Type": "Application/JSON"}, False),
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


def test_the_first_content_type_is_the_one_read(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the view reads it: a text body declared first is not taken for JSON declared after it."""
    headers = [
        ("Authorization", f"Bearer {api.keys['reader']}"),
        ("Content-Type", "text/plain"),
        ("Content-Type", "application/json"),
    ]
    body = json.dumps({"query": STATS}).encode()
    mine = api.client.post("/graphql", content=body, headers=headers)
    monkeypatch.setattr(GraphQLEndpoint, "direct", False)
    theirs = api.client.post("/graphql", content=body, headers=headers)
    assert (mine.status_code, mine.text) == (theirs.status_code, theirs.text)
    assert mine.status_code == 400 and "stats" not in mine.text


def test_a_body_cut_short_by_the_client_is_not_run(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client gone before its body ended: what came is a whole JSON object, but it is not run; the
    view sees the client gone, as it did before the direct answer."""
    endpoint = next(r for r in api.client.app.routes if getattr(r, "path", "") == "/graphql").endpoint
    ran: list[str] = []
    original = type(endpoint.schema).execute

    async def execute(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        ran.append(query)
        return await original(self, query, *args, **kwargs)

    monkeypatch.setattr(type(endpoint.schema), "execute", execute)

    async def ask() -> tuple[str | None, list[dict[str, Any]]]:
        messages = [
            {"type": "http.request", "body": json.dumps({"query": STATS}).encode(), "more_body": True},
            {"type": "http.disconnect"},
        ]
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http", "method": "POST", "path": "/graphql", "query_string": b"",
            "headers": [(b"content-type", b"application/json")], "app": api.client.app, "state": {},
        }  # fmt: skip
        try:
            await endpoint(scope, receive, send)
        except Exception as error:
            return type(error).__name__, sent
        return None, sent

    mine = asyncio.run(ask())
    monkeypatch.setattr(GraphQLEndpoint, "direct", False)
    theirs = asyncio.run(ask())
    assert mine == theirs and ran == []
    assert mine[0] == "ClientDisconnect"
