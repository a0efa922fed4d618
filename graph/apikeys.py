"""API keys for the analysts' API: created, checked, listed and revoked, stored in Neo4j as hashes.

A key is `clk_<id>_<secret>`: the id finds its `(:ApiKey {key: 'apikey:<id>'})` node, the secret is 32
random bytes. Only the sha256 of the whole key is stored. A slow password hash (bcrypt, argon2) protects
guessable passwords; a key with 256 random bits cannot be guessed from its sha256, so a fast hash is as
safe here and lets every request be checked without a costly computation. The key is shown once, when
created; a lost key is revoked and replaced.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import neo4j

from graph import cypher
from graph.db import run_rows

ROLES = ("reader", "ingest", "admin")
# Each role may do what the roles before it may: ingest adds pushing adverts, admin adds case work and keys.
_RANK = {role: rank for rank, role in enumerate(ROLES)}
_KEY_RE = re.compile(r"clk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")
TIMEOUT_SECONDS = 10.0
# How long a verified key is trusted without asking Neo4j again (see VerifiedKeys).
KEY_CACHE_SECONDS = 5.0
_KEY_CACHE_SIZE = 10_000


class ApiKeyError(ValueError):
    """A key cannot be created or revoked as asked; the message says why."""


class UnknownKey(ApiKeyError):
    """No key has the id given."""


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored key, without its secret: `id` is what logs and the audit trail name."""

    id: str
    role: str
    name: str
    created_at: datetime | None
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, role: str) -> bool:
        """Whether this key's role includes `role` (admin includes ingest, ingest includes reader)."""
        return _RANK[self.role] >= _RANK[role]


def hash_key(key: str) -> str:
    """The stored form of a key: hex sha256 of its UTF-8 bytes."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(driver: neo4j.Driver, database: str, *, role: str, name: str) -> tuple[ApiKey, str]:
    """A new key with `role`, named `name`; returns it and the secret key, which is not stored anywhere."""
    if role not in ROLES:
        raise ApiKeyError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    name = name.strip()
    if not name or len(name) > 200:
        raise ApiKeyError("a key needs a name (who or what it is for) of 1 to 200 characters")
    ensure_schema(driver, database)
    id = secrets.token_hex(6)
    secret = f"clk_{id}_{secrets.token_urlsafe(32)}"
    rows = _run(
        driver,
        database,
        "apikeys_create",
        write=True,
        key=f"apikey:{id}",
        id=id,
        hash=hash_key(secret),
        role=role,
        name=name,
        created_at=datetime.now(UTC),
    )
    return _key(rows[0]), secret


def claimed_id(presented: str) -> str | None:
    """The id a presented key names (`clk_<id>_...`), whether or not the key is valid: what the audit log
    records for a refused key (a revoked one, a forged one), never the key itself. None when the key
    does not have the form of one."""
    match = _KEY_RE.fullmatch(presented.strip())
    return match.group(1) if match else None


def verify_key(driver: neo4j.Driver, database: str, presented: str) -> ApiKey | None:
    """The active key `presented` is, or None (malformed, unknown, wrong secret or revoked)."""
    match = _KEY_RE.fullmatch(presented.strip())
    if match is None:
        return None
    rows = _run(driver, database, "apikeys_get", key=f"apikey:{match.group(1)}")
    if not rows:
        return None
    row = rows[0]
    if not hmac.compare_digest(str(row["hash"]), hash_key(presented.strip())):
        return None
    key = _key(row)
    return key if key.active else None


class VerifiedKeys:
    """Keys verified in the last few seconds, so a busy API does not ask Neo4j about every request.

    A key revoked through this process is forgotten at once; one revoked elsewhere (the CLI, another
    API server) stops working within `ttl` seconds.
    """

    def __init__(self, ttl: float = KEY_CACHE_SECONDS) -> None:
        self.ttl = ttl
        self._known: dict[str, tuple[float, ApiKey | None]] = {}
        self._lock = threading.Lock()

    def cached(self, presented: str) -> tuple[bool, ApiKey | None]:
        """(True, the key or None) when `presented` was verified in the last `ttl` seconds, else
        (False, None). Never asks Neo4j, so an async caller can try it before handing off to a thread."""
        return self._cached(hash_key(presented.strip()))

    def verify(self, driver: neo4j.Driver, database: str, presented: str) -> ApiKey | None:
        digest = hash_key(presented.strip())
        known, key = self._cached(digest)
        if known:
            return key
        now = time.monotonic()
        key = verify_key(driver, database, presented)
        with self._lock:
            if len(self._known) > _KEY_CACHE_SIZE:
                self._known.clear()
            self._known[digest] = (now, key)
        return key

    def forget(self) -> None:
        with self._lock:
            self._known.clear()

    def _cached(self, digest: str) -> tuple[bool, ApiKey | None]:
        with self._lock:
            cached = self._known.get(digest)
        if cached is not None and time.monotonic() - cached[0] < self.ttl:
            return True, cached[1]
        return False, None


# Every VerifiedKeys of this process, so that revoke_key can make them forget at once.
_CACHES: weakref.WeakSet[VerifiedKeys] = weakref.WeakSet()


def verified_keys(ttl: float = KEY_CACHE_SECONDS) -> VerifiedKeys:
    """A new cache of verified keys, forgotten whenever this process revokes a key."""
    cache = VerifiedKeys(ttl)
    _CACHES.add(cache)
    return cache


def list_keys(driver: neo4j.Driver, database: str) -> list[ApiKey]:
    """Every key, revoked ones included, oldest first."""
    return [_key(row) for row in _run(driver, database, "apikeys_list")]


def revoke_key(driver: neo4j.Driver, database: str, id: str) -> ApiKey:
    """Revoke the key with this id; UnknownKey when there is none."""
    id = id.strip().removeprefix("apikey:")
    rows = _run(
        driver, database, "apikeys_revoke", write=True, key=f"apikey:{id}", revoked_at=datetime.now(UTC)
    )
    if not rows:
        raise UnknownKey(f"no API key with id {id!r} (`crosslink keys list` shows them)")
    for cache in list(_CACHES):
        cache.forget()
    return _key(rows[0])


def ensure_schema(driver: neo4j.Driver, database: str) -> None:
    """Create the ApiKey constraint if missing."""
    for statement in cypher.statements("apikeys_schema"):
        driver.execute_query(statement, database_=database)


def _run(
    driver: neo4j.Driver, database: str, query: str, *, write: bool = False, **parameters: Any
) -> list[dict]:
    """The rows of `cypher/<query>.cypher`, in a read or write transaction with a timeout."""
    return run_rows(driver, database, query, write=write, timeout=TIMEOUT_SECONDS, **parameters)


def _key(row: dict[str, Any]) -> ApiKey:
    return ApiKey(
        id=row["id"],
        role=row["role"],
        name=row["name"],
        created_at=_native(row.get("created_at")),
        revoked_at=_native(row.get("revoked_at")),
    )


def _native(value: Any) -> Any:
    """A Neo4j temporal value as the Python one; None stays None."""
    return value.to_native() if hasattr(value, "to_native") else value
