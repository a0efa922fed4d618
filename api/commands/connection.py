"""The one way a command reaches the graph: a `graph.Crosslink` connected with the environment's settings."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from neo4j.exceptions import DriverError, Neo4jError

from graph.config import SettingsError
from graph.crosslink import Crosslink
from graph.db import GraphUnavailable
from graph.networks.lease import RecomputeBusy

EXIT_FAILED = 1


@contextmanager
def graph_connection() -> Iterator[Crosslink]:
    """The graph, connected and checked, or exit status 1 with the reason on stderr (also when the graph
    fails later, while the command runs: a message, never a traceback)."""
    try:
        graph = Crosslink.connect()
    except (SettingsError, GraphUnavailable) as error:
        click.echo(f"crosslink: {error}", err=True)
        sys.exit(EXIT_FAILED)
    with graph:
        try:
            yield graph
        except (Neo4jError, DriverError) as error:  # the server went away, or refused, mid-command
            click.echo(f"crosslink: the graph database failed: {type(error).__name__}: {error}", err=True)
            sys.exit(EXIT_FAILED)
        except RecomputeBusy as error:
            click.echo(f"crosslink: {error}", err=True)
            sys.exit(EXIT_FAILED)
