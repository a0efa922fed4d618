"""How much advert text `ingestAdverts` takes: per request, and per key in a minute across every API
process (counted in the graph, see `graph.ingest_budget`).

Extraction's work grows with the text, so the characters of the adverts' texts, added up, are what is
counted. A push over either limit is refused whole with INGEST_BUDGET_EXCEEDED before anything is
written, and is not counted against the minute. A push refused whole for another reason (too many
adverts, no source) is refused before it is counted. An operation holds one push at most: aliases
(`a: ingestAdverts(...) b: ingestAdverts(...)`) would otherwise multiply the request's budget, and would
leave the first written when a later one is refused.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from graphql import DocumentNode, FragmentDefinitionNode, GraphQLError, get_operation_ast
from graphql.execution import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension

from api.audit import root_fields
from api.graphql.context import Context
from api.graphql.errors import INGEST_BUDGET_EXCEEDED, ApiError
from graph.casework import check_push

FIELD = "ingestAdverts"

_SMALLER = "send them in smaller pushes (files go through `crosslink ingest`)"


def text_chars(texts: Sequence[str]) -> int:
    """The characters of all the texts together (Unicode code points, as the ingest's own cap counts)."""
    return sum(len(text) for text in texts)


async def spend(context: Context, texts: Sequence[str], *, source: str) -> None:
    """Take the texts of one push out of the request's and the key's budget, or raise ApiError with
    INGEST_BUDGET_EXCEEDED naming the limit and what was asked."""
    check_push(texts, source=source)
    limits, chars = context.limits, text_chars(texts)
    if chars > limits.ingest_chars:
        raise ApiError(
            INGEST_BUDGET_EXCEEDED,
            f"the adverts' texts hold {chars:,} characters in all; one ingestAdverts request takes at most "
            f"{limits.ingest_chars:,}: {_SMALLER}",
        )
    if chars > limits.ingest_chars_per_minute:
        raise ApiError(
            INGEST_BUDGET_EXCEEDED,
            f"the adverts' texts hold {chars:,} characters in all; a key may push at most "
            f"{limits.ingest_chars_per_minute:,} a minute: {_SMALLER}",
        )
    if chars == 0:
        return
    spent = await context.crosslink.spend_ingest_budget(
        context.key_id, chars, per_minute=limits.ingest_chars_per_minute
    )
    if not spent.granted:
        raise ApiError(
            INGEST_BUDGET_EXCEEDED,
            f"this key may push {spent.limit:,} characters of advert text a minute and has pushed "
            f"{spent.used:,} this minute; these {chars:,} more are refused: send them again in "
            f"{spent.seconds_left} s, or {_SMALLER.removeprefix('send them ')}",
        )


class OnePushPerRequest(SchemaExtension):
    """Refuses, before it runs, an operation asking for `ingestAdverts` more than once."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.result is None:
            pushes = _pushes(document, context.operation_name)
            if pushes > 1:
                context.result = GraphQLExecutionResult(data=None, errors=[_one_push(pushes)])
        yield


def _pushes(document: DocumentNode, operation_name: str | None) -> int:
    """How many times the operation's top level asks for ingestAdverts, fragments opened."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return sum(node.name.value == FIELD for node in root_fields(operation.selection_set, fragments))


def _one_push(pushes: int) -> GraphQLError:
    return GraphQLError(
        f"the request asks for {FIELD} {pushes} times; one request pushes once (its budget is per request): "
        f"put the adverts in one {FIELD} call, at most 100, or send several requests",
        extensions={"code": INGEST_BUDGET_EXCEEDED},
    )
