"""The GraphQL endpoint at /graphql: Strawberry's ASGI view of the schema, with a `Context` per request.

It is a route of the FastAPI app, behind the app's middleware (body size, key, error codes), rather than
Strawberry's FastAPI router, which resolves FastAPI dependencies for every request; the API has none.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import strawberry
import strawberry.asgi
from cross_web import HTTPException  # what Strawberry's views raise for a 4xx
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from api.graphql.context import Context

_JSON_PARAMS = ("variables", "extensions")


class GraphQLEndpoint(strawberry.asgi.GraphQL):
    """Strawberry's ASGI view of the schema, answering POST and GET at /graphql with a `Context` per
    request, and refusing with a 400 (a BAD_USER_INPUT error, see `api.app.GraphQLHttpErrors`) the
    bodies it would otherwise fail on with a 500: JSON that is not an object (`null`, `123`), a batch
    holding one, a number too long to read, nesting too deep to decode."""

    def __init__(self, schema: strawberry.Schema, context: Callable[[Request], Context]) -> None:
        super().__init__(schema, graphql_ide=None, subscription_protocols=())
        self.make_context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("method") == "HEAD":  # which the route lets through with GET; GraphQL answers none
            raise StarletteHTTPException(405, headers={"Allow": "GET, POST"})
        await super().__call__(scope, receive, send)

    async def get_context(self, request: Any, response: Any) -> Context:
        return self.make_context(request)

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
