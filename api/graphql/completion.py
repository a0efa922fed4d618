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
and graphql-core's dispatch on the result. Those were about 7 us a field, and a `path` has some 25.
"""

from __future__ import annotations

import math
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
    field = schema.get_field(parent, name)
    if field is None or field.args or field.subscribe is not None:
        return None
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    basic = getattr(definition, "is_basic_field", False) and getattr(field.resolve, "_is_default", False)
    plain = _as_is(field.type) if basic else None
    if plain is None or getattr(definition, "default_resolver", None) is not getattr:
        return None
    return (definition.python_name, *plain)


def _without_middleware(manager: Any) -> bool:
    """No graphql-core middleware wraps the resolvers (Strawberry always passes a manager, empty)."""
    middlewares = () if manager is None else getattr(manager, "middlewares", None)
    return middlewares is not None and len(middlewares) == 0


class PlainValues(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, completing plain values and lists of them in one step, and
    answering plain attributes holding them without resolving them first."""

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
            value = getattr(source, attribute, _MISSING)
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
        elif type(kind) is GraphQLList and type(result) is list:
            item = kind.of_type.of_type if type(kind.of_type) is GraphQLNonNull else kind.of_type
            wanted = _AS_IS.get(item)
            if wanted is not None and _plain_list(wanted, result):
                return list(result)
        return _complete(self, return_type, field_details, info, path, result, *rest)
