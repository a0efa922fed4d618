"""Adverts as they arrive: JSON Lines, one advert a line, each validated into an `Advert` or a `Reject`.

A reject names the field and the value that failed (`posted_at: not an ISO 8601 date: '32/13/2024'`) so
whoever produced the file can fix it. Nothing is repaired silently: a text over the limit is rejected,
not cut, and so is a NUL character in any field or a key given twice in one object. Ids may be given as
JSON integers, as platform exports often do. Blank lines are skipped. docs/input.md has the whole format.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import IO, Any, NamedTuple

import phonenumbers

from graph.identifiers.handle import Handle

PLATFORMS = ("facebook", "instagram", "tiktok", "x", "telegram", "whatsapp", "snapchat")
_PLATFORM_ALIASES = {"twitter": "x"}
MAX_TEXT_CHARS = 100_000
# Longer than any valid advert can be once JSON-escaped; a longer line is rejected without being parsed.
MAX_LINE_BYTES = 4 * 1024 * 1024
# Ids longer than this cannot be an index key in Neo4j (about 8 kB) and are not real platform ids.
MAX_ID_CHARS = 500
# How much of a rejected line is kept in the rejects file.
RAW_PREVIEW_CHARS = 500
# ISO 3166 alpha-2 codes that a phone number can belong to (phonenumbers' regions, Kosovo included).
REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)
_LANG_RE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*")
# JSON can escape half of a surrogate pair (`"\\ud800"`), which no UTF-8 encoder, Neo4j's included, accepts,
# and a NUL (`"\\u0000"`), which is no text of an advert and which many tools downstream cut strings at.
_UNSTORABLE_RE = re.compile("[\x00\ud800-\udfff]")
_HANDLE = Handle()
# The canonical form's JSON, made once: json.dumps with these options builds a new encoder at each call.
_CANONICAL_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class AdvertError(ValueError):
    """One field of an advert is invalid; `str()` is the reject reason, naming the field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Author:
    """An account as the platform shows it: who posted the advert, the chat it was posted in, or where a
    forwarded advert came from. Every part may be missing."""

    handle: str | None = None
    id: str | None = None
    name: str | None = None

    def account_key(self, platform: str) -> str | None:
        """The Account node's key: `handle:<platform>:<name>` for a valid handle, else
        `account:<platform>:<id>`.

        Keyed by handle, the account is the same node as the account other adverts name in their text.
        A handle our rules for the platform reject is still the platform's own word for the account, so
        without an id it keys the account as written (lower case): `account:<platform>:@<handle>`.
        None when there is neither a handle nor an id (a name alone says nothing about which account).
        """
        handle = self.account_handle(platform)
        if handle is not None:
            return f"handle:{platform}:{handle}"
        if self.id is not None:
            return f"account:{platform}:{self.id}"
        if self.handle and self.handle.strip().lstrip("@"):
            return f"account:{platform}:@{self.handle.strip().lstrip('@').lower()}"
        return None

    def account_handle(self, platform: str) -> str | None:
        """The handle in canonical form, or None when missing or not valid on the platform."""
        if self.handle is None:
            return None
        return _canonical_handle(self.handle, platform)

    def as_json(self) -> dict[str, str | None]:
        """The account as plain JSON values (part of an advert's canonical form)."""
        # Spelled out, not dataclasses.asdict (which deep-copies, and cost more than the hash itself).
        return {"handle": self.handle, "id": self.id, "name": self.name}


