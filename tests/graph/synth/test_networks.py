"""Planted networks: heavy-tailed sizes, several platforms and countries, and a life over time."""

from __future__ import annotations

import random
import re
import statistics
from collections import defaultdict

from graph.synth.networks import plan_sizes


def test_sizes_are_heavy_tailed_and_sum_to_the_budget() -> None:
    sizes = plan_sizes(random.Random(1), 400_000)
    assert sum(sizes) == 400_000
    assert min(sizes) >= 2
    assert statistics.median(sizes) <= 4
    assert sum(2 <= s <= 10 for s in sizes) / len(sizes) > 0.8
    assert sum(s >= 100 for s in sizes) >= 20  # a few with hundreds
    assert max(sizes) <= 1000


def test_small_budgets() -> None:
    assert plan_sizes(random.Random(1), 0) == []
    assert plan_sizes(random.Random(1), 1) == []
    assert sum(plan_sizes(random.Random(1), 3)) == 3
    for seed in range(20):
        sizes = plan_sizes(random.Random(seed), 800)
        assert sum(sizes) == 800 and max(sizes) >= 20


def test_a_small_corpus_holds_real_networks(corpus) -> None:
    planted = corpus.planted
    assert max(n["size"] for n in planted) >= 20
    spread = [n for n in planted if len(n["platforms"]) >= 2 and len(n["phone_countries"]) >= 2]
    assert spread, "some network spans two platforms and two countries"
    assert any(len(n["languages"]) >= 2 for n in planted)
    assert {n["route"] for n in planted} == {"channel", "central_med", "eastern_med", "balkans", "vietnam_uk"}


def _components(truths: list[dict]) -> int:
    """Connected components of adverts linked by a shared non-hub identifier."""
    parent = list(range(len(truths)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, truth in enumerate(truths):
        for key in set(truth["identifiers"]) - set(truth["hubs"]):
            if key in first_with:
                parent[find(i)] = find(first_with[key])
            else:
                first_with[key] = i
    return len({find(i) for i in range(len(truths))})


def test_each_network_is_one_connected_component_per_epoch(corpus) -> None:
    """A network that keeps its identifiers is one component; a rotating one is one per epoch."""
    by_network = defaultdict(list)
    for truth in corpus.truth:
        if truth["network"]:
            by_network[truth["network"]].append(truth)
    assert len(by_network) == len(corpus.planted)
    epochs = {n["network"]: n["epochs"] for n in corpus.planted}
    assert max(epochs.values()) >= 2
    for network, truths in by_network.items():
        assert _components(truths) == epochs[network], network


def test_numbers_rotate_and_accounts_are_replaced(corpus) -> None:
    rotating = [n for n in corpus.planted if len(n["phones"]) >= 2]
    assert rotating
    taken_down = [a for n in corpus.planted for a in n["accounts"] if a["taken_down"]]
    assert taken_down
    # A replacement account keeps a phone or a payment tag of its network: some advert of the new
    # account shares an identifier with an advert of an older account of the same network.
    replaced = [
        n
        for n in corpus.planted
        if sum(a["taken_down"] for a in n["accounts"]) and n["size"] >= 20 and not n["rotating"]
    ]
    assert replaced
    for network in replaced:
        truths = [t for t in corpus.truth if t["network"] == network["network"]]
        by_account = defaultdict(set)
        for truth in truths:
            by_account[truth["account"]] |= set(truth["identifiers"]) - set(truth["hubs"])
        accounts = list(by_account.values())
        assert all(any(a & b for b in accounts if b is not a) for a in accounts) or len(accounts) == 1


def test_reposts_keep_the_media_and_get_a_new_post_id(corpus) -> None:
    adverts = {f"{a['platform']}:{a['post_id']}": a for a in corpus.adverts}
    reposts = [t for t in corpus.truth if t["repost_of"]]
    assert len(reposts) > 20
    for truth in reposts:
        copy = adverts[f"{truth['platform']}:{truth['post_id']}"]
        original = adverts[truth["repost_of"]]
        assert copy["media"] == original["media"]
        assert copy["post_id"] != original["post_id"] or copy["platform"] != original["platform"]
        assert copy["text"] != original["text"]  # a small edit


def test_hubs_are_shared_by_unrelated_networks(large_corpus) -> None:
    hubs = {h["kind"]: h for h in large_corpus.hubs}
    assert set(hubs) == {"hotline", "famous", "aggregator"}
    assert max(h["networks"] for h in large_corpus.hubs) >= 3
    news = [t for t in large_corpus.truth if t["kind"] == "news"]
    assert news and all(t["hubs"] for t in news)


def test_lookalikes_are_one_digit_from_a_network_phone(corpus) -> None:
    owners = {key: n["network"] for n in corpus.planted for key in n["identifiers"]}
    lookalikes = [t for t in corpus.truth if t["lookalike_of"]]
    assert lookalikes
    for truth in lookalikes:
        assert truth["network"] is None
        for fake, real in truth["lookalike_of"].items():
            assert fake in truth["identifiers"] and fake not in owners and real in owners
            assert len(fake) == len(real)
            assert sum(a != b for a, b in zip(fake, real, strict=True)) == 1


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _rotating(corpus) -> dict[str, list[tuple[dict, dict]]]:
    rotating = {n["network"] for n in corpus.planted if n["rotating"]}
    adverts: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    for advert, truth in zip(corpus.adverts, corpus.truth, strict=True):
        if truth["network"] in rotating:
            adverts[truth["network"]].append((advert, truth))
    return adverts


def test_rotated_members_share_no_identifier_with_the_networks_earlier_adverts(corpus) -> None:
    networks = _rotating(corpus)
    assert networks and sum(t["rotated"] for pairs in networks.values() for _, t in pairs) >= 20
    for network, pairs in networks.items():
        first = [(a, t) for a, t in pairs if not t["rotated"]]
        later = [(a, t) for a, t in pairs if t["rotated"]]
        assert first and later, network
        assert max(a["posted_at"] for a, _ in first) <= min(a["posted_at"] for a, _ in later)
        first_keys = {k for _, t in first for k in t["identifiers"] if k not in t["hubs"]}
        for _, truth in later:
            assert not (set(truth["identifiers"]) - set(truth["hubs"])) & first_keys, network
        assert len({t["account"] for _, t in first} & {t["account"] for _, t in later}) == 0


def test_rotated_members_copy_the_networks_text(corpus) -> None:
    """Each rotated advert is a near copy of one of the first epoch's, and closer to it than to
    adverts of other networks in its language."""
    networks = _rotating(corpus)
    others: dict[str, list[set]] = defaultdict(list)
    for advert, truth in zip(corpus.adverts, corpus.truth, strict=True):
        if truth["class"] == "smuggling" and truth["network"] not in networks:
            others[advert["lang"]].append(_shingles(advert["text"]))
    own, foreign = [], []
    for pairs in networks.values():
        first = [_shingles(a["text"]) for a, t in pairs if not t["rotated"]]
        for advert, truth in pairs:
            if truth["rotated"]:
                text = _shingles(advert["text"])
                own.append(max(len(text & f) / len(text | f) for f in first))
                foreign.append(
                    max((len(text & f) / len(text | f) for f in others[advert["lang"]]), default=0)
                )
    assert min(own) >= 0.25
    assert statistics.median(own) >= 0.5 > statistics.median(foreign)
