"""The cache of parsed documents: a repeat is not parsed again, and what does not parse is never cached."""

from __future__ import annotations

import graphql
import pytest
from planted import Api

from api.graphql import budget, expansion, parsing


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the cache itself parses, from an empty cache."""
    parsing._parsed.cache_clear()
    seen: list[str] = []

    def counting(query: str, **options: object) -> graphql.DocumentNode:
        seen.append(query)
        return graphql.parse(query, **options)

    monkeypatch.setattr(parsing, "parse", counting)
    return seen


def test_a_document_sent_again_is_not_parsed_again(api: Api, parses: list[str]) -> None:
    query = "query ($v: String!) { identifier(value: $v) { id kind } }"
    first = api.post(query, {"v": "+44 7400 123456"})
    second = api.post(query, {"v": "+447400123456"})

    assert parses == [query]  # parsed once, by the cache
    assert first == second and first["data"]["identifier"]["id"] == "phone:+447400123456"


@pytest.mark.parametrize(
    ("query", "code"),
    [("{ stats { adverts ", "BAD_USER_INPUT"), ("{ " + "__typename " * 4000 + "}", "LIMIT_EXCEEDED")],
)
def test_a_document_that_does_not_parse_is_refused_every_time(
    api: Api, parses: list[str], query: str, code: str
) -> None:
    answers = [api.post(query), api.post(query)]

    assert [[e["extensions"]["code"] for e in a["errors"]] for a in answers] == [[code], [code]]
    assert parsing._parsed.cache_info().currsize == 0


def test_the_token_limit_is_part_of_the_key(parses: list[str]) -> None:
    query = "{ a b c d }"

    assert parsing.parsed_document(query, {"max_tokens": 100}) is not None
    assert parsing.parsed_document(query, {"max_tokens": 3}) is None  # not the document cached under 100
    assert parsing.parsed_document(query, {"max_tokens": 100}) is parsing.parsed_document(
        query, {"max_tokens": 100}
    )
    assert parsing.parsed_document(query, {"unknown_option": True}) is None


def test_a_repeat_is_neither_validated_nor_counted_again(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parse cache hands back the same document, so the validation cache and the count of items
    asked find it again."""
    counted: list[object] = []
    validations = expansion.CheckedValidation().cached_validate_document
    validations.cache_clear()
    budget._count_without_variables.cache_clear()
    original = budget._Counter.count

    def count(self: budget._Counter, *args: object) -> int:
        counted.append(args)
        return original(self, *args)

    monkeypatch.setattr(budget._Counter, "count", count)
    query = "query ($v: String!) { identifier(value: $v) { id adverts(first: 3) { id } } }"
    for value in ("+44 7400 123456", "+447400123456", "+44 7400 123456"):
        assert api.post(query, {"v": value})["data"]["identifier"]["id"] == "phone:+447400123456"

    assert (validations.cache_info().misses, validations.cache_info().hits) == (1, 2)
    assert [getattr(c[0], "name", None) for c in counted].count("Query") == 1  # counted once, from the top
