"""Who may ask what: every request but the health check and the IDE's static page carries an API key.

`Authorization: Bearer <key>`; the key is checked against its stored hash (`graph.apikeys`) before the
request's body is read or any GraphQL runs. Its role then decides per field: `reader` may query, `ingest`
may also push adverts, `admin` may also tag, record takedowns, watch identifiers and manage keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.permission import BasePermission
from strawberry.types import Info

from api.audit import AuditLog, refused
from api.graphql.errors import FORBIDDEN, GRAPH_UNAVAILABLE, UNAUTHENTICATED, classify, error_body
from graph.apikeys import ApiKey, claimed_id

# Paths answered without a key: the health and readiness checks, the metrics (behind a token of their
# own when CROSSLINK_METRICS_TOKEN is set, see api.metrics), the icon browsers ask for, and the pages
# and assets of the IDE and the network pages (api.pages), which hold no data (a browser cannot send a
# key when it opens a page; the page sends one with each request for data).
PUBLIC_PATHS = ("/health", "/ready", "/metrics", "/favicon.ico")
PUBLIC_PREFIXES = ("/ide", "/networks", "/pages")


def bearer_key(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The key of an `Authorization: Bearer <key>` header, or None."""
    for name, value in headers:
        if name.lower() == b"authorization":
            scheme, _, key = value.decode("latin-1").strip().partition(" ")
            if scheme.lower() == "bearer" and key.strip():
                return key.strip()
            return None
    return None


class Authentication:
    """ASGI middleware: checks the API key of every non-public request, before its body is read.

    `verify` maps a presented key to the active ApiKey or None (it may ask Neo4j, so it runs in a worker
    thread); `cached`, when given, answers without blocking for keys verified moments ago. The accepted
    key is put in the request's state (`request.state.api_key`). A refusal is a GraphQL-shaped 401 and an
    audit record.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        verify: Callable[[str], ApiKey | None],
        audit: AuditLog,
        cached: Callable[[str], tuple[bool, ApiKey | None]] | None = None,
    ) -> None:
        self.app = app
        self.verify = verify
        self.audit = audit
        # A key verified moments ago is answered here; only the others cost a worker thread and a read.
        self.cached = cached or (lambda presented: (False, None))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or _public(scope):
            await self.app(scope, receive, send)
            return
        presented = bearer_key(scope.get("headers", []))
        if presented is None:
            await self._refuse(scope, send, 401, UNAUTHENTICATED, _MISSING, None)
            return
        try:
            known, key = self.cached(presented)
            if not known:
                key = await run_in_threadpool(self.verify, presented)
        except Exception as error:  # the key store is in Neo4j: when it is down, nobody can be let in
            code, message = classify(error)
            if code != GRAPH_UNAVAILABLE:
                message = "the API key could not be checked; try again shortly"
            await self._refuse(scope, send, 503, GRAPH_UNAVAILABLE, message, presented)
            return
        if key is None:
            await self._refuse(scope, send, 401, UNAUTHENTICATED, _INVALID, presented)
            return
        scope.setdefault("state", {})["api_key"] = key
        await self.app(scope, receive, send)

    async def _refuse(
        self, scope: Scope, send: Send, status: int, code: str, message: str, presented: str | None
    ) -> None:
        """Answer with a refusal, recorded with the id the presented key names (`key_id` stays None: the
        key was not accepted), and the operation when the request names it without a body."""
        claimed = claimed_id(presented) if presented is not None else None
        refused(self.audit, scope, code, presented_key_id=claimed)
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await send_json(send, status, error_body(code, message), extra=[(b"www-authenticate", b"Bearer")])


_MISSING = (
    "this API needs an API key: send `Authorization: Bearer <key>` (an admin creates one with "
    "`crosslink keys create --role reader --name <you>`; the IDE at /ide has a Headers tab for it)"
)
_INVALID = "the API key is not valid or was revoked; ask an admin for a new one (`crosslink keys create`)"


def _public(scope: Scope) -> bool:
    path = scope.get("path", "")
    if scope.get("method") == "GET" and path in PUBLIC_PATHS:
        return True
    return scope.get("method") in ("GET", "HEAD") and any(
        path == prefix or path.startswith(prefix + "/") for prefix in PUBLIC_PREFIXES
    )


async def send_json(
    send: Send, status: int, body: dict[str, Any], *, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    """Answer with a JSON body, without reading the request."""
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + (extra or [])})
    await send({"type": "http.response.body", "body": data})


class CanIngest(BasePermission):
    """Refuses a field to a key without the ingest (or admin) role."""

    message = "this needs a key with the ingest or admin role; ask an admin for one"
    error_extensions = {"code": FORBIDDEN}  # noqa: RUF012 - Strawberry reads it from the class

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return _allows(info, "ingest")


class IsAdmin(BasePermission):
    """Refuses a field to a key without the admin role."""

    message = "this needs a key with the admin role (tags, takedowns, watchlists and keys are admin work)"
    error_extensions = {"code": FORBIDDEN}  # noqa: RUF012 - Strawberry reads it from the class

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return _allows(info, "admin")


def _allows(info: Info, role: str) -> bool:
    key: ApiKey | None = getattr(info.context, "api_key", None)
    return key is not None and key.allows(role)
