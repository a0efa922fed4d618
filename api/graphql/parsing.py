"""A cache of parsed GraphQL documents: analysts and tools send the same few documents with new variables.

Strawberry's own `ParserCache` parses inside its extension hook, where a parse error (the token limit's
included) escapes the request instead of becoming a coded GraphQL error. Here only documents that parse
are cached; a document that does not is left to Strawberry's own parser, which reports it as usual.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from graphql import DocumentNode, GraphQLError, parse
from strawberry.extensions import SchemaExtension

# Distinct documents kept; a client sending endless new ones only evicts, it cannot grow memory.
CACHED_DOCUMENTS = 128


class Same:
    """A key comparing its value by identity: a cached document is the same object on every request,
    and hashing one by value walks its whole tree (graphql-core's nodes hash their fields)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value  # kept, so that the id is not reused while the key lives in a cache

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value


@lru_cache(maxsize=CACHED_DOCUMENTS)
def _parsed(query: str, max_tokens: int | None, no_location: bool) -> DocumentNode:
    return parse(query, max_tokens=max_tokens, no_location=no_location)


def parsed_document(query: str, options: dict[str, Any]) -> DocumentNode | None:
    """The document `query` parses to under `options` (Strawberry's parse options), or None when it
    does not parse or the options are ones this cache does not key on."""
    if set(options) - {"max_tokens", "no_location"}:
        return None
    try:
        return _parsed(query, options.get("max_tokens"), bool(options.get("no_location", False)))
    except GraphQLError:
        return None


class ParsedDocuments(SchemaExtension):
    """Gives the operation its cached document before Strawberry parses, so a repeat is not parsed again.

    The token limit is part of the key: the limiter sets it when the operation starts, before any parse.
    """

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            context.graphql_document = parsed_document(context.query, context.parse_options)
        yield
