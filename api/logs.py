"""How `crosslink` logs: as text for a person at a terminal, or as JSON lines for a log collector
(`crosslink --log-format json`, or CROSSLINK_LOG_FORMAT=json), for every command and for the API
server's requests and errors (`uvicorn_log_config`).

Whichever the format, a line never holds a secret: API keys keep only their id (`clk_<id>_[redacted]`,
as the audit log names them), a bearer token is cut, and the values of the secrets this process knows
(the Neo4j password, the webhook secret, the metrics token) are replaced wherever they appear.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from graph.config import Settings, SettingsError

FORMATS = ("text", "json")
VARIABLE = "CROSSLINK_LOG_FORMAT"
REDACTED = "[redacted]"
# Variables whose values are secrets, and one naming a file that holds one.
SECRET_VARIABLES = ("NEO4J_PASSWORD", "CROSSLINK_WEBHOOK_SECRET", "CROSSLINK_METRICS_TOKEN")
SECRET_FILE_VARIABLES = ("CROSSLINK_WEBHOOK_SECRET_FILE",)
# Shorter values are not looked for: replacing every "a" of a log would hide the log, not a secret.
MIN_SECRET = 6
_API_KEY = re.compile(r"\bclk_([0-9a-f]{12})_[A-Za-z0-9_-]+")
_CREDENTIALS = re.compile(r"(?i)\b(bearer|basic)(\s+)[^\s\"',;]+")


def known_secrets(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The secret values this process may log by mistake: those of SECRET_VARIABLES, the file of
    CROSSLINK_WEBHOOK_SECRET_FILE, and the Neo4j password the settings read (from its file, without
    NEO4J_PASSWORD)."""
    env = os.environ if environ is None else environ
    found = [env.get(name, "") for name in SECRET_VARIABLES]
    for name in SECRET_FILE_VARIABLES:
        path = env.get(name, "").strip()
        if path:
            try:
                with open(path, encoding="utf-8") as file:
                    found.append(file.read().strip())
            except (OSError, UnicodeDecodeError):
                pass
    with contextlib.suppress(SettingsError, OSError):
        found.append(Settings.from_env(env).password)
    # The longest first, so that a secret holding another is replaced whole.
    return tuple(sorted({s for s in found if len(s) >= MIN_SECRET}, key=len, reverse=True))


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """`text` without API keys (their id kept), bearer or basic credentials, or any of `secrets`."""
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    text = _API_KEY.sub(rf"clk_\1_{REDACTED}", text)
    return _CREDENTIALS.sub(rf"\1\2{REDACTED}", text)


class TextFormatter(logging.Formatter):
    """A plain line per record, secrets redacted (tracebacks included)."""

    def __init__(
        self, fmt: str | None = None, datefmt: str | None = None, secrets: tuple[str, ...] | None = None
    ):
        super().__init__(fmt or "%(levelname)s: %(message)s", datefmt)
        self.secrets = known_secrets() if secrets is None else secrets

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message; an access line of the API server as
    its fields (client, method, path without the query string, status); an error's traceback as text.
    Secrets are redacted from every string."""

    def __init__(
        self, fmt: str | None = None, datefmt: str | None = None, secrets: tuple[str, ...] | None = None
    ):
        super().__init__(fmt, datefmt)
        self.secrets = known_secrets() if secrets is None else secrets

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        access = _access(record)
        if access is not None:
            line["event"] = "request"
            line.update(access)
        else:
            line["message"] = record.getMessage()
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(line, ensure_ascii=False, default=str), self.secrets)


def _access(record: logging.LogRecord) -> dict[str, Any] | None:
    """The fields of an access line of uvicorn (client, method, path, HTTP version, status), or None.

    The query string is left out: a GET to /graphql carries the query and its variables (the phone
    numbers being looked up), which belong in the audit log only."""
    args = record.args
    if record.name != "uvicorn.access" or not isinstance(args, tuple) or len(args) != 5:
        return None
    client, method, path, version, status = args
    return {
        "client": client,
        "method": method,
        "path": str(path).partition("?")[0],
        "http_version": version,
        "status": status,
    }


def chosen(value: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """The format asked for (`value`, else CROSSLINK_LOG_FORMAT), or None when neither says: each
    command then picks (ingest: text on a terminal, JSON lines otherwise)."""
    env = os.environ if environ is None else environ
    picked = (value or env.get(VARIABLE) or "").strip().lower() or None
    if picked is not None and picked not in FORMATS:
        raise ValueError(f"{VARIABLE} must be one of {', '.join(FORMATS)}, not {picked!r}")
    return picked


def formatter(format: str) -> logging.Formatter:
    return JsonFormatter() if format == "json" else TextFormatter()


def configure(format: str | None) -> None:
    """Send this process's log records (the `crosslink` loggers and the libraries') to stderr in
    `format` (text when None), warnings and up; replaces handlers set before."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(format or "text"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("crosslink").setLevel(logging.INFO)


def uvicorn_log_config(format: str | None) -> dict[str, Any]:
    """uvicorn's `log_config` for the API server: its own logs, the access lines and the `crosslink`
    loggers (the API's errors), to stderr, in `format` (text when None), secrets redacted."""
    factory = "api.logs.JsonFormatter" if format == "json" else "api.logs.TextFormatter"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"()": factory}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stderr"}
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "uvicorn.access": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "crosslink": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }


__all__ = [
    "FORMATS",
    "VARIABLE",
    "JsonFormatter",
    "TextFormatter",
    "chosen",
    "configure",
    "known_secrets",
    "redact",
    "uvicorn_log_config",
]
