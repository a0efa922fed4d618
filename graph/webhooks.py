"""Watch hits that reach a person: each hit queued in the graph, then posted to a webhook, signed.

`queue_watch_hits` turns the watch hits of new adverts into `WebhookDelivery` nodes (one per watched
identifier and advert, so queueing twice queues nothing new); `deliver_pending` posts the due ones as
JSON signed with HMAC-SHA256, and counts a failed attempt with a back-off before the next. A hit is in
the graph before any post is tried and stays there until delivered or given up ("failed", re-queued
with `retry_failed`), so a receiver that is down, or a process that dies, loses nothing. Each call
claims what it posts with a lease in the graph, so two deliverers never post the same hit at once.
docs/webhooks.md says what a receiver gets and how it checks the signature.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import logging
import os
import random
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

import neo4j

from graph import cypher
from graph.db import run_rows
from graph.read.keys import kind_of
from graph.read.reader import native

log = logging.getLogger(__name__)

URL_VARIABLE = "CROSSLINK_WEBHOOK_URL"
SECRET_VARIABLE = "CROSSLINK_WEBHOOK_SECRET"
SECRET_FILE_VARIABLE = "CROSSLINK_WEBHOOK_SECRET_FILE"
# Optional: WebhookConfig's field of each name, read when set.
TUNING_VARIABLES = {
    "CROSSLINK_WEBHOOK_TIMEOUT": "timeout",
    "CROSSLINK_WEBHOOK_MAX_ATTEMPTS": "max_attempts",
    "CROSSLINK_WEBHOOK_BACKOFF_SECONDS": "backoff_seconds",
    "CROSSLINK_WEBHOOK_BACKOFF_CAP_SECONDS": "backoff_cap_seconds",
}
SIGNATURE_HEADER = "X-Crosslink-Signature"
TIMESTAMP_HEADER = "X-Crosslink-Timestamp"
DELIVERY_HEADER = "X-Crosslink-Delivery"
EVENT_HEADER = "X-Crosslink-Event"
USER_AGENT = "crosslink-webhook"
# Deliveries claimed at a time; each claim lasts long enough for all of them to time out, and then some.
CLAIM_BATCH = 10
CLAIM_SPARE_SECONDS = 60.0
# A receiver's answer is read this far, then dropped: only its status counts.
MAX_ANSWER_BYTES = 64 * 1024
WRITE_TIMEOUT_SECONDS = 30.0


class WebhookConfigError(ValueError):
    """The webhook settings cannot work (no secret, a URL that is not http(s), ...); says which variable."""


@dataclass(frozen=True, repr=False)
class WebhookConfig:
    """Where hits are posted and the secret they are signed with (never shown: its repr shows the URL as
    logs do, without a user, password or query, and not the secret).

    `backoff_seconds` is the wait after a first failed attempt; it doubles after each further one, up to
    `backoff_cap_seconds`, with jitter, so that many deliverers do not hammer a receiver that comes back
    all at the same moment."""

    url: str
    secret: str = field(repr=False)
    timeout: float = 10.0
    max_attempts: int = 8
    backoff_seconds: float = 30.0
    backoff_cap_seconds: float = 3600.0

    def __repr__(self) -> str:
        return (
            f"WebhookConfig(url={shown_url(self.url)!r}, timeout={self.timeout!r}, "
            f"max_attempts={self.max_attempts!r}, backoff_seconds={self.backoff_seconds!r}, "
            f"backoff_cap_seconds={self.backoff_cap_seconds!r})"
        )

    def __post_init__(self) -> None:
        check_url(self.url)
        if not self.secret.strip():
            raise WebhookConfigError(
                f"the webhook secret is empty: set {SECRET_VARIABLE} or {SECRET_FILE_VARIABLE}"
            )
        if self.timeout <= 0 or self.max_attempts < 1:
            raise WebhookConfigError("the webhook timeout must be positive and max_attempts at least 1")
        if self.backoff_seconds < 0 or self.backoff_cap_seconds < self.backoff_seconds:
            raise WebhookConfigError("the back-off must be 0 or more, and its cap no less than it")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> WebhookConfig | None:
        """From CROSSLINK_WEBHOOK_URL and CROSSLINK_WEBHOOK_SECRET (or CROSSLINK_WEBHOOK_SECRET_FILE, a file
        holding it); None without a URL (hits are then queued but not posted). A URL without a secret is
        a WebhookConfigError: hits must never go out unsigned. CROSSLINK_WEBHOOK_TIMEOUT, _MAX_ATTEMPTS,
        _BACKOFF_SECONDS and _BACKOFF_CAP_SECONDS override the defaults when set."""
        environ = os.environ if environ is None else environ
        url = environ.get(URL_VARIABLE, "").strip()
        if not url:
            return None
        secret = environ.get(SECRET_VARIABLE, "")
        path = environ.get(SECRET_FILE_VARIABLE, "").strip()
        if secret and path:
            raise WebhookConfigError(f"set {SECRET_VARIABLE} or {SECRET_FILE_VARIABLE}, not both")
        if path:
            try:
                with open(path, encoding="utf-8") as file:
                    secret = file.read().strip()
            except OSError as error:
                raise WebhookConfigError(
                    f"cannot read the webhook secret from {SECRET_FILE_VARIABLE}={path}: "
                    f"{error.strerror or error}"
                ) from None
        if not secret.strip():
            raise WebhookConfigError(
                f"{URL_VARIABLE} is set but no secret is: set {SECRET_VARIABLE} or {SECRET_FILE_VARIABLE} "
                "(the receiver checks every post's signature with it)"
            )
        return cls(url, secret.strip(), **_tuning(environ))


def _tuning(environ: Mapping[str, str]) -> dict[str, Any]:
    """The optional CROSSLINK_WEBHOOK_* numbers that are set, as WebhookConfig's fields."""
    found: dict[str, Any] = {}
    for variable, name in TUNING_VARIABLES.items():
        text = environ.get(variable, "").strip()
        if not text:
            continue
        try:
            found[name] = int(text) if name == "max_attempts" else float(text)
        except ValueError:
            raise WebhookConfigError(f"{variable} must be a number, not {text!r}") from None
    return found


