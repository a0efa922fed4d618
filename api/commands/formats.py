"""The input-format options of `crosslink ingest` (and of commands that read files the same way):
`--format`, and for CSV `--map`, `--encoding`, `--delimiter` and `--platform` (docs/formats.md)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

from graph.advert import PLATFORMS, Line, Record
from graph.formats import AUTO, FORMATS, CsvOptions, read_file, resolve, title
from graph.formats.csv import FIELDS

F = TypeVar("F", bound=Callable[..., Any])
# `text=Message,handle=Author`: split before each `field=`, so a column name may hold a comma.
_MAP_SPLIT = re.compile(r",\s*(?=(?:" + "|".join(FIELDS) + r")\s*=)")
_NAMED_DELIMITERS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def _mapping(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        for pair in _MAP_SPLIT.split(value.strip()):
            field, equals, column = pair.partition("=")
            field = field.strip()
            if not equals or not column.strip():
                raise click.BadParameter(f"{pair!r} is not field=Column (for example text=Message)")
            if field not in FIELDS:
                raise click.BadParameter(f"{field!r} is no advert field; the fields are {', '.join(FIELDS)}")
            mapping[field] = column.strip()
    return mapping


def _encoding(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(
            f"{value!r} is no encoding Python knows (utf-8, cp1252, utf-16...)"
        ) from None


def _delimiter(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = _NAMED_DELIMITERS.get(value.lower(), value)
    if len(value) != 1:
        raise click.BadParameter(f"{value!r} is not one character (or tab)")
    return value


def _platform(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    name = value.strip().lower()
    name = "x" if name == "twitter" else name
    if name not in PLATFORMS:
        raise click.BadParameter(f"{value!r} is no platform; expected one of {', '.join(PLATFORMS)}")
    return name


def format_options(command: F) -> F:
    """Add --format, --map, --encoding, --delimiter and --platform to a command."""
    options = [
        click.option(
            "--format",
            "input_format",
            type=click.Choice((AUTO, *FORMATS)),
            default=AUTO,
            show_default=True,
            help="The layout of the FILEs; auto tells it from each file's first bytes and says which it "
            "chose (standard input is jsonl unless given).",
        ),
        click.option(
            "--map",
            "mapping",
            multiple=True,
            callback=_mapping,
            metavar="FIELD=COLUMN,...",
            help=f"CSV: the column of each advert field ({', '.join(FIELDS)}); a field not mapped is "
            "read from a column of its own name.",
        ),
        click.option("--encoding", callback=_encoding, help="CSV: the file's encoding [default: sniffed]."),
        click.option(
            "--delimiter",
            callback=_delimiter,
            help="CSV: the delimiter, one character or tab [default: sniffed].",
        ),
        click.option(
            "--platform",
            callback=_platform,
            help="CSV: the platform of rows that have no platform column (or an empty cell).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def csv_options(
    input_format: str,
    mapping: dict[str, str],
    encoding: str | None,
    delimiter: str | None,
    platform: str | None,
) -> CsvOptions | None:
    """The CSV options given, or None; a usage error when they are given with a format that is not CSV."""
    given = bool(mapping) or encoding is not None or delimiter is not None or platform is not None
    if not given:
        return None
    if input_format not in (AUTO, "csv"):
        raise click.UsageError(
            f"--map, --encoding, --delimiter and --platform are for CSV files, not --format {input_format}"
        )
    return CsvOptions(mapping=mapping, encoding=encoding, delimiter=delimiter, platform=platform)


def read_inputs(
    paths: Iterable[str],
    input_format: str,
    csv: CsvOptions | None,
    chosen: Callable[[str, str], None],
) -> Iterator[Line | Record]:
    """Every file's adverts in turn. Each file's format is settled first, before any is read, so a file
    in the wrong layout stops the command before a run starts (FormatError); `chosen(file, format)` is
    told each format that `auto` detected."""
    formats = []
    for path in paths:
        name = resolve(path, input_format, csv=csv)
        if input_format == AUTO and path != "-":
            chosen(path, name)
        formats.append((path, name))
    return _chain(formats, csv)


def _chain(formats: list[tuple[str, str]], csv: CsvOptions | None) -> Iterator[Line | Record]:
    for path, name in formats:
        yield from read_file(path, name, csv=csv)


def describe_format(name: str) -> str:
    """`telegram (a Telegram Desktop JSON export)`, for messages."""
    return f"{name} ({title(name)})"
