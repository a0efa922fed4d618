"""Platform API responses saved to a file: one response for the whole file, or one response a line.

The X, Facebook and TikTok readers share this. Collectors save what the API returned either as one JSON
document per file (often pretty-printed) or as one compact response per line (NDJSON); which it is shows
on the first non-blank line, which parses as a whole JSON object only in the second case. A file that holds
one response is read whole; with one a line, each line is read as it comes, so a long file streams.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any

from graph.advert import MAX_LINE_BYTES, RAW_PREVIEW_CHARS, Record
from graph.formats.base import FormatError, JsonHead, json_head

_BOM = b"\xef\xbb\xbf"
# What other layouts' first objects hold, to say what a file looks like when it is not the one asked for.
_HINTS = (
    (("messages",), "a Telegram Desktop export of one chat"),
    (("chats",), "a Telegram Desktop export of an account"),
    (("platform", "post_id"), "a Crosslink JSON Lines advert"),
    (("data", "includes"), "an X API v2 response"),
    (("data", "paging"), "a Facebook Graph API response"),
    (("data", "error"), "a TikTok Research API response"),
)


@dataclass(frozen=True, slots=True)
class Response:
    """One JSON response of a file: the line it starts on, its value (None when it could not be read, and
    then `problem` says why), the start of its text, and whether it is the file's only response."""

    line: int
    value: Any
    problem: str | None
    raw: str
    only: bool


def responses(stream: IO[bytes], file: str, expected: str, name: str | None = None) -> Iterator[Response]:
    """The responses of a file, in order: the whole file as one, or one a line.

    A file that is neither one JSON document nor JSON on its first line raises FormatError naming `file`
    and the `expected` layout. With one response a line, a later line that is not JSON is given with its
    problem, and reading goes on.
    """
    first, number = _first_line(stream)
    if first is None:
        return
    head = _decode(first)
    if isinstance(head, dict):
        yield from _per_line(stream, first, head, number)
        return
    rest = stream.read()
    try:
        value = json.loads(first + rest)
    except (ValueError, RecursionError) as problem:
        raise FormatError(
            f"{file} is not {expected}: {_json_problem(problem)}", file=file, expected=name
        ) from None
    if not isinstance(value, dict):
        raise FormatError(f"{file} is not {expected}: found {describe(value)}", file=file, expected=name)
    yield Response(number, value, None, _preview(first + rest[:RAW_PREVIEW_CHARS]), True)


def _first_line(stream: IO[bytes]) -> tuple[bytes | None, int]:
    """The first non-blank line (without a byte order mark) and its number, or None for an empty file."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return None, number
        number += 1
        if number == 1 and line.startswith(_BOM):
            line = line[len(_BOM) :]
        if line.strip():
            return line, number


def _per_line(stream: IO[bytes], first: bytes, head: dict[str, Any], number: int) -> Iterator[Response]:
    """One response a line, each read one line ahead so that a file of one line says so (`only`)."""
    pending = Response(number, head, None, _preview(first), False)
    alone = True
    for line in _lines(stream):
        number += 1
        if not line.strip():
            continue
        yield pending
        alone = False
        pending = _line_response(number, line)
    yield Response(pending.line, pending.value, pending.problem, pending.raw, alone)


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            rest = line
            while rest and not rest.endswith(b"\n"):  # skip to the end of the long line
                rest = stream.readline(1 << 20)
        yield line


def _line_response(number: int, line: bytes) -> Response:
    if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
        return Response(number, None, f"line {number} is longer than {MAX_LINE_BYTES:,} bytes", "", False)
    value = _decode(line)
    if isinstance(value, str):
        return Response(number, None, f"line {number}: {value}", _preview(line), False)
    if not isinstance(value, dict):
        problem = f"line {number} is {describe(value)}, not a response"
        return Response(number, None, problem, _preview(line), False)
    return Response(number, value, None, _preview(line), False)


def _decode(line: bytes) -> Any:
    """The JSON value of one line, or the decoder's problem as a string."""
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as problem:
        return _json_problem(problem)