def check_url(url: str) -> None:
    """Refuse a webhook URL that is not http(s) with a host (file:, ftp: and others are never opened)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookConfigError(
            f"{URL_VARIABLE} must be an http:// or https:// URL with a host, not {shown_url(url)!r}"
        )
    try:
        _ = parts.port  # raises ValueError when what follows the host is no port
    except ValueError:
        # Often a password holding "/", "?" or "#": the URL then ends its host there. Not shown, since
        # what follows would be part of the password.
        raise WebhookConfigError(
            f"{URL_VARIABLE}'s host is followed by something that is not a port number; a user or "
            "password holding /, ?, # or @ must be percent-encoded (%2F, %3F, %23, %40)"
        ) from None


def shown_url(url: str) -> str:
    """The URL as logs and messages show it: scheme, host, port and path, without a user, password or query
    (where some receivers put a token)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return urllib.parse.urlunsplit((parts.scheme, host + port, parts.path, "", ""))


# --- queueing ---


def queue_watch_hits(driver: neo4j.Driver, database: str, runs: Sequence[str]) -> int:
    """Queue every watch hit of the adverts first written by `runs` (an advert mentioning a watched
    identifier, or posted by a watched account) as a pending delivery; returns how many were newly
    queued. Idempotent: a hit already queued, delivered or given up is not queued again."""
    runs = list(dict.fromkeys(runs))
    if not runs:
        return 0
    ensure_schema(driver, database)
    rows = _write(driver, database, "webhook_queue", runs=runs, queuer=secrets.token_hex(8))
    queued = rows[0]["queued"] if rows else 0
    if queued:
        log.info("queued %d watch hit(s) for the webhook, from run(s) %s", queued, ", ".join(runs))
        _wake_deliverers()
    return queued


def ensure_schema(driver: neo4j.Driver, database: str) -> None:
    """Create the delivery constraints and indexes if missing."""
    for statement in cypher.statements("webhook_schema"):
        driver.execute_query(statement, database_=database)


# --- delivering ---


@dataclass
class DeliveryReport:
    """What a `deliver_pending` call did: hits delivered, hits given up (after `max_attempts`), and hits
    still pending in the graph when it returned (due later, or not reached in its time)."""

    delivered: int = 0
    failed: int = 0
    pending: int = 0
    retrying: int = 0  # attempts that failed this call and will be tried again

    def as_dict(self) -> dict[str, int]:
        return {
            "delivered": self.delivered,
            "failed": self.failed,
            "pending": self.pending,
            "retrying": self.retrying,
        }


