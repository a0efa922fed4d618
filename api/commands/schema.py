"""`crosslink schema`: print the GraphQL API's schema (SDL); `schema.graphql` is this output, committed."""

from __future__ import annotations

import click

from api.graphql.schema import build_schema


def sdl() -> str:
    """The schema as SDL, ending with a newline."""
    return build_schema().as_str().rstrip("\n") + "\n"


@click.command("schema")
def schema() -> None:
    """Print the GraphQL schema as SDL (`crosslink schema > schema.graphql` after changing the API)."""
    click.echo(sdl(), nl=False)
