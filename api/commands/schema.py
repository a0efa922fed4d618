"""`crosslink schema`: print the GraphQL API's schema (SDL); `schema.graphql` is this output, committed."""

from __future__ import annotations

import click


def sdl() -> str:
    """The schema as SDL, ending with a newline.

    The GraphQL schema is imported here, not with the module: building Strawberry's types costs about a
    third of a second, which every other command (and each ingest worker, which imports the CLI's
    module again as it starts) would pay for nothing."""
    from api.graphql.schema import build_schema

    return build_schema().as_str().rstrip("\n") + "\n"


@click.command("schema")
def schema() -> None:
    """Print the GraphQL schema as SDL (`crosslink schema > schema.graphql` after changing the API)."""
    click.echo(sdl(), nl=False)
