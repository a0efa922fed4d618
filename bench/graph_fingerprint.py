"""What a graph holds, with per-run bookkeeping set aside, so that a load that went through a fault can be
compared exactly with one clean load of the same input (bench/faults.py and its tests).

A fingerprint has the number of nodes of each label and of relationships of each type, and two sha256
checksums over sorted lines: one for what ingest writes (every node's labels, key and properties; every
relationship's start key, type, end key and properties) and one for what the networks add (Network
nodes, IN_NETWORK, and the hub and named-country properties set on ingest's nodes). A relationship
written twice is two lines, so doubling shows in both the counts and the checksum.

Left out, because they differ from one correct run to the next: IngestRun, IngestLock, NetworksLease,
Lease, InboxFile and WebhookDelivery nodes (a record of runs, files read, hits posted and of who writes
or recomputes, not of the adverts); each advert's `first_run`
and `last_run` (the keys of the runs that wrote it); and of each network, `updated_at` (when it was
recomputed) and the score parts computed as of that moment (`score_recency`, and `score`,
`score_explanation` and `profile_hash`, which include it). Everything else, dates of adverts and evidence
included, is a function of the input alone.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import neo4j

from graph import cypher

BOOKKEEPING_LABELS = ("IngestRun", "IngestLock", "NetworksLease", "Lease", "InboxFile", "WebhookDelivery")
PER_RUN_PROPERTIES = {
    "Advert": frozenset({"first_run", "last_run"}),
    "Network": frozenset({"updated_at", "score", "score_recency", "score_explanation", "profile_hash"}),
}
NETWORK_LABELS = frozenset({"Network"})
NETWORK_TYPES = frozenset({"IN_NETWORK"})
# Properties the networks set on nodes that ingest writes (hubs on identifiers, named countries on adverts).
NETWORK_PROPERTIES = frozenset(
    {"hub", "hub_accounts", "hub_groups", "hub_reason", "named_countries", "named_countries_of"}
)


@dataclass(frozen=True)
class Fingerprint:
    """Counts per label and per relationship type, and the checksums of ingest's graph and of the networks."""

    labels: dict[str, int]
    types: dict[str, int]
    graph: str
    networks: str

    def counts_equal(self, other: Fingerprint) -> bool:
        """Whether ingest's nodes per label and relationships per type are as many as in `other`."""
        return _ingest(self.labels) == _ingest(other.labels) and _ingest(self.types) == _ingest(other.types)

    def networks_equal(self, other: Fingerprint) -> bool:
        """Whether the networks are the same: as many Network nodes and IN_NETWORK, the same checksum."""
        return (
            _networks(self.labels) == _networks(other.labels)
            and _networks(self.types) == _networks(other.types)
            and self.networks == other.networks
        )

    def differences(self, other: Fingerprint) -> list[str]:
        """What differs from `other`, one phrase each ("Advert: 20 here, 19 there"); empty when equal."""
        found = [
            f"{name}: {mine.get(name, 0)} here, {theirs.get(name, 0)} there"
            for mine, theirs in ((self.labels, other.labels), (self.types, other.types))
            for name in sorted(set(mine) | set(theirs))
            if mine.get(name, 0) != theirs.get(name, 0)
        ]
        if self.graph != other.graph:
            found.append("ingest checksum differs")
        if self.networks != other.networks:
            found.append("networks checksum differs")
        return found


def _ingest(counts: dict[str, int]) -> dict[str, int]:
    return {name: n for name, n in counts.items() if name not in NETWORK_LABELS | NETWORK_TYPES}


def _networks(counts: dict[str, int]) -> dict[str, int]:
    return {name: n for name, n in counts.items() if name in NETWORK_LABELS | NETWORK_TYPES}


def fingerprint(driver: neo4j.Driver, database: str) -> Fingerprint:
    """The fingerprint of the graph as it is now (read in two streaming queries)."""
    labels: Counter[str] = Counter()
    types: Counter[str] = Counter()
    graph_lines: list[str] = []
    network_lines: list[str] = []
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for record in session.run(cypher.load("fingerprint_nodes"), bookkeeping=list(BOOKKEEPING_LABELS)):
            names = sorted(record["labels"])
            labels[":".join(names)] += 1
            own, networks = _split(names, record["properties"])
            if NETWORK_LABELS.intersection(names):
                network_lines.append(_line(names, record["key"], {**own, **networks}))
                continue
            graph_lines.append(_line(names, record["key"], own))
            if networks:
                network_lines.append(_line(names, record["key"], networks))
        for record in session.run(
            cypher.load("fingerprint_relationships"), bookkeeping=list(BOOKKEEPING_LABELS)
        ):
            types[record["type"]] += 1
            line = _line(record["start"], record["type"], record["end"], record["properties"])
            (network_lines if record["type"] in NETWORK_TYPES else graph_lines).append(line)
    return Fingerprint(dict(labels), dict(types), _checksum(graph_lines), _checksum(network_lines))


def _split(labels: list[str], properties: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A node's properties without the per-run ones, as (ingest's, the networks')."""
    per_run = frozenset().union(*(PER_RUN_PROPERTIES.get(label, frozenset()) for label in labels))
    own = {k: v for k, v in properties.items() if k not in per_run and k not in NETWORK_PROPERTIES}
    networks = {k: v for k, v in properties.items() if k not in per_run and k in NETWORK_PROPERTIES}
    return own, networks


def _line(*parts: Any) -> str:
    return json.dumps(parts, sort_keys=True, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> str:
    """Neo4j's temporal values as ISO 8601 text (the only non-JSON values the graph holds)."""
    iso = getattr(value, "iso_format", None)
    if iso is None:
        raise TypeError(f"no JSON form for {type(value).__name__} {value!r}")
    return iso()


def _checksum(lines: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
