"""Plain CSV export: nodes.csv, edges.csv and networks.csv, for spreadsheets, pandas and any tool that
reads CSV. Written as a folder or one zip archive (graph.export.files).

UTF-8 with a byte order mark, so that a spreadsheet opened by double-click reads Arabic or Kurdish text
right; true and false as `true` / `false`, no value as an empty cell, lists joined by "; ". One row per
node and one per edge; an edge's evidence is one JSON cell (`[{advert, start, end, value}, ...]`) and its
values as written one "; "-joined cell, beside the advert's text in nodes.csv.

Advert texts and handles are written by anyone, and a spreadsheet runs a cell that begins with =, +, -
or @ as a formula. Such a cell (and one that begins with a tab, a carriage return or an apostrophe) is
written with one apostrophe before it, which a spreadsheet reads as "this is text"; a number such as
+447400123456 is left as it is. `unescape` gives back the value, to which evidence offsets point.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph.export.attributes import countries, country, evidence_json, flat
from graph.export.files import Output, write_files
from graph.export.subgraph import Subgraph

SUFFIX = ".zip"
MEDIA_TYPE = "application/zip"
ENCODING = "utf-8-sig"
NODE_COLUMNS = (
    "id kind label hub hub_reason network platform country countries post_id url posted_at lang region "
    "smuggling_score via handle name account_id e164 scheme value address domain code text"
).split()
EDGE_COLUMNS = "id source target type count similarity joins reason evidence evidence_values".split()
NETWORK_COLUMNS = "id score size platforms countries score_explanation".split()
_FORMULA_START = re.compile(r"[=+\-@\t\r']")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def files(subgraph: Subgraph) -> dict[str, bytes]:
    """The three CSV files of `subgraph`, by file name."""
    return {
        "nodes.csv": table(NODE_COLUMNS, _node_rows(subgraph)),
        "edges.csv": table(EDGE_COLUMNS, _edge_rows(subgraph)),
        "networks.csv": table(NETWORK_COLUMNS, subgraph.networks),
    }


def write(subgraph: Subgraph, out: Output) -> None:
    """Write the CSV files into `out`: a folder path, a `.zip` path, a binary stream (a zip) or a ZipFile."""
    write_files(files(subgraph), out)


def table(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, spreadsheet: bool = True) -> bytes:
    """Rows as CSV with a header of `columns` (a row's other keys are left out), encoded. `spreadsheet`:
    texts a spreadsheet would run as formulas are written as text (see the module's docstring); False
    for a file only an import wizard reads, which would keep the apostrophe."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column), spreadsheet) for column in columns])
    return text.getvalue().encode(ENCODING)


def _node_rows(subgraph: Subgraph) -> Iterable[Mapping[str, Any]]:
    where = countries(subgraph)
    for node in subgraph.nodes:
        p = node.properties
        own = sorted(where.get(node.id, []))
        yield {
            **p,
            "id": node.id,
            "kind": node.kind,
            "label": node.label,
            "country": country(node, where),
            "countries": own,
        }


def _edge_rows(subgraph: Subgraph) -> Iterable[Mapping[str, Any]]:
    for edge in subgraph.edges:
        yield {
            **edge.properties,
            "id": edge.id,
            "source": edge.source,
            "target": edge.target,
            "type": edge.type,
            "evidence": evidence_json(edge) if edge.evidence else None,
            "evidence_values": [e.value for e in edge.evidence],
        }


def _cell(value: Any, spreadsheet: bool = True) -> str:
    value = flat(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and spreadsheet:
        return _as_text(value)
    return str(value)


def _as_text(value: str) -> str:
    """`value` with an apostrophe before it when a spreadsheet would run it as a formula."""
    if _FORMULA_START.match(value) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def unescape(cell: str) -> str:
    """A cell's value as exported: without the apostrophe put before a text a spreadsheet would run."""
    return cell[1:] if cell.startswith("'") else cell
