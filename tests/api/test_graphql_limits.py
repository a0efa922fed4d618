"""Limits and errors: depth, aliases, tokens, page sizes, body size; every error has a code, no traceback."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from graphql import parse
from planted import Api

from api.graphql.budget import core_schema, items_asked
from api.graphql.limits import MAX_ALIASES, MAX_BODY_BYTES, MAX_DEPTH, MAX_TOKENS, Limits, limiters
from api.graphql.schema import build_schema
from graph.read import queries


def error_codes(answer: dict) -> list[str]:
    return [e["extensions"]["code"] for e in answer["errors"]]


def post_bytes(api: Api, body: bytes, role: str = "reader") -> Any:
    """POST a body exactly as given (a client's own JSON, lone surrogates and all)."""
    headers = {"Authorization": f"Bearer {api.keys[role]}", "Content-Type": "application/json"}
    return api.client.post("/graphql", content=body, headers=headers)


def test_a_query_deeper_than_the_limit_is_refused(api: Api) -> None:
    nested = "id"
    for _ in range(MAX_DEPTH):  # advert -> network -> adverts -> network -> ...
        nested = f"network {{ adverts {{ {nested} }} }}"
    answer = api.post(f'{{ advert(id: "facebook:a1") {{ {nested} }} }}')
    again = api.post(f'{{ advert(id: "facebook:a1") {{ {nested} }} }}')  # validated once, refused twice

    assert error_codes(answer) == error_codes(again) == ["LIMIT_EXCEEDED"]
    assert "depth" in answer["errors"][0]["message"]
    assert answer.get("data") is None and again.get("data") is None


def test_the_limit_rules_are_made_once_so_validated_documents_are_cached() -> None:
    depth_and_aliases, _tokens, _items = limiters(Limits())
    first, second = depth_and_aliases(), depth_and_aliases()

    assert len(first.validation_rules) == 2
    assert first.validation_rules is second.validation_rules  # the validation cache's key stays the same


def test_too_many_aliases_are_refused_also_inside_fragments(api: Api) -> None:
    aliases = " ".join(f"s{i}: stats {{ adverts }}" for i in range(MAX_ALIASES + 1))
    direct = api.post(f"{{ {aliases} }}")
    via_fragment = api.post(f"query {{ ...F }} fragment F on Query {{ {aliases} }}")

    assert error_codes(direct) == ["LIMIT_EXCEEDED"]
    assert error_codes(via_fragment) == ["LIMIT_EXCEEDED"]
    assert "aliases" in direct["errors"][0]["message"]


def test_a_document_with_too_many_tokens_is_refused(api: Api) -> None:
    fields = " ".join("__typename" for _ in range(MAX_TOKENS))
    answer = api.post(f"{{ {fields} }}")

    assert error_codes(answer) == ["LIMIT_EXCEEDED"]
    assert "tokens" in answer["errors"][0]["message"]


@pytest.mark.parametrize(
    "query",
    [
        "{ networks(first: 501) { totalCount } }",
        '{ search(text: "crossing", first: 501) { totalCount } }',
        '{ identifier(value: "+447400123456") { adverts(first: 501) { id } } }',
        "{ networks { edges { node { evidence(advertsPerIdentifier: 1000) { advertCount } } } } }",
    ],
)
def test_more_than_500_at_once_is_refused(api: Api, query: str) -> None:
    answer = api.post(query)

    assert "LIMIT_EXCEEDED" in error_codes(answer)
    assert str(queries.MAX_PAGE) in answer["errors"][0]["message"]


SCHEMA = core_schema(build_schema())


def asked(query: str, variables: dict | None = None) -> int:
    return items_asked(SCHEMA, parse(query), None, variables)


def test_items_multiply_along_a_path_and_add_up_across_it() -> None:
    assert asked("{ networks(first: 500) { totalCount } }") == 500
    assert (
        asked("{ networks(first: 500) { edges { node { adverts(first: 500) { id } } } } }") == 500 + 250_000
    )
    # Left out, a page size is its default (20 networks, 50 adverts each); variables count as sent.
    assert (
        asked("{ networks { edges { node { adverts { id } accounts(first: 2) { id } } } } }")
        == 20 + 1000 + 40
    )
    query = (
        "query ($n: Int!) { networks(first: $n) { edges { node { ...A } } } } "
        "fragment A on Network { adverts(first: $n) { id } }"
    )
    assert asked(query, {"n": 100}) == 100 + 10_000
    assert asked('{ neighbourhood(id: "x", limit: 2000) { nodes { id } } stats { adverts } }') == 2000
    # Variables as GraphQL will use them: a float that is a whole number, the query's own default.
    nested = "networks(first: $n) { edges { node { adverts(first: $n) { id } } } }"
    assert asked(f"query ($n: Int!) {{ {nested} }}", {"n": 500.0}) == 250_500
    assert asked(f"query ($n: Int! = 500) {{ {nested} }}") == 250_500
    # Pages inside a list of unknown length (a network's identifiers by kind, then each kind's) repeat.
    inside = (
        "{ networks(first: 20) { edges { node { identifiers { identifiers { identifier {"
        " adverts(first: 500) { id } } } } } } } }"
    )
    assert asked(inside) == 20 + 20 * 10 * 10 * 500
    # A fragment spread twice in each of 40 fragments is counted in a moment, at its full size.
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(40))
    assert (
        asked(f"{{ ...F0 }} {chain} fragment F40 on Query {{ networks(first: 1) {{ totalCount }} }}") == 2**40
    )


