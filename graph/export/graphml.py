"""GraphML export, for Gephi, yEd, Cytoscape desktop and networkx: the subgraph with its attributes."""

from __future__ import annotations

import os
from typing import BinaryIO

import networkx

from graph.export.networkx_graph import to_networkx
from graph.export.subgraph import Subgraph

SUFFIX = ".graphml"
MEDIA_TYPE = "application/graphml+xml"


def write(subgraph: Subgraph, out: BinaryIO | str | os.PathLike[str]) -> None:
    """Write `subgraph` as GraphML (UTF-8) to a binary file object or a path."""
    networkx.write_graphml(to_networkx(subgraph), out, encoding="utf-8", prettyprint=True)