@dataclass(frozen=True, slots=True)
class Advert:
    """One validated advert. `posted_at` is in UTC; `region` is an upper-case ISO 3166 alpha-2 code."""

    platform: str
    post_id: str
    text: str
    posted_at: datetime
    url: str | None = None
    author: Author | None = None
    lang: str | None = None
    region: str | None = None
    media: tuple[str, ...] = ()
    source: str | None = None
    # Telegram: the channel or group it was posted in, and for a forwarded message, where it came from.
    chat: Author | None = None
    forwarded_from: Author | None = None

    @property
    def key(self) -> str:
        """The advert's node key: `advert:<platform>:<post_id>`."""
        return f"advert:{self.platform}:{self.post_id}"

    @property
    def account_key(self) -> str | None:
        """The author's key (see `Author.account_key`); None when there is no author, or neither a handle
        nor an id."""
        return self.author.account_key(self.platform) if self.author is not None else None

    @property
    def account_handle(self) -> str | None:
        """The author's handle in canonical form, or None when missing or not valid on the platform."""
        return self.author.account_handle(self.platform) if self.author is not None else None

    def canonical(self) -> dict[str, Any]:
        """The advert as plain JSON values, without `source` (where it came from is not its content).

        `chat` and `forwarded_from` are there only when the advert has them, so that an advert without
        them keeps the hash it had before they were read: a re-run of an old feed is still unchanged.
        """
        canonical = {
            "platform": self.platform,
            "post_id": self.post_id,
            "url": self.url,
            "author": self.author.as_json() if self.author else None,
            "text": self.text,
            "posted_at": self.posted_at.isoformat(),
            "lang": self.lang,
            "region": self.region,
            "media": list(self.media),
        }
        if self.chat is not None:
            canonical["chat"] = self.chat.as_json()
        if self.forwarded_from is not None:
            canonical["forwarded_from"] = self.forwarded_from.as_json()
        return canonical

    def content_hash(self) -> str:
        """sha256 of the canonical JSON: equal hashes mean a re-run has nothing to change."""
        body = _CANONICAL_JSON.encode(self.canonical())
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    def with_defaults(self, *, region: str | None = None, source: str | None = None) -> Advert:
        """The same advert with `region` and `source` filled in where it has none."""
        changes = {}
        if self.region is None and region is not None:
            changes["region"] = region
        if self.source is None and source is not None:
            changes["source"] = source
        return dataclasses.replace(self, **changes) if changes else self


@lru_cache(maxsize=65536)
def _canonical_handle(handle: str, platform: str) -> str | None:
    """Cached: the same authors post advert after advert, and each advert asks twice (key and row)."""
    found = _HANDLE.clean(handle, platform=platform)
    return found.key.split(":", 2)[2] if found else None


@dataclass(frozen=True, slots=True)
class Reject:
    """A line that is not a valid advert: where it was, why, and the start of what it said."""

    line: int
    reason: str
    raw: str
    file: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The rejects-file record: file, line, reason and the first characters of the line."""
        return {"file": self.file, "line": self.line, "reason": self.reason, "raw": self.raw}


class Line(NamedTuple):
    """One line of input: the file it came from, its 1-based number, and its bytes (or text)."""

    file: str | None
    number: int
    data: bytes | str
    too_long: int = 0  # the byte limit the line went over (the data is cut there); 0 when within it


class Record(NamedTuple):
    """One advert read from a platform's or partner's layout (graph.formats), already in the JSON Lines
    shape, or the reason it could not be: the rejects file then names the file and `number`.

    `number` is the record's 1-based position in its file (the message, tweet, post or row), and what a
    reject calls its line; `raw` is the start of the record as delivered.
    """

    file: str | None
    number: int
    value: Mapping[str, Any] | None
    problem: str | None = None
    raw: str = ""

    def parse(self) -> Advert | Reject:
        """The advert, or a reject naming the field (or the problem) that stopped it."""
        if self.value is None:
            return Reject(
                self.number, self.problem or "not an advert", self.raw[:RAW_PREVIEW_CHARS], self.file
            )
        try:
            return parse_advert(self.value)
        except AdvertError as error:
            return Reject(self.number, str(error), self.raw[:RAW_PREVIEW_CHARS], self.file)


# --- reading --------------------------------------------------------------------------------------------


def read_lines(stream: IO[bytes], file: str | None = None, *, limit: int = MAX_LINE_BYTES) -> Iterator[Line]:
    """The lines of a binary stream, one at a time; a line over `limit` bytes is cut and flagged.

    Only `\\n` ends a line (JSON strings may hold other Unicode line separators). Reading stops holding
    a line in memory at `limit`, so one endless line cannot exhaust memory.
    """
    number = 0
    while True:
        data = stream.readline(limit + 1)
        if not data:
            return
        number += 1
        if len(data) > limit and not data.endswith(b"\n"):
            rest = data
            while rest and not rest.endswith(b"\n"):  # skip to the end of the long line
                rest = stream.readline(1 << 20)
            yield Line(file, number, data[:limit], too_long=limit)
            continue
        yield Line(file, number, data)


def parse_line(line: Line) -> Advert | Reject | None:
    """One input line as an Advert, a Reject saying why not, or None for a blank line."""
    data = line.data
    if line.too_long:
        return _reject(line, f"line is longer than {line.too_long:,} bytes", data)
    if isinstance(data, bytes):
        if line.number == 1 and data.startswith(b"\xef\xbb\xbf"):  # a byte order mark some editors add
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = data[error.start : error.start + 1].hex()
            return _reject(line, f"not valid UTF-8: byte 0x{bad} at byte {error.start + 1}", data)
    else:
        text = data
    if not text.strip():
        return None
    try:
        value = json.loads(text, object_pairs_hook=_unique_keys)
    except DuplicateKey as error:
        return _reject(line, str(error), text)
    except json.JSONDecodeError as error:
        return _reject(line, f"not valid JSON: {_decode_problem(error)} at column {error.colno}", text)
    except RecursionError:
        return _reject(line, "not valid JSON: nested too deeply", text)
    except ValueError:  # Python's own bound on the digits of an integer it will convert
        return _reject(line, "not valid JSON: a number with more digits than can be read", text)
    if not isinstance(value, dict):
        return _reject(line, f"not a JSON object but {_json_type(value)}", text)
    try:
        return parse_advert(value)
    except AdvertError as error:
        return _reject(line, str(error), text)


class DuplicateKey(ValueError):
    """A JSON object names the same key twice: which value was meant is anyone's guess, so the line is
    rejected rather than read with the last value, as JSON decoders commonly do."""

    def __init__(self, key: str) -> None:
        super().__init__(f"not valid JSON for an advert: the key {_show(key)} is given twice in one object")
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The object decoded from `pairs`, or DuplicateKey when a key repeats (anywhere in the line)."""
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return record