def test_a_documents_count_is_kept_only_when_no_variable_sizes_a_page() -> None:
    sized = parse("query ($n: Int!) { networks(first: $n) { totalCount } }")
    assert items_asked(SCHEMA, sized, None, {"n": 100}) == 100
    assert items_asked(SCHEMA, sized, None, {"n": 7}) == 7  # the same document, counted again
    fixed = parse("query ($v: String!) { identifier(value: $v) { adverts(first: 30) { id } } }")
    assert items_asked(SCHEMA, fixed, None, {"v": "a"}) == 30
    assert items_asked(SCHEMA, fixed, None, {"v": "b"}) == 30


def test_a_request_asking_for_too_many_items_is_refused_before_any_read(api: Api) -> None:
    api.queries.clear()
    answer = api.post("{ networks(first: 500) { edges { node { adverts(first: 500) { id } } } } }")

    assert error_codes(answer) == ["LIMIT_EXCEEDED"]
    assert "250,500 items" in answer["errors"][0]["message"]
    assert api.queries == []
    assert api.data("{ networks(first: 500) { edges { node { adverts(first: 40) { id } } } } }")


def test_fragments_that_open_into_too_many_fields_are_refused_before_validation(api: Api) -> None:
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(30))
    answer = api.post(f"{{ ...F0 }} {chain} fragment F30 on Query {{ stats {{ adverts }} }}")

    assert error_codes(answer) == ["LIMIT_EXCEEDED"]
    assert "opens into 2,147,483,648 fields" in answer["errors"][0]["message"]


def test_a_body_over_the_limit_is_refused_by_its_length_before_it_is_read(api: Api) -> None:
    body = b'{"query": "{ stats { adverts } }", "x": "' + b"a" * MAX_BODY_BYTES + b'"}'
    response = post_bytes(api, body)

    assert response.status_code == 413
    assert error_codes(response.json()) == ["LIMIT_EXCEEDED"]


def test_a_chunked_body_without_a_length_is_cut_off_at_the_limit(api: Api) -> None:
    def chunks():  # no Content-Length: the server only learns the size by reading
        yield b'{"query": "{ stats { adverts } }", "x": "'
        for _ in range(64):
            yield b"a" * (MAX_BODY_BYTES // 16)
        yield b'"}'

    headers = {"Authorization": f"Bearer {api.keys['reader']}", "Content-Type": "application/json"}
    response = api.client.post("/graphql", content=chunks(), headers=headers)

    assert response.status_code == 413
    assert error_codes(response.json()) == ["LIMIT_EXCEEDED"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ nope }", "BAD_USER_INPUT"),
        ("{ stats { adverts ", "BAD_USER_INPUT"),
        ('{ network(id: "no-such-network") { id } }', "NOT_FOUND"),
        ('{ identifier(value: "hello there") { id } }', "BAD_USER_INPUT"),
        ("{ networks(orderBy: BIGGEST) { totalCount } }", "BAD_USER_INPUT"),
    ],
)
def test_errors_have_a_code_and_an_actionable_message(api: Api, query: str, code: str) -> None:
    answer = api.post(query)

    assert error_codes(answer) == [code]
    assert answer["errors"][0]["message"]
    assert "Traceback" not in str(answer)


