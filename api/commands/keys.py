"""`crosslink keys`: create, list and revoke the API's keys (the same methods as the admin mutations)."""

from __future__ import annotations

import json
import sys

import click

from api.commands.connection import graph_connection
from graph import apikeys


@click.group("keys")
def keys() -> None:
    """API keys: each has a role, reader (queries), ingest (also pushes adverts) or admin (also tags,
    takedowns, watchlists and keys). Keys are stored as hashes; a key is shown once, when created."""


@keys.command("create")
@click.option("--role", required=True, type=click.Choice(apikeys.ROLES), help="What the key may do.")
@click.option("--name", required=True, help="Who or what it is for (shown in `keys list` and the audit log).")
def create(role: str, name: str) -> None:
    """Create a key and print it, once: give it to its user, it cannot be shown again."""
    with graph_connection() as graph:
        try:
            key, secret = graph.create_key(role=role, name=name)
        except apikeys.ApiKeyError as error:
            raise click.BadParameter(str(error)) from None
    click.echo(secret)
    click.echo(f"created key {key.id} ({key.role}) for {key.name}; it is shown only this once", err=True)


@keys.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def list_(as_json: bool) -> None:
    """Every key, revoked ones too: id, role, name, created, revoked."""
    with graph_connection() as graph:
        found = graph.list_keys()
    for key in found:
        created = key.created_at.isoformat() if key.created_at else None
        revoked = key.revoked_at.isoformat() if key.revoked_at else None
        if as_json:
            record = {
                "id": key.id,
                "role": key.role,
                "name": key.name,
                "created_at": created,
                "revoked_at": revoked,
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            state = f"revoked {revoked}" if revoked else "active"
            click.echo(f"{key.id}  {key.role:<6}  {created}  {state:<10}  {key.name}")
    if not found and not as_json:
        click.echo("no keys yet: crosslink keys create --role reader --name NAME", err=True)


@keys.command("revoke")
@click.argument("key_id")
def revoke(key_id: str) -> None:
    """Revoke the key KEY_ID (from `keys list`); it stops working at once."""
    with graph_connection() as graph:
        try:
            key = graph.revoke_key(key_id)
        except apikeys.ApiKeyError as error:
            click.echo(f"crosslink: {error}", err=True)
            sys.exit(1)
    click.echo(f"revoked {key.id} ({key.role}, {key.name})")
