"""How big a document becomes once its fragments are opened, checked before it is validated.

A fragment may spread another twice, that one the next twice, and so on: thirty such fragments fit in a
few hundred tokens and open into 2^30 fields. Validation opens them (Strawberry's depth limiter among
others), so such a document cost seconds to minutes of CPU before any limit refused it. Here the fields
of each fragment are counted once and reused, so the count is linear in the document, and a document
that opens into more than `MAX_EXPANDED_FIELDS` fields is refused with LIMIT_EXCEEDED, unvalidated.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    SelectionSetNode,
)
from strawberry.extensions import ValidationCache

from api.graphql.errors import LIMIT_EXCEEDED
from api.graphql.parsing import CACHED_DOCUMENTS, Same

# Far above any document written by hand or by a tool (the IDE's largest examples open into about 100).
MAX_EXPANDED_FIELDS = 20_000


def expanded_fields(document: DocumentNode) -> int:
    """The fields of every operation of `document` with its fragments opened (cycles counted once:
    validation refuses them)."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    sizes: dict[str, int] = {}

    def size(selection_set: SelectionSetNode | None, open_: frozenset[str]) -> int:
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                total += 1 + size(selection.selection_set, open_)
            elif isinstance(selection, InlineFragmentNode):
                total += size(selection.selection_set, open_)
            elif isinstance(selection, FragmentSpreadNode):
                total += fragment(selection.name.value, open_)
        return total

    def fragment(name: str, open_: frozenset[str]) -> int:
        if name not in sizes:
            found = fragments.get(name)
            if found is None or name in open_:
                return 0
            sizes[name] = size(found.selection_set, open_ | {name})
        return sizes[name]

    return sum(
        size(d.selection_set, frozenset())
        for d in document.definitions
        if not isinstance(d, FragmentDefinitionNode) and hasattr(d, "selection_set")
    )


@lru_cache(maxsize=CACHED_DOCUMENTS)
def _too_large(same: Same) -> GraphQLError | None:
    """The refusal of a document that opens into too many fields, or None; counted once per document
    (parsed documents are cached and reused, see `api.graphql.parsing`, so a repeat is the same object)."""
    opened = expanded_fields(same.value)
    if opened <= MAX_EXPANDED_FIELDS:
        return None
    message = (
        f"the document opens into {opened:,} fields through its fragments; at most "
        f"{MAX_EXPANDED_FIELDS:,} are taken"
    )
    return GraphQLError(message, extensions={"code": LIMIT_EXCEEDED})


class CheckedValidation(ValidationCache):
    """Strawberry's cached validation, after the check that the document does not open into too many
    fields: a document that does is refused with its error alone, and validation (which would open
    it) does not run, as Strawberry skips validation when an extension has given its errors."""

    def __init__(self) -> None:
        super().__init__(maxsize=CACHED_DOCUMENTS)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        refusal = None if context.graphql_document is None else _too_large(Same(context.graphql_document))
        if refusal is not None:
            context.pre_execution_errors = [refusal]
            yield
            return
        yield from super().on_validate()