def test_a_body_that_is_not_json_is_a_graphql_error(api: Api) -> None:
    response = post_bytes(api, b"{not json")

    assert response.status_code == 400
    assert error_codes(response.json()) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    "body",
    [b"null", b"123", b'"x"', b"[1]", b'{"query": "{ stats { adverts } }", "n": ' + b"9" * 5000 + b"}"],
)
def test_a_body_that_is_json_but_not_a_request_is_a_graphql_error(api: Api, body: bytes) -> None:
    response = post_bytes(api, body)

    assert response.status_code == 400
    assert error_codes(response.json()) == ["BAD_USER_INPUT"]


def _cursor(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _after(field: str, cursor: str) -> str:
    return f'{{ {field}, after: "{cursor}") {{ totalCount }} }}'


@pytest.mark.parametrize(
    "query",
    [
        _after("networks(first: 5", _cursor({"o": "SCORE", "v": 10**400, "k": "x"})),
        _after('search(text: "boat"', _cursor({"s": 2**63})),
        '{ networks(filter: {seenSince: "2024-05-01T00:00:00"}) { totalCount } }',
    ],
)
def test_hand_made_cursors_and_local_times_are_bad_input(api: Api, query: str) -> None:
    answer = api.post(query)

    assert error_codes(answer) == ["BAD_USER_INPUT"]
    assert "internal" not in answer["errors"][0]["message"]


def test_half_an_emoji_is_bad_input_and_recorded_in_the_audit_log(api: Api) -> None:
    # As a client that cut an emoji in half sends it: a lone surrogate, escaped in the JSON text.
    query = b'"query ($t: String!) { search(text: $t) { totalCount } }"'
    answer = post_bytes(api, b'{"query": ' + query + b', "variables": {"t": "boat \\ud83d"}}').json()

    assert error_codes(answer) == ["BAD_USER_INPUT"]
    assert "not valid Unicode" in answer["errors"][0]["message"]
    assert api.audit()[-1]["fields"] == [{"field": "search", "args": {"text": "boat \ud83d"}}]


def test_half_an_emoji_in_a_mutation_is_bad_input(api: Api) -> None:
    query = b'"mutation ($n: String!) { createApiKey(role: READER, name: $n) { key } }"'
    body = b'{"query": ' + query + b', "variables": {"n": "analyst \\ud83d"}}'
    answer = post_bytes(api, body, role="admin").json()

    assert error_codes(answer) == ["BAD_USER_INPUT"]
    assert "not valid Unicode" in answer["errors"][0]["message"]


def test_an_unexpected_failure_is_internal_with_a_reference_and_no_traceback(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals: /srv/crosslink/graph/read.py line 12")

    monkeypatch.setattr(queries, "stats", broken)
    answer = api.post("{ stats { adverts } }")

    (error,) = answer["errors"]
    assert error["extensions"] == {"code": "INTERNAL"}
    assert "reference" in error["message"]
    assert "secret internals" not in str(answer) and "Traceback" not in str(answer)


def test_an_unavailable_graph_is_graph_unavailable(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from neo4j.exceptions import ServiceUnavailable

    def down(*_args: object, **_kwargs: object) -> None:
        raise ServiceUnavailable("Couldn't connect to 10.0.0.7:7687 (internal address)")

    monkeypatch.setattr(queries, "stats", down)
    answer = api.post("{ stats { adverts } }")

    assert error_codes(answer) == ["GRAPH_UNAVAILABLE"]
    assert "10.0.0.7" not in str(answer)
