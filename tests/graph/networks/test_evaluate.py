"""Pairwise precision and recall and ARI from contingency tables, checked on small hand-made cases."""

from graph.networks.evaluate import compare, hub_merges


def test_perfect_recovery():
    truth = {"a": "p1", "b": "p1", "c": "p2", "d": "p2", "e": None}
    result = compare(truth, {"a": "n1", "b": "n1", "c": "n2", "d": "n2"})
    assert (result.precision, result.recall, result.ari) == (1.0, 1.0, 1.0)
    assert result.merged_networks == 0


def test_merge_costs_precision_and_split_costs_recall():
    truth = {"a": "p1", "b": "p1", "c": "p2", "d": "p2"}
    merged = compare(truth, {"a": "n", "b": "n", "c": "n", "d": "n"})
    assert merged.recall == 1.0 and merged.precision == 2 / 6
    assert merged.merged_networks == 1
    split = compare({"a": "p", "b": "p", "c": "p"}, {"a": "n1", "b": "n1"})
    assert split.precision == 1.0 and split.recall == 1 / 3


def test_hub_merges_counts_planted_networks_tied_by_one_identifier():
    assert hub_merges([("phone:+1", ["p1", "p1"]), ("phone:+2", ["p1", "p2", "p3", None])]) == 2
