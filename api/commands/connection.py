"""The one way a command reaches the graph: settings from the environment, a checked driver."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from graph.config import Settings, SettingsError
from graph.db import GraphUnavailable, connect
from graph.networks.lease import RecomputeBusy

EXIT_FAILED = 1


@contextmanager
def graph_connection() -> Iterator[tuple[neo4j.Driver, str]]:
    """A checked driver and the database name, or exit status 1 with the reason on stderr (also when
    the graph fails later, while the command runs: a message, never a traceback)."""
    try:
        settings = Settings.from_env()
        driver = connect(settings)
    except (SettingsError, GraphUnavailable) as error:
        click.echo(f"crosslink: {error}", err=True)
        sys.exit(EXIT_FAILED)
    with driver:
        try:
            yield driver, settings.database
        except (Neo4jError, DriverError) as error:  # the server went away, or refused, mid-command
            click.echo(f"crosslink: the graph database failed: {type(error).__name__}: {error}", err=True)
            sys.exit(EXIT_FAILED)
        except RecomputeBusy as error:
            click.echo(f"crosslink: {error}", err=True)
            sys.exit(EXIT_FAILED)
