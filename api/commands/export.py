"""`crosslink export`: a network, several networks or an identifier's neighbourhood as a file for Gephi,
yEd, Cytoscape, networkx, Aleph (FtM), i2 or a spreadsheet (docs/exports.md). The same subgraph and
writers as the API's downloads."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click

from api.commands.connection import EXIT_FAILED, graph_connection
from graph.crosslink import Crosslink
from graph.export import Subgraph, identifier_subgraph, network_subgraph, networks_subgraph
from graph.export.formats import NAMES, Format, FormatUnavailable, get
from graph.export.subgraph import DEFAULT_LIMIT
from graph.read import ReadError

_format = click.option(
    "--format",
    "format_name",
    required=True,
    type=click.Choice(NAMES, case_sensitive=False),
    help="graphml, gexf (Gephi), ftm (FollowTheMoney), i2 (Analyst's Notebook), csv.",
)
_out = click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=True, allow_dash=True),
    help="The file to write, '-' for standard output; for csv and i2 a folder, or a zip archive when the "
    "path ends in .zip or is '-'.",
)
_limit = click.option(
    "--limit", type=int, default=DEFAULT_LIMIT, show_default=True, help="Most nodes; a bigger export is cut."
)


@click.group("export")
def export() -> None:
    """Export networks or a neighbourhood to the analysts' tools (docs/exports.md)."""


@export.command("network")
@click.argument("network")
@_format
@_out
@_limit
def network_command(network: str, format_name: str, out: str, limit: int) -> None:
    """One network, named by its id (n-...), or by any identifier, advert or account in it (as typed:
    '+44 7400 123456')."""
    _export(lambda graph: network_subgraph(graph, network, limit=limit), format_name, out, limit)


@export.command("networks")
@click.option("--id", "ids", multiple=True, help="A network id; repeat for more.")
@click.option("--top", type=int, help="The N networks with the highest score.")
@_format
@_out
@_limit
def networks_command(ids: tuple[str, ...], top: int | None, format_name: str, out: str, limit: int) -> None:
    """Several networks in one file: those named with --id, and the --top N by score."""
    if not ids and not top:
        raise click.UsageError("name the networks with --id, or take the highest scores with --top N")

    def read(graph: Crosslink) -> Subgraph:
        chosen = list(ids)
        if top:
            chosen += [network.id for network in graph.networks(order="SCORE", first=top).items]
        if not chosen:
            raise ReadError("the graph holds no networks yet (they are built after each ingest)")
        return networks_subgraph(graph, chosen, limit=limit)

    _export(read, format_name, out, limit)


@export.command("neighbourhood")
@click.argument("identifier")
@click.option("--depth", type=int, default=2, show_default=True, help="Steps out from the identifier (1-3).")
@_format
@_out
@_limit
def neighbourhood_command(identifier: str, depth: int, format_name: str, out: str, limit: int) -> None:
    """What lies within --depth steps of an identifier (or advert or account): the adverts that mention
    it, what they mention, who posted them; hubs are shown but not stepped through."""
    _export(
        lambda graph: identifier_subgraph(graph, identifier, depth=depth, limit=limit),
        format_name,
        out,
        limit,
    )


def _export(read: Callable[[Crosslink], Subgraph], format_name: str, out: str, limit: int) -> None:
    """Read the subgraph, write it to `out`, and say what was written on stderr; errors exit 1."""
    chosen = get(format_name)
    with graph_connection() as graph:
        try:
            subgraph = read(graph)
        except ReadError as error:  # not found, bad input, too large, the graph unavailable
            _fail(str(error))
    try:
        if out == "-":
            sys.stdout.flush()
            chosen.write(subgraph, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        elif chosen.several_files and not out.lower().endswith(".zip"):
            chosen.write(subgraph, out)  # a folder of files
        else:
            _write_whole(chosen, subgraph, Path(out))
    except FormatUnavailable as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"could not write {out}: {error.strerror or error}")
    where = "standard output" if out == "-" else out
    click.echo(
        f"{subgraph.title}: {len(subgraph.nodes)} nodes, {len(subgraph.edges)} edges written as "
        f"{chosen.name} to {where}",
        err=True,
    )
    if subgraph.truncated:
        click.echo(f"cut at {limit} nodes (--limit): the newest adverts, each with all it touches", err=True)


def _write_whole(chosen: Format, subgraph: Subgraph, out: Path) -> None:
    """Write into a file beside `out`, then put it in `out`'s place: a write that fails halfway (a full
    disk, Ctrl-C) leaves an earlier export at `out` as it was, never half of a new one."""
    partial = out.with_name(f".{out.name}.partial")
    try:
        with partial.open("wb") as stream:
            chosen.write(subgraph, stream)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def _fail(message: str) -> NoReturn:
    click.echo(f"crosslink: {message}", err=True)
    sys.exit(EXIT_FAILED)
