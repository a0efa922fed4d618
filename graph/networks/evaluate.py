"""How well recovered networks match planted ones: pairwise precision and recall, ARI, hub merges.

"Two adverts are in the same network" is the unit: precision is the share of recovered same-network pairs
that are planted together, recall the share of planted pairs that were recovered together. Pair counts
come from the contingency table (sum of n·(n−1)/2 over cells, rows and columns), never from listing
pairs. Lone adverts (planted network null, or in no recovered network) are singletons of their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import neo4j

from graph.networks.rules import strength


@dataclass(frozen=True)
class Recovery:
    """The figures of one comparison."""

    adverts: int
    planted_networks: int
    recovered_networks: int
    pairs_planted: int
    pairs_recovered: int
    pairs_both: int
    precision: float
    recall: float
    ari: float
    merged_networks: int  # recovered networks holding adverts of 2+ planted networks
    hub_merges: int  # of those, merges that go through an identifier the rule should have made a hub

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("adverts", f"{self.adverts}"),
            ("planted networks (2+ adverts)", f"{self.planted_networks}"),
            ("recovered networks", f"{self.recovered_networks}"),
            ("pairwise precision", f"{self.precision:.4f}"),
            ("pairwise recall", f"{self.recall:.4f}"),
            ("adjusted Rand index", f"{self.ari:.4f}"),
            ("recovered networks merging 2+ planted ones", f"{self.merged_networks}"),
            ("planted networks wrongly merged through a hub", f"{self.hub_merges}"),
        ]


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def compare(truth: Mapping[str, str | None], recovered: Mapping[str, str | None]) -> Recovery:
    """Compare per-advert planted network ids with recovered network ids (None: not in a network)."""
    cells: Counter[tuple[str, str]] = Counter()
    rows: Counter[str] = Counter()
    columns: Counter[str] = Counter()
    for advert, planted in truth.items():
        planted_label = planted if planted is not None else f"lone:{advert}"
        found = recovered.get(advert)
        found_label = found if found is not None else f"lone:{advert}"
        cells[planted_label, found_label] += 1
        rows[planted_label] += 1
        columns[found_label] += 1
    both = sum(_pairs(n) for n in cells.values())
    planted_pairs = sum(_pairs(n) for n in rows.values())
    recovered_pairs = sum(_pairs(n) for n in columns.values())
    total = _pairs(len(truth))
    expected = planted_pairs * recovered_pairs / total if total else 0.0
    maximum = (planted_pairs + recovered_pairs) / 2
    ari = (both - expected) / (maximum - expected) if maximum != expected else 1.0
    planted_in: dict[str, set[str]] = defaultdict(set)
    for (planted_label, found_label), _ in cells.items():
        if not found_label.startswith("lone:") and not planted_label.startswith("lone:"):
            planted_in[found_label].add(planted_label)
    merged = sum(1 for planted in planted_in.values() if len(planted) > 1)
    return Recovery(
        adverts=len(truth),
        planted_networks=sum(1 for label, n in rows.items() if not label.startswith("lone:") and n >= 2),
        recovered_networks=sum(1 for label in columns if not label.startswith("lone:")),
        pairs_planted=planted_pairs,
        pairs_recovered=recovered_pairs,
        pairs_both=both,
        precision=both / recovered_pairs if recovered_pairs else 1.0,
        recall=both / planted_pairs if planted_pairs else 1.0,
        ari=ari,
        merged_networks=merged,
        hub_merges=0,
    )


def hub_merges(shared: Iterable[tuple[str, Iterable[str | None]]], min_networks: int = 2) -> int:
    """Planted networks wrongly merged through a shared identifier that should have been a hub.

    `shared` gives, for each non-hub identifier that joins adverts of one recovered network, the planted
    networks of those adverts. A planted network's own identifiers are never written by another planted
    network, so an identifier joining adverts of `min_networks` or more planted networks is a tie the hub
    rule should have cut (a hotline, a famous account, a shared page); each planted network beyond the
    first that it ties in counts once.
    """
    count = 0
    for _, planted in shared:
        networks = {p for p in planted if p is not None}
        if len(networks) >= min_networks:
            count += len(networks) - 1
    return count


def recovered_from_graph(driver: neo4j.Driver, database: str) -> dict[str, str]:
    """Advert key -> network id, for every advert in a network."""
    records, _, _ = driver.execute_query(
        "MATCH (a:Advert)-[:IN_NETWORK]->(n:Network) RETURN a.key AS advert, n.id AS network",
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    return {r["advert"]: r["network"] for r in records}


def joining_identifiers(driver: neo4j.Driver, database: str) -> list[tuple[str, list[str]]]:
    """Each non-hub identifier mentioned by 2+ adverts of one network, with those adverts' keys."""
    records, _, _ = driver.execute_query(
        "MATCH (n:Network)<-[:IN_NETWORK]-(a:Advert)-[:MENTIONS]->(i) WHERE NOT coalesce(i.hub, false) "
        "WITH n, i, collect(a.key) AS adverts WHERE size(adverts) >= 2 RETURN i.key AS key, adverts",
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    return [(r["key"], r["adverts"]) for r in records]


def evaluate(driver: neo4j.Driver, database: str, truth: Mapping[str, str | None]) -> Recovery:
    """Compare the networks in the graph with the planted truth, hub merges included."""
    result = compare(truth, recovered_from_graph(driver, database))
    joined = [
        (key, [truth.get(a) for a in adverts])
        for key, adverts in joining_identifiers(driver, database)
        if strength(key) is not None
    ]
    return Recovery(**{**result.__dict__, "hub_merges": hub_merges(joined)})
