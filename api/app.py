"""The analysts' API as a FastAPI application: GraphQL at /graphql, the IDE at /ide, the network pages at
/networks (`api.pages`), downloads at /export, a health check, a readiness check (`api.ready`) and
Prometheus metrics (`api.metrics`).

`create_app()` builds it; `crosslink serve` runs it with uvicorn. Every request but `GET /health`,
`/ready`, `/metrics` and the static pages of the IDE and the networks needs an API key (see `api.auth`);
request bodies over the size limit are refused before they are read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from importlib import resources
from typing import Any

import neo4j
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.assets import Assets
from api.audit import AuditLog, audit_path, refused
from api.auth import Authentication, send_json
from api.collector import IdleCollection, freeze_startup_objects, serving_thresholds
from api.endpoint import GraphQLEndpoint
from api.exports import register as register_exports
from api.graphql.context import Context
from api.graphql.errors import BAD_USER_INPUT, LIMIT_EXCEEDED, error_body
from api.graphql.limits import Limits
from api.graphql.schema import build_schema
from api.metrics import ApiMetrics, RequestMetrics, metrics_token
from api.metrics import register as register_metrics
from api.pages import register as register_pages
from api.ready import register as register_ready
from graph import apikeys
from graph.config import Settings
from graph.crosslink import Crosslink
from graph.db import connect, connect_async
from graph.read import AsyncReader, read_timeout
from graph.webhooks import BackgroundDelivery, WebhookConfig

# The IDE's page and assets, installed as package data (see pyproject.toml); vendor/ holds the files
# scripts/setup copies from npm (GraphiQL and React). Served by the name the page asks for: nothing else.
IDE_FILES = resources.files("api") / "graphiql"
IDE_ASSETS = {
    "react.js": IDE_FILES / "vendor" / "react.js",
    "react-dom.js": IDE_FILES / "vendor" / "react-dom.js",
    "graphiql.js": IDE_FILES / "vendor" / "graphiql.js",
    "graphiql.css": IDE_FILES / "vendor" / "graphiql.css",
    "ide.js": IDE_FILES / "ide.js",
    "ide.css": IDE_FILES / "ide.css",
}
IDE = Assets(
    IDE_ASSETS,
    missing="the IDE is not installed ({asset} is missing): run scripts/setup, which copies it into the "
    "package, and build any wheel after that",
    headers={"Cache-Control": "public, max-age=3600"},
)
# The page may load and connect to this server only; GraphiQL styles itself inline and uses data: fonts.
IDE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def create_app(
    driver: neo4j.Driver | None = None,
    database: str | None = None,
    *,
    audit: AuditLog | None = None,
    limits: Limits | None = None,
    timeout: float | None = None,
    query_listener: Callable[[str], None] | None = None,
    settings: Settings | None = None,
    webhook: WebhookConfig | None = None,
) -> FastAPI:
    """The API over `driver` (default: connect at start-up with `settings`, or the environment's).

    Reads go through an asyncio driver opened at start-up from `settings` (the environment's by default),
    which must name the same server as `driver`, so that a request's reads run on the event loop;
    writes, key checks and ingest keep the blocking `driver`, in worker threads.
    `query_listener` is called with the name of every read query a request runs (tests count them).
    Watch hits queued by ingestAdverts are posted in the background to `webhook` (default: the
    environment's CROSSLINK_WEBHOOK_*; none configured, they stay queued for `crosslink webhooks deliver`).
    """
    webhook = webhook or WebhookConfig.from_env()
    limits = limits or Limits.from_env()
    audit = audit or AuditLog(audit_path())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = None
        wanted = settings or Settings.from_env()
        if app.state.driver is None:
            owned = await run_in_threadpool(connect, wanted)
            app.state.driver, app.state.database = owned, wanted.database
        wanted = replace(wanted, database=app.state.database)  # both drivers read one database
        app.state.graph = Crosslink(app.state.driver, app.state.database, read_timeout=app.state.timeout)
        try:
            app.state.reads = await connect_async(wanted)
            try:
                await run_in_threadpool(app.state.graph.prepare_api)
                freeze_startup_objects()
                delivery = webhook and BackgroundDelivery(app.state.driver, app.state.database, webhook)
                try:
                    if delivery:
                        delivery.start()
                    with serving_thresholds():
                        yield
                finally:
                    if delivery:
                        await run_in_threadpool(delivery.stop)
            finally:
                await app.state.reads.close()
        finally:
            if owned is not None:
                owned.close()

    app = FastAPI(title="Crosslink", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.driver = driver
    app.state.reads = None  # the asyncio driver, opened at start-up
    app.state.graph = None  # the Crosslink over `driver` that requests ask (see Context), made at start-up
    app.state.database = database or "neo4j"  # replaced by the environment's when connecting at start-up
    app.state.timeout = timeout if timeout is not None else read_timeout()
    app.state.audit = audit

    def context(request: Request) -> Context:
        state = request.app.state
        return Context(
            api_key=getattr(request.state, "api_key", None),
            graph=state.graph,
            reader=AsyncReader(state.reads, state.database, timeout=state.timeout, listener=query_listener),
            audit=state.audit,
            client=request.client.host if request.client else None,
            limits=limits,
        )

    app.add_route("/graphql", GraphQLEndpoint(build_schema(limits), context), methods=["GET", "POST"])

    @app.get("/health")
    async def health(request: Request) -> JSONResponse:
        """200 when the graph answers, 503 when not; needs no key and says nothing about the data."""
        try:
            await run_in_threadpool(request.app.state.driver.verify_connectivity)
        except Exception:
            return JSONResponse({"status": "unavailable", "graph": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ok", "graph": "ok"})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        """No icon: answered so that a browser opening the IDE does not fill the audit log with refusals."""
        return Response(status_code=204)

    @app.get("/ide", response_class=HTMLResponse)
    async def ide() -> Response:
        """The in-browser IDE (GraphiQL), every asset served from here."""
        html = (IDE_FILES / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(html, headers={"Content-Security-Policy": IDE_CSP, "Cache-Control": "no-store"})

    @app.get("/ide/assets/{name}")
    async def ide_asset(name: str) -> Response:
        return IDE.response(name)

    register_pages(app)  # /networks and /networks/{id}, shells without data like /ide
    register_exports(app)  # /export/...: downloads, behind the same keys and audit as /graphql
    register_ready(app)  # /ready: the graph answers a query
    app.state.metrics = ApiMetrics()
    register_metrics(app, app.state.metrics, metrics_token())  # /metrics: behind its own token, if set

    verified = apikeys.verified_keys()
    # Added innermost first: collect between requests, refuse unauthenticated callers, then oversized
    # bodies (neither reads the body; after the key, so that a refusal is recorded with the key's id),
    # then answer GraphQL.
    app.add_middleware(GraphQLHttpErrors, audit=audit)
    app.add_middleware(BodyLimit, limits=limits, audit=audit)
    app.add_middleware(
        Authentication,
        verify=lambda key: verified.verify(app.state.driver, app.state.database, key),
        cached=verified.cached,
        audit=audit,
    )
    app.add_middleware(RequestMetrics, metrics=app.state.metrics)  # counts refusals of the key check too
    app.add_middleware(IdleCollection)  # outermost: it sees a request end once its answer is sent
    return app


class _BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuses a request whose body is over the limit: by its Content-Length before reading anything, or,
    sent in chunks without one, as soon as the bytes read pass the limit. Also caps a GET's query string.
    Each refusal is recorded in the audit log."""

    def __init__(self, app: ASGIApp, *, limits: Limits, audit: AuditLog) -> None:
        self.app = app
        self.limit = limits.body_bytes
        self.query_limit = limits.query_string_bytes
        self.audit = audit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.query_limit:
            scope = {**scope, "query_string": b""}  # not read for the record either
            await self._refuse(
                scope, send, 414, f"the query string is over {self.query_limit:,} bytes; send it by POST"
            )
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await self._refuse(scope, send, 413, self._message())
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await self._refuse(scope, send, 413, self._message())

    def _message(self) -> str:
        return (
            f"the request body is over {self.limit:,} bytes; send fewer adverts per ingestAdverts call "
            "(files go through `crosslink ingest`)"
        )

    async def _refuse(self, scope: Scope, send: Send, status: int, message: str) -> None:
        refused(self.audit, scope, LIMIT_EXCEEDED)
        await send_json(send, status, error_body(LIMIT_EXCEEDED, message))


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class GraphQLHttpErrors:
    """Turns the plain-text 4xx answers of the GraphQL endpoint (a body that is not JSON, no query, a
    mutation sent by GET) into GraphQL errors with a code, like every other error of the API, and records
    them in the audit log (GraphQL never ran for them, so its audit trail did not)."""

    def __init__(self, app: ASGIApp, *, audit: AuditLog) -> None:
        self.app = app
        self.audit = audit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith("/graphql"):
            await self.app(scope, receive, send)
            return
        held: dict[str, Any] = {}

        async def rewriting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if message["status"] >= 400 and headers.get(b"content-type", b"").startswith(b"text/plain"):
                    held["start"], held["body"] = message, b""
                    return
            elif "start" in held and message["type"] == "http.response.body":
                held["body"] += message.get("body", b"")
                if message.get("more_body"):
                    return
                reason = held["body"].decode("utf-8", "replace").strip() or "the request could not be read"
                status = held["start"]["status"]
                refused(self.audit, scope, BAD_USER_INPUT)
                await send_json(send, status, error_body(BAD_USER_INPUT, reason))
                return
            await send(message)

        await self.app(scope, receive, rewriting_send)
