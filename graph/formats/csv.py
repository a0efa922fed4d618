"""A partner's spreadsheet as CSV: any columns, mapped onto advert fields (`--map text=Message,...`).

Partners export from whatever tool they use, so nothing about the file is assumed. The encoding is given
or sniffed (a byte order mark, then UTF-8, then charset-normalizer's best guess); the delimiter and
quoting are given or sniffed (the standard library's `csv.Sniffer`, checked against the mapped columns).
The first row names the columns. A field with no mapping is read from a column of its own name, if any.
A row that cannot be an advert (a cell count that differs from the header's, a byte the encoding cannot
read, broken quoting) becomes a reject naming its row; a mapped column missing from the header is one
FormatError naming the file, the column and the columns found.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import charset_normalizer

from graph.advert import RAW_PREVIEW_CHARS, Record
from graph.formats.base import HEAD_BYTES, FormatError, Prefixed, compact, json_head

NAME = "csv"
TITLE = "a CSV file with a header row"
# The advert fields a column can be mapped onto (docs/formats.md, "--map").
FIELDS = (
    "text",
    "post_id",
    "platform",
    "posted_at",
    "url",
    "handle",
    "author_id",
    "author_name",
    "lang",
    "region",
    "media",
)
REQUIRED = ("text", "post_id", "posted_at")
# Excel's first line declaring the delimiter: `sep=;`.
_EXCEL_SEPARATOR = re.compile(r"sep=([^\r\n])\r?\n", re.IGNORECASE)
# Rows looked at when telling a CSV file from other text.
_SNIFF_ROWS = 5
# At most this much of the head is given to csv.Sniffer (see _sniffer_sample).
SNIFFER_CHARS = 4096
# Delimiters tried when none is given.
DELIMITERS = ",;\t|"
# Several media hashes in one cell are separated by white space, commas, semicolons or bars.
_MEDIA_SPLIT = re.compile(r"[\s,;|]+")
# What surrogateescape leaves for a byte the encoding cannot read.
_UNREADABLE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class CsvOptions:
    """How to read a CSV file: which column holds which advert field, and what sniffing would guess.

    `mapping` maps advert fields (FIELDS) to column names; `platform` is the platform of every row when
    no column gives it (a column's non-empty cell wins).
    """

    mapping: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    delimiter: str | None = None
    platform: str | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.mapping) - set(FIELDS))
        if unknown:
            raise ValueError(f"cannot map {', '.join(unknown)}: the fields are {', '.join(FIELDS)}")
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise ValueError(f"a delimiter is one character, not {self.delimiter!r}")
        if self.encoding is not None:
            codecs.lookup(self.encoding)  # LookupError names an unknown encoding


def sniff(head: bytes) -> bool:
    """True for text that is not JSON and whose first line is split by one of the usual delimiters."""
    if json_head(head) is not None:
        return False
    try:
        text = _decode_head(head, sniff_encoding(head))
    except (FormatError, LookupError):
        return False
    separator, skip = excel_separator(text.lstrip("\ufeff"))
    text = text.lstrip("\ufeff")[skip:]
    return any(_table(text, delimiter) for delimiter in ([separator] if separator else DELIMITERS))


def excel_separator(text: str) -> tuple[str | None, int]:
    """The delimiter a first line `sep=;` declares (Excel writes and reads it), and that line's length
    to skip; (None, 0) when there is none."""
    match = _EXCEL_SEPARATOR.match(text)
    return (match.group(1), match.end()) if match else (None, 0)


def _table(text: str, delimiter: str) -> bool:
    """True when `delimiter` splits the text's first row into named columns (most of them) and most of
    the next few rows into as many cells (a letter with a comma in its first line is no table)."""
    rows = []
    with contextlib.suppress(csv.Error):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row)
            if len(rows) > _SNIFF_ROWS:
                break
    if len(rows) > _SNIFF_ROWS or (rows and not text.endswith(("\n", "\r"))):
        rows.pop()  # the last row may be cut off by the end of the head
    if not rows:
        return False
    header, data = rows[0], [row for row in rows[1:] if any(cell.strip() for cell in row)]
    named = sum(1 for cell in header if cell.strip())
    if named < 2 or named * 2 < len(header):  # spreadsheets leave a few unnamed columns at the end
        return False
    return sum(len(row) == len(header) for row in data) * 2 >= len(data)


def sniff_encoding(head: bytes, file: str = "the file") -> str:
    """The encoding of a file from its head: a byte order mark, else UTF-8 when it decodes as such, else
    charset-normalizer's best guess; FormatError when there is none (binary data)."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return name
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # the head may end mid-character
    except UnicodeDecodeError:
        pass
    else:
        if b"\x00" not in head:
            return "utf-8"
    best = charset_normalizer.from_bytes(head).best()
    if best is None:
        raise FormatError(
            f"{file}: cannot tell its encoding: it does not read as text (give --encoding)", file=file
        )
    return best.encoding


def _decode_head(head: bytes, encoding: str) -> str:
    """The head as text, a character cut off at its end dropped."""
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)


