"""`crosslink networks`: recompute networks (update, rebuild) and show one, as the API does."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import Any

import click

from api.commands.connection import graph_connection
from graph.networks import HubRule, NetworkReport


@click.group("networks")
def networks() -> None:
    """Networks: adverts and accounts joined by shared identifiers, with hubs left out (docs/networks.md)."""


@networks.command("rebuild")
@click.option("--min-accounts", type=int, help="Hub candidates: identifiers in adverts of this many authors.")
@click.option("--max-groups-strong", type=int, help="Hub limit for phones, payment tags and emails.")
@click.option("--max-groups-medium", type=int, help="Hub limit for handles and links.")
@click.option("--max-groups-weak", type=int, help="Hub limit for domains.")
@click.option("--max-groups-template", type=int, help="Hub limit for templates (near-duplicate texts).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--hubs", "show_hubs", type=int, default=10, show_default=True, help="How many hubs to list.")
def rebuild_command(as_json: bool, show_hubs: int, **limits: int | None) -> None:
    """Recompute every network. The hub rule comes from CROSSLINK_HUB_* variables, then these options."""
    try:
        rule = replace(HubRule.from_env(), **{k: v for k, v in limits.items() if v is not None})
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    with graph_connection() as graph:
        report = graph.rebuild_networks(rule=rule)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    click.echo(format_report(report, show_hubs))


@networks.command("update")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def update_command(as_json: bool) -> None:
    """Bring the networks up to date with every ingest run they do not yet account for (one that failed,
    was stopped, or ran with --no-networks): only the networks their adverts touch are recomputed."""
    with graph_connection() as graph:
        done = graph.update_networks()
    if as_json:
        click.echo(json.dumps(done.as_dict(), ensure_ascii=False))
    elif done.report is None:
        click.echo(f"networks up to date ({len(done.runs)} run(s) marked, no adverts to regroup)")
    else:
        click.echo(f"{len(done.runs)} run(s), {done.adverts} adverts written by them")
        click.echo(format_report(done.report, show_hubs=0))


def format_report(report: NetworkReport, show_hubs: int = 10) -> str:
    """The report in a few lines, hubs with their reason."""
    lines = [
        f"{report.kind}: {report.networks} networks ({report.networks_created} new, "
        f"{report.networks_written} written), "
        f"{report.networks_removed} removed, {report.members_moved} memberships changed, "
        f"in {report.seconds:.1f} s",
        f"{report.adverts_in_networks} adverts and {report.accounts_in_networks} accounts in networks, "
        f"of {report.adverts_read} adverts read",
        f"hub rule: {report.rule.describe()}",
        f"{len(report.hubs)} hubs of {report.candidates} candidates; "
        f"{len(report.hubs_cleared)} hub marks cleared",
        f"{report.template_links} template links, {report.template_hubs} templates are hubs; "
        f"{report.template_adverts} adverts in networks only by template",
    ]
    lines += [f"  {hub.key}: {hub.reason}" for hub in report.hubs[:show_hubs]]
    if len(report.hubs) > show_hubs:
        lines.append(f"  ... and {len(report.hubs) - show_hubs} more")
    return "\n".join(lines)


@networks.command("show")
@click.argument("network_id")
@click.option("--limit", type=int, default=20, show_default=True, help="Most adverts and identifiers listed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(network_id: str, limit: int, as_json: bool) -> None:
    """A network's summary: score and why, platforms, countries, dates, members, shared identifiers."""
    with graph_connection() as graph:
        found = graph.network_summary(network_id, limit=limit)
    if found is None:
        click.echo(f"crosslink: no network with id {network_id!r}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, default=str))
        return
    click.echo(format_summary(found))


def format_summary(found: dict[str, Any]) -> str:
    n = found["network"]
    lines = [
        f"{n['id']}: {n['advert_count']} adverts, {n['account_count']} accounts, score {n['score']:g}",
        f"  {n['score_explanation']}",
        f"  platforms: {', '.join(n['platforms'])}; countries: {', '.join(n['countries']) or '-'}",
        f"  seen {_day(n.get('first_seen'))} to {_day(n.get('last_seen'))}; "
        f"computed {_day(n.get('updated_at'))}",
        "  accounts: " + (", ".join(found["accounts"]) or "-"),
        "  shared identifiers: " + (", ".join(map(_shared, found["shared"])) or "-"),
        "  latest adverts: " + ", ".join(found["adverts"]),
    ]
    return "\n".join(lines)


def _shared(item: dict[str, Any]) -> str:
    return f"{item['key']} ({item['adverts']} adverts{', hub' if item['hub'] else ''})"


def _day(value: Any) -> str:
    return str(value)[:10] if value is not None else "?"
