"""An inbox folder and its ledger in the graph: which files are there, and which were ingested already.

A file is known by the SHA-256 of its content, not its name, so a file renamed or delivered again is
not read twice, and a file changed in place is read again. The ledger is one `InboxFile` node per
content: `reading` while its ingest runs, then `completed` or `failed`; only `completed` ones are
skipped. Files still being delivered must not be picked up half written, so dotfiles and names ending
in `.partial`, `.tmp`, `.part` or `~` are left alone: a sender writes under such a name, then renames.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import neo4j

from graph import cypher, schema
from graph.db import run_rows

PARTIAL_SUFFIXES = (".partial", ".tmp", ".part", "~")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class InboxFile:
    """A file found in the inbox: its path, size and the SHA-256 of its content (hex)."""

    path: Path
    size: int
    sha256: str

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Ingested:
    """A ledger entry of a file ingested completely: under what name, by which run, when."""

    sha256: str
    name: str
    run: str | None
    ingested_at: str | None


def is_delivered(path: Path) -> bool:
    """Whether a name in the inbox is a delivered file rather than a hidden one or one still arriving."""
    name = path.name
    return not name.startswith(".") and not name.endswith(PARTIAL_SUFFIXES)


def scan(inbox: str | os.PathLike) -> tuple[list[Path], list[str]]:
    """The delivered regular files directly in `inbox`, sorted by name, and the names left alone
    (hidden, partial, folders, links to nothing). NotADirectoryError/FileNotFoundError when it is not a
    folder."""
    folder = Path(inbox)
    if not folder.is_dir():
        raise NotADirectoryError(f"the inbox {folder} is not a folder")
    files, ignored = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.is_file() and is_delivered(path):
            files.append(path)
        else:
            ignored.append(path.name)
    return files, ignored


def sha256_of(path: str | os.PathLike) -> tuple[str, int]:
    """The SHA-256 (hex) and size of a file, read in chunks so a large file needs little memory."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def hashed(paths: Iterable[Path]) -> list[InboxFile]:
    """Each file with its size and content hash."""
    found = []
    for path in paths:
        sha256, size = sha256_of(path)
        found.append(InboxFile(path, size, sha256))
    return found


def apply_schema(driver: neo4j.Driver, database: str) -> None:
    """Create the ledger's and the leases' constraints if missing (idempotent)."""
    for statement in cypher.statements("nightly_schema"):
        schema.create(driver, database, statement)


def completed(driver: neo4j.Driver, database: str, hashes: Iterable[str]) -> dict[str, Ingested]:
    """The ledger entries of the contents among `hashes` that were ingested completely, by hash.

    Read in a QUIET session: until a first file is completed the graph has no `run` or `ingested_at`
    property, and Neo4j's notice about each would otherwise open the first night's log."""
    records = run_rows(driver, database, "inbox_completed", hashes=list(hashes))
    return {r["sha256"]: Ingested(r["sha256"], r["name"], r["run"], r["ingested_at"]) for r in records}


def record(driver: neo4j.Driver, database: str, entry: Mapping[str, Any], at: datetime) -> None:
    """Write a file's ledger entry (`entry` holds sha256, name, status and what else is known)."""
    driver.execute_query(cypher.load("inbox_record"), file=dict(entry), attempt_at=at, database_=database)