def check(head: bytes, file: str, options: CsvOptions | None = None) -> None:
    """FormatError when the file's head cannot be read with `options`: an encoding that cannot be told,
    or a mapped column (or a required field) missing from the header. Callers check before a run."""
    options = options or CsvOptions()
    _dialect(_decode_head(head, options.encoding or sniff_encoding(head, file)), options, file)


def records(stream: BinaryIO, file: str, options: CsvOptions | None = None) -> Iterator[Record]:
    """One Record per data row, numbered as a spreadsheet numbers rows (the header is row 1).

    Rows whose cells are all empty, and rows whose text cell is empty, are skipped.
    """
    options = options or CsvOptions()
    head = stream.read(HEAD_BYTES)
    encoding = options.encoding or sniff_encoding(head, file)
    sample = _decode_head(head, encoding)
    text = io.TextIOWrapper(
        io.BufferedReader(Prefixed(head, stream)), encoding=encoding, errors="surrogateescape", newline=""
    )
    dialect, header = _dialect(sample, options, file)
    separator_line = int(excel_separator(sample.lstrip("\ufeff"))[0] is not None)
    if separator_line:
        text.readline()
    reader = csv.reader(text, dialect, strict=True)
    try:
        next(reader)  # the header, already read from the sample
    except (StopIteration, csv.Error):
        return
    columns = _columns(header, options, file)
    rows = _rows(reader, header, columns, options, file, encoding, dialect.delimiter, separator_line)
    yield from rows


def _dialect(sample: str, options: CsvOptions, file: str) -> tuple[type[csv.Dialect], list[str]]:
    """The dialect to read with and the header it gives: the given delimiter, else the sniffed one when
    its header holds the mapped columns, else the first usual delimiter whose header does."""
    separator, skip = excel_separator(sample.lstrip("\ufeff"))
    sample = sample.lstrip("\ufeff")[skip:]
    complete = sample[: sample.rfind("\n") + 1] or sample
    candidates: list[type[csv.Dialect]] = []
    if options.delimiter is not None or separator is not None:
        candidates.append(_with_delimiter(csv.excel, options.delimiter or separator or ","))
    else:
        with contextlib.suppress(csv.Error):  # no delimiter stood out: try the usual ones in turn
            sniffed = csv.Sniffer().sniff(_sniffer_sample(complete), delimiters=DELIMITERS)
            # Only the delimiter is taken: the sniffer says quotes are not doubled whenever the sample
            # happens to hold no doubled quote, and a later `""` would then be misread.
            candidates.append(_with_delimiter(csv.excel, sniffed.delimiter))
        candidates += [_with_delimiter(csv.excel, d) for d in DELIMITERS]
    first = None
    for dialect in candidates:
        header = _header(complete, dialect)
        if first is None:
            first = (dialect, header)
        try:
            _columns(header, options, file)
        except FormatError:
            continue
        return dialect, header
    assert first is not None
    _columns(first[1], options, file)  # raises, naming what is missing from the first reading
    return first  # pragma: no cover - _columns raised


def _sniffer_sample(text: str) -> str:
    """The first lines of the text, at most SNIFFER_CHARS: the sniffer's regular expressions take time
    that grows faster than their input on some quoting, so they are given a bounded sample."""
    if len(text) <= SNIFFER_CHARS:
        return text
    cut = text[:SNIFFER_CHARS]
    return cut[: cut.rfind("\n") + 1] or cut


def _with_delimiter(base: type[csv.Dialect], delimiter: str) -> type[csv.Dialect]:
    """Excel's dialect (quotes doubled inside quoted cells) with another delimiter."""
    return type("Delimited", (base,), {"delimiter": delimiter, "strict": True})


