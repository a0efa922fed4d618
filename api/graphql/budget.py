"""How many items one request may ask for in all: page sizes multiply along a path.

Each page is capped (`first` <= 500), but pages nest: `networks(first: 500) { edges { node {
adverts(first: 500) { ... } } } }` asks for 250,000 adverts in one request, with every reader key. The
budget counts what a request asks for before it runs, from the variables as GraphQL will use them
(coerced, the query's own defaults filled in):
- a field with a page-size argument (`first`, `limit`; its default when left out) asks for that many
  items for each item above it; `advertsPerIdentifier` sizes each entry of a list of unknown length
  (evidence), so it counts `UNPAGED_LIST` times;
- a list without one (a network's identifiers by kind, an identifier's networks) that holds pages
  multiplies them by `UNPAGED_LIST`, its length being the data's; a connection's `edges` take the size
  of the page above them; lists holding no page (spans, timelines) add nothing;
and the counts of all the paged fields are added up. Over the budget, the request is refused with
LIMIT_EXCEEDED, before any read. A fragment is counted once per place it can be and multiplied, so
fragments spread in fragments cannot make the count itself slow.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

import strawberry
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLArgument,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    SelectionSetNode,
    Undefined,
    VariableNode,
    build_ast_schema,
    get_named_type,
    get_nullable_type,
    get_operation_ast,
    get_variable_values,
    is_list_type,
    parse,
    value_from_ast,
)
from graphql.execution import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension

from api.graphql.errors import LIMIT_EXCEEDED
from api.graphql.parsing import CACHED_DOCUMENTS, Same

PAGE_ARGUMENTS = ("first", "limit", "advertsPerIdentifier")
PER_ENTRY_ARGUMENTS = frozenset({"advertsPerIdentifier"})
# How many times a list without a page size repeats the pages inside it: a guess, not a bound.
UNPAGED_LIST = 10
# Counted at their defaults (upper bounds), a page of 20 networks with their members' identifiers asks
# for about 50,000 (each network's 50 accounts with 50 identifiers each): it must pass. 500 networks
# with 500 adverts each (250,500) must not.
MAX_ITEMS = 100_000


def items_asked(
    schema: GraphQLSchema,
    document: Any,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> int:
    """The items the operation asks for (0 when it cannot run as sent: GraphQL reports why)."""
    fixed = _count_without_variables(schema, Same(document), operation_name)
    if fixed is not None:
        return fixed
    operation, root = _operation(schema, document, operation_name)
    if operation is None or root is None:
        return 0
    coerced = get_variable_values(schema, operation.variable_definitions or (), dict(variables or {}))
    if isinstance(coerced, list):  # invalid variables: execution refuses them
        return 0
    return _Counter(schema, _fragments(document), coerced.coerced).count(root, operation.selection_set, False)


def _operation(schema: GraphQLSchema, document: Any, operation_name: str | None) -> tuple[Any, Any]:
    """The operation to run and its root type, either None when there is none to count."""
    operation = get_operation_ast(document, operation_name)
    return operation, schema.get_root_type(operation.operation) if operation is not None else None


class _Varies(Exception):
    """A page size comes from a variable: the count is the request's own."""


@lru_cache(maxsize=CACHED_DOCUMENTS)
def _count_without_variables(schema: GraphQLSchema, same: Same, operation_name: str | None) -> int | None:
    """The count of an operation whose page sizes are all written in the document (most are: the IDE's
    and the tools' documents take identifiers, not sizes, as variables), once per document; None when
    one comes from a variable."""
    document = same.value
    operation, root = _operation(schema, document, operation_name)
    if operation is None or root is None:
        return 0
    try:
        return _Counter(schema, _fragments(document), None).count(root, operation.selection_set, False)
    except _Varies:
        return None


def _fragments(document: Any) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


