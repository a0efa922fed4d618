"""Plain values completed in one step, plain attributes answered without being resolved, and objects of
them answered whole give exactly the answers, and the errors, of GraphQL's own steps; a field with a
resolver or a permission is always resolved."""

from __future__ import annotations

import asyncio
import math
from datetime import UTC, datetime
from enum import Enum
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


# --- objects answered whole ---


@strawberry.enum
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Part:
    label: str | None
    weight: int
    when: datetime | None = None
    colour: Colour | None = None


@strawberry.type
class Box:
    name: str
    parts: list[Part]
    main: Part | None = None
    inner: Box | None = None

    @strawberry.field
    def computed(self) -> str:
        return self.name * 2


def part(**changes: object) -> Part:
    fields = {
        "label": "a",
        "weight": 1,
        "when": datetime(2026, 3, 1, 12, 30, tzinfo=UTC),
        "colour": Colour.RED,
    }
    return Part(**{**fields, **changes})  # type: ignore[arg-type]


BOXES: dict[str, list[Box]] = {
    "plain": [
        Box(name="b1", parts=[part(), part(label=None, when=None, colour=None)], main=part(weight=-5)),
        Box(name="b2", parts=[], inner=Box(name="in", parts=[part()], main=part(label="m"))),
    ],
    "an int out of range": [Box(name="b", parts=[part(), part(weight=2**31)])],
    "a null where none may be": [Box(name="b", parts=[part(weight=None)])],  # type: ignore[arg-type]
    "a date that is text": [Box(name="b", parts=[part(when="2026-03-01")])],  # type: ignore[arg-type]
    "an enum that is text": [Box(name="b", parts=[part(colour="red")])],  # type: ignore[arg-type]
    "an object of another type": [Box(name="b", parts=[Box(name="x", parts=[])])],  # type: ignore[list-item]
    "a list that is a tuple": [Box(name="b", parts=(part(),))],  # type: ignore[arg-type]
}
BOX_QUERY = (
    "query ($case: String!) { boxes(case: $case) { name parts { label weight when colour __typename } "
    "main { ...P w: weight } inner { name main { label } parts { weight } } } } "
    "fragment P on Part { label when }"
)
WITH_RESOLVER = '{ boxes(case: "plain") { name computed parts { label } } }'


class Touchy:
    """Stands for a Part whose label cannot be read."""

    weight = 1
    when = None
    colour = None

    @property
    def label(self) -> str:
        raise ValueError("the label cannot be read")


@strawberry.type
class BoxQuery:
    @strawberry.field
    def boxes(self, case: str) -> list[Box]:
        return BOXES[case]

    @strawberry.field
    def failing(self) -> Part | None:
        return ValueError("no part here")  # type: ignore[return-value]  # GraphQL raises it

    @strawberry.field
    def later(self) -> list[Part]:
        async def found() -> Part:
            return part()

        async def lost() -> Part:
            raise ValueError("lost on the way")

        return [found(), lost()]  # type: ignore[list-item]  # GraphQL awaits them

    @strawberry.field
    def touchy(self) -> list[Part]:
        return [part(), Touchy()]  # type: ignore[list-item]


ODD = [
    "{ failing { __typename } }",
    "{ later { __typename } }",
    "{ later { label weight } }",
    "{ touchy { label weight } }",
    "{ touchy { weight } }",
]


def boxes(schema: strawberry.Schema, query: str, case: str = "plain") -> tuple[object, list[str]]:
    result = asyncio.run(schema.execute(query, variable_values={"case": case}))
    return result.data, [f"{e.path}: {e.message}" for e in result.errors or []]


@pytest.mark.parametrize("case", list(BOXES))
def test_objects_get_graphqls_own_answers_and_errors(case: str) -> None:
    plain = strawberry.Schema(query=BoxQuery, execution_context_class=PlainValues)
    stepwise = strawberry.Schema(query=BoxQuery)
    assert boxes(plain, BOX_QUERY, case) == boxes(stepwise, BOX_QUERY, case)


def test_plain_objects_are_answered_whole_and_others_field_by_field(monkeypatch: pytest.MonkeyPatch) -> None:
    executed: list[str] = []
    original = PlainValues.collect_and_execute_subfields

    def counted(self: PlainValues, return_type: Any, *rest: Any) -> Any:
        executed.append(return_type.name)
        return original(self, return_type, *rest)

    monkeypatch.setattr(PlainValues, "collect_and_execute_subfields", counted)
    schema = strawberry.Schema(query=BoxQuery, execution_context_class=PlainValues)
    data, errors = boxes(schema, BOX_QUERY)
    assert not errors
    assert data["boxes"][0]["parts"][0]["when"] == "2026-03-01T12:30:00+00:00"  # type: ignore[index]
    assert data["boxes"][1]["inner"]["main"] == {"label": "m"}  # type: ignore[index]
    assert executed == []  # every box, its parts and its inner box answered whole

    boxes(schema, BOX_QUERY, "an int out of range")  # that box takes the steps; its plain part does not
    assert executed == ["Box", "Part"]
    executed.clear()
    boxes(schema, WITH_RESOLVER)  # a field with a resolver: the boxes take the steps, their parts not
    assert executed == ["Box", "Box"]


@pytest.mark.parametrize("query", ODD)
def test_errors_awaitables_and_failing_attributes_answer_as_graphqls_own(query: str) -> None:
    """An error a resolver returns, awaitables in a list, an attribute that raises: GraphQL's steps."""
    plain = strawberry.Schema(query=BoxQuery, execution_context_class=PlainValues)
    stepwise = strawberry.Schema(query=BoxQuery)
    mine, theirs = boxes(plain, query), boxes(stepwise, query)
    assert mine == theirs
    assert mine[1] or query == "{ touchy { weight } }"  # each but the last has an error to give
