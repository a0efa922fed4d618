"""The audit trail: one JSON line per operation, saying who asked what and how it ended.

An analyst's lookups are sensitive (they show who is being investigated), so the log records the API key's
id, never the key; the operation and each root field with its arguments (variables filled in, long texts
cut); the time, the duration and the outcome; and the id of the server process that wrote it, since
`crosslink serve --workers N` runs several that append to one file. The file is created readable by its
owner only. Its path is CROSSLINK_AUDIT_LOG, by default `var/audit.jsonl` in the repository (in the
current directory when installed from a wheel).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    SelectionSetNode,
    get_operation_ast,
)
from graphql.language import Lexer, Source, TokenKind
from graphql.utilities import value_from_ast_untyped
from starlette.types import Scope
from strawberry.extensions import SchemaExtension

from api.metrics import observe_record
from graph.config import base_dir

log = logging.getLogger("crosslink.api")
DEFAULT_PATH = "var/audit.jsonl"
# Longer strings (an advert's text pushed by ingestAdverts) are cut; the log is about what was asked.
MAX_STRING = 300
# Line breaks outside ASCII (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR), as JSON escapes.
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
MAX_LIST = 50
# The answer to a request whose record could not be written: it may have changed the graph (a mutation
# runs before its record is written), so the message says so.
UNRECORDED = (
    "the request could not be recorded in the audit log, so its answer is withheld (a change it asked for "
    "may have been made); tell an administrator"
)


def audit_path(environ: Mapping[str, str] | None = None) -> Path:
    """CROSSLINK_AUDIT_LOG, or var/audit.jsonl; a relative path is taken from `graph.config.base_dir()`."""
    env = os.environ if environ is None else environ
    path = Path(env.get("CROSSLINK_AUDIT_LOG") or DEFAULT_PATH)
    return path if path.is_absolute() else base_dir() / path


class AuditLog:
    """Appends records as JSON lines to one file, from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def write(self, record: Mapping[str, Any]) -> None:
        """Append one record, whole, before the request's answer is sent: should it fail (a full disk),
        the request fails too, rather than being answered unrecorded.

        The line goes out in one `write` on a file opened for appending, so records from several
        threads or processes do not interleave (only a short write, on a disk filling up, is
        finished by a second one, and may leave a broken line). The directory is made only when the
        file cannot be opened without it: checking it on every record raised and caught an exception
        each time, a cost every request paid."""
        line = json.dumps(
            {"time": datetime.now(UTC).isoformat(), "pid": os.getpid(), **record},
            ensure_ascii=False,
            default=_json,
        )
        # A client's text may hold Unicode line breaks, which JSON leaves as they are but many line
        # readers (Python's str.splitlines among them) split on: escaped, a record stays one line.
        line = line.translate(_LINE_BREAKS)
        # Escaped, not refused: a lone surrogate sent by a client is recorded as \udxxx (valid JSON).
        data = (line + "\n").encode("utf-8", "backslashreplace")
        with self._lock:
            fd = self._open()
            try:
                while data:
                    data = data[os.write(fd, data) :]
            finally:
                os.close(fd)
        observe_record(record)  # the request's metrics count what the audit log recorded

    def _open(self) -> int:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        try:
            return os.open(self.path, flags, 0o600)
        except FileNotFoundError:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, flags, 0o600)


class AuditTrail(SchemaExtension):
    """Writes one audit record per GraphQL operation, after it ran (errors carry their codes by then)."""

    def on_operation(self) -> Iterator[None]:
        started = time.monotonic()
        yield
        context = self.execution_context.context
        audit: AuditLog | None = getattr(context, "audit", None)
        if audit is None:
            return
        result = self.execution_context.result
        errors: list[GraphQLError] = list(getattr(result, "errors", None) or [])
        codes = sorted({str((e.extensions or {}).get("code", "INTERNAL")) for e in errors})
        has_data = bool(getattr(result, "data", None))
        outcome = "ok" if not errors else ("partial" if has_data else "error")
        key = getattr(context, "api_key", None)
        try:
            operation, kind, fields = self._asked()
        except Exception:  # a record without the fields beats no record, and must not fail the request
            log.exception("audit: could not read the operation's fields")
            operation, kind, fields = self.execution_context.operation_name, None, []
        record = {
            "key_id": key.id if key else None,
            "role": key.role if key else None,
            "client": getattr(context, "client", None),
            "operation": operation,
            "type": kind,
            "fields": fields,
            "outcome": outcome,
            "errors": codes,
            "ms": round((time.monotonic() - started) * 1000, 1),
        }
        try:
            audit.write(record)
        except OSError as error:  # a full disk, a file made read-only: the answer is withheld
            log.error("audit: a record could not be written (%s); the request gets an error instead", error)
            raise GraphQLError(UNRECORDED, extensions={"code": "INTERNAL"}) from None

    def _asked(self) -> tuple[str | None, str | None, list[dict[str, Any]]]:
        """The operation's name and type, and each root field asked with its arguments."""
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is None:  # it did not parse: named from its first words, or as the client named it
            name, kind = operation_of(ctx.query)
            return ctx.operation_name or name, kind, []
        operation = get_operation_ast(document, ctx.operation_name)
        if operation is None:
            return ctx.operation_name, None, []
        variables = ctx.variables or {}
        fragments = {d.name.value: d for d in document.definitions if hasattr(d, "type_condition")}
        fields = []
        for node in root_fields(operation.selection_set, fragments):
            entry: dict[str, Any] = {"field": node.name.value}
            # As written, variables filled in (not coerced: an invalid value is recorded as it was sent).
            entry["args"] = _short(
                {arg.name.value: value_from_ast_untyped(arg.value, variables) for arg in node.arguments or ()}
            )
            fields.append(entry)
        name = operation.name.value if operation.name else ctx.operation_name
        return name, operation.operation.value, fields