class _Counter:
    """Counts items per item above (the count is linear in it), fragments remembered per place."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any] | None,
    ) -> None:
        """`variables` None: a page size from a variable raises _Varies."""
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self._known: dict[tuple[str, str, bool], int] = {}
        self._open: set[str] = set()

    def count(self, parent: Any, selection_set: SelectionSetNode, paged: bool) -> int:
        """Items asked under one item of `parent`; `paged`: `parent` is a page (its lists are its
        edges, sized by the page)."""
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self._field(parent, selection, paged)
            elif isinstance(selection, InlineFragmentNode):
                total += self.count(self._on(selection, parent), selection.selection_set, paged)
            elif isinstance(selection, FragmentSpreadNode):
                total += self._fragment(selection.name.value, parent, paged)
        return total

    def _field(self, parent: Any, node: FieldNode, paged: bool) -> int:
        field = (getattr(parent, "fields", None) or {}).get(node.name.value)  # a union has none
        if field is None:  # __typename, or a field GraphQL's validation has already refused
            return 0
        page = self._page(field, node)
        listed = is_list_type(get_nullable_type(field.type))
        below = 0
        if node.selection_set is not None:
            is_page = page is not None and not listed  # a connection: its edges are the page
            below = self.count(get_named_type(field.type), node.selection_set, is_page)
        if page is not None:
            return page + page * below
        if listed and below and not paged:  # pages inside a list of unknown length
            return UNPAGED_LIST * below
        return below

    def _fragment(self, name: str, parent: Any, paged: bool) -> int:
        fragment = self.fragments.get(name)
        if fragment is None or name in self._open:  # unknown or cyclic: validation refuses those
            return 0
        on = self._on(fragment, parent)
        key = (name, getattr(on, "name", ""), paged)
        if key not in self._known:
            self._open.add(name)
            try:
                self._known[key] = self.count(on, fragment.selection_set, paged)
            finally:
                self._open.discard(name)
        return self._known[key]

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
            value: Any = _default(argument)
            if isinstance(given, IntValueNode):
                value = int(given.value)
            elif isinstance(given, VariableNode):
                if self.variables is None:
                    raise _Varies
                value = self.variables.get(given.name.value, value)
            size = value if isinstance(value, int) and value > 0 else 1
            # Per entry of a list of unknown length (a network's evidence: one entry per shared identifier).
            return size * UNPAGED_LIST if name in PER_ENTRY_ARGUMENTS else size
        return None


def _default(argument: GraphQLArgument) -> Any:
    """An argument's default: given coerced, or (graphql-core 3.3, for a schema built from SDL) only as
    its literal, which is coerced here."""
    if argument.default_value is not Undefined:
        return argument.default_value
    node = argument.ast_node
    if node is None or node.default_value is None:
        return None
    return value_from_ast(node.default_value, argument.type)


@lru_cache(maxsize=8)
def core_schema(schema: strawberry.Schema) -> GraphQLSchema:
    """The schema as graphql-core types, built from its SDL (Strawberry's printed schema): what the count
    walks (each field's arguments and their defaults), made once per schema."""
    return build_ast_schema(parse(schema.as_str()))


def item_budget(limit: int) -> type[SchemaExtension]:
    """The extension refusing, before execution, an operation asking for more than `limit` items."""

    class ItemBudget(SchemaExtension):
        def on_execute(self) -> Iterator[None]:
            context = self.execution_context
            document = context.graphql_document
            if document is not None and context.result is None:
                schema = core_schema(context.schema)
                asked = items_asked(schema, document, context.operation_name, context.variables)
                if asked > limit:
                    context.result = GraphQLExecutionResult(data=None, errors=[_refusal(asked, limit)])
            yield

    return ItemBudget


def _refusal(asked: int, limit: int) -> GraphQLError:
    return GraphQLError(
        f"the request asks for {asked:,} items in all (page sizes multiply along a path: 500 networks "
        f"with 500 adverts each is 250,000); at most {limit:,} are served at once: ask for smaller pages",
        extensions={"code": LIMIT_EXCEEDED},
    )