def _decode_problem(error: json.JSONDecodeError) -> str:
    """The decoder's message, without its trailing "at" (the reason adds "at column N"), naming the
    control character it stopped at."""
    problem = error.msg.removesuffix(" at")
    if problem == "Invalid control character" and error.pos < len(error.doc):
        problem += f" U+{ord(error.doc[error.pos]):04X}"
    return problem


def parse_lines(lines: Iterable[Line]) -> Iterator[tuple[Line, Advert | Reject]]:
    """Each non-blank line with what it parsed to."""
    for line in lines:
        parsed = parse_line(line)
        if parsed is not None:
            yield line, parsed


def _reject(line: Line, reason: str, raw: bytes | str) -> Reject:
    if isinstance(raw, bytes):
        raw = raw[: RAW_PREVIEW_CHARS * 4].decode("utf-8", errors="replace")
    return Reject(line.number, reason, raw.rstrip("\r\n")[:RAW_PREVIEW_CHARS], line.file)


# --- validation ------------------------------------------------------------------------------------------


def parse_advert(record: Mapping[str, Any]) -> Advert:
    """Validate one decoded JSON object; raises AdvertError naming the first bad field.

    Unknown fields are ignored, and a field given as null counts as missing.
    """
    return Advert(
        platform=_platform(record.get("platform")),
        post_id=_identifier("post_id", record.get("post_id"), required=True),
        text=_text(record.get("text")),
        posted_at=_posted_at(record.get("posted_at")),
        url=_optional_string("url", record.get("url")),
        author=_author(record.get("author")),
        lang=_lang(record.get("lang")),
        region=_region(record.get("region")),
        media=_media(record.get("media")),
        source=_optional_string("source", record.get("source")),
        chat=_author(record.get("chat"), "chat"),
        forwarded_from=_author(record.get("forwarded_from"), "forwarded_from"),
    )


