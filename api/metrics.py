"""The API's Prometheus metrics at GET /metrics: operations by name and outcome, their latency, refusals by
reason, Neo4j errors by kind, downloads, and every HTTP request by route and status.

Each app has a registry of its own (`ApiMetrics`), so that several apps in one process (the tests) do
not count into each other. What an operation did is counted where the audit log records it
(`api.audit.AuditLog.write` calls `observe_record`), so that the metrics and the audit trail cannot
disagree; Neo4j errors are counted where the API turns them into an error code
(`api.graphql.errors.classify` calls `observe_error`). Both find the request's metrics through a context
variable that the `RequestMetrics` middleware sets for each request.

Operation names come from clients, so their labels are bounded: an unnamed operation is `anonymous`,
a name that is not a plain GraphQL name, or that arrives after `MAX_OPERATIONS` others, or from a
caller without an accepted key, is `other`. Nothing else a client sends becomes a label.

With `crosslink serve --workers N` every process counts into files of a directory shared by all
(prometheus-client's multiprocess mode, PROMETHEUS_MULTIPROC_DIR, set up by `api.commands.serve`), and
/metrics adds them up, so that a scrape answered by any worker gives the totals of all.

/metrics shows no advert data and needs no API key; with CROSSLINK_METRICS_TOKEN set it needs
`Authorization: Bearer <that token>` (for a scraper reaching the API's public port).
"""

from __future__ import annotations

import hmac
import logging
import os
import re
import threading
import time
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from neo4j.exceptions import (
    ClientError,
    DatabaseError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.export.formats import NAMES as EXPORT_NAMES

log = logging.getLogger("crosslink.api")

TOKEN_VARIABLE = "CROSSLINK_METRICS_TOKEN"
MULTIPROCESS_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
# Distinct operation names given a label of their own; later names count as `other`.
MAX_OPERATIONS = 100
# A GraphQL name, not too long to be a label.
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")
ANONYMOUS = "anonymous"
OTHER = "other"
# From a few milliseconds (a cached lookup) to the read timeout and beyond (a large export, an ingest).
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0)
OUTCOMES = ("ok", "error", "refused")

# Why a request was refused, by the error code the audit log records (the codes of api.graphql.errors).
# Refused before GraphQL ran (no key, a body or query string too large, a body that is not a request):
REFUSED_BEFORE = {
    "UNAUTHENTICATED": "auth",
    "GRAPH_UNAVAILABLE": "key_check_unavailable",
    "LIMIT_EXCEEDED": "body_size",
    "BAD_USER_INPUT": "unreadable_request",
}
# Refused by GraphQL or a download: every error of the answer carries one of these codes.
REFUSED_BY_OPERATION = {
    "UNAUTHENTICATED": "auth",
    "FORBIDDEN": "role",
    "LIMIT_EXCEEDED": "query_limit",
    "INGEST_BUDGET_EXCEEDED": "ingest_budget",
}
REASONS = tuple(sorted({*REFUSED_BEFORE.values(), *REFUSED_BY_OPERATION.values()}))
NEO4J_KINDS = ("unavailable", "transient", "timeout", "client", "database", "driver")
# The routes of the HTTP metrics: a path's first segment when it is one of these, else `other`.
ROUTES = ("graphql", "export", "health", "ready", "metrics", "ide", "networks", "pages")


@dataclass
class ApiMetrics:
    """One app's metrics, in a registry of their own."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)
    max_operations: int = MAX_OPERATIONS

    def __post_init__(self) -> None:
        r = self.registry
        self.operations = Counter(
            "crosslink_api_operations",
            "GraphQL operations and downloads, by operation name and outcome (ok, error, refused).",
            ["operation", "outcome"],
            registry=r,
        )
        self.operation_seconds = Histogram(
            "crosslink_api_operation_duration_seconds",
            "Time to answer a GraphQL operation or a download, by operation name.",
            ["operation"],
            buckets=BUCKETS,
            registry=r,
        )
        self.refusals = Counter(
            "crosslink_api_refusals", "Requests and operations refused, by reason.", ["reason"], registry=r
        )
        self.neo4j_errors = Counter(
            "crosslink_api_neo4j_errors",
            "Neo4j errors met while answering, by kind (unavailable, transient, timeout, client...).",
            ["kind"],
            registry=r,
        )
        self.exports = Counter(
            "crosslink_api_exports",
            "Downloads at /export, by what was exported, the format and the outcome.",
            ["export", "format", "outcome"],
            registry=r,
        )
        self.http_requests = Counter(
            "crosslink_http_requests",
            "HTTP requests, by route and status code.",
            ["route", "status"],
            registry=r,
        )
        self.http_seconds = Histogram(
            "crosslink_http_request_duration_seconds",
            "Time from a request's arrival to the end of its answer, by route.",
            ["route"],
            buckets=BUCKETS,
            registry=r,
        )
        for reason in REASONS:  # shown at 0 from the start, so that a rate over them is defined
            self.refusals.labels(reason)
        for kind in NEO4J_KINDS:
            self.neo4j_errors.labels(kind)
        self._names: set[str] = set()
        self._lock = threading.Lock()

    def operation_label(self, name: Any, *, authenticated: bool) -> str:
        """The label of an operation name: bounded whatever clients send (see the module's docstring)."""
        if not name:
            return ANONYMOUS
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            return OTHER
        with self._lock:
            if name in self._names:
                return name
            if authenticated and len(self._names) < self.max_operations:
                self._names.add(name)
                return name
        return OTHER

    def record(self, record: Mapping[str, Any]) -> None:
        """Count one audit record: an operation, a download or a refusal."""
        codes = [str(code) for code in record.get("errors") or ()]
        outcome, reason = _outcome(record.get("outcome"), codes)
        if record.get("type") == "download":
            operation = str(record.get("operation"))  # "export network": set by the server, not a client
            self.exports.labels(operation.removeprefix("export "), _export_format(record), outcome).inc()
        else:
            operation = self.operation_label(
                record.get("operation"), authenticated=bool(record.get("key_id"))
            )
        self.operations.labels(operation, outcome).inc()
        if reason is not None:
            self.refusals.labels(reason).inc()
        ms = record.get("ms")
        if isinstance(ms, int | float):
            self.operation_seconds.labels(operation).observe(ms / 1000)

    def neo4j_error(self, error: BaseException) -> None:
        kind = neo4j_kind(error)
        if kind is not None:
            self.neo4j_errors.labels(kind).inc()

    def request(self, path: str, status: int, seconds: float) -> None:
        segment = path.strip("/").partition("/")[0]
        route = segment if segment in ROUTES else OTHER
        self.http_requests.labels(route, str(status)).inc()
        self.http_seconds.labels(route).observe(seconds)

    def exposition(self) -> bytes:
        """The metrics in Prometheus' text format: this app's, or with several worker processes, all
        of theirs added up from the shared directory."""
        if os.environ.get(MULTIPROCESS_VARIABLE):
            registry = CollectorRegistry()
            MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)