def _json_problem(problem: Exception) -> str:
    if isinstance(problem, json.JSONDecodeError):
        where = (
            f"line {problem.lineno} column {problem.colno}"
            if problem.lineno > 1
            else f"column {problem.colno}"
        )
        return f"not valid JSON: {problem.msg} ({where})"
    if isinstance(problem, UnicodeDecodeError):
        return f"not valid UTF-8: byte 0x{problem.object[problem.start : problem.start + 1].hex()}"
    if isinstance(problem, RecursionError):
        return "not valid JSON: nested too deeply"
    return f"not valid JSON: {problem}"


def _preview(data: bytes) -> str:
    return data[: RAW_PREVIEW_CHARS * 4].decode("utf-8", "replace").strip()[:RAW_PREVIEW_CHARS]


def preview(value: Any) -> str:
    """The start of one item as JSON, for the rejects file.

    Every item gets one, rejected or not (a Record carries it from the start), so the encoder is made
    once: `json.dumps` with these options builds a new one per call, about a sixth of the time a short
    post's preview takes.
    """
    return _PREVIEW_ENCODER.encode(value)[:RAW_PREVIEW_CHARS]


# The encoder `json.dumps(value, ensure_ascii=False, default=str)` would build for each item.
_PREVIEW_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)


def describe(value: Any) -> str:
    """What a JSON value is, for a message: `a JSON object with keys a, b, c (a Telegram ... export?)`."""
    if isinstance(value, dict):
        keys = sorted(value)
        shown = ", ".join(keys[:8]) + (", ..." if len(keys) > 8 else "")
        hint = next((name for needed, name in _HINTS if all(k in value for k in needed)), None)
        return f"a JSON object with keys {shown}" + (f" ({hint}?)" if hint else "") if keys else "{}"
    if isinstance(value, list):
        return "a JSON array"
    if isinstance(value, str):
        return "a JSON string"
    if isinstance(value, bool) or value is None:
        return f"JSON {json.dumps(value)}"
    return "a JSON number"


def sniffed(head: bytes, accepts: Callable[[JsonHead], bool]) -> bool:
    """Whether a file's head is JSON that `accepts` (given what graph.formats.base reads of it) takes for
    one API's responses; the head may end mid-response."""
    seen = json_head(head)
    return seen is not None and seen.kind == "object" and accepts(seen)


# --- records -------------------------------------------------------------------------------------------

# What a format makes of one item of a response: the advert's JSON Lines value, or the problem that
# rejects it, or (None, None) for an item that is skipped (no text); and the item, for the rejects file.
Item = tuple[Mapping[str, Any] | None, str | None, Any]


@dataclass(frozen=True)
class Layout:
    """One API's responses: how to tell them, their errors, and their items."""

    name: str  # the format's name, as FormatError.expected gives it
    expected: str  # "an X API v2 response", for messages
    fits: Callable[[dict[str, Any]], bool]  # the response is of this API (its data or its error)
    api_error: Callable[[dict[str, Any]], str | None]  # what the API said went wrong, if it did
    items: Callable[[dict[str, Any]], Iterator[Item]]  # the posts of a response that is not an error


def read_records(stream: IO[bytes], file: str, layout: Layout) -> Iterator[Record]:
    """The Records of a file of `layout`'s responses, numbered by item in file order.

    The first response decides: one that is not of the layout raises FormatError before any record. A file
    whose only response is an API error raises FormatError with what the API said: it holds no posts. One line
    among others that is not JSON, not of the layout or an API error becomes one rejected record (its
    line named), and the lines after it are still read.
    """
    number = 0
    first = True
    for response in responses(stream, file, layout.expected, layout.name):
        value = response.value
        problem = response.problem
        if value is not None:
            said = layout.api_error(value) if layout.fits(value) else None
            if said is not None and response.only:
                raise FormatError(
                    f"{file} holds an API error response, not posts: {said}", file=file, expected=layout.name
                )
            if said is not None:
                problem = f"line {response.line} is an API error response, not posts: {said}"
            elif not layout.fits(value):
                if first:
                    raise FormatError(
                        f"{file} is not {layout.expected}: found {describe(value)}",
                        file=file,
                        expected=layout.name,
                    )
                problem = f"line {response.line} is not {layout.expected}: found {describe(value)}"
        first = False
        if problem is not None:
            number += 1
            yield Record(file, number, None, problem, response.raw)
            continue
        for advert, trouble, item in layout.items(value):
            number += 1
            if advert is not None or trouble is not None:
                yield Record(file, number, advert, trouble, preview(item))
