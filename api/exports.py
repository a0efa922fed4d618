"""Downloads of exports: a network, several networks or an identifier's neighbourhood as a file in one of
the export formats (graph.export.formats), under the same API keys and audit log as /graphql.

The routes sit behind the app's Authentication middleware (a Bearer key, never one in the URL; every role
may read, so any valid key may download). Each request is recorded in the audit log as a GraphQL
operation is, before its answer is sent; a request that cannot be recorded is not answered. Errors are
JSON bodies shaped as the API's other errors, with a status that says whose fault it was.
"""

from __future__ import annotations

import io
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from api.audit import UNRECORDED, AuditLog
from api.graphql.errors import BAD_USER_INPUT, INTERNAL, classify, error_body
from graph.export.formats import NAMES, Format, FormatUnavailable, UnknownFormat, get
from graph.export.subgraph import Subgraph, read_identifier, read_network, read_networks
from graph.read import AsyncReader, BadInput, TooLarge
from graph.read.queries import check_range

# The most networks one download names, and the most nodes one download holds (more is cut, `truncated`).
MAX_NETWORKS = 100
MAX_NODES = 20_000
DEFAULT_NODES = 5000
_STATUS = {"NOT_FOUND": 404, "BAD_USER_INPUT": 400, "LIMIT_EXCEEDED": 400, "GRAPH_UNAVAILABLE": 503}

Read = Callable[[AsyncReader], Awaitable[Subgraph]]


def register(app: FastAPI) -> None:
    """Add the download routes to `app` (its state holds the asyncio driver, database, timeout, audit)."""

    @app.get("/export/networks/{id:path}")
    async def export_network(request: Request, id: str) -> Response:
        """One network, named by id, key, or any identifier, advert or account in it."""

        async def read(reader: AsyncReader) -> Subgraph:
            return await read_network(reader, id, limit=_limit(request))

        return await _answer(request, "network", {"id": id}, read)

    @app.get("/export/networks")
    async def export_networks(request: Request) -> Response:
        """Several networks by id: `ids=a,b,c`."""
        ids = [i.strip() for i in request.query_params.get("ids", "").split(",") if i.strip()]

        async def read(reader: AsyncReader) -> Subgraph:
            if not ids:
                raise BadInput("name the networks: ids=<id>,<id>,...")
            if len(ids) > MAX_NETWORKS:
                raise TooLarge(f"at most {MAX_NETWORKS} networks are exported at once, not {len(ids)}")
            return await read_networks(reader, ids, limit=_limit(request))

        return await _answer(request, "networks", {"ids": ids}, read)

    @app.get("/export/identifier")
    async def export_identifier(request: Request) -> Response:
        """What lies within `depth` steps of an identifier (`value`, as typed)."""
        value = request.query_params.get("value", "")

        async def read(reader: AsyncReader) -> Subgraph:
            if not value.strip():
                raise BadInput("name the identifier: value=<phone, handle, payment tag, email or link>")
            depth = _whole(request, "depth", 2)
            return await read_identifier(reader, value, depth=depth, limit=_limit(request))

        return await _answer(request, "identifier", {"value": value}, read)


async def _answer(request: Request, what: str, args: dict[str, Any], read: Read) -> Response:
    """Read, write the format and answer the file, or a JSON error; recorded either way."""
    started = time.monotonic()
    state = request.app.state
    asked = ("format", "limit", "depth")
    args = {**args, **{name: request.query_params[name] for name in asked if name in request.query_params}}
    try:
        chosen = _format(request)
        reader = AsyncReader(state.reads, state.database, timeout=state.timeout)
        subgraph = await read(reader)
        content = await run_in_threadpool(_write, chosen, subgraph)
    except FormatUnavailable as error:
        return _refuse(request, what, args, started, 501, INTERNAL, str(error))
    except UnknownFormat as error:
        return _refuse(request, what, args, started, 400, BAD_USER_INPUT, str(error))
    except Exception as error:  # NotFound, BadInput, TooLarge, Unavailable; anything else as INTERNAL
        code, message = classify(error)
        return _refuse(request, what, args, started, _STATUS.get(code, 500), code, message)
    if not _record(request, what, args, started, [], truncated=subgraph.truncated):
        return _unrecorded()
    filename = chosen.filename(subgraph)
    return Response(
        content,
        media_type=chosen.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
            "X-Crosslink-Truncated": "true" if subgraph.truncated else "false",
        },
    )


def _write(chosen: Format, subgraph: Subgraph) -> bytes:
    out = io.BytesIO()
    chosen.write(subgraph, out)
    return out.getvalue()


def _format(request: Request) -> Format:
    name = request.query_params.get("format")
    if not name:
        raise UnknownFormat(f"name the format: format={', '.join(NAMES)}")
    return get(name)


def _limit(request: Request) -> int:
    """The node limit asked for (default DEFAULT_NODES, at most MAX_NODES)."""
    limit = _whole(request, "limit", DEFAULT_NODES)
    check_range("limit", limit, MAX_NODES)
    return limit


def _whole(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or len(raw) > 9:
        raise BadInput(f"{name} must be a whole number, not {raw!r}")
    return int(raw)


def _record(
    request: Request,
    what: str,
    args: dict[str, Any],
    started: float,
    errors: list[str],
    **extra: Any,
) -> bool:
    """Write the request's audit record; False when it could not be written."""
    audit: AuditLog = request.app.state.audit
    key = getattr(request.state, "api_key", None)
    try:
        audit.write(
            {
                "key_id": key.id if key else None,
                "role": key.role if key else None,
                "client": request.client.host if request.client else None,
                "method": request.method,
                "path": request.url.path,
                "operation": f"export {what}",
                "type": "download",
                "fields": [{"field": f"export.{what}", "args": args}],
                "outcome": "error" if errors else "ok",
                "errors": errors,
                "ms": round((time.monotonic() - started) * 1000, 1),
                **extra,
            }
        )
    except OSError:
        return False
    return True


def _refuse(
    request: Request, what: str, args: dict[str, Any], started: float, status: int, code: str, message: str
) -> Response:
    if not _record(request, what, args, started, [code]):
        return _unrecorded()
    return JSONResponse(error_body(code, message), status_code=status)


def _unrecorded() -> Response:
    return JSONResponse(error_body(INTERNAL, UNRECORDED), status_code=500)
