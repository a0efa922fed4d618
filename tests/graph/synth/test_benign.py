"""Benign organisations: as cross-platform and cross-border as the networks, in the same languages."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from graph.synth import generate
from graph.synth.benign import KINDS
from graph.synth.languages import LANGUAGES
from graph.synth.templates import BenignPhrases, fill

VALUES = {
    name: "x"
    for name in ("name", "dep", "dest", "place", "city", "day", "date", "time", "price", "n", "number")
}


def _benign(corpus) -> list[dict]:
    return [n for n in corpus.planted if n["class"] == "benign"]


def test_every_network_says_its_class_kind_and_rotation(corpus) -> None:
    for network in corpus.planted:
        assert network["class"] in ("smuggling", "benign")
        assert (network["kind"] in KINDS) == (network["class"] == "benign")
        assert isinstance(network["rotating"], bool)
        assert not (network["rotating"] and network["class"] == "benign")
    assert {n["class"] for n in corpus.planted} == {"smuggling", "benign"}


def test_benign_networks_span_platforms_and_countries(corpus) -> None:
    benign = _benign(corpus)
    assert len(benign) >= 20
    for network in benign:
        assert len(network["platforms"]) >= 2, network["network"]
        assert len(network["countries"]) >= 2, network["network"]
        assert len(network["phone_countries"]) >= 2, network["network"]


def test_benign_networks_share_identifiers_across_accounts(corpus) -> None:
    by_account: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for truth in corpus.truth:
        if truth["class"] == "benign":
            keys = set(truth["identifiers"]) - set(truth["hubs"])
            by_account[truth["network"]][truth["account"]] |= keys
    assert len(by_account) == len(_benign(corpus))
    assert any(len(accounts) >= 3 for accounts in by_account.values())
    for network, accounts in by_account.items():
        assert len(accounts) >= 2, network
        for account, keys in accounts.items():
            assert any(keys & other for name, other in accounts.items() if name != account), network


def test_benign_adverts_are_in_every_language_and_of_every_kind(large_corpus) -> None:
    languages = {t["lang"] for t in large_corpus.truth if t["class"] == "benign"}
    assert languages == set(LANGUAGES)
    assert {n["kind"] for n in _benign(large_corpus)} == set(KINDS)


def test_benign_adverts_name_the_routes_places_and_prices(corpus) -> None:
    """Hard negatives: the texts name the same departure places as the smuggling adverts."""
    texts = [a["text"] for a, t in zip(corpus.adverts, corpus.truth, strict=True) if t["class"] == "benign"]
    places = {place for lang in LANGUAGES.values() for place in lang.places.values()}
    assert sum(any(place in text for place in places) for text in texts) > len(texts) / 3
    assert sum(any(c.isdigit() for c in text.split("\n")[0]) for text in texts) > len(texts) / 2


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_benign_phrasing_fills(code: str) -> None:
    phrases = LANGUAGES[code].benign
    assert isinstance(phrases, BenignPhrases)
    for kind in KINDS:
        posts = getattr(phrases, kind)
        assert len(posts) >= 3 and len(set(posts)) == len(posts)
        for post in posts:
            assert "x" in fill(post, **VALUES)
    for line in phrases.registration:
        assert "{number}" in line
    assert all("{phone}" in line for line in phrases.contact_lines)
    assert all("{payment}" in line for line in phrases.donation_lines)


def test_same_seed_same_bytes_with_benign_and_rotating_networks(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", adverts=3000, seed=5)
    generate(tmp_path / "b", adverts=3000, seed=5)
    assert first.benign_adverts > 0 and first.rotated_adverts > 0
    for name in ("adverts.jsonl", "truth.jsonl", "networks.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_newsrooms_quote_smuggling_adverts_without_their_contacts(large_corpus) -> None:
    """The hard case for template links: a headline copying an advert's text word for word."""
    smuggling_lines = {
        line
        for advert, truth in zip(large_corpus.adverts, large_corpus.truth, strict=True)
        if truth["class"] == "smuggling"
        for line in advert["text"].split("\n")
        if len(line) > 25
    }
    news = {n["network"] for n in large_corpus.planted if n["kind"] == "news"}
    quoting = [
        truth
        for advert, truth in zip(large_corpus.adverts, large_corpus.truth, strict=True)
        if truth["network"] in news
        and sum(line in smuggling_lines for line in advert["text"].split("\n")) >= 3
    ]
    assert quoting
    owners = {key for n in large_corpus.planted if n["class"] == "smuggling" for key in n["identifiers"]}
    assert all(not set(truth["identifiers"]) & owners for truth in quoting)
