"""What the current field's selection asks for, read from the document as the request runs it.

The reads ahead (`api.graphql.lookahead`) need the names and arguments of the fields right under the
current one, sometimes one level further. Strawberry's `info.selected_fields` answers that by converting
the whole subtree below the field, every argument and directive of every level: for a `path` about 20
values, 17 us of the 0.4 ms its question costs the API in-process, and twice that on a busy server,
spent before its first read is sent. `asked` walks only as far as it is asked, straight from the
document's nodes, with the same rules: fragments opened, `@skip` and `@include` applied with the
request's variables, arguments as Strawberry gives them (a variable's value, a literal's text).
`tests/api/test_graphql_selection.py` checks both agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    SelectionNode,
    ValueNode,
    VariableNode,
)
from strawberry.types import Info


@dataclass(frozen=True)
class _Request:
    variables: Mapping[str, Any]
    fragments: Mapping[str, FragmentDefinitionNode]


@dataclass(frozen=True)
class Asked:
    """A field selected, as it will be resolved: its name (not its alias) and its node."""

    name: str
    node: FieldNode
    request: _Request

    @property
    def arguments(self) -> dict[str, Any]:
        return {a.name.value: _value(a.value, self.request.variables) for a in self.node.arguments or ()}

    def fields(self) -> Iterator[Asked]:
        """The fields selected under this one."""
        if self.node.selection_set is not None:
            yield from _fields(self.node.selection_set.selections, self.request)


def asked(info: Info) -> Iterator[Asked]:
    """The fields selected directly under the current field (under each of its nodes, when a query
    asks for it more than once)."""
    raw = info._raw_info  # graphql-core's resolve info: the field's nodes, the fragments, the variables
    variables = raw.variable_values
    request = _Request(getattr(variables, "coerced", variables) or {}, raw.fragments)
    for node in raw.field_nodes:
        if node.selection_set is not None:
            yield from _fields(node.selection_set.selections, request)


def _fields(selections: Sequence[SelectionNode], request: _Request) -> Iterator[Asked]:
    for selection in selections:
        if not _included(selection, request.variables):
            continue
        if isinstance(selection, FieldNode):
            yield Asked(selection.name.value, selection, request)
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set.selections, request)
        elif isinstance(selection, FragmentSpreadNode):
            fragment = request.fragments.get(selection.name.value)
            if fragment is not None:
                yield from _fields(fragment.selection_set.selections, request)


def _included(selection: SelectionNode, variables: Mapping[str, Any]) -> bool:
    """False when `@skip(if: true)` or `@include(if: false)`, as Strawberry reads them."""
    for directive in selection.directives or ():
        name = directive.name.value
        if name not in ("skip", "include"):
            continue
        condition = next(
            (_value(a.value, variables) for a in directive.arguments if a.name.value == "if"), None
        )
        if (name == "skip" and condition is True) or (name == "include" and condition is False):
            return False
    return True


def _value(node: ValueNode, variables: Mapping[str, Any]) -> Any:
    """An argument's value as Strawberry's `SelectedField.arguments` gives it: a variable's value, a
    list or an object of values, and otherwise the literal's own (an Int's text, a Boolean, null)."""
    if isinstance(node, VariableNode):
        return variables.get(node.name.value)
    if isinstance(node, ListValueNode):
        return [_value(v, variables) for v in node.values]
    if isinstance(node, ObjectValueNode):
        return {f.name.value: _value(f.value, variables) for f in node.fields}
    return getattr(node, "value", None)
