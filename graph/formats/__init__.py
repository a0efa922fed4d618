"""The layouts adverts arrive in besides Crosslink's own JSON Lines: platform exports and partners' CSV.

Each layout is one module with the same small interface: `NAME`, `TITLE` (how messages name it),
`sniff(head) -> bool` (does the file's first `HEAD_BYTES` look like this layout) and
`records(stream, file)`, which streams `graph.advert.Record`s, one per post in file order, already in the
JSON Lines shape, for the existing ingest to validate, batch and write (docs/formats.md). `read_file`
opens a file in the layout asked for, or the one `detect` tells from its head.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import BinaryIO

from graph.advert import Line, Record
from graph.formats.base import HEAD_BYTES, FormatError, Prefixed, describe
from graph.formats.csv import CsvOptions

__all__ = ["FORMATS", "HEAD_BYTES", "CsvOptions", "FormatError", "detect", "read_file", "resolve"]

# The formats, in the order `detect` tries them (CSV last: almost any text passes for one). Adding a
# layout is one module in this package with the interface above and its name here.
FORMATS: tuple[str, ...] = ("jsonl", "telegram", "x", "facebook", "tiktok", "csv")
AUTO = "auto"
STDIN = "-"
STDIN_NAME = "<stdin>"


def module(name: str) -> ModuleType:
    """The module reading format `name` (one of FORMATS)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; expected one of {', '.join(FORMATS)}")
    return importlib.import_module(f"graph.formats.{name}")


def title(name: str) -> str:
    """How messages name a format: `a Telegram Desktop JSON export`."""
    return getattr(module(name), "TITLE", name)


def sniffed(head: bytes) -> str | None:
    """The first format whose sniffer accepts the head, or None."""
    for name in FORMATS:
        if module(name).sniff(head):
            return name
    return None


def detect(path: str | os.PathLike[str]) -> str:
    """The format of the file at `path`, told from its first bytes; FormatError when none fits.

    An empty file is JSON Lines: there is nothing in it to read in any layout.
    """
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    return _detect(head, os.fspath(path))


def _detect(head: bytes, file: str) -> str:
    if not head.strip():
        return "jsonl"
    name = sniffed(head)
    if name is None:
        raise FormatError(
            f"{file}: cannot tell its format: found {describe(head)}; expected one of "
            f"{', '.join(FORMATS)} (give --format)",
            file=file,
        )
    return name


def resolve(path: str | os.PathLike[str], format: str = AUTO, *, csv: CsvOptions | None = None) -> str:
    """The format `path` will be read in: `format`, checked against the file's head, or the one detected
    (`auto`). FormatError, before anything is read, when the head does not fit the format asked for (for
    CSV, when `csv` maps a column the header lacks)."""
    file = os.fspath(path)
    if file == STDIN:
        return "jsonl" if format == AUTO else format
    with open(file, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    return _resolve(head, file, format, csv)


def _resolve(head: bytes, file: str, format: str, csv: CsvOptions | None = None) -> str:
    name = _detect(head, file) if format == AUTO else _fits(head, file, format)
    if name == "csv" and head.strip():
        module("csv").check(head, file, csv)
    return name


def _fits(head: bytes, file: str, format: str) -> str:
    reader = module(format)
    if format == "jsonl":  # lines are judged one by one; refuse only a file in another known layout
        other = sniffed(head)
        if other not in (None, "jsonl", "csv"):
            raise _wrong(file, format, head, other)
        return format
    if head.strip() and not reader.sniff(head):
        raise _wrong(file, format, head, sniffed(head))
    return format


def _wrong(file: str, format: str, head: bytes, other: str | None) -> FormatError:
    guess = f" ({title(other)}?)" if other is not None and other != format else ""
    return FormatError(
        f"{file} is not {title(format)}: found {describe(head)}{guess}", file=file, expected=format
    )


def read_file(
    path: str | os.PathLike[str],
    format: str = AUTO,
    *,
    csv: CsvOptions | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Line | Record]:
    """The adverts of one file, streamed: `Line`s for JSON Lines (read as before), `Record`s for the
    other layouts. `-` is standard input (`stdin`, default the process's), JSON Lines unless `format`
    says otherwise. The file's head is checked at once (FormatError before anything is read); a file
    that breaks off raises FormatError where it does, after the records before it."""
    file = os.fspath(path)
    if file == STDIN:
        source = stdin if stdin is not None else sys.stdin.buffer
        head = source.read(HEAD_BYTES)
        chosen = _resolve(head, STDIN_NAME, "jsonl" if format == AUTO else format, csv)
        stream = io.BufferedReader(Prefixed(head, source))
        return _read(stream, STDIN_NAME, chosen, csv, empty=not head.strip())
    with open(file, "rb") as opened:
        head = opened.read(HEAD_BYTES)
    chosen = _resolve(head, file, format, csv)
    return _read_path(file, chosen, csv, empty=not head.strip())


def _read_path(file: str, format: str, csv: CsvOptions | None, *, empty: bool) -> Iterator[Line | Record]:
    with open(file, "rb") as stream:
        yield from _read(stream, file, format, csv, empty=empty)


def _read(
    stream: BinaryIO, file: str, format: str, csv: CsvOptions | None, *, empty: bool
) -> Iterator[Line | Record]:
    if empty and format != "jsonl":  # nothing to read, in any layout
        return iter(())
    if format == "csv":
        return module("csv").records(stream, file, csv)
    return module(format).records(stream, file)
