"""The Cypher in `cypher/`, loaded by file name, so that queries are data an analyst can read and paste.

The folder installs as the package `graph.queries` (see pyproject.toml), so the files are read with
importlib.resources and ship in the wheel.

Each file starts with a `//` header saying what it does and which `$parameters` it takes; values are
always parameters, never formatted into the text. The one exception is a `{{slot}}` (see `variant`),
filled with a property name the caller picks from a fixed set, never from input.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

QUERIES_PACKAGE = "graph.queries"
_NAME_RE = re.compile(r"[a-z][a-z0-9_]*")
# What a slot may hold: a plain name, or a small whole number.
_SLOT_RE = re.compile(rf"{_NAME_RE.pattern}|[0-9]{{1,2}}")


class CypherNotFound(LookupError):
    """No `cypher/<name>.cypher` file: the name is misspelt or the file was not installed."""


def queries() -> Traversable:
    """The installed `cypher/` folder; in a source checkout put on `sys.path` without being installed (a
    benchmark serving another checkout's code), the folder beside the `graph` package."""
    try:
        return resources.files(QUERIES_PACKAGE)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "cypher"


@cache
def load(name: str) -> str:
    """The text of `cypher/<name>.cypher`, header comment included (Neo4j ignores `//` lines)."""
    if not _NAME_RE.fullmatch(name):
        raise CypherNotFound(f"{name!r} is not a query name (lower case letters, digits and _)")
    query = queries() / f"{name}.cypher"
    try:
        return query.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CypherNotFound(f"no query named {name!r}: {query} does not exist") from None


@cache
def variant(name: str, **slots: str) -> str:
    """The text of `cypher/<name>.cypher` with each `{{slot}}` filled with a name from the caller.

    For what a parameter cannot be: a property name that Neo4j must see in the text to read an index in
    order (`ORDER BY n.{{order}}`), or the bound of a repeated path pattern (`{1,{{max_hops}}}`). Slot
    values must be plain names or small whole numbers; callers pick them from a fixed set or a checked
    range, never from raw input.
    """
    text = load(name)
    for slot, value in slots.items():
        if not _SLOT_RE.fullmatch(value):
            raise ValueError(
                f"{value!r} is not a plain name or number for the {{{{{slot}}}}} slot of {name!r}"
            )
        marker = "{{" + slot + "}}"
        if marker not in text:
            raise ValueError(f"{name!r} has no {marker} slot")
        text = text.replace(marker, value)
    if "{{" in text:
        raise ValueError(f"{name!r} has a slot left unfilled: {text[text.index('{{') :][:30]!r}")
    return text


@cache
def statements(name: str) -> tuple[str, ...]:
    """The statements of a file holding several, split on a `;` that ends a line, comments dropped.

    Used for the schema, where each statement must run on its own; a `;` inside a string literal
    at the end of a line would be split too, so such files keep to one statement a line-ending `;`.
    """
    body = "\n".join(line for line in load(name).splitlines() if not line.lstrip().startswith("//"))
    return tuple(part.strip() for part in re.split(r";[ \t]*(?:\n|$)", body) if part.strip())
