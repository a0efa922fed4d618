"""`asked` reads the fields under the current one as Strawberry's `info.selected_fields` gives them: names,
arguments (variables filled in), fragments opened, `@skip` and `@include` applied."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
import strawberry
from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from api.graphql.selection import asked


@strawberry.input
class Filter:
    platform: str | None = None
    since: int | None = None


@strawberry.type
class Node:
    name: str = "n"

    @strawberry.field
    def child(
        self,
        first: int | None = None,
        flag: bool | None = None,
        tags: list[str] | None = None,
        where: Filter | None = None,
    ) -> Node:
        return Node()


SEEN: list[tuple[Any, Any]] = []


@strawberry.type
class Query:
    @strawberry.field
    def probe(self, info: Info) -> Node:
        SEEN.append((_mine(info), _theirs(info.selected_fields)))
        return Node()


def _mine(info: Info) -> list[Any]:
    return [(f.name, f.arguments, [(g.name, g.arguments) for g in f.fields()]) for f in asked(info)]


def _theirs(current: Sequence[Selection]) -> list[Any]:
    return [
        (f.name, f.arguments, [(g.name, g.arguments) for g in _fields(f.selections)])
        for field in current
        for f in _fields(field.selections)
    ]


def _fields(selections: Sequence[Selection]) -> Iterator[SelectedField]:
    for selection in selections:
        skip, include = selection.directives.get("skip", {}), selection.directives.get("include", {})
        if skip.get("if") is True or include.get("if") is False:
            continue
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, InlineFragment | FragmentSpread):
            yield from _fields(selection.selections)


SCHEMA = strawberry.Schema(query=Query)
VARIABLES = {"n": 5, "yes": True, "no": False, "tags": ["a", "b"], "f": {"platform": "x", "since": 3}}
DOCUMENTS = {
    "fields and arguments": '{ probe { name child(first: 3, flag: true, tags: ["t"]) { name } } }',
    "variables": "query ($n: Int, $tags: [String!]) { probe { child(first: $n, tags: $tags) { name } } }",
    "an input object": "query ($f: Filter) { probe { child(where: $f) { name } "
    'c2: child(where: {platform: "y"}) { name } } }',
    "aliases": "{ probe { a: child(first: 1) { name } b: child(first: 2) { n: name } } }",
    "fragments": "{ probe { ...Top } } fragment Top on Node { child(first: 4) { ...Leaf } "
    "... on Node { name } } fragment Leaf on Node { name }",
    "skip and include": "query ($yes: Boolean!, $no: Boolean!) { probe { name @skip(if: $yes) "
    "child(first: 1) @include(if: $yes) { name @include(if: $no) } ... @skip(if: true) { x: name } "
    "...F @include(if: false) } } fragment F on Node { y: name }",
    "the field asked twice": "{ probe { name } again: probe { child { name } } }",
    "a variable not given": "query ($m: Int) { probe { child(first: $m) { name } } }",
}


@pytest.mark.parametrize("document", list(DOCUMENTS.values()), ids=list(DOCUMENTS))
def test_asked_agrees_with_strawberrys_selected_fields(document: str) -> None:
    SEEN.clear()
    result = asyncio.run(SCHEMA.execute(document, variable_values=VARIABLES))
    assert not result.errors, result.errors
    assert SEEN
    for mine, theirs in SEEN:
        assert mine == theirs
    assert any(mine for mine, _ in SEEN)  # something was asked