@dataclass(frozen=True)
class Attempt:
    """One post: whether the receiver took it (2xx), its status code, and why not in a line (no secret)."""

    delivered: bool
    status: int | None = None
    error: str | None = None


def deliver_pending(
    driver: neo4j.Driver,
    database: str,
    config: WebhookConfig,
    *,
    budget_seconds: float = 60.0,
    stop: threading.Event | None = None,
) -> DeliveryReport:
    """Post the due deliveries, each at most once in this call, until none is due, `budget_seconds` have
    passed or `stop` is set (checked before each post, which may then take up to `config.timeout` more).
    Each attempt is recorded in the graph as it happens: delivered, pending again after a back-off, or
    failed."""
    ensure_schema(driver, database)
    deliverer = secrets.token_hex(8)
    deadline = time.monotonic() + budget_seconds
    report = DeliveryReport()
    tried: list[str] = []
    lease = CLAIM_BATCH * (config.timeout + 5.0) + CLAIM_SPARE_SECONDS
    stop = stop or threading.Event()
    while time.monotonic() < deadline and not stop.is_set():
        rows = _write(
            driver,
            database,
            "webhook_claim",
            deliverer=deliverer,
            seconds=lease,
            limit=CLAIM_BATCH,
            tried=tried,
        )
        if not rows or rows[0]["candidates"] == 0:
            break
        claimed = rows[0]["claimed"]
        hits = _payloads(driver, database, claimed)
        for number, hit in enumerate(hits):
            if time.monotonic() >= deadline or stop.is_set():
                left = [h["delivery"] for h in hits[number:]]
                _write(driver, database, "webhook_release", keys=left, deliverer=deliverer)
                break
            tried.append(hit["delivery"])
            _record(driver, database, config, deliverer, hit, post(config, hit), report)
        tried.extend(key for key in claimed if key not in tried)  # gone from the graph meanwhile
    report.pending = delivery_status(driver, database).pending
    return report


def _record(
    driver: neo4j.Driver,
    database: str,
    config: WebhookConfig,
    deliverer: str,
    hit: Mapping[str, Any],
    attempt: Attempt,
    report: DeliveryReport,
) -> None:
    """Write the attempt's outcome on its delivery and count it in `report`."""
    delay = backoff_seconds(hit["attempt"], config.backoff_seconds, config.backoff_cap_seconds)
    rows = _write(
        driver,
        database,
        "webhook_record",
        key=hit["delivery"],
        deliverer=deliverer,
        delivered=attempt.delivered,
        error=attempt.error,
        http_status=attempt.status,
        delay=delay,
        max_attempts=config.max_attempts,
    )
    status = rows[0]["status"] if rows else None
    target = shown_url(config.url)
    if status == "delivered":
        report.delivered += 1
        log.info("webhook delivery %s posted to %s", hit["delivery"], target)
    elif status == "failed":
        report.failed += 1
        log.warning(
            "webhook delivery %s given up after %d attempts to %s: %s",
            hit["delivery"],
            hit["attempt"],
            target,
            attempt.error,
        )
    elif status == "pending":
        report.retrying += 1
        log.warning(
            "webhook delivery %s attempt %d to %s failed (%s); next in about %.0fs",
            hit["delivery"],
            hit["attempt"],
            target,
            attempt.error,
            delay,
        )


def _payloads(driver: neo4j.Driver, database: str, keys: Sequence[str]) -> list[dict[str, Any]]:
    """The JSON bodies of the claimed deliveries, in the order claimed."""
    if not keys:
        return []
    found = {
        row["key"]: hit_payload(row) for row in _read(driver, database, "webhook_payloads", keys=list(keys))
    }
    return [found[key] for key in keys if key in found]


