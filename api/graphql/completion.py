"""Plain values completed at once: a string, a whole number or a flag that is already what GraphQL sends.

GraphQL completes every value of an answer in steps (non-null, list, leaf, serialize), several calls for
each. A page of 50 networks holds about 2,000 values, most of them names, counts and platform lists
that need none of it: their completion was most of the page's CPU beyond its read. `PlainValues` sends
such a value as it is, and a list of them as a list, when its type is String, ID, Int (within 32 bits),
Float (finite), Boolean or a list of those and the value is exactly of that Python type (as GraphQL would
send it unchanged); anything else (dates, enums, objects, nulls, an id given as a number, an Int out of
range) takes graphql-core's own steps and errors.

A field that is only an attribute of its object (no resolver, no arguments, no permission or extension:
what Strawberry calls a basic field) and holds such a value is also answered without the steps that
come before completion: the resolve info built for it (a dozen values), Strawberry's resolver wrapper
and graphql-core's dispatch on the result.

And an object all of whose fields asked are such attributes (plain values, dates and enums serialised
by graphql-core's own leaf step, nulls where the type allows them, lists of them, other such objects,
`__typename`) is answered as one dict, without the steps of an object: its fields collected, resolved,
completed and gathered one by one. A networks page is 50 of them (each edge with its network); in-process,
reads answered from memory, its CPU fell from 1.64 to 0.95 ms, and an `identifier` question's from 0.82
to 0.75 ms. A value that is not plain (a null where none may be, a number out of range, a date that is
not one) sends its whole object the long way, which gives the error where it belongs.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cached_property
from typing import Any
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLBoolean,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLString,
    is_leaf_type,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

# The scalar types whose serialised value is the Python value itself, by the exact Python type.
_AS_IS: dict[Any, type] = {
    GraphQLString: str,
    GraphQLID: str,  # an id given as text; one given as a number goes the long way (made text)
    GraphQLInt: int,
    GraphQLFloat: float,
    GraphQLBoolean: bool,
}
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_complete = StrawberryGraphQLCoreExecutionContext.complete_value
_execute_field = StrawberryGraphQLCoreExecutionContext.execute_field
_MISSING = object()
# How a value is answered at once: what GraphQL would answer, or _MISSING (see PlainValues._answer).
_Answer = Callable[[Any, Any], Any]
# An object's answer, key by key: the attribute read (None for __typename, whose answer is the name)
# and how its value is answered.
_Plan = tuple[tuple[str, str | None, Any], ...]
_NO_FIELDS: dict[tuple[str, str], tuple[str, type, bool] | None] = {}  # with middleware: none is plain
# Per schema, per (type, field): the Python attribute a plain field reads and the Python type its value
# must be (a list's items' when the field is a list), or None for every other field.
_PLAIN_FIELDS: WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], tuple[str, type, bool] | None]] = (
    WeakKeyDictionary()
)


def _plain(wanted: type, value: Any) -> bool:
    if type(value) is not wanted:
        return False
    if wanted is int:
        return _INT_MIN <= value <= _INT_MAX
    return wanted is not float or math.isfinite(value)


def _plain_list(wanted: type, values: Any) -> bool:
    """`_plain` for every item of a list, in C loops: checked item by item, the lists of a networks
    page (each network's platforms and countries) took a sixth of its CPU."""
    if type(values) is not list:
        return False
    if not values:
        return True
    if set(map(type, values)) != {wanted}:
        return False
    if wanted is int:
        return min(values) >= _INT_MIN and max(values) <= _INT_MAX
    return wanted is not float or all(map(math.isfinite, values))


def _as_is(return_type: Any) -> tuple[type, bool] | None:
    """The Python type a value of `return_type` is sent as it is, and whether it is a list of them."""
    kind = return_type.of_type if type(return_type) is GraphQLNonNull else return_type
    if type(kind) is GraphQLList:
        item = kind.of_type.of_type if type(kind.of_type) is GraphQLNonNull else kind.of_type
        wanted = _AS_IS.get(item)
        return None if wanted is None else (wanted, True)
    wanted = _AS_IS.get(kind)
    return None if wanted is None else (wanted, False)


def _plain_field_of(
    schema: GraphQLSchema, parent: GraphQLObjectType, name: str
) -> tuple[str, type, bool] | None:
    basic = _basic_field(schema, parent, name)
    plain = None if basic is None else _as_is(basic[0].type)
    if basic is None or plain is None:
        return None
    return (basic[1], *plain)


def _without_middleware(manager: Any) -> bool:
    """No graphql-core middleware wraps the resolvers (Strawberry always passes a manager, empty)."""
    middlewares = () if manager is None else getattr(manager, "middlewares", None)
    return middlewares is not None and len(middlewares) == 0


class PlainValues(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, completing plain values and lists of them in one step,
    answering plain attributes holding them without resolving them first, and objects made only of
    such attributes whole (see the module's docstring)."""

    @cached_property
    def _plain_fields(self) -> dict[tuple[str, str], tuple[str, type, bool] | None]:
        """The schema's fields looked up so far, shared by its requests; none with middleware."""
        if not _without_middleware(self.middleware_manager):
            return _NO_FIELDS
        fields = _PLAIN_FIELDS.get(self.schema)
        if fields is None:
            fields = _PLAIN_FIELDS[self.schema] = {}
        return fields

    def _plain_field(self, parent: GraphQLObjectType, name: str) -> tuple[str, type, bool] | None:
        """What answering the field at once needs, or None (see the module's docstring)."""
        fields = self._plain_fields
        key = (parent.name, name)
        found = fields.get(key, _MISSING)
        if found is _MISSING and fields is not _NO_FIELDS:
            found = fields[key] = _plain_field_of(self.schema, parent, name)
        return None if found is _MISSING else found  # type: ignore[return-value]

    def execute_field(self, parent_type: Any, source: Any, field_details: Any, path: Any, *rest: Any) -> Any:
        plain = self._plain_field(parent_type, field_details[0].node.name.value)
        if plain is not None:
            attribute, wanted, is_list = plain
            value = _attribute(source, attribute)
            if is_list and _plain_list(wanted, value):
                return list(value)
            if not is_list and _plain(wanted, value):
                return value
        return _execute_field(self, parent_type, source, field_details, path, *rest)

    def complete_value(
        self, return_type: Any, field_details: Any, info: Any, path: Any, result: Any, *rest: Any
    ) -> Any:
        kind = return_type.of_type if type(return_type) is GraphQLNonNull else return_type
        wanted = _AS_IS.get(kind)
        if wanted is not None:
            if _plain(wanted, result):
                return result
        elif type(return_type) is GraphQLObjectType:  # a non-null one comes back here, unwrapped
            plan = self._plan(kind, field_details)
            answered = _MISSING if plan is None else self._answered(kind, plan, info, result)
            if answered is not _MISSING:
                return answered
        elif type(kind) is GraphQLList and type(result) is list:
            item = kind.of_type.of_type if type(kind.of_type) is GraphQLNonNull else kind.of_type
            wanted = _AS_IS.get(item)
            if wanted is not None and _plain_list(wanted, result):
                return list(result)
            plan = self._plan(item, field_details) if type(item) is GraphQLObjectType else None
            if plan is not None:
                answered = [self._answered(item, plan, info, r) for r in result]
                if not any(a is _MISSING for a in answered):
                    return answered
        return _complete(self, return_type, field_details, info, path, result, *rest)

    # --- objects answered whole ---

    @cached_property
    def _plans(self) -> dict[tuple[str, int], tuple[Any, _Plan | None]]:
        return {}

    def _plan(self, kind: GraphQLObjectType, field_details: Any) -> _Plan | None:
        """How to answer an object of `kind` asked with `field_details` whole: for each key of the
        answer, the attribute to read and how to answer its value; None when a field asked is not a
        plain attribute. Made once per request and field (as graphql-core collects an object's fields),
        the field's details kept with it so that their id is not reused meanwhile."""
        key = (kind.name, id(field_details))
        made = self._plans.get(key)
        if made is None:
            made = self._plans[key] = (field_details, self._plan_of(kind, field_details))
        return made[1]

    def _plan_of(self, kind: GraphQLObjectType, field_details: Any) -> _Plan | None:
        if self._plain_fields is _NO_FIELDS:
            return None
        collected = self.collect_subfields(kind, field_details)
        if collected.new_defer_usages:
            return None
        plan: list[tuple[str, str | None, Any]] = []
        for key, details in collected.grouped_field_set.items():
            name = details[0].node.name.value
            if name == "__typename":
                plan.append((key, None, kind.name))
                continue
            basic = _basic_field(self.schema, kind, name)
            answer = None if basic is None else self._answer(basic[0].type, details)
            if basic is None or answer is None:
                return None
            plan.append((key, basic[1], answer))
        return tuple(plan)

    def _answer(self, field_type: Any, details: Any) -> _Answer | None:
        """How to answer a value of `field_type` at once: a function of the value (and the field's
        resolve info, which an object's type check takes) giving what GraphQL would answer, or
        `_MISSING` when the value must take GraphQL's steps (which give its error); None when no
        value of the type can be answered so (an interface, a union, an object not plain)."""
        nullable = type(field_type) is not GraphQLNonNull
        kind = field_type if nullable else field_type.of_type
        wanted = _AS_IS.get(kind)
        if wanted is not None:
            return _plain_answer(wanted, nullable)
        if is_leaf_type(kind):
            return _leaf_answer(self.complete_leaf_value, kind, nullable)
        if type(kind) is GraphQLList:
            return self._list_answer(kind, details, nullable)
        if type(kind) is GraphQLObjectType:
            plan = self._plan(kind, details)
            if plan is None:
                return None

            def answer_object(value: Any, info: Any) -> Any:
                if value is None:
                    return None if nullable else _MISSING
                return self._answered(kind, plan, info, value)

            return answer_object
        return None

    def _list_answer(self, kind: GraphQLList, details: Any, nullable: bool) -> _Answer | None:
        item_type = kind.of_type
        item_kind = item_type.of_type if type(item_type) is GraphQLNonNull else item_type
        wanted = _AS_IS.get(item_kind)
        answer_item = None if wanted is not None else self._answer(item_type, details)
        if wanted is None and answer_item is None:
            return None

        def answer_list(value: Any, info: Any) -> Any:
            if value is None:
                return None if nullable else _MISSING
            if wanted is not None:
                return list(value) if _plain_list(wanted, value) else _MISSING
            if type(value) is not list:
                return _MISSING
            answered = [answer_item(item, info) for item in value]  # type: ignore[misc]
            return _MISSING if any(a is _MISSING for a in answered) else answered

        return answer_list

    def _answered(self, kind: GraphQLObjectType, plan: _Plan, info: Any, result: Any) -> Any:
        """`result` answered by `plan`, as GraphQL would; `_MISSING` when a value is not plain (a null
        where none may be, a number out of range), or `result` is not of `kind`, or is an error or an
        awaitable a resolver returned (GraphQL raises the one and awaits the other)."""
        if result is None or isinstance(result, Exception) or self.is_awaitable(result):
            return _MISSING
        if kind.is_type_of is not None and kind.is_type_of(result, info) is not True:
            return _MISSING
        answered = {}
        for key, attribute, answer in plan:
            if attribute is None:  # __typename
                answered[key] = answer
                continue
            value = answer(_attribute(result, attribute), info)
            if value is _MISSING:
                return _MISSING
            answered[key] = value
        return answered


def _attribute(source: Any, attribute: str) -> Any:
    """`source.attribute`, or `_MISSING` when reading it fails in any way: the field then takes
    GraphQL's steps, which read it again and put its error on it (a property may raise)."""
    try:
        return getattr(source, attribute)
    except Exception:
        return _MISSING


def _plain_answer(wanted: type, nullable: bool) -> _Answer:
    def answer_plain(value: Any, info: Any) -> Any:
        if _plain(wanted, value):
            return value
        return None if value is None and nullable else _MISSING

    return answer_plain


def _leaf_answer(complete: Callable[[Any, Any], Any], kind: Any, nullable: bool) -> _Answer:
    """A date, an enum: serialised by graphql-core's own leaf step; should it fail, the value takes the
    steps again, which give the error where it belongs."""

    def answer_leaf(value: Any, info: Any) -> Any:
        if value is None:
            return None if nullable else _MISSING
        if value is _MISSING:
            return _MISSING
        try:
            return complete(kind, value)
        except Exception:
            return _MISSING

    return answer_leaf


def _basic_field(schema: GraphQLSchema, parent: GraphQLObjectType, name: str) -> tuple[Any, str] | None:
    """The field and the Python attribute it reads, when it is only that attribute read by Strawberry's
    default resolver; else None."""
    field = schema.get_field(parent, name)
    if field is None or field.args or field.subscribe is not None:
        return None
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    basic = getattr(definition, "is_basic_field", False) and getattr(field.resolve, "_is_default", False)
    if not basic or getattr(definition, "default_resolver", None) is not getattr:
        return None
    return field, definition.python_name