def _header(sample: str, dialect: type[csv.Dialect]) -> list[str]:
    try:
        row = next(csv.reader(io.StringIO(sample, newline=""), dialect), [])
    except csv.Error:
        return []
    return [cell.lstrip("\ufeff") for cell in row]


def _columns(header: list[str], options: CsvOptions, file: str) -> dict[str, int]:
    """Each field's column index; FormatError when a mapped column, or a required field, is missing."""
    found = ", ".join(repr(name) for name in header) or "none"
    columns: dict[str, int] = {}
    missing = []
    for name in FIELDS:
        wanted = options.mapping.get(name)
        index = _find(header, wanted if wanted is not None else name)
        if index is not None:
            columns[name] = index
        elif wanted is not None:
            missing.append(f"{wanted!r} (for {name})")
    if missing:
        raise FormatError(
            f"{file} has no column {', '.join(missing)}; its columns are: {found}", file=file, expected=NAME
        )
    needed = [name for name in REQUIRED if name not in columns]
    if "platform" not in columns and options.platform is None:
        needed.append("platform")
    if needed:
        hint = ", ".join(f"{name}=<column>" for name in needed)
        also = " (or --platform)" if "platform" in needed else ""
        raise FormatError(
            f"{file}: no column gives {', '.join(needed)}: map them with --map {hint}{also}; "
            f"its columns are: {found}",
            file=file,
            expected=NAME,
        )
    return columns


def _find(header: list[str], name: str) -> int | None:
    """The column named `name`: exactly, else ignoring case and surrounding spaces."""
    if name in header:
        return header.index(name)
    folded = name.strip().casefold()
    for index, column in enumerate(header):
        if column.strip().casefold() == folded:
            return index
    return None


def _rows(
    reader: Any,
    header: list[str],
    columns: dict[str, int],
    options: CsvOptions,
    file: str,
    encoding: str,
    delimiter: str,
    lines_before: int = 0,
) -> Iterator[Record]:
    """The data rows as Records; `lines_before` counts lines read before the header (Excel's `sep=`),
    for the line numbers messages give."""
    row_number = 1
    while True:
        started = reader.line_num + 1 + lines_before
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            row_number += 1
            if "unexpected end of data" in str(error):
                raise FormatError(
                    f"{file} breaks off in row {row_number}: a quoted cell opened on line {started} is "
                    "never closed",
                    file=file,
                    expected=NAME,
                ) from None
            where = reader.line_num + lines_before
            yield Record(file, row_number, None, f"not valid CSV: {error} (line {where})")
            continue
        row_number += 1
        if not any(cell.strip() for cell in cells):
            continue
        raw = delimiter.join(cells)[:RAW_PREVIEW_CHARS]
        if len(cells) != len(header):
            problem = f"the row has {len(cells)} cells, the header {len(header)} columns"
            yield Record(file, row_number, None, problem, raw)
            continue
        unreadable = _unreadable(cells, header, encoding)
        if unreadable is not None:
            yield Record(file, row_number, None, unreadable, raw)
            continue
        value = _advert(cells, columns, options)
        if value.get("text") is None:
            continue  # no text: nothing to read identifiers from
        yield Record(file, row_number, value, None, raw)


def _unreadable(cells: list[str], header: list[str], encoding: str) -> str | None:
    """Why a row holds a byte the encoding cannot read, naming its column, or None."""
    for index, cell in enumerate(cells):
        bad = _UNREADABLE.search(cell)
        if bad is not None:
            byte = ord(bad.group()) - 0xDC00
            return f"not valid {encoding}: byte 0x{byte:02x} in column {header[index]!r}"
    return None


def _advert(cells: list[str], columns: dict[str, int], options: CsvOptions) -> dict[str, Any]:
    """The row in the JSON Lines shape; empty cells are missing fields."""

    def cell(name: str) -> str | None:
        index = columns.get(name)
        if index is None:
            return None
        value = cells[index]
        return value if value.strip() else None

    media = cell("media")
    author = compact({"handle": cell("handle"), "id": cell("author_id"), "name": cell("author_name")})
    return compact(
        {
            "platform": cell("platform") or options.platform,
            "post_id": cell("post_id"),
            "text": cell("text"),
            "posted_at": cell("posted_at"),
            "url": cell("url"),
            "author": author or None,
            "lang": cell("lang"),
            "region": cell("region"),
            "media": [m for m in _MEDIA_SPLIT.split(media) if m] if media else None,
        }
    )
