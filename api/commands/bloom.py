"""`crosslink bloom`: print the Neo4j Bloom perspective (JSON); `cypher/bloom/crosslink.json` is this
output, committed."""

from __future__ import annotations

import click

from graph.bloom import perspective_json


@click.command("bloom")
def bloom() -> None:
    """Print the Neo4j Bloom perspective of the graph as JSON, for Bloom or Explore to import.

    Its categories, search phrases and scene actions come from the graph model and cypher/bloom/
    (`crosslink bloom > cypher/bloom/crosslink.json` after changing either).
    """
    click.echo(perspective_json(), nl=False)
