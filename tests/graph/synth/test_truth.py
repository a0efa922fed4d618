"""The truth agrees with the adverts and with itself: what a scorer relies on."""

from __future__ import annotations

import re
from collections import Counter

import phonenumbers
from stdnum import iban

from graph.identifiers.handle import canonical_name
from graph.identifiers.payment import canonical_tag
from graph.identifiers.wallet import wallet_key

KEY = re.compile(r"(phone|handle|payment|email|url|domain):.+")


def test_truth_lines_follow_the_adverts(corpus) -> None:
    for advert, truth in zip(corpus.adverts, corpus.truth, strict=True):
        assert (advert["platform"], advert["post_id"], advert["lang"]) == (
            truth["platform"],
            truth["post_id"],
            truth["lang"],
        )
        assert truth["kind"] in {"network", "benign", "legit", "job", "rental", "news", "chatter"}
        assert (truth["network"] is None) == (truth["kind"] not in ("network", "benign"))
        assert truth["class"] == {"network": "smuggling", "benign": "benign"}.get(truth["kind"])
        assert truth["rotated"] is False or truth["class"] == "smuggling"
        assert set(truth["forms"]) == set(truth["identifiers"])
        assert set(truth["hubs"]) <= set(truth["identifiers"])
        assert all(KEY.fullmatch(key) for key in truth["identifiers"])


def test_network_adverts_carry_only_their_networks_identifiers_or_hubs(corpus) -> None:
    owned = {n["network"]: set(n["identifiers"]) for n in corpus.planted}
    hub_keys = {key for hub in corpus.hubs for key in hub["identifiers"]}
    for truth in corpus.truth:
        keys = set(truth["identifiers"])
        assert set(truth["hubs"]) <= hub_keys
        if truth["network"]:
            assert keys - set(truth["hubs"]) <= owned[truth["network"]], truth
            assert keys, "every network advert names at least one identifier"


def test_no_identifier_belongs_to_two_networks(corpus) -> None:
    counts = Counter(key for n in corpus.planted for key in n["identifiers"])
    assert [key for key, count in counts.items() if count > 1] == []
    hub_keys = {key for hub in corpus.hubs for key in hub["identifiers"]}
    assert not hub_keys & set(counts)


def test_sizes_match_the_truth(corpus) -> None:
    per_network = Counter(t["network"] for t in corpus.truth if t["network"])
    assert per_network == {n["network"]: n["size"] for n in corpus.planted}
    for hub in corpus.hubs:
        keys = set(hub["identifiers"])
        assert hub["size"] == sum(bool(keys & set(t["hubs"])) for t in corpus.truth), hub["network"]


def test_every_planted_phone_is_valid(large_corpus) -> None:
    phones = {key for t in large_corpus.truth for key in t["identifiers"] if key.startswith("phone:")}
    assert len(phones) > 1000
    for key in phones:
        number = phonenumbers.parse(key.removeprefix("phone:"))
        assert phonenumbers.is_valid_number(number), key


def test_every_planted_handle_and_payment_is_one_the_service_could_issue(large_corpus) -> None:
    keys = {key for t in large_corpus.truth for key in t["identifiers"]}
    for key in keys:
        kind, _, rest = key.partition(":")
        scheme, _, value = rest.partition(":")
        if kind == "handle":
            assert canonical_name(value, scheme) == value, key
        elif kind == "payment" and scheme == "iban":
            assert iban.is_valid(value), key
        elif kind == "payment" and scheme in ("btc", "eth", "tron"):
            form = {"eth": "eth", "tron": "tron"}.get(
                scheme, "bech32" if value.startswith("bc1") else "base58"
            )
            assert wallet_key(form, value) == key, key
        elif kind == "payment":
            assert canonical_tag(scheme, value) == value, key
        elif kind == "email":
            assert rest == rest.lower() and "@" in rest, key


def test_accounts_are_the_authors_keys(corpus) -> None:
    for advert, truth in zip(corpus.adverts, corpus.truth, strict=True):
        handle = advert["author"]["handle"]
        if handle is None:
            assert truth["account"] == f"account:{advert['platform']}:{advert['author']['id']}"
        else:
            name = handle.lower().replace(".", "") if advert["platform"] == "facebook" else handle.lower()
            assert truth["account"] == f"handle:{advert['platform']}:{name}"