def _json_type(value: Any) -> str:
    """How JSON calls the type of a decoded value, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _show(value: Any, limit: int = 60) -> str:
    """A value as it appears in a message, shortened, every character printable."""
    shown = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if not shown.isprintable():  # a line separator, say, that JSON leaves as it is
        shown = json.dumps(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _encodable(field: str, text: str) -> str:
    """The text, unless it holds a NUL or half a surrogate pair (see _UNSTORABLE_RE)."""
    bad = _UNSTORABLE_RE.search(text)
    if bad is None:
        return text
    if bad.group() == "\x00":
        raise AdvertError(field, f"holds a NUL character (\\u0000) at character {bad.start() + 1}")
    raise AdvertError(
        field, f"holds an unpaired surrogate \\u{ord(bad.group()):04x} at character {bad.start() + 1}"
    )


def _platform(value: Any) -> str:
    if value is None:
        raise AdvertError("platform", "missing")
    if not isinstance(value, str):
        raise AdvertError("platform", f"must be a string, not {_json_type(value)}")
    name = _encodable("platform", value).strip().lower()
    name = _PLATFORM_ALIASES.get(name, name)
    if name not in PLATFORMS:
        raise AdvertError(
            "platform", f"unknown platform {_show(value)}; expected one of {', '.join(PLATFORMS)}"
        )
    return name


def _identifier(field: str, value: Any, *, required: bool = False) -> str | None:
    """An id given as a string or an integer, as a non-empty string.

    Platform exports often give numeric ids as JSON numbers, so an integer is read as its decimal string
    (`12345` and `"12345"` are the same id; negative ones too, as Telegram's chat ids are). A float or a
    boolean is refused: `1.5e9` or `true` is no id, and a float may have lost digits on the way.
    """
    if value is None:
        if required:
            raise AdvertError(field, "missing")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise AdvertError(field, f"must be a string or an integer, not {_json_type(value)}: {_show(value)}")
    text = _encodable(field, str(value).strip())
    if not text:
        if required:
            raise AdvertError(field, "empty")
        return None
    return _bounded(field, text)


def _bounded(field: str, value: str | None) -> str | None:
    """A string that may end up in a node's key: Neo4j cannot index a key of about 8 kB or more, and one
    such advert would fail its whole batch."""
    if value is not None and len(value) > MAX_ID_CHARS:
        raise AdvertError(field, f"{len(value):,} characters, more than the {MAX_ID_CHARS} allowed")
    return value


def _text(value: Any) -> str:
    if value is None:
        raise AdvertError("text", "missing")
    if not isinstance(value, str):
        raise AdvertError("text", f"must be a string, not {_json_type(value)}")
    if len(value) > MAX_TEXT_CHARS:
        raise AdvertError("text", f"{len(value):,} characters, more than the {MAX_TEXT_CHARS:,} allowed")
    return _encodable("text", value)


def _posted_at(value: Any) -> datetime:
    if value is None:
        raise AdvertError("posted_at", "missing")
    if not isinstance(value, str):
        raise AdvertError("posted_at", f"not an ISO 8601 date: {_show(value)} is {_json_type(value)}")
    value = _encodable("posted_at", value)  # before the try: an AdvertError is a ValueError too
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise AdvertError("posted_at", f"not an ISO 8601 date: {_show(value)}") from None
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is a moment before the first representable one
        raise AdvertError("posted_at", f"out of range once read as UTC: {_show(value)}") from None


def _optional_string(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise AdvertError(field, f"must be a string, not {_json_type(value)}: {_show(value)}")
    return _encodable(field, value.strip()) or None


def _author(value: Any, field: str = "author") -> Author | None:
    """An account object (`author`, `chat`, `forwarded_from`), errors naming `field`; its other keys (a
    chat's `type`) are not read."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise AdvertError(field, f"must be an object with handle, id and name, not {_json_type(value)}")
    author = Author(
        handle=_bounded(f"{field}.handle", _optional_string(f"{field}.handle", value.get("handle"))),
        id=_identifier(f"{field}.id", value.get("id")),
        name=_optional_string(f"{field}.name", value.get("name")),
    )
    return author if author != Author() else None


def _lang(value: Any) -> str | None:
    lang = _optional_string("lang", value)
    if lang is None:
        return None
    code = lang.lower().replace("_", "-")
    if not _LANG_RE.fullmatch(code):
        raise AdvertError("lang", f"not a language code such as 'en' or 'ar-IQ': {_show(value)}")
    return code


def _region(value: Any) -> str | None:
    return region_code(_optional_string("region", value))


def region_code(value: str | None, field: str = "region") -> str | None:
    """A country code as stored (upper case), checked: adverts, ingest's default region and its callers
    read national phone numbers by it, so an unknown code would silently lose them."""
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if code not in REGIONS:
        hint = " (the United Kingdom is 'GB')" if code == "UK" else ""
        raise AdvertError(field, f"not an ISO 3166 alpha-2 country code: {_show(value)}{hint}")
    return code


def _media(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise AdvertError("media", f"must be an array of hash strings, not {_json_type(value)}")
    hashes = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise AdvertError(f"media[{i}]", f"must be a non-empty hash string, not {_show(item)}")
        hashes.append(_encodable(f"media[{i}]", item.strip()))
    return tuple(hashes)
