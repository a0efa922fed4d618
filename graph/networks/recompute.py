"""Full and incremental recomputes of networks: decide hubs, find components, give ids, write what changed."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import neo4j

from graph.db import QUIET
from graph.networks import components, ids, store, templates
from graph.networks.components import Hub, LinkGraph
from graph.networks.lease import WAIT_SECONDS, recompute_lease
from graph.networks.profile import AdvertFacts, cctld_country, named_countries, profile
from graph.networks.region import Region
from graph.networks.rules import HubRule, strength
from graph.networks.store import AdvertRow, OldNetwork
from graph.networks.templates import Signatures, TemplateLink, Templates
from graph.templates import THRESHOLD


@dataclass
class NetworkReport:
    """What a recompute did. `hubs` are the hubs it decided (all of them for a rebuild)."""

    kind: str  # "rebuild" or "update"
    rule: HubRule
    networks: int = 0  # networks found (in the region, for an update)
    networks_written: int = 0
    networks_removed: int = 0
    networks_created: int = 0
    adverts_in_networks: int = 0
    accounts_in_networks: int = 0
    members_moved: int = 0
    adverts_read: int = 0
    candidates: int = 0
    hubs: list[Hub] = field(default_factory=list)
    hubs_cleared: list[str] = field(default_factory=list)
    template_links: int = 0  # SAME_TEMPLATE links of the adverts recomputed (a spanning set per template)
    template_hubs: int = 0  # templates that are hubs (copied by many groups): their links do not join
    template_adverts: int = 0  # adverts in a network only through template links
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON values (hubs as {key, reason})."""
        return {
            "kind": self.kind,
            "rule": self.rule.describe(),
            "networks": self.networks,
            "networks_written": self.networks_written,
            "networks_created": self.networks_created,
            "networks_removed": self.networks_removed,
            "adverts_in_networks": self.adverts_in_networks,
            "accounts_in_networks": self.accounts_in_networks,
            "members_moved": self.members_moved,
            "adverts_read": self.adverts_read,
            "candidates": self.candidates,
            "hubs": [{"key": h.key, "reason": h.reason} for h in self.hubs],
            "hubs_cleared": self.hubs_cleared,
            "template_links": self.template_links,
            "template_hubs": self.template_hubs,
            "template_adverts": self.template_adverts,
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


class _Clock:
    def __init__(self, report: NetworkReport) -> None:
        self.report = report
        self.start = self.last = time.monotonic()

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.report.timings[name] = self.report.timings.get(name, 0.0) + now - self.last
        self.last = now

    def stop(self) -> None:
        self.report.seconds = time.monotonic() - self.start


def rebuild(
    driver: neo4j.Driver,
    database: str,
    *,
    rule: HubRule | None = None,
    now: datetime | None = None,
    wait: float = WAIT_SECONDS,
) -> NetworkReport:
    """Recompute every network from the whole graph; ids are kept where members overlap (see `ids`).

    Holds the recompute lease (waiting at most `wait` seconds for it: `lease`). The ingest runs that had
    ended, not yet accounted for, when it began are then marked as accounted for (`pending`)."""
    store.apply_schema(driver, database)
    with recompute_lease(driver, database, wait=wait):
        ended = store.pending_runs(driver, database)
        report = _rebuild(driver, database, rule or HubRule.from_env(), now)
        store.mark_runs(driver, database, ended)  # what it read includes every advert they wrote
    return report


def read_all(driver: neo4j.Driver, database: str) -> tuple[LinkGraph, Signatures, dict[str, AdvertRow]]:
    """Every advert's links and template signature, as a rebuild reads them, with the adverts by key."""
    graph, signatures = LinkGraph(), Signatures()
    rows: dict[str, AdvertRow] = {}
    for row, template in store.stream_adverts(driver, database):
        rows[row.key] = row
        index = graph.advert(row.key)
        if template:
            signatures.add(index, template)
        if row.author:
            graph.posted(row.author, row.key)
        for identifier in row.identifiers:
            graph.mentions(row.key, identifier)
    return graph, signatures, rows


def _rebuild(driver: neo4j.Driver, database: str, rule: HubRule, now: datetime | None) -> NetworkReport:
    report = NetworkReport("rebuild", rule)
    clock = _Clock(report)
    graph, signatures, rows = read_all(driver, database)
    report.adverts_read = len(rows)
    clock.lap("read")
    hubs, report.candidates = components.find_hubs(graph, rule)
    clock.lap("components")
    pairs, similarity = templates.template_pairs(graph, signatures, THRESHOLD)
    del signatures
    decided = templates.decide(graph, hubs, pairs, similarity, rule)
    found, template_only = components.networks_joined(graph, hubs, (decided.joins_left, decided.joins_right))
    del graph
    clock.lap("templates")
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        old = store.read_networks(session)
        old_hubs = store.read_hubs(session)
        clock.lap("read old")
        _write_templates(session, report, decided, store.read_template_links(session))
        clock.lap("write templates")
        _write(
            session, report, clock, found, old, rows, hubs, now, check_ids=False, template_only=template_only
        )
        clear = sorted(set(old_hubs) - hubs.keys())
        marks = [h for h in hubs.values() if old_hubs.get(h.key) != h.reason]
        store.write_hubs(session, [_hub_row(h) for h in marks] + [{"key": k, "hub": False} for k in clear])
        report.hubs = sorted(hubs.values(), key=lambda h: (-h.groups, h.key))
        report.hubs_cleared = clear
        clock.lap("write hubs")
    clock.stop()
    return report


def update(
    driver: neo4j.Driver,
    database: str,
    advert_keys: Iterable[str],
    *,
    rule: HubRule | None = None,
    now: datetime | None = None,
    wait: float = WAIT_SECONDS,
) -> NetworkReport:
    """Recompute only the networks the given adverts touch (after they were ingested or edited).

    The region is found by expanding from the adverts (see `region`); networks outside it are not read.
    The result for the region is the one `rebuild` gives, except that identifiers marked as hubs by
    the last recompute stay hubs (their groups are not explored again); the next `rebuild` decides afresh.
    Holds the recompute lease, as `rebuild` does.
    """
    store.apply_schema(driver, database)
    with recompute_lease(driver, database, wait=wait):
        return _update(driver, database, sorted(set(advert_keys)), rule or HubRule.from_env(), now)


def _update(
    driver: neo4j.Driver, database: str, seeds: list[str], rule: HubRule, now: datetime | None
) -> NetworkReport:
    report = NetworkReport("update", rule)
    clock = _Clock(report)
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        region = Region(session, rule)
        region.expand(seeds)
        report.adverts_read = sum(1 for row in region.adverts.values() if row is not None)
        clock.lap("read")
        hubs = region.hubs()
        graph = region.link_graph()
        pairs, similarity, outside, kept = region.template_pairs(graph)
        tied = region.stored_ties(graph, outside)
        decided = templates.decide(
            graph, hubs, pairs, similarity, rule, outside=outside, kept=kept, tied=tied
        )
        found, template_only = components.networks_joined(
            graph, hubs, (decided.joins_left, decided.joins_right)
        )
        report.candidates = len(region.decided)
        clock.lap("components")
        old = list(region.old_networks.values())
        rows = {k: r for k, r in region.adverts.items() if r is not None and k in region.members}
        _write_templates(session, report, decided, store.read_template_links(session, sorted(region.members)))
        clock.lap("write templates")
        _write(
            session, report, clock, found, old, rows, hubs, now, check_ids=True, template_only=template_only
        )
        marks, clear = [], []
        for key in sorted(region.visited):
            node = region.nodes.get(key)
            if node is None:
                continue
            hub = hubs.get(key)
            if hub is None and node.hub:
                clear.append(key)
            elif hub is not None and not (node.hub and (key in region.kept or node.hub_reason == hub.reason)):
                marks.append(hub)
        store.write_hubs(session, [_hub_row(h) for h in marks] + [{"key": k, "hub": False} for k in clear])
        report.hubs = sorted(hubs.values(), key=lambda h: (-h.groups, h.key))
        report.hubs_cleared = clear
        clock.lap("write hubs")
    clock.stop()
    return report


def _write_templates(
    session: neo4j.Session,
    report: NetworkReport,
    decided: Templates,
    old: Mapping[tuple[str, str], tuple[float, bool, str | None]],
) -> None:
    """Replace the SAME_TEMPLATE links read (`old`) by the decided ones; only what changed is written.

    Written before the networks, whose content score reads which adverts a joining template ties."""
    new: dict[tuple[str, str], TemplateLink] = {(link.small, link.large): link for link in decided.links}
    gone = sorted(set(old) - new.keys())
    changed = [
        link.row()
        for pair, link in sorted(new.items())
        if old.get(pair) != (link.similarity, link.joins, link.reason)
    ]
    store.write_template_links(session, gone, changed)
    report.template_links = len(new)
    report.template_hubs = decided.hubs


def _hub_row(hub: Hub) -> dict[str, Any]:
    return {"key": hub.key, "hub": True, "reason": hub.reason, "groups": hub.groups, "accounts": hub.accounts}


def _write(
    session: neo4j.Session,
    report: NetworkReport,
    clock: _Clock,
    found: list[tuple[list[str], list[str]]],
    old: list[OldNetwork],
    rows: Mapping[str, AdvertRow],
    hubs: Mapping[str, Hub],
    now: datetime | None,
    *,
    check_ids: bool,
    template_only: Collection[str] = (),
) -> None:
    """Give ids, profile and write the networks found, move members, delete networks that are gone.

    `template_only` are the members in their network only through template links (`via`)."""
    now = now or datetime.now(UTC)
    old_of: dict[str, str] = {}
    old_member: dict[str, str] = {}
    old_template: set[str] = set()
    for network in old:
        old_template.update(network.template)
        for member in network.members:
            old_member[member] = network.key
            if member.startswith("advert:"):
                old_of[member] = network.id
    advert_lists = [adverts for adverts, _ in found]
    taken: set[str] = set()
    old_ids = {network.id for network in old}
    while True:
        assigned = ids.assign(advert_lists, old_of, taken)
        minted = [i for i in assigned if i not in old_ids]
        clash = store.ids_taken(session, minted) if check_ids and minted else set()
        if not clash:
            break
        taken |= clash
    clock.lap("ids")

    facts = _facts(session, found, rows, hubs)
    clock.lap("countries")

    old_hash = {network.key: network.profile_hash for network in old}
    network_keys = []
    network_rows = []
    moves: list[tuple[str, str | None]] = []
    new_member: dict[str, str] = {}
    for (adverts, accounts), network_id in zip(found, assigned, strict=True):
        key = ids.network_key(network_id)
        network_keys.append(key)
        joined = [a for a in adverts if a in template_only]
        properties = profile(adverts, accounts, facts, now, template_only=joined)
        properties["profile_hash"] = _profile_hash(properties)
        if old_hash.get(key) != properties["profile_hash"]:  # unchanged networks are not rewritten
            network_rows.append({"key": key, "id": network_id, "properties": properties})
        for member in adverts + accounts:
            new_member[member] = key
            if old_member.get(member) != key or (member in old_template) != (member in template_only):
                moves.append((member, key))
    moves.extend((member, None) for member in old_member if member not in new_member)
    clock.lap("profile")
    store.write_networks(session, network_rows)
    store.write_members(session, moves, template_only)
    old_keys = set(old_hash)
    gone = sorted(old_keys - set(network_keys))
    store.move_tags(session, _tag_moves(store.tagged_networks(session, gone), old_member, new_member))
    store.delete_networks(session, gone)
    clock.lap("write networks")
    report.networks = len(network_keys)
    report.networks_written = len(network_rows)
    report.networks_created = sum(1 for key in network_keys if key not in old_keys)
    report.networks_removed = len(gone)
    report.members_moved = len(moves)
    report.adverts_in_networks = sum(len(a) for a, _ in found)
    report.accounts_in_networks = sum(len(a) for _, a in found)
    report.template_adverts = sum(1 for adverts, _ in found for a in adverts if a in template_only)


def _tag_moves(
    tagged: set[str], old_member: Mapping[str, str], new_member: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Where the tags of each tagged network that is gone go: the new network holding most of its old
    adverts (ties to the smaller key), or, when none holds any, its old adverts."""
    adverts: dict[str, list[str]] = {key: [] for key in tagged}
    for member, network in old_member.items():
        if network in adverts and member.startswith("advert:"):
            adverts[network].append(member)
    moves = []
    for network in sorted(tagged):
        held = Counter(new_member[a] for a in adverts[network] if a in new_member)
        successor = min(held, key=lambda k: (-held[k], k)) if held else None
        moves.append({"from": network, "to": successor, "adverts": sorted(adverts[network])})
    return moves


def _profile_hash(properties: Mapping[str, Any]) -> str:
    """A hash of a network's properties but `updated_at`: equal hashes need no write."""
    body = {k: v for k, v in properties.items() if k not in ("updated_at", "profile_hash")}
    text = json.dumps(body, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _facts(
    session: neo4j.Session,
    found: list[tuple[list[str], list[str]]],
    rows: Mapping[str, AdvertRow],
    hubs: Mapping[str, Hub],
) -> dict[str, AdvertFacts]:
    """Per member advert: when, its countries and what its text says (its indicator hits, read for the
    members only); the countries its text names are cached on the advert."""
    members = [key for adverts, _ in found for key in adverts]
    content = store.read_content(session, members)
    stale = [key for key in members if rows[key].named is None]
    named: dict[str, tuple[str, ...]] = {}
    if stale:
        cache = []
        for key, text, content_hash in store.read_texts(session, stale):
            named[key] = named_countries(text)
            cache.append({"key": key, "named": list(named[key]), "content_hash": content_hash})
        store.write_named(session, cache)
    facts = {}
    for key in members:
        row = rows[key]
        found_countries = set(named.get(key, ()) if row.named is None else row.named)
        found_countries.update(country for identifier, country in row.located if identifier not in hubs)
        for identifier in row.identifiers:
            if identifier.startswith("domain:") and identifier not in hubs and strength(identifier):
                country = cctld_country(identifier)
                if country:
                    found_countries.add(country)
        facts[key] = AdvertFacts(row.posted, row.region, tuple(sorted(found_countries)), content.get(key))
    return facts
