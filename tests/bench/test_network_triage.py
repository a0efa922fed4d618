"""bench/network_triage.py: its measures on hand-made cases, and a whole run on a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pytest

from bench.network_triage import (
    Planted,
    Ranked,
    auc,
    band_of,
    breakdown,
    map_networks,
    markdown,
    run,
    template_links,
    top_share,
)
from graph.config import Settings


def test_auc_counts_ties_half() -> None:
    assert auc([3.0, 2.0], [1.0]) == 1.0
    assert auc([1.0], [2.0]) == 0.0
    assert auc([1.0], [1.0]) == 0.5
    # pairs (1,2) (1,3) (2,2) (2,3): only the tie scores, half
    assert auc([1.0, 2.0], [2.0, 3.0]) == pytest.approx(0.125)
    assert auc([], [1.0]) is None and auc([1.0], []) is None


def test_a_network_maps_to_the_planted_network_holding_most_of_its_adverts() -> None:
    truth = {
        "a1": Planted("N1", "smuggling", False),
        "a2": Planted("N1", "smuggling", False),
        "a3": Planted("B1", "benign", False),
        "a4": Planted(None, None, False),
        "a5": Planted(None, None, False),
        "a6": Planted("B1", "benign", False),
    }
    members = {"a1": "X", "a2": "X", "a3": "X", "a4": "Y", "a5": "Y", "a6": "Z", "a3x": "Z"}
    mapped = map_networks(truth, members)
    assert mapped["X"] == ("N1", "smuggling")
    assert mapped["Y"] == (None, "noise")
    assert mapped["Z"] == ("B1", "benign")  # a planted network wins a tie with noise


def test_top_share_ranks_by_the_chosen_score() -> None:
    ranked = [
        Ranked("n1", shape=9.0, score=1.0, planted="B1", cls="benign"),
        Ranked("n2", shape=1.0, score=9.0, planted="N1", cls="smuggling"),
    ]
    assert top_share(ranked, "shape", 1) == 0.0
    assert top_share(ranked, "score", 1) == 1.0
    assert top_share(ranked, "score", 20) == 0.5


def test_size_bands_cover_every_network_of_two_adverts_or_more() -> None:
    assert [band_of(n) for n in (2, 3, 5, 6, 20, 21, 5000)] == [
        "2",
        "3-5",
        "3-5",
        "6-20",
        "6-20",
        "21+",
        "21+",
    ]


def test_the_auc_is_taken_apart_by_kind_band_and_shape() -> None:
    ranked = [
        Ranked("s2", shape=0.0, score=5.0, planted="N1", cls="smuggling", adverts=2, kind="smuggling"),
        Ranked(
            "s9",
            shape=0.0,
            score=50.0,
            planted="N2",
            cls="smuggling",
            adverts=9,
            kind="smuggling",
            rotating=True,
        ),
        Ranked("f2", shape=0.0, score=10.0, planted="B1", cls="benign", adverts=2, kind="ferry"),
        Ranked("n9", shape=0.0, score=1.0, planted="B2", cls="benign", adverts=9, kind="news"),
        Ranked("z3", shape=0.0, score=0.0, planted=None, cls="noise", adverts=3, kind="noise"),
    ]
    parts = breakdown(ranked, "score")
    assert parts["by_kind"]["ferry"] == {"auc": 0.5, "smuggling": 2, "benign": 1}  # s2 below f2, s9 above
    assert parts["by_kind"]["news"]["auc"] == 1.0 and parts["by_kind"]["noise"]["auc"] == 1.0
    assert parts["by_band"]["2"]["auc"] == 0.0 and parts["by_band"]["6-20"]["auc"] == 1.0
    assert parts["by_band"]["3-5"]["auc"] is None  # no smuggling network of that size
    assert parts["smuggling_band"]["2"]["auc"] == pytest.approx(2 / 3)
    assert parts["smuggling_shape"]["rotating"] == {"auc": 1.0, "smuggling": 1, "benign": 3}
    assert parts["smuggling_shape"]["not rotating"]["auc"] == pytest.approx(2 / 3)


def test_rotated_members_are_found_in_their_networks_home_and_false_joins_counted() -> None:
    truth = {
        "e0a": Planted("N1", "smuggling", False),
        "e0b": Planted("N1", "smuggling", False),
        "e1a": Planted("N1", "smuggling", True),
        "e1b": Planted("N1", "smuggling", True),
        "b1": Planted("B1", "benign", False),
        "z1": Planted(None, None, False),
    }
    members = {"e0a": "X", "e0b": "X", "e1a": "X", "e1b": "W", "b1": "X", "z1": "X"}
    via = {"e1a": "template", "b1": "template", "z1": "identifier"}
    links = template_links(truth, members, via, map_networks(truth, members))
    assert links["rotated_planted"] == 2 and links["rotated_found"] == 1
    assert links["rotated_found_by_template"] == 1 and links["recall"] == 0.5
    assert links["false_joins"] == 2 and links["false_joins_by_template"] == 1
    assert links["false_joins_benign"] == 1
    assert links["first_epoch_by_template"] == 0
    assert links["false_join_organisations"] == 1 and links["false_join_organisations_by_template"] == 1


def test_a_whole_run_on_a_tiny_corpus(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = run(empty_graph, neo4j_settings.database, tmp_path, adverts=600, seed=3)
    networks = [json.loads(line) for line in (tmp_path / "networks.jsonl").read_text().splitlines()]
    planted = [n for n in networks if not n["hub"]]
    assert result["adverts"] == 600
    assert result["planted_smuggling"] == sum(n["class"] == "smuggling" for n in planted) > 0
    assert result["planted_benign"] == sum(n["class"] == "benign" for n in planted) > 0
    records, _, _ = empty_graph.execute_query(
        "MATCH (n:Network) RETURN count(n) AS n", database_=neo4j_settings.database
    )
    assert result["computed_networks"] == records[0]["n"] == sum(result["computed_by_class"].values())
    for side in ("before", "after"):
        for name, value in result[side].items():
            assert value is None or 0.0 <= value <= 1.0, (side, name)
    links = result["templates"]
    assert 0 <= links["rotated_found"] <= links["rotated_planted"]
    assert links["false_joins"] <= links["outsider_adverts_in_networks"]
    assert set(result["seconds"]) == {"generate", "ingest", "rebuild"}
    kinds = {n["kind"] for n in planted if n["kind"]} | {"noise"}
    for side in ("before", "after"):
        assert set(result["top100_not_smuggling"][side]) <= kinds
    text = markdown(result, "tiny")
    assert "| smuggling share of the top 20 |" in text and "recall of rotated members" in text
    assert "| benign networks, both sides of 2 adverts |" in text
    assert set(result["breakdown"]["after"]["by_band"]) == {"2", "3-5", "6-20", "21+"}