def hit_payload(row: Mapping[str, Any]) -> dict[str, Any]:
    """A delivery as the receiver gets it (docs/webhooks.md): the hit, where the advert is, the text that
    carries the identifier, and the advert's network; never the whole advert text."""
    spans, quotes = row["spans"] or [], row["quotes"] or []
    return {
        "event": "watch_hit",
        "delivery": row["key"],
        "attempt": (row["attempts"] or 0) + 1,
        "identifier": row["identifier"],
        "kind": kind_of(row["identifier"]),
        "note": row["note"],
        "relation": row["relation"],
        "advert": {
            "id": row["advert"],
            "platform": row["platform"],
            "post_id": row["post_id"],
            "url": row["url"],
            "posted_at": _iso(row["posted_at"]),
        },
        "quotes": [
            {"start": spans[i], "end": spans[i + 1], "text": quotes[i // 2]}
            for i in range(0, len(spans) - 1, 2)
        ],
        "network": row["network"],
        "run": row["run"],
        "queued_at": _iso(row["created_at"]),
    }


def _iso(value: Any) -> str | None:
    value = native(value)
    return value.isoformat() if isinstance(value, datetime) else None


def backoff_seconds(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """The wait after failed attempt number `attempt` (1, 2, ...): `base` doubled for each attempt after
    the first, at most `cap`, then jittered into its upper half so that retries spread out."""
    delay = min(cap, base * 2 ** min(max(attempt - 1, 0), 62))
    return delay / 2 + (rng or random).uniform(0, delay / 2)


# --- posting ---


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header's value: `sha256=` and the hex HMAC-SHA256, keyed with the secret, of the
    timestamp, a full stop and the body (the receiver computes the same; docs/webhooks.md)."""
    digest = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a place to post the hit again: a 3xx counts as a failed attempt."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def post(config: WebhookConfig, payload: Mapping[str, Any], *, event: str = "watch_hit") -> Attempt:
    """Post `payload` as signed JSON to the webhook; the outcome, never an exception for a failed post."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    timestamp = str(int(time.time()))
    url, credentials = _without_credentials(config.url)
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: sign(config.secret, timestamp, body),
            DELIVERY_HEADER: str(payload.get("delivery", "")),
            EVENT_HEADER: event,
            **credentials,
        },
    )
    try:
        with _OPENER.open(request, timeout=config.timeout) as answer:
            answer.read(MAX_ANSWER_BYTES)
            return Attempt(True, answer.status)
    except urllib.error.HTTPError as error:
        with error:
            return Attempt(False, error.code, _redacted(config, _http_error(error)))
    except urllib.error.URLError as error:
        return Attempt(False, None, _redacted(config, _reason(error.reason)))
    except (OSError, http.client.HTTPException, ValueError) as error:
        return Attempt(False, None, _redacted(config, _reason(error)))


def _without_credentials(url: str) -> tuple[str, dict[str, str]]:
    """The URL to open, and the `Authorization: Basic` header its user and password become.

    urllib sends no credentials written in a URL (`https://user:password@host/...`): it takes them for
    part of the host name, and every post failed to resolve it. Receivers that want HTTP basic
    authentication are given it as a header instead; the URL posted to is the same without them."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, {}
    user = urllib.parse.unquote(parts.username or "")
    password = urllib.parse.unquote(parts.password or "")
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    host = parts.netloc.rpartition("@")[2]
    bare = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, ""))
    return bare, {"Authorization": f"Basic {token}"}


def _http_error(error: urllib.error.HTTPError) -> str:
    if 300 <= error.code < 400:
        where = error.headers.get("Location") if error.headers else None
        return f"HTTP {error.code}: redirect not followed" + (f" (to {shown_url(where)})" if where else "")
    return f"HTTP {error.code} {error.reason}".strip()


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, BaseException):
        return f"{type(reason).__name__}: {reason}" if str(reason) else type(reason).__name__
    return str(reason)


def _redacted(config: WebhookConfig, text: str) -> str:
    """`text` in one line without the secret or the URL's query and credentials: for logs and the graph."""
    text = " ".join(text.split())[:500]
    if config.secret in text:
        text = text.replace(config.secret, "[secret]")
    if config.url in text:
        text = text.replace(config.url, shown_url(config.url))
    return text


def send_test(config: WebhookConfig) -> Attempt:
    """Post a signed ping (event `ping`) that is not a hit and is not queued: to check the receiver's URL
    and its signature check before hits depend on them."""
    payload = {
        "event": "ping",
        "delivery": f"ping-{secrets.token_hex(8)}",
        "sent_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return post(config, payload, event="ping")


# --- the queue at a glance ---


@dataclass(frozen=True)
class DeliveryStatus:
    """The queue: counts by status, the oldest pending hit, the next attempt due, and failed deliveries."""

    pending: int
    delivered: int
    failed: int
    oldest_pending: datetime | None
    next_attempt_at: datetime | None
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "pending": self.pending,
            "delivered": self.delivered,
            "failed": self.failed,
            "oldest_pending": self.oldest_pending.isoformat() if self.oldest_pending else None,
            "next_attempt_at": self.next_attempt_at.isoformat() if self.next_attempt_at else None,
            "failures": self.failures,
        }


def delivery_status(driver: neo4j.Driver, database: str, *, failures: int = 0) -> DeliveryStatus:
    """Counts of pending, delivered and failed deliveries, and the newest `failures` failed ones (their
    delivery id, identifier, advert, attempts, last error and when given up)."""
    row = _read(driver, database, "webhook_status")[0]
    failed: list[dict[str, Any]] = []
    if failures:
        failed = [_failure(r["delivery"]) for r in _read(driver, database, "webhook_failed", limit=failures)]
    return DeliveryStatus(
        row["pending"],
        row["delivered"],
        row["failed"],
        native(row["oldest_pending"]),
        native(row["next_attempt_at"]),
        failed,
    )


def _failure(p: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "delivery": p["key"],
        "identifier": p["identifier"],
        "advert": p["advert"],
        "run": p.get("run"),
        "attempts": p.get("attempts"),
        "last_error": p.get("last_error"),
        "failed_at": _iso(p.get("failed_at")),
    }


def retry_failed(driver: neo4j.Driver, database: str) -> int:
    """Queue every failed delivery again, due now with its attempts counted afresh; returns how many."""
    ensure_schema(driver, database)
    requeued = _write(driver, database, "webhook_retry_failed")[0]["requeued"]
    if requeued:
        _wake_deliverers()
    return requeued


# --- delivering in the background (the API) ---

_deliverers: weakref.WeakSet[BackgroundDelivery] = weakref.WeakSet()


def _wake_deliverers() -> None:
    """Tell this process's background deliverers that hits were queued, so they post them now."""
    for deliverer in list(_deliverers):
        deliverer.wake()


class BackgroundDelivery:
    """A thread that posts queued hits while a long-lived process (the API) runs: at start, whenever this
    process queues hits, and every `poll_seconds` for retries and other processes' hits. Best effort:
    what it has not delivered when stopped stays queued for the next deliverer."""

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str,
        config: WebhookConfig,
        *,
        poll_seconds: float = 60.0,
        budget_seconds: float = 60.0,
    ) -> None:
        self.driver, self.database, self.config = driver, database, config
        self.poll_seconds, self.budget_seconds = poll_seconds, budget_seconds
        self._woken = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="crosslink-webhooks", daemon=True)

    def start(self) -> BackgroundDelivery:
        _deliverers.add(self)
        self._thread.start()
        return self

    def wake(self) -> None:
        self._woken.set()

    def stop(self) -> None:
        """Stop after the post under way (if any), waiting at most one post's timeout and a little more."""
        _deliverers.discard(self)
        self._stopping.set()
        self._woken.set()
        self._thread.join(self.config.timeout + 5.0)

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._woken.clear()
            try:
                deliver_pending(
                    self.driver,
                    self.database,
                    self.config,
                    budget_seconds=self.budget_seconds,
                    stop=self._stopping,
                )
            except Exception as error:  # the graph went away: try again at the next wake-up
                log.warning("webhook delivery stopped early: %s", _redacted(self.config, f"{error!r}"))
            self._woken.wait(self.poll_seconds)


def _read(driver: neo4j.Driver, database: str, query: str, **parameters: Any) -> list[dict[str, Any]]:
    return run_rows(driver, database, query, timeout=WRITE_TIMEOUT_SECONDS, **parameters)


def _write(driver: neo4j.Driver, database: str, query: str, **parameters: Any) -> list[dict[str, Any]]:
    return run_rows(driver, database, query, write=True, timeout=WRITE_TIMEOUT_SECONDS, **parameters)


__all__ = [
    "Attempt",
    "BackgroundDelivery",
    "DeliveryReport",
    "DeliveryStatus",
    "WebhookConfig",
    "WebhookConfigError",
    "backoff_seconds",
    "check_url",
    "deliver_pending",
    "delivery_status",
    "ensure_schema",
    "hit_payload",
    "post",
    "queue_watch_hits",
    "retry_failed",
    "send_test",
    "shown_url",
    "sign",
]
