"""GraphML export, for Gephi, yEd, Cytoscape desktop and networkx: the subgraph with its attributes.

GraphML holds values as element text, where an XML reader turns a carriage return into a newline: each
is written as the reference `&#13;`, so that texts (and the evidence offsets into them) read back whole.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

import networkx

from graph.export.networkx_graph import to_networkx
from graph.export.subgraph import Subgraph

SUFFIX = ".graphml"
MEDIA_TYPE = "application/graphml+xml"


def write(subgraph: Subgraph, out: BinaryIO | str | os.PathLike[str]) -> None:
    """Write `subgraph` as GraphML (UTF-8) to a binary file object or a path."""
    buffer = io.BytesIO()
    networkx.write_graphml(to_networkx(subgraph), buffer, encoding="utf-8", prettyprint=True)
    # Markup holds no carriage return, so each one is in a value; one byte in UTF-8, never inside another.
    data = buffer.getvalue().replace(b"\r", b"&#13;")
    if isinstance(out, str | os.PathLike):
        Path(out).write_bytes(data)
    else:
        out.write(data)
