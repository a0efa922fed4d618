"""How many items one request may ask for in all: page sizes multiply along a path.

Each page is capped (`first` <= 500), but pages nest: `networks(first: 500) { edges { node {
adverts(first: 500) { ... } } } }` asks for 250,000 adverts in one request, with every reader key. The
budget counts what a request asks for before it runs: every field with a page-size argument (`first`,
`limit`, `advertsPerIdentifier`; its default when left out) asks for that many items for each item
above it, and the counts of all such fields are added up. Over the budget, the request is refused with
LIMIT_EXCEEDED, before any read. Lists without a page size (a network's platforms, its identifiers by
kind) count as one item each: they are small, or bounded by the pages around them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_operation_ast,
)
from graphql.execution import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension

from api.graphql.errors import LIMIT_EXCEEDED

PAGE_ARGUMENTS = ("first", "limit", "advertsPerIdentifier")
# Counted at their defaults, a page of 20 networks with their members' identifiers asks for about 50,000
# (each network's 50 accounts with 50 identifiers each): it must pass. 500 networks with 500 adverts each
# (250,500) must not.
MAX_ITEMS = 100_000


def items_asked(
    schema: GraphQLSchema,
    document: Any,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> int:
    """The items the operation asks for (0 when there is no such operation: GraphQL reports that)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    counter = _Counter(schema, fragments, variables or {})
    return counter.count(root, operation.selection_set, 1)


class _Counter:
    def __init__(
        self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode], variables: Mapping
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def count(self, parent: Any, selection_set: SelectionSetNode, above: int) -> int:
        total = 0
        for owner, node in self._fields(parent, selection_set, set()):
            field = (getattr(owner, "fields", None) or {}).get(node.name.value)  # a union has none
            if field is None:  # __typename, or a field GraphQL's validation has already refused
                continue
            here = above
            page = self._page(field, node)
            if page is not None:
                here = above * page
                total += here
            if node.selection_set is not None:
                total += self.count(get_named_type(field.type), node.selection_set, here)
        return total

    def _fields(self, parent: Any, selection_set: SelectionSetNode, seen: set[str]) -> Iterator[tuple]:
        """The fields selected, fragments opened, each with the type it is looked up on."""
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield parent, selection
            elif isinstance(selection, InlineFragmentNode):
                yield from self._fields(self._on(selection, parent), selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:  # unknown or cyclic: validation refuses those
                    continue
                yield from self._fields(self._on(fragment, parent), fragment.selection_set, seen | {name})

    def _on(self, fragment: InlineFragmentNode | FragmentDefinitionNode, parent: Any) -> Any:
        if fragment.type_condition is None:
            return parent
        return self.schema.get_type(fragment.type_condition.name.value) or parent

    def _page(self, field: Any, node: FieldNode) -> int | None:
        """The page size this field asks for, or None when it takes none."""
        for name in PAGE_ARGUMENTS:
            argument = field.args.get(name)
            if argument is None:
                continue
            given = next((a.value for a in node.arguments or () if a.name.value == name), None)
            value: Any = argument.default_value
            if isinstance(given, IntValueNode):
                value = int(given.value)
            elif isinstance(given, VariableNode):
                value = self.variables.get(given.name.value, value)
            return value if isinstance(value, int) and value > 0 else 1
        return None


def item_budget(limit: int) -> type[SchemaExtension]:
    """The extension refusing, before execution, an operation asking for more than `limit` items."""

    class ItemBudget(SchemaExtension):
        def on_execute(self) -> Iterator[None]:
            context = self.execution_context
            document = context.graphql_document
            if document is not None and context.result is None:
                schema = context.schema._schema  # graphql-core's, as Strawberry's ValidationCache reads it
                asked = items_asked(schema, document, context.operation_name, context.variables)
                if asked > limit:
                    context.result = GraphQLExecutionResult(
                        data=None,
                        errors=[
                            GraphQLError(
                                f"the request asks for {asked:,} items in all (page sizes multiply "
                                f"along a path: 500 networks with 500 adverts each is 250,000); at most "
                                f"{limit:,} are served at once: ask for smaller pages",
                                extensions={"code": LIMIT_EXCEEDED},
                            )
                        ],
                    )
            yield

    return ItemBudget
