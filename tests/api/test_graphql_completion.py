"""Plain values completed in one step, and plain attributes answered without being resolved, give exactly
the answers, and the errors, of GraphQL's own steps; a field with a resolver or a permission is always
resolved."""

from __future__ import annotations

import asyncio
import math
from typing import Any

import pytest
import strawberry
from strawberry.permission import BasePermission

from api.graphql import completion
from api.graphql.completion import PlainValues


class Nobody(BasePermission):
    message = "nobody may see this"

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return False


@strawberry.type
class Item:
    name: str
    count: int
    share: float
    flag: bool
    key: strawberry.ID
    tags: list[str]
    counts: list[int]
    maybe: list[str | None]
    shares: list[float]
    post_id: str = "p-1"  # a Python name that is not the GraphQL one (postId)
    secret: str = strawberry.field(default="hidden", permission_classes=[Nobody])

    @strawberry.field
    def shouted(self) -> str:
        return self.name.upper()


@strawberry.type
class Query:
    @strawberry.field
    def items(self, case: str) -> list[Item]:
        return CASES[case]


def item(**changes: object) -> Item:
    fields = {
        "name": "calais",
        "count": 7,
        "share": 0.5,
        "flag": True,
        "key": strawberry.ID("n-1"),
        "tags": ["telegram", "tiktok"],
        "counts": [1, 2],
        "maybe": ["a", None],
        "shares": [0.25, 1.0],
    }
    return Item(**{**fields, **changes})  # type: ignore[arg-type]


CASES: dict[str, list[Item]] = {
    "plain": [item(), item(name="", count=-(2**31), share=0.0, flag=False, tags=[], counts=[2**31 - 1])],
    "int too large": [item(count=2**31)],
    "int in a list too large": [item(counts=[1, 2**40])],
    "not a number": [item(share=math.nan)],
    "a whole number as a float": [item(share=3)],  # type: ignore[arg-type]
    "a bool as an int": [item(count=True)],  # type: ignore[arg-type]
    "an id given as a number": [item(key=12)],  # type: ignore[arg-type]
    "a null in a list of non-null": [item(tags=["a", None])],  # type: ignore[list-item]
    "int in a list too small": [item(counts=[0, -(2**31) - 1])],
    "a bool in a list of ints": [item(counts=[1, True])],
    "a number in a list of texts": [item(tags=["a", 5])],  # type: ignore[list-item]
    "not a number in a list": [item(shares=[1.0, math.inf])],
    "a whole number in a list of floats": [item(shares=[1.0, 2])],
    "empty lists": [item(tags=[], counts=[], shares=[])],
}
QUERY = "query ($case: String!) { items(case: $case) { name count share flag key tags counts maybe shares } }"
MORE = '{ items(case: "plain") { __typename postId again: name shouted secret } }'


def answer(schema: strawberry.Schema, case: str) -> tuple[object, list[str]]:
    result = asyncio.run(schema.execute(QUERY, variable_values={"case": case}))
    return result.data, [f"{e.path}: {e.message}" for e in result.errors or []]


@pytest.mark.parametrize("case", list(CASES))
def test_the_answer_and_its_errors_are_graphqls_own(case: str) -> None:
    plain = strawberry.Schema(query=Query, execution_context_class=PlainValues)
    stepwise = strawberry.Schema(query=Query)

    assert answer(plain, case) == answer(stepwise, case)


def test_plain_values_do_take_the_one_step(monkeypatch: pytest.MonkeyPatch) -> None:
    stepped: list[str] = []
    original = PlainValues.complete_leaf_value

    def counted(self: PlainValues, return_type: object, result: object) -> object:
        stepped.append(str(return_type))
        return original(self, return_type, result)

    monkeypatch.setattr(PlainValues, "complete_leaf_value", counted)
    schema = strawberry.Schema(query=Query, execution_context_class=PlainValues)
    data, errors = answer(schema, "plain")

    assert not errors and data["items"][0]["tags"] == ["telegram", "tiktok"]  # type: ignore[index]
    assert stepped == []  # not one leaf went GraphQL's long way


def test_attributes_resolvers_and_permissions_answer_as_graphqls_own() -> None:
    plain = strawberry.Schema(query=Query, execution_context_class=PlainValues)
    stepwise = strawberry.Schema(query=Query)
    mine, theirs = asyncio.run(plain.execute(MORE)), asyncio.run(stepwise.execute(MORE))

    assert mine.data == theirs.data
    assert [(e.path, e.message) for e in mine.errors or []] == [
        (e.path, e.message) for e in theirs.errors or []
    ]
    assert mine.errors and mine.errors[0].message == Nobody.message  # the permission was checked


def test_plain_attributes_are_not_resolved(monkeypatch: pytest.MonkeyPatch) -> None:
    resolved: list[str] = []
    original = completion._execute_field

    def counted(self: PlainValues, parent: Any, source: Any, details: Any, *rest: Any) -> Any:
        resolved.append(f"{parent.name}.{details[0].node.name.value}")
        return original(self, parent, source, details, *rest)

    monkeypatch.setattr(completion, "_execute_field", counted)
    schema = strawberry.Schema(query=Query, execution_context_class=PlainValues)
    data, errors = answer(schema, "plain")
    assert not errors and data["items"][1]["counts"] == [2**31 - 1]  # type: ignore[index]
    # Only the field with a resolver, and the list holding a null (GraphQL's steps check it), were.
    assert resolved == ["Query.items", "Item.maybe", "Item.maybe"]

    resolved.clear()
    asyncio.run(schema.execute(MORE))
    assert resolved == ["Query.items", "Item.__typename", "Item.shouted", "Item.secret"]
