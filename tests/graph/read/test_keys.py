"""Typed values to node keys, by the kind an analyst names: no graph needed."""

from __future__ import annotations

import pytest

from graph.identifiers import TYPES
from graph.read import BadInput
from graph.read.keys import IDENTIFIER_KINDS, PREFIXES, identifier_key, kind_of

WALLET = "1CEwg9pXFgT489hnmzygDmv3kYPRctKtat"


def test_the_identifier_kinds_are_the_registry_graph_kinds() -> None:
    assert set(IDENTIFIER_KINDS) == set(TYPES.kinds)
    assert {kind for _, kind in PREFIXES.values()} >= set(IDENTIFIER_KINDS)


def test_a_wallet_is_looked_up_by_name_and_kept_as_a_payment() -> None:
    for kind in ("wallet", "payment", None):
        key = identifier_key(WALLET, kind=kind)
        assert key == f"payment:btc:{WALLET}"
        assert kind_of(key) == "payment"
    with pytest.raises(BadInput, match="not a valid wallet"):
        identifier_key("paypal.me/AliTravel", kind="wallet")


def test_a_domain_is_looked_up_by_name() -> None:
    assert identifier_key("https://WWW.Boats-UK.co.uk/x", kind="domain") == "domain:boats-uk.co.uk"
    with pytest.raises(BadInput, match=r"not a valid domain.*facebook\.com"):
        identifier_key("facebook.com", kind="domain")


def test_an_unknown_kind_says_which_there_are() -> None:
    with pytest.raises(BadInput, match=r"unknown identifier kind 'fax'.*wallet"):
        identifier_key("x", kind="fax")
