"""Accounts, tags, IBANs and wallets: valid for their service, unique in the corpus."""

import random

import pytest
from stdnum import iban

from graph.identifiers.handle import canonical_name
from graph.identifiers.payment import canonical_tag
from graph.identifiers.wallet import wallet_key
from graph.synth.identities import Identities
from graph.synth.routes import ROUTES

PLATFORMS = ("facebook", "instagram", "tiktok", "x", "telegram", "snapchat")
WORDS = [["safe", "crossing", "london"], ["uk"], ["a", "b"], ["europa", "express", "official"], ["dianh"]]


@pytest.fixture
def ids() -> Identities:
    return Identities(random.Random(4), expected=10_000)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_usernames_follow_the_platform_rules(ids: Identities, platform: str) -> None:
    keys = set()
    for words in WORDS * 20:
        account = ids.account(platform, words, ids.suffix(), "label")
        assert canonical_name(account.name, platform) == account.canonical, account
        keys.add(account.key)
    for _ in range(50):  # brands as networks draw them: some words only, most with a serial
        account = ids.account(platform, *ids.brand(("safe", "crossing", "uk", "europa", "express")), "label")
        assert canonical_name(account.name, platform) == account.canonical, account
        keys.add(account.key)
    assert len(keys) == len(WORDS) * 20 + 50


def test_words_only_names_are_given_out_once(ids: Identities) -> None:
    names = set()
    for _ in range(50):
        words, suffix = ids.brand(("safe", "crossing"))
        names.add(("".join(words), suffix))
    assert len(names) == 50  # a repeated word set always comes with a serial


@pytest.mark.parametrize("scheme", ["paypal", "revolut", "cashapp", "venmo"])
def test_tags_follow_the_service_rules(ids: Identities, scheme: str) -> None:
    for words in WORDS:
        tag = ids.tag(scheme, words, None)
        assert f"payment:{scheme}:{canonical_tag(scheme, tag.name)}" == tag.key


def test_ibans_are_valid_for_every_route_country(ids: Identities) -> None:
    countries = {c for route in ROUTES for c in route.iban_countries}
    for country in sorted(countries):
        numbers = {ids.bank_account(country).iban for _ in range(20)}
        assert len(numbers) == 20
        assert all(iban.is_valid(n) and n.startswith(country) for n in numbers)


@pytest.mark.parametrize(
    ("form", "pattern"), [("btc", "base58"), ("bech32", "bech32"), ("eth", "eth"), ("tron", "tron")]
)
def test_wallets_have_valid_checksums(ids: Identities, form: str, pattern: str) -> None:
    for _ in range(20):
        wallet = ids.wallet(form)
        assert wallet_key(pattern, wallet.address) == wallet.key
