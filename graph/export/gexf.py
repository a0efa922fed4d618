"""GEXF export, Gephi's own format: the subgraph with its attributes, node captions as GEXF labels."""

from __future__ import annotations

import os
from typing import BinaryIO

import networkx

from graph.export.networkx_graph import to_networkx
from graph.export.subgraph import Subgraph

SUFFIX = ".gexf"
MEDIA_TYPE = "application/gexf+xml"


def write(subgraph: Subgraph, out: BinaryIO | str | os.PathLike[str]) -> None:
    """Write `subgraph` as GEXF 1.2 (UTF-8) to a binary file object or a path."""
    networkx.write_gexf(to_networkx(subgraph), out, encoding="utf-8", prettyprint=True, version="1.2draft")
