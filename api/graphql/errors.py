"""Errors as analysts see them: a GraphQL error with a code (`extensions.code`) and a message to act on.

Resolvers raise the `graph` layer's own errors (NotFound, BadInput, TooLarge, Unavailable) or `ApiError`;
`ErrorCodes` turns every error of a response into one with a code. An unexpected exception is logged with
its traceback under a reference and answered as INTERNAL with that reference only, never the trace.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Iterator

from graphql import GraphQLError
from neo4j.exceptions import DriverError, ServiceUnavailable, SessionExpired
from strawberry.extensions import SchemaExtension

from api.metrics import observe_error
from graph.apikeys import ApiKeyError, UnknownKey
from graph.casework import TooMany
from graph.db import GraphUnavailable
from graph.ingest import IngestFailed
from graph.read import BadInput, NotFound, TooLarge, Unavailable

log = logging.getLogger("crosslink.api")

UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
BAD_USER_INPUT = "BAD_USER_INPUT"
NOT_FOUND = "NOT_FOUND"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
INGEST_BUDGET_EXCEEDED = "INGEST_BUDGET_EXCEEDED"
GRAPH_UNAVAILABLE = "GRAPH_UNAVAILABLE"
INTERNAL = "INTERNAL"
CODES = (
    UNAUTHENTICATED,
    FORBIDDEN,
    BAD_USER_INPUT,
    NOT_FOUND,
    LIMIT_EXCEEDED,
    INGEST_BUDGET_EXCEEDED,
    GRAPH_UNAVAILABLE,
    INTERNAL,
)

# The messages of Strawberry's limiters (validation rules and the parser's token limit).
_LIMIT_MESSAGES = re.compile(
    r"exceeds maximum operation depth|aliases found\. Allowed|Document contains more than \d+ tokens"
)


class ApiError(Exception):
    """An error the API answers with as it is: a code from CODES and a message for the analyst."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def classify(error: BaseException) -> tuple[str, str]:
    """The code and the message to show for an exception raised while answering (a Neo4j error among
    its causes is counted in the metrics, `api.metrics`)."""
    observe_error(error)
    if isinstance(error, ApiError):
        return error.code, error.message
    if isinstance(error, NotFound | UnknownKey):
        return NOT_FOUND, str(error)
    if isinstance(error, TooLarge | TooMany):
        return LIMIT_EXCEEDED, str(error)
    if isinstance(error, BadInput | ApiKeyError):
        return BAD_USER_INPUT, str(error)
    if isinstance(error, UnicodeEncodeError):  # half an emoji (a lone surrogate) in a mutation's text
        return BAD_USER_INPUT, "the request holds text that is not valid Unicode (an unpaired surrogate)"
    if isinstance(error, Unavailable):
        return GRAPH_UNAVAILABLE, str(error)
    if isinstance(error, GraphUnavailable | ServiceUnavailable | SessionExpired):
        return GRAPH_UNAVAILABLE, "the graph database is not available; try again shortly"
    if isinstance(error, IngestFailed):
        return GRAPH_UNAVAILABLE, "the adverts could not be written to the graph; send them again shortly"
    if isinstance(error, DriverError):
        return GRAPH_UNAVAILABLE, "the graph database failed to answer; try again shortly"
    reference = secrets.token_hex(4)
    log.error("internal error %s", reference, exc_info=(type(error), error, error.__traceback__))
    return INTERNAL, f"internal error (reference {reference}); the server's log has the details"


def coded(error: GraphQLError) -> GraphQLError:
    """`error` with a code in its extensions and, for exceptions from resolvers, a message fit to show."""
    if error.extensions and error.extensions.get("code") in CODES:
        return error
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        # Parsing or validation: the query itself is wrong, or it passes a limit.
        code = LIMIT_EXCEEDED if _LIMIT_MESSAGES.search(error.message) else BAD_USER_INPUT
        message = error.message
    else:
        code, message = classify(original)
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions={**(error.extensions or {}), "code": code},
    )


class ErrorCodes(SchemaExtension):
    """Gives every error of a result a code, and hides the internals of unexpected ones."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = [coded(e) for e in errors]  # type: ignore[union-attr]


def error_body(code: str, message: str) -> dict[str, list[dict[str, object]]]:
    """A GraphQL response holding one error, for answers given before GraphQL runs (auth, size)."""
    return {"errors": [{"message": message, "extensions": {"code": code}}]}
