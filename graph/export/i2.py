"""i2 Analyst's Notebook export: an entity CSV, a link CSV, and the import specification that maps their
columns to entity and link types, identities, labels, dates and attributes. Written as a folder or one zip
archive (graph.export.files).

Analyst's Notebook's own specification files (`.ximp`) have no published schema, so the specification is
`import-specification.json` (with README.txt saying the same in steps): the wizard is set up from it once
and saved as a `.ximp` for the next export, whose columns never change. docs/exports.md shows the steps.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from graph.export.attributes import countries, flat
from graph.export.csv import table
from graph.export.files import Output, write_files
from graph.export.subgraph import Edge, ExportError, Node, Subgraph

ENTITIES = "entities.csv"
LINKS = "links.csv"
SPECIFICATION = "import-specification.json"
README = "README.txt"
DATE_FORMAT, TIME_FORMAT = "yyyy-MM-dd", "HH:mm:ss"  # in the wizard's notation; times are UTC

# Analyst's Notebook's standard entity types where one fits, so the chart shows their icons.
ENTITY_TYPES = {
    "Advert": "Document",
    "Account": "Account",
    "Phone": "Telephone",
    "Email": "Email",
    "PaymentTag": "Account",
    "Link": "Website",
    "Domain": "Website",
    "Country": "Location",
}
# IBANs are bank accounts; a payment-service tag or a wallet is an account at that service or chain.
PAYMENT_TYPES = {"iban": "Bank Account"}
LINK_TYPES = {
    "POSTED": "Posted",
    "MENTIONS": "Mentions",
    "IN_COUNTRY": "In Country",
    "ON_DOMAIN": "On Domain",
    "SAME_TEMPLATE": "Same Template",
}
# Columns that become attributes, and the attribute type the wizard gives each.
ENTITY_ATTRIBUTES = {
    "Kind": "Text",
    "Platform": "Text",
    "Country": "Text",
    "Network": "Text",
    "Hub": "Flag",
    "Hub Reason": "Text",
    "Scheme": "Text",
    "Smuggling Score": "Number",
    "URL": "Text",
}
ENTITY_COLUMNS = ("Identity", "Label", "Entity Type", *ENTITY_ATTRIBUTES, "Date", "Time", "Description")
LINK_ATTRIBUTES = {"Relationship": "Text", "Count": "Number", "Similarity": "Number", "Evidence": "Text"}
END_COLUMNS = tuple(f"End {end} {part}" for end in (1, 2) for part in ("Identity", "Label", "Type"))
LINK_COLUMNS = ("Link Identity", *END_COLUMNS, "Link Type", "Link Label", *LINK_ATTRIBUTES, "Date", "Time")
# How much text either side of an identifier the evidence column shows.
CONTEXT_CHARS = 40


def files(subgraph: Subgraph) -> dict[str, bytes]:
    """The export's files by name: the two CSV files, the specification and the steps."""
    nodes = subgraph.nodes_by_id()
    return {
        # Read by the import wizard, which keeps an apostrophe a spreadsheet would hide: texts as they are.
        ENTITIES: table(ENTITY_COLUMNS, entity_rows(subgraph), spreadsheet=False),
        LINKS: table(LINK_COLUMNS, link_rows(subgraph, nodes), spreadsheet=False),
        SPECIFICATION: (json.dumps(specification(), indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        README: readme().encode("utf-8"),
    }


def write(subgraph: Subgraph, out: Output) -> None:
    """Write the i2 files into `out`: a folder path, a `.zip` path, a binary stream (a zip) or a ZipFile."""
    write_files(files(subgraph), out)


def entity_type(node: Node) -> str:
    """The Analyst's Notebook entity type of a node."""
    if node.kind == "PaymentTag":
        return PAYMENT_TYPES.get(node.properties.get("scheme") or "", "Account")
    found = ENTITY_TYPES.get(node.kind)
    if found is None:
        raise ExportError(f"node {node.id}: no i2 entity type for its kind {node.kind!r}")
    return found


def link_type(edge: Edge) -> str:
    """The Analyst's Notebook link type of an edge."""
    found = LINK_TYPES.get(edge.type)
    if found is None:
        raise ExportError(f"edge {edge.id}: no i2 link type for its type {edge.type!r}")
    return found


def entity_rows(subgraph: Subgraph) -> Iterable[Mapping[str, Any]]:
    """One row per node: its key as the identity (unique and case-sensitive, as i2 wants), its caption."""
    where = countries(subgraph)
    for node in subgraph.nodes:
        p = node.properties
        own = sorted(where.get(node.id, []))
        date, time = _date_time(p.get("posted_at"))
        yield {
            "Identity": node.id,
            "Label": node.label,
            "Entity Type": entity_type(node),
            "Kind": node.kind,
            "Platform": p.get("platform"),
            "Country": p.get("country") or p.get("region") or p.get("code") or flat(own) or None,
            "Network": p.get("network"),
            "Hub": bool(p.get("hub")),
            "Hub Reason": p.get("hub_reason"),
            "Scheme": p.get("scheme"),
            "Smuggling Score": p.get("smuggling_score"),
            "URL": p.get("url"),
            "Date": date,
            "Time": time,
            "Description": p.get("text"),
        }


def link_rows(subgraph: Subgraph, nodes: Mapping[str, Node]) -> Iterable[Mapping[str, Any]]:
    """One row per edge, naming both ends with their type and label, so that importing this file alone
    draws the whole chart; dated by the advert the edge comes from."""
    for edge in subgraph.edges:
        ends = (nodes[edge.source], nodes[edge.target])
        advert = next((end for end in ends if end.kind == "Advert"), None)
        date, time = _date_time(advert.properties.get("posted_at") if advert else None)
        row: dict[str, Any] = {"Link Identity": edge.id}
        for number, end in enumerate(ends, start=1):
            row[f"End {number} Identity"] = end.id
            row[f"End {number} Label"] = end.label
            row[f"End {number} Type"] = entity_type(end)
        row.update(
            {
                "Link Type": link_type(edge),
                "Link Label": _link_label(edge),
                "Relationship": edge.type,
                "Count": edge.properties.get("count"),
                "Similarity": edge.properties.get("similarity"),
                "Evidence": evidence_text(edge),
                "Date": date,
                "Time": time,
            }
        )
        yield row


def evidence_text(edge: Edge) -> str | None:
    """Each place the advert writes the identifier, with some text either side and the value marked
    [like this], one per line: what a link's card shows."""
    if not edge.evidence:
        return None
    lines = []
    for e in edge.evidence:
        before = e.text[max(0, e.start - CONTEXT_CHARS) : e.start]
        after = e.text[e.end : e.end + CONTEXT_CHARS]
        lines.append(f"...{before}[{e.text[e.start : e.end]}]{after}...")
    return "\n".join(lines)


def _link_label(edge: Edge) -> str:
    label = LINK_TYPES[edge.type].lower()
    if edge.type == "MENTIONS" and edge.properties.get("count"):
        return f"{label} x{edge.properties['count']}"
    if edge.type == "SAME_TEMPLATE" and edge.properties.get("similarity") is not None:
        return f"{label} {edge.properties['similarity']}"
    return label


def _date_time(value: str | None) -> tuple[str | None, str | None]:
    """An ISO 8601 time as the date and time columns (UTC), or no values."""
    if not value:
        return None, None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:  # not ISO 8601: kept as written rather than lost, for the analyst to read
        return value, None
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M:%S")


def _attributes(columns: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"column": name, "attribute_class": name, "type": kind} for name, kind in columns.items()]


def _end(number: int) -> dict[str, Any]:
    return {
        "type_from_column": f"End {number} Type",
        "identity": f"End {number} Identity",
        "label": f"End {number} Label",
    }


def specification() -> dict[str, Any]:
    """How Analyst's Notebook's import wizard reads the two files: which column gives each entity's type,
    identity, label, date, time and attributes, and each link's ends, type, label and attributes."""
    return {
        "about": "Crosslink's i2 Analyst's Notebook import: set the import wizard up as below (once), then "
        "save the specification as a .ximp for later exports, whose columns are the same.",
        "files": {
            "encoding": "UTF-8 (with byte order mark)",
            "delimiter": ",",
            "quote": '"',
            "header_row": 1,
        },
        "date_format": DATE_FORMAT,
        "time_format": TIME_FORMAT,
        "time_zone": "UTC",
        "imports": [
            {
                "file": ENTITIES,
                "design": "entity",
                "entity": {
                    "type_from_column": "Entity Type",
                    "identity": "Identity",
                    "label": "Label",
                    "date": "Date",
                    "time": "Time",
                    "description": "Description",
                    "attributes": _attributes(ENTITY_ATTRIBUTES),
                },
            },
            {
                "file": LINKS,
                "design": "entity-link-entity",
                "end_1": _end(1),
                "end_2": _end(2),
                "link": {
                    "type_from_column": "Link Type",
                    "label": "Link Label",
                    "direction": "end 1 to end 2",
                    "date": "Date",
                    "time": "Time",
                    "attributes": _attributes(LINK_ATTRIBUTES),
                },
            },
        ],
        "entity_types": sorted({*ENTITY_TYPES.values(), *PAYMENT_TYPES.values()}),
        "link_types": sorted(LINK_TYPES.values()),
        "matching": "entities merge on Identity (the Crosslink key), so the two imports meet on one chart",
    }


def readme() -> str:
    """The import steps, for the analyst who opens the archive."""
    entity_columns = _listing(ENTITY_COLUMNS)
    link_columns = _listing(LINK_COLUMNS)
    return f"""Crosslink export for i2 Analyst's Notebook

{ENTITIES}: one row per entity ({entity_columns}).
{LINKS}: one row per link, with both ends ({link_columns}).
{SPECIFICATION}: the column mapping below, for tools.

Import with Analyst's Notebook's Import Data wizard, once per file ({LINKS} alone draws the chart):
1. Choose the file; format: delimited, comma, first row holds the column names, UTF-8.
2. {ENTITIES}: an entity design. Type from the column "Entity Type" (or, where the wizard asks for one
   type, one design per type, keeping the rows of that type); Identity from "Identity"; Label from "Label";
   Date and Time from "Date" and "Time"; Description from "Description"; the other columns as attributes.
3. {LINKS}: an entity-link-entity design. End 1 from "End 1 Type", "End 1 Identity", "End 1 Label";
   end 2 from the "End 2 ..." columns; the link's type from "Link Type", label from "Link Label", arrow from
   end 1 to end 2, Date and Time from "Date" and "Time", the other columns as attributes.
4. Date format {DATE_FORMAT}, time format {TIME_FORMAT}, time zone UTC.
5. Save the specification: later Crosslink exports have the same columns.
Entities with the same Identity merge, so both files land on one chart without duplicates.
"""


def _listing(columns: Sequence[str]) -> str:
    return ", ".join(columns)