OPERATION_TYPES = ("query", "mutation", "subscription")


def operation_of(document: str | None) -> tuple[str | None, str | None]:
    """The name and type of the operation a document starts with, read from its first two tokens only:
    a document that does not parse, or that is refused before it is parsed, is named all the same
    (`query Lookup { ...` is Lookup, a query; `{ ...` is an unnamed query). (None, None) when it does not
    start with an operation."""
    if not document:
        return None, None
    lexer = Lexer(Source(document))
    try:
        first = lexer.advance()
        if first.kind == TokenKind.BRACE_L:
            return None, "query"
        if first.kind != TokenKind.NAME or first.value not in OPERATION_TYPES:
            return None, None
        second = lexer.advance()
    except GraphQLError:  # a character no GraphQL token starts with
        return None, None
    return (second.value if second.kind == TokenKind.NAME else None), first.value


def refused(audit: AuditLog, scope: Scope, code: str, **extra: Any) -> None:
    """Record a request refused before GraphQL ran (no key, a body too large or unreadable, a mutation
    sent by GET): the key's id when one was accepted, and the operation when the request names it
    without its body being read (a GET's `query` and `operationName`)."""
    key = (scope.get("state") or {}).get("api_key")
    operation, kind = _operation_in_query_string(scope)
    audit.write(
        {
            "key_id": key.id if key else None,
            "role": key.role if key else None,
            "client": (scope.get("client") or [None])[0],
            "method": scope.get("method"),
            "path": scope.get("path"),
            "operation": operation,
            "type": kind,
            "outcome": "refused",
            "errors": [code],
            **extra,
        }
    )


def _operation_in_query_string(scope: Scope) -> tuple[str | None, str | None]:
    try:
        params = parse_qs(scope.get("query_string", b"").decode("utf-8", "replace"), max_num_fields=20)
    except ValueError:  # more fields than a GraphQL request has
        return None, None
    name, kind = operation_of((params.get("query") or [None])[0])
    return (params.get("operationName") or [name])[0], kind


def root_fields(
    selection_set: SelectionSetNode, fragments: dict[str, Any], opened: set[str] | None = None
) -> Iterator[FieldNode]:
    """The fields of an operation's top level, each fragment opened once: one spreading another twice,
    over and over, would otherwise open into exponentially many (and a cycle, forever)."""
    opened = set() if opened is None else opened
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from root_fields(selection.selection_set, fragments, opened)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in opened:
            opened.add(selection.name.value)
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                yield from root_fields(fragment.selection_set, fragments, opened)


def _short(value: Any) -> Any:
    """Arguments as JSON values, long strings and lists cut so that one push cannot flood the log."""
    if isinstance(value, Mapping):
        return {str(k): _short(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        items = [_short(v) for v in value[:MAX_LIST]]
        if len(value) > MAX_LIST:
            items.append(f"... {len(value) - MAX_LIST} more")
        return items
    if isinstance(value, str) and len(value) > MAX_STRING:
        return value[:MAX_STRING] + f"... ({len(value)} characters)"
    if isinstance(value, Enum):
        return value.name
    if hasattr(value, "__dataclass_fields__") or hasattr(value, "__strawberry_definition__"):
        return _short(vars(value))
    return value


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.name
    return str(value)


__all__ = ["AuditLog", "AuditTrail", "audit_path", "operation_of", "refused", "root_fields"]
