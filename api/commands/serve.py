"""`crosslink serve`: run the analysts' GraphQL API with uvicorn."""

from __future__ import annotations

import click
import uvicorn

from api.app import create_app
from api.commands.connection import graph_connection
from graph.crosslink import Crosslink


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: all).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option(
    "--proxy-headers/--no-proxy-headers",
    default=False,
    show_default=True,
    help="Trust X-Forwarded-For from a reverse proxy on this machine (the audit log then names the client).",
)
def serve(host: str, port: int, proxy_headers: bool) -> None:
    """Serve the GraphQL API at http://HOST:PORT/graphql and its IDE at /ide.

    Every request but GET /health needs an API key (`crosslink keys create`). The audit log goes to
    CROSSLINK_AUDIT_LOG (default var/audit.jsonl); reads time out after CROSSLINK_READ_TIMEOUT seconds.
    """
    with graph_connection() as graph:
        run_server(graph, host=host, port=port, proxy_headers=proxy_headers)


def run_server(graph: Crosslink, *, host: str, port: int, proxy_headers: bool = False) -> None:
    """Serve the API over an open graph until stopped (Ctrl-C)."""
    app = create_app(graph.driver, graph.database)
    click.echo(
        f"crosslink: GraphQL at http://{host}:{port}/graphql, IDE at http://{host}:{port}/ide", err=True
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        proxy_headers=proxy_headers,
        forwarded_allow_ips="127.0.0.1" if proxy_headers else None,
        server_header=False,
        log_level="info",
    )
