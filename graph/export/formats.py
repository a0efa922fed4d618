"""The export formats by name: what writes each, the file suffix and the media type of a download.

Writers are imported when first used, so that a format whose module (or library) is missing fails alone,
with a message naming it, and the others still work. A format of several files (CSV, i2) is one zip
archive when written to one file or downloaded, a folder when written to a folder path.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from graph.export.files import Output
from graph.export.subgraph import Subgraph


class UnknownFormat(ValueError):
    """A format name that is not one of FORMATS (the message lists them)."""


class FormatUnavailable(RuntimeError):
    """A format whose writer is not installed with this copy of Crosslink."""


@dataclass(frozen=True, slots=True)
class Format:
    """One export format: `module` has `write(subgraph, out)`."""

    name: str
    module: str
    suffix: str
    media_type: str
    several_files: bool
    description: str

    def write(self, subgraph: Subgraph, out: Output) -> None:
        """Write `subgraph` in this format to `out` (a path, a binary stream; for several files also a
        folder path or an open ZipFile)."""
        try:
            writer: Any = importlib.import_module(self.module)
        except ModuleNotFoundError as error:
            if error.name != self.module:  # a library the writer needs: its own message says which
                raise
            raise FormatUnavailable(f"the {self.name} export is not available in this installation") from None
        writer.write(subgraph, out)

    def filename(self, subgraph: Subgraph) -> str:
        """A file name for a download of `subgraph`: its title, made safe, and the suffix."""
        stem = re.sub(r"[^A-Za-z0-9._+-]+", "-", subgraph.title).strip("-.")[:100] or "crosslink"
        return f"{stem}-{self.name}{self.suffix}" if self.several_files else f"{stem}{self.suffix}"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "graphml",
            "graph.export.graphml",
            ".graphml",
            "application/graphml+xml",
            False,
            "GraphML for Gephi, yEd, Cytoscape desktop and networkx",
        ),
        Format("gexf", "graph.export.gexf", ".gexf", "application/gexf+xml", False, "GEXF 1.2 for Gephi"),
        Format(
            "ftm",
            "graph.export.ftm",
            ".ftm.json",
            "application/x-ndjson",
            False,
            "FollowTheMoney entities, one JSON object a line, for Aleph",
        ),
        Format(
            "i2",
            "graph.export.i2",
            ".zip",
            "application/zip",
            True,
            "i2 Analyst's Notebook entity and link CSV with an import specification",
        ),
        Format(
            "csv",
            "graph.export.csv",
            ".zip",
            "application/zip",
            True,
            "nodes.csv, edges.csv and networks.csv",
        ),
    )
}
NAMES = tuple(FORMATS)


def get(name: str) -> Format:
    """The format called `name` (case ignored); UnknownFormat listing the names otherwise."""
    found = FORMATS.get(name.strip().lower())
    if found is None:
        raise UnknownFormat(f"unknown export format {name!r}: choose one of {', '.join(NAMES)}")
    return found
