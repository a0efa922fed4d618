"""The networks page: every order read in index order, paged with cursors, ties by key, filters and totals.

The Network nodes are written directly, with chosen scores, sizes and dates (ties included), so each
page can be checked against the same networks sorted in Python.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import neo4j
import pytest

from graph import cypher, networks
from graph.config import Settings
from graph.read import BadInput, Reader, queries
from graph.read.queries import NetworkFilter

START = datetime(2026, 1, 1, tzinfo=UTC)
# (id, score, size, platforms, countries, days after START last seen, or None for no dated advert)
Spec = tuple[str, float, int, list[str], list[str], int | None]
NETWORKS: list[Spec] = [
    ("a", 50.0, 4, ["facebook", "telegram"], ["FR", "GB"], 3),
    ("b", 50.0, 9, ["telegram"], ["GB"], 1),
    ("c", 72.5, 4, ["facebook", "tiktok", "x"], ["AL", "GB", "IT"], 7),
    ("d", 10.0, 2, ["x"], [], None),
    ("e", 50.0, 4, ["facebook", "x"], ["TN", "IT"], 3),
    ("f", 31.2, 15, ["instagram", "telegram"], ["VN"], 9),
]


def _networks_row(spec: Spec) -> dict[str, Any]:
    nid, score, size, platforms, countries, days = spec
    last = START + timedelta(days=days) if days is not None else None
    return {
        "key": f"network:{nid}",
        "id": nid,
        "properties": {
            "score": score,
            "score_content": _content(score),
            "size": size,
            "platforms": platforms,
            "countries": countries,
            "first_seen": START if last else None,
            "last_seen": last,
        },
    }


@pytest.fixture
def reader(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> Reader:
    database = neo4j_settings.database
    networks.apply_schema(empty_graph, database)
    rows = [_networks_row(n) for n in NETWORKS]
    empty_graph.execute_query(cypher.load("networks_write"), networks=rows, database_=database)
    return Reader(empty_graph, database)


def _content(score: float) -> float:
    """A content part for each network, tied where the scores are."""
    return round(score * 0.6, 1)


def _expected(order: str, keep: Callable[[Spec], bool] = lambda n: True) -> list[str]:
    def value(n: Spec) -> float:
        if order == "SCORE":
            return n[1]
        if order == "CONTENT":
            return _content(n[1])
        if order == "SIZE":
            return n[2]
        return -1 if n[5] is None else (START + timedelta(days=n[5])).timestamp()

    chosen = [n for n in NETWORKS if keep(n)]
    return [n[0] for n in sorted(chosen, key=lambda n: (-value(n), n[0]))]


def _all_pages(
    reader: Reader, order: str, wanted: NetworkFilter | None = None, size: int = 2
) -> tuple[list[str], int]:
    ids: list[str] = []
    after = None
    totals = set()
    while True:
        page = reader.call(queries.networks, wanted, order=order, first=size, after=after)
        totals.add(page.total)
        ids.extend(n.id for n in page.items)
        if not page.has_next:
            break
        after = page.cursors[-1]
    assert len(totals) == 1
    return ids, totals.pop()


@pytest.mark.parametrize("size", [2, 3])  # with 3, a page ends between the two networks tied on a date
@pytest.mark.parametrize("order", queries.ORDERS)
def test_every_order_pages_through_all_networks_ties_by_key(reader: Reader, order: str, size: int) -> None:
    ids, total = _all_pages(reader, order, size=size)
    assert ids == _expected(order)
    assert total == len(NETWORKS)


@pytest.mark.parametrize("order", queries.ORDERS)
def test_filters_apply_to_the_page_and_the_total_alike(reader: Reader, order: str) -> None:
    wanted = NetworkFilter(min_platforms=2, countries=["GB"])
    ids, total = _all_pages(reader, order, wanted)
    expected = _expected(order, lambda n: len(n[3]) >= 2 and "GB" in n[4])
    assert ids == expected == [i for i in _expected(order) if i in {"a", "c"}]
    assert total == 2


def test_seen_dates_filter_on_first_and_last_seen(reader: Reader) -> None:
    since = NetworkFilter(seen_since=START + timedelta(days=5))
    before = NetworkFilter(seen_before=START + timedelta(days=1), min_size=3)

    assert _all_pages(reader, "SCORE", since) == (["c", "f"], 2)
    assert _all_pages(reader, "SIZE", before) == (["f", "b", "a", "c", "e"], 5)  # d: no dated advert


def test_an_identifier_in_no_network_gives_an_empty_page_from_one_read(reader: Reader) -> None:
    before = reader.queries
    page = reader.call(queries.networks, NetworkFilter(contains_identifier="+44 7400 123456"))

    assert (page.items, page.total, page.has_next) == ([], 0, False)
    assert reader.queries - before == 1  # which networks hold it; no page query


@pytest.mark.parametrize("value", ['"9"', "NaN", "Infinity", "null", "true", "[1]"])
def test_a_forged_cursor_value_is_bad_input(reader: Reader, value: str) -> None:
    raw = '{"k":"network:a","o":"SCORE","v":' + value + "}"  # JSON as Python's json module reads it
    cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
    with pytest.raises(BadInput, match="cursor"):
        reader.call(queries.networks, None, order="SCORE", after=cursor)


def test_networks_stored_before_the_page_properties_are_filled_in(
    reader: Reader, empty_graph: neo4j.Driver, neo4j_settings: Settings
) -> None:
    database = neo4j_settings.database
    empty_graph.execute_query(
        "MATCH (n:Network) REMOVE n.platform_count, n.country_count, n.last_seen_ms", database_=database
    )
    assert (
        reader.call(queries.networks, None, order="LAST_SEEN", first=10).items == []
    )  # unreadable as they are

    assert networks.fill_missing(empty_graph, database) == len(NETWORKS)
    assert networks.fill_missing(empty_graph, database) == 0

    ids, total = _all_pages(reader, "LAST_SEEN")
    assert (ids, total) == (_expected("LAST_SEEN"), len(NETWORKS))
    ids, _ = _all_pages(reader, "SCORE", NetworkFilter(min_platforms=3))
    assert ids == ["c"]


@pytest.mark.parametrize("prop", sorted(queries.ORDER_PROPERTIES.values()))
def test_the_page_is_read_in_index_order_not_sorted(
    reader: Reader, empty_graph: neo4j.Driver, neo4j_settings: Settings, prop: str
) -> None:
    query = cypher.variant("read_networks_page", order=prop)
    with empty_graph.session(database=neo4j_settings.database) as session:
        plan = session.run("EXPLAIN " + query, _parameters()).consume().plan

    def operators(step: dict) -> list[tuple[str, str]]:
        below = (o for child in step.get("children", []) for o in operators(child))
        return [(step["operatorType"].split("@")[0], step.get("args", {}).get("Details", "")), *below]

    found = operators(plan)
    # Read from the index on the order's property (a scan, or a range seek when a filter bounds it) ...
    assert any(o.startswith("NodeIndex") and f"Network({prop})" in d for o, d in found), found
    # ... in its order: at most ties are sorted (PartialTop), never every network.
    assert not any(o in ("Sort", "Top") for o, _ in found), found


def _parameters() -> dict[str, Any]:
    return {
        "only": None,
        "min_platforms": 0,
        "min_countries": 0,
        "min_size": 0,
        "platforms": [],
        "countries": [],
        "seen_since": None,
        "seen_before": None,
        "after_value": None,
        "after_key": None,
        "first": 50,
    }
