"""The GraphQL endpoint at /graphql: Strawberry's view of the schema, the usual request answered directly.

Nearly every request an analyst's tool or script sends is a POST of one JSON object (`query`, and maybe
`variables`, `operationName`, `extensions`) asking for a JSON answer. The endpoint answers those itself:
it reads the body, runs the schema as Strawberry's view would (the same arguments, the same errors for an
operation it cannot pick) and sends the answer Strawberry would send, without the view's machinery for
everything else (a request adapter, content negotiation for streams and uploads, batches, a response
object and its headers merged). That machinery cost 0.07-0.28 ms of CPU per request (`path` and
`identifier` questions at 1M adverts, `bench/api_compare.py`; the more, the busier the machine), for
a `path` question of 4-9 ms in all.

Everything else goes through Strawberry's view, unchanged: GET, batches, other content types, an Accept
header asking for a stream, a body that is not such an object, a body the client stopped sending
before its end. What was read already is handed back to the view (the client's going away included),
so it answers (or refuses) as before; `tests/api/test_endpoint.py` compares both answers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NamedTuple

import strawberry
import strawberry.asgi
from cross_web import HTTPException  # what Strawberry's views raise for a 4xx
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import Message, Receive, Scope, Send
from strawberry.exceptions import MissingQueryError
from strawberry.http import process_result
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from api.graphql.context import Context

_JSON_PARAMS = ("variables", "extensions")
_FIELDS = frozenset({"query", "variables", "operationName", "extensions"})
# Answers a client may accept for a direct answer; one asking for a stream (multipart/mixed,
# text/event-stream) or anything else goes to Strawberry's view.
_JSON_ANSWERS = frozenset({"application/json", "application/graphql-response+json", "*/*"})
_POST_OPERATIONS = OperationType.from_http("POST")


class _Operation(NamedTuple):
    query: str
    variables: dict[str, Any] | None
    name: str | None
    extensions: dict[str, Any] | None


class GraphQLEndpoint(strawberry.asgi.GraphQL):
    """Strawberry's ASGI view of the schema, answering POST and GET at /graphql with a `Context` per
    request, and refusing with a 400 (a BAD_USER_INPUT error, see `api.app.GraphQLHttpErrors`) the
    bodies it would otherwise fail on with a 500: JSON that is not an object (`null`, `123`), a batch
    holding one, a number too long to read, nesting too deep to decode. The usual request is answered
    directly (see the module's docstring); `direct = False` sends every request through the view.

    It is a route of the FastAPI app, behind the app's middleware (body size, key, error codes), rather
    than Strawberry's FastAPI router: the router resolves FastAPI dependencies for every request, which
    the API has none of, and that cost 0.08 ms of CPU a request (measured in-process on `path` and
    `identifier` questions, requests alternated between the two apps).
    """

    direct = True

    def __init__(self, schema: strawberry.Schema, context: Callable[[Request], Context]) -> None:
        super().__init__(schema, graphql_ide=None, subscription_protocols=())
        self._context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("method") == "HEAD":  # which the route lets through with GET; GraphQL answers none
            raise StarletteHTTPException(405, headers={"Allow": "GET, POST"})
        if self.direct and scope.get("method") == "POST" and _asks_for_json(scope.get("headers", [])):
            body, ending = await _body(receive)
            operation = self._operation(body) if ending is None else None
            if operation is not None:
                await self._answer(scope, receive, send, operation)
                return
            receive = _replaying(body, ending, receive)
        await super().__call__(scope, receive, send)

    def _operation(self, body: bytes) -> _Operation | None:
        """The one operation `body` asks for, or None when Strawberry's view should read it."""
        try:
            payload = self.decode_json(body)
        except (ValueError, HTTPException):  # its error is the view's to give
            return None
        if type(payload) is not dict or not payload.keys() <= _FIELDS:
            return None
        query, variables = payload.get("query"), payload.get("variables")
        name, extensions = payload.get("operationName"), payload.get("extensions")
        if type(query) is not str or not query or not isinstance(name, str | None):
            return None
        if not isinstance(variables, dict | None) or not isinstance(extensions, dict | None):
            return None
        return _Operation(query, variables, name, extensions)

    async def _answer(self, scope: Scope, receive: Receive, send: Send, operation: _Operation) -> None:
        """Run the operation as the view's `execute_single` does and send the answer its
        `create_response` would: 200, the result as JSON; a 400 in plain text when no operation of
        the document can be run (the app's middleware turns it into a GraphQL error)."""
        context = self._context(Request(scope, receive))
        try:
            result = await self.schema.execute(
                operation.query,
                root_value=None,
                variable_values=operation.variables,
                context_value=context,
                operation_name=operation.name,
                allowed_operation_types=_POST_OPERATIONS,
                operation_extensions=operation.extensions,
            )
        except (CannotGetOperationTypeError, InvalidOperationTypeError, MissingQueryError) as error:
            await PlainTextResponse(_refusal(error), status_code=400)(scope, receive, send)
            return
        if not isinstance(result, ExecutionResult):  # an incremental result: the schema allows none
            raise TypeError(f"a direct answer cannot send a {type(result).__name__}")
        encoded = self.encode_json(process_result(result))
        data = encoded.encode() if isinstance(encoded, str) else encoded
        headers = [(b"content-length", str(len(data)).encode()), (b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": data})

    async def get_context(self, request: Any, response: Any) -> Context:
        return self._context(request)

    def parse_query_params(self, params: Any) -> dict[str, Any]:
        """A GET's parameters; `variables=null` (or `extensions=null`) is taken as none, as before."""
        kept = {k: v for k, v in dict(params).items() if not (k in _JSON_PARAMS and v.strip() == "null")}
        return super().parse_query_params(kept)

    def decode_json(self, data: str | bytes) -> object:
        try:
            value = json.loads(data)
        except json.JSONDecodeError:
            raise
        except (ValueError, RecursionError):
            raise HTTPException(400, "the request body is not JSON this API can read") from None
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, dict) for item in items):
            raise HTTPException(
                400, 'the request body must be a JSON object: {"query": "...", "variables": {}}'
            )
        return value


def _refusal(error: Exception) -> str:
    """The reason the view's `execute_single` gives for an operation it cannot run."""
    if isinstance(error, CannotGetOperationTypeError):
        return error.as_http_error_reason()
    if isinstance(error, InvalidOperationTypeError):
        return error.as_http_error_reason("POST")
    return "No GraphQL query found in the request"


def _asks_for_json(headers: list[tuple[bytes, bytes]]) -> bool:
    """A JSON body (the first Content-Type exactly `application/json`, parameters allowed, as the view
    reads it) and a JSON answer accepted (no Accept header, or only JSON and `*/*`). Anything else,
    even what the view would take too, goes to it."""
    content_type = accept = None
    for name, value in headers:
        if name == b"content-type" and content_type is None:
            content_type = value
        elif name == b"accept":
            accept = value if accept is None else accept + b"," + value
    if content_type is None or _media_type(content_type) != "application/json":
        return False
    return accept is None or all(_media_type(kind).lower() in _JSON_ANSWERS for kind in accept.split(b","))


def _media_type(value: bytes) -> str:
    return value.split(b";", 1)[0].strip().decode("latin-1")


async def _body(receive: Receive) -> tuple[bytes, Message | None]:
    """The request body (its size is capped by `api.app.BodyLimit` as it is read), and the message that
    ended it before it was whole (the client went away), or None."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), message
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), None


def _replaying(body: bytes, ending: Message | None, receive: Receive) -> Receive:
    """`receive`, giving back what was read already: `body`, then the message that cut it short (the
    view then sees the client gone, as it would have), then whatever comes after."""
    given = [{"type": "http.request", "body": body, "more_body": ending is not None}]
    if ending is not None:
        given.append(ending)

    async def replay() -> Message:
        return given.pop(0) if given else await receive()

    return replay
