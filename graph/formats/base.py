"""What every import format shares: its error, a look at a file's first bytes, and the pieces of a record.

A format module reads one layout into `graph.advert.Record`s; deciding which layout a file is in starts
from its head (the first `HEAD_BYTES`), which `json_head` reads without needing the JSON to be complete.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, BinaryIO

import ijson

from graph.advert import RAW_PREVIEW_CHARS

# How much of a file is read to tell its layout.
HEAD_BYTES = 64 * 1024
# Keys of an advert in Crosslink's own JSON Lines that no platform's layout uses at its top level.
ADVERT_KEYS = frozenset({"platform", "post_id", "posted_at"})
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class FormatError(ValueError):
    """A file is not in the layout asked for, no layout could be told from it, or it breaks off mid-way.

    The message names the file, the layout expected and what was found, so a person can fix the file or
    the `--format` given. Raised before the first record when the head does not fit, and mid-way when the
    file breaks off (the records read before it stand).
    """

    def __init__(self, message: str, *, file: str | None = None, expected: str | None = None) -> None:
        super().__init__(message)
        self.file = file
        self.expected = expected


@dataclass(frozen=True, slots=True)
class JsonHead:
    """What the first bytes of a JSON file show: its first value's kind, and every key path seen in it.

    `paths` are dotted as ijson writes prefixes (`data.item.text`, `messages`); `top` are the keys of the
    first top-level object, in file order. `values` counts the top-level values begun (JSON Lines of
    responses have more than one); `lines` is True when the first value ends at a line break.
    """

    kind: str  # "object", "array", "scalar", or "" when the head is empty
    top: tuple[str, ...]
    paths: frozenset[str]
    values: int
    complete: bool  # the head parsed to its end without a syntax error


@lru_cache(maxsize=8)
def json_head(head: bytes) -> JsonHead | None:
    """The JSON seen in `head`, tolerant of the head ending mid-value; None when it does not start as
    JSON (after a byte order mark and white space). Cached: every sniffer asks about the same head."""
    text = _strip_bom(head).lstrip()
    if not text:
        return JsonHead("", (), frozenset(), 0, True)
    if text[:1] not in b"{[":
        return None
    top: list[str] = []
    paths: set[str] = set()
    values = 0
    depth = 0
    complete = True
    kind = "object" if text[:1] == b"{" else "array"
    try:
        for prefix, event, value in ijson.parse(text, multiple_values=True):
            if event == "map_key":
                paths.add(f"{prefix}.{value}" if prefix else value)
                if depth == 1 and values == 1:
                    top.append(value)
            if event in ("start_map", "start_array"):
                if depth == 0:
                    values += 1
                depth += 1
            elif event in ("end_map", "end_array"):
                depth -= 1
            elif depth == 0:
                values += 1
    except ijson.JSONError:
        complete = False
    return JsonHead(kind, tuple(top), frozenset(paths), values, complete)


def first_line(head: bytes, limit: int = 80) -> str:
    """The head's first non-blank line as text, shortened, for messages."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = codecs.getincrementaldecoder("utf-16")(errors="replace").decode(head)
    else:
        text = _strip_bom(head).decode("utf-8", errors="replace")
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip():
            line = line.strip()
            return repr(line if len(line) <= limit else line[: limit - 1] + "…")
    return "''"


def describe(head: bytes) -> str:
    """What the head looks like, in a few words: `a JSON object with keys messages, name, type`."""
    if not _strip_bom(head).strip():
        return "an empty file"
    if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data, not text"
    seen = json_head(head)
    if seen is None:
        return f"text that is not JSON, starting {first_line(head)}"
    if seen.kind == "array":
        return "a JSON array" + _keys(" of objects with keys ", _item_keys(seen.paths))
    shown = _keys(" with keys ", seen.top)
    if seen.values > 1:
        return f"JSON Lines whose first line is an object{shown}"
    return f"a JSON object{shown}"


def _item_keys(paths: frozenset[str]) -> list[str]:
    return sorted(p.split(".", 1)[1] for p in paths if p.startswith("item.") and p.count(".") == 1)


def _keys(lead: str, keys: tuple[str, ...] | list[str], most: int = 8) -> str:
    if not keys:
        return ""
    names = sorted(set(keys))
    shown = ", ".join(names[:most]) + (", …" if len(names) > most else "")
    return lead + shown


def _strip_bom(head: bytes) -> bytes:
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head


def has_bom(head: bytes) -> bool:
    """True when the head starts with a UTF-8 or UTF-16 byte order mark."""
    return head.startswith(_BOMS)


def raw_preview(value: Any) -> str:
    """The start of a record as delivered, for the rejects file."""
    return json.dumps(value, ensure_ascii=False, default=str)[:RAW_PREVIEW_CHARS]


def unix_time(value: Any) -> str | None:
    """A Unix time (seconds, given as digits or an integer) as an ISO 8601 UTC date, or None when it is
    not one (the advert's validator then says what is wrong with the date field it falls back to)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    if not isinstance(value, int):
        return None
    try:
        return datetime.fromtimestamp(value, UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return None


def compact(value: Mapping[str, Any]) -> dict[str, Any]:
    """The mapping without the fields that are None, so the advert's validator sees them as missing."""
    return {key: item for key, item in value.items() if item is not None}


class Prefixed(io.RawIOBase):
    """A stream that gives `head` (bytes already read from `rest`) and then the rest of `rest`: standard
    input cannot be rewound once its head was looked at."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