def _outcome(recorded: Any, codes: list[str]) -> tuple[str, str | None]:
    """The outcome label of an audit record's outcome and error codes, and the refusal's reason."""
    if recorded == "refused":
        return "refused", REFUSED_BEFORE.get(codes[0] if codes else "", "other")
    if recorded == "ok":
        return "ok", None
    if codes and all(code in REFUSED_BY_OPERATION for code in codes) and recorded == "error":
        return "refused", REFUSED_BY_OPERATION[codes[0]]
    return "error", None


def _export_format(record: Mapping[str, Any]) -> str:
    for asked in record.get("fields") or ():
        chosen = (asked.get("args") or {}).get("format") if isinstance(asked, Mapping) else None
        if chosen:
            return chosen if chosen in EXPORT_NAMES else OTHER
    return "none"


def neo4j_kind(error: BaseException) -> str | None:
    """The kind of the Neo4j error `error` is or was raised from, or None when none is in its chain."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ServiceUnavailable | SessionExpired):
            return "unavailable"
        if isinstance(current, TransientError):
            return "transient"
        if isinstance(current, Neo4jError) and "TimedOut" in (current.code or ""):
            return "timeout"
        if isinstance(current, ClientError):
            return "client"
        if isinstance(current, DatabaseError):
            return "database"
        if isinstance(current, Neo4jError | DriverError):
            return "driver"
        if isinstance(current, TimeoutError) and current is not error:  # a read bounded by the API
            return "timeout"
        current = current.__cause__ or current.__context__
    return None


@dataclass
class _Request:
    metrics: ApiMetrics
    errors: set[int] = field(default_factory=set)


_CURRENT: ContextVar[_Request | None] = ContextVar("crosslink_request_metrics", default=None)


def observe_record(record: Mapping[str, Any]) -> None:
    """Count an audit record in the metrics of the request being answered (none outside a request).
    Never raises: counting must not fail a request."""
    current = _CURRENT.get()
    if current is None:
        return
    try:
        current.metrics.record(record)
    except Exception:
        log.exception("metrics: an audit record could not be counted")


def observe_error(error: BaseException) -> None:
    """Count a Neo4j error met by the request being answered, once however many fields it failed."""
    current = _CURRENT.get()
    if current is None or id(error) in current.errors:
        return
    current.errors.add(id(error))
    try:
        current.metrics.neo4j_error(error)
    except Exception:
        log.exception("metrics: an error could not be counted")


class RequestMetrics:
    """ASGI middleware: makes the app's metrics the request's (for `observe_record` and `observe_error`)
    and counts each HTTP request by route and status, with the time until its answer was sent."""

    def __init__(self, app: ASGIApp, *, metrics: ApiMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # when the app fails without answering, the server answers so

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        token = _CURRENT.set(_Request(self.metrics))
        try:
            await self.app(scope, receive, observed_send)
        finally:
            _CURRENT.reset(token)
            self.metrics.request(scope.get("path", ""), status, time.perf_counter() - started)


def metrics_token(environ: Mapping[str, str] | None = None) -> str | None:
    """CROSSLINK_METRICS_TOKEN, or None when /metrics is open (to whoever reaches the port)."""
    env = os.environ if environ is None else environ
    return env.get(TOKEN_VARIABLE) or None


def register(app: FastAPI, metrics: ApiMetrics, token: str | None) -> None:
    """Add GET /metrics to `app`, behind `token` when one is given (the app adds `RequestMetrics`
    among its middleware, outside the key check, so that refusals are counted too)."""

    @app.get("/metrics", include_in_schema=False)
    async def exposition(request: Request) -> Response:
        """The metrics in Prometheus' text format."""
        if token is not None and not _presents(request, token):
            return JSONResponse(
                {"error": f"/metrics needs `Authorization: Bearer <token>`, the token of {TOKEN_VARIABLE}"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)


def _presents(request: Request, token: str) -> bool:
    scheme, _, presented = request.headers.get("authorization", "").strip().partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(presented.strip().encode(), token.encode())


__all__ = [
    "BUCKETS",
    "MAX_OPERATIONS",
    "ApiMetrics",
    "RequestMetrics",
    "metrics_token",
    "neo4j_kind",
    "observe_error",
    "observe_record",
    "register",
]
