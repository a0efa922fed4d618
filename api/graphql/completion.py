"""Plain values completed at once: a string, a whole number or a flag that is already what GraphQL sends.

GraphQL completes every value of an answer in steps (non-null, list, leaf, serialize), several calls for
each. A page of 50 networks holds about 2,000 values, most of them names, counts and platform lists
that need none of it: their completion was most of the page's CPU beyond its read. `PlainValues` sends
such a value as it is, and a list of them as a list, when its type is String, ID, Int (within 32 bits),
Float (finite), Boolean or a list of those and the value is exactly of that Python type (as GraphQL would
send it unchanged); anything else (dates, enums, objects, nulls, an id given as a number, an Int out of
range) takes graphql-core's own steps and errors.
"""

from __future__ import annotations

import math
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLString,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

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


def _plain(wanted: type, value: Any) -> bool:
    if type(value) is not wanted:
        return False
    if wanted is int:
        return _INT_MIN <= value <= _INT_MAX
    return wanted is not float or math.isfinite(value)


class PlainValues(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, completing plain values and lists of them in one step."""

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
            if wanted is not None and all(_plain(wanted, value) for value in result):
                return list(result)
        return _complete(self, return_type, field_details, info, path, result, *rest)
