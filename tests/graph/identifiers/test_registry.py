"""The public entry points: `extract` over a whole advert and `identify` over an analyst's input."""

import pytest

from graph.identifiers import TYPES, extract, identify, occurrences
from graph.identifiers.email import Email
from graph.identifiers.phone import Phone
from graph.identifiers.registry import Registry, UnknownKind
from graph.identifiers.wallet import Wallet

ADVERT = (
    "🚤 UK crossing, 12 places, 2500€. WhatsApp +44 7400 123456 or wa.me/447400123456, "
    "tg: @Boat_Man_UK, pay paypal.me/AliTravel or IBAN GB29 NWBK 6016 1331 9268 19, "
    "mail Ali.Travel+uk@googlemail.com, site https://boats-uk.com/prices?utm_source=fb#top"
)


def test_extract_finds_every_kind_once_in_text_order() -> None:
    found = extract(ADVERT, platform="facebook")
    keys = [i.key for i in found]
    assert keys.count("phone:+447400123456") == 1
    phone = next(i for i in found if i.key == "phone:+447400123456")
    assert ADVERT[phone.span[0] : phone.span[1]] == "+44 7400 123456"  # the first occurrence wins
    assert {
        "phone:+447400123456",
        "handle:telegram:boat_man_uk",
        "payment:paypal:alitravel",
        "payment:iban:GB29NWBK60161331926819",
        "email:alitravel@gmail.com",
        "url:https://boats-uk.com/prices",
        "domain:boats-uk.com",
    } <= set(keys)
    assert [i.span for i in found] == sorted(i.span for i in found)


def test_every_span_points_at_its_value() -> None:
    for found in extract(ADVERT, platform="facebook"):
        start, end = found.span
        assert ADVERT[start:end].strip(), found
        if found.kind in ("phone", "handle", "email") and not found.rule.startswith("link"):
            assert ADVERT[start:end] == found.value, found


def test_digits_inside_claimed_identifiers_are_not_phones() -> None:
    text = "IBAN GB29 NWBK 6016 1331 9268 19 https://facebook.com/groups/123456789012/posts/447400123456"
    assert not [i for i in extract(text, region="GB") if i.kind == "phone"]


def test_platform_decides_bare_mentions() -> None:
    assert [i.key for i in extract("DM @kurd_trip", platform="instagram")] == ["handle:instagram:kurd_trip"]
    assert extract("DM @kurd_trip", platform="whatsapp") == []


@pytest.mark.parametrize(
    "raw",
    [
        "+44 7400 123456",
        "wa.me/447400123456",
        "00447400123456",
        "https://api.whatsapp.com/send?phone=447400123456",
    ],
)
def test_identify_finds_the_same_phone_node(raw: str) -> None:
    found = identify(raw)
    assert found is not None and found.key == "phone:+447400123456"


def test_identify_with_kind_and_region() -> None:
    assert identify("07400 123456", kind="phone", region="GB").key == "phone:+447400123456"
    assert identify("07400 123456", kind="phone") is None
    assert identify("@Boat_Man_UK", kind="handle", platform="telegram").key == "handle:telegram:boat_man_uk"
    assert identify("$BorderRunner88", kind="payment").key == "payment:cashapp:borderrunner88"
    assert identify("Ali.Travel@GoogleMail.com", kind="email").key == "email:alitravel@gmail.com"


def test_identify_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown identifier kind"):
        identify("x", kind="fax")


def test_huge_text_is_handled() -> None:
    text = ("Call +44 7400 123456 today. " + "word " * 2000) * 20
    found = extract(text)
    assert [i.key for i in found] == ["phone:+447400123456"]


def test_occurrences_keep_repeats_for_evidence() -> None:
    text = "Call +44 7400 123456, again: 0044 7400 123456"
    spans = [i.span for i in occurrences(text) if i.key == "phone:+447400123456"]
    assert [text[s:e] for s, e in spans] == ["+44 7400 123456", "0044 7400 123456"]
    assert len(extract(text)) == 1


# --- the registry: identifier types by name ---

WALLET = "1CEwg9pXFgT489hnmzygDmv3kYPRctKtat"

# One value per registered name, typed as an analyst would, and the key ingest writes for it.
BY_NAME = {
    "email": ("Ali.Travel@GoogleMail.com", {}, "email:alitravel@gmail.com"),
    "url": ("https://Boats-UK.com/prices?utm_source=fb", {}, "url:https://boats-uk.com/prices"),
    "domain": ("https://WWW.Boats-UK.co.uk/x", {}, "domain:boats-uk.co.uk"),
    "payment": ("paypal.me/AliTravel", {}, "payment:paypal:alitravel"),
    "wallet": (f" {WALLET} ", {}, f"payment:btc:{WALLET}"),
    "handle": ("@Boat_Man_UK", {"platform": "telegram"}, "handle:telegram:boat_man_uk"),
    "phone": ("07400 123456", {"region": "GB"}, "phone:+447400123456"),
}


def test_every_type_is_registered_under_a_unique_name_in_extraction_order() -> None:
    assert TYPES.names == ("email", "url", "domain", "payment", "wallet", "handle", "phone")
    assert [type_.name for type_ in TYPES] == list(TYPES.names)
    assert len(set(TYPES.names)) == len(TYPES)


def test_a_name_registered_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="'phone'"):
        Registry(Phone(), Email(), Phone())


def test_a_name_the_registry_uses_itself_is_refused() -> None:
    class Names(Email):
        name = "names"

    with pytest.raises(ValueError, match="'names'"):
        Registry(Names())


def test_the_registry_keeps_the_order_it_is_given() -> None:
    assert Registry(Phone(), Email()).names == ("phone", "email")


def test_types_are_found_by_name() -> None:
    for name in TYPES.names:
        assert TYPES.get(name).name == name
        assert getattr(TYPES, name) is TYPES.get(name)
        assert name in TYPES
    assert isinstance(TYPES.phone, Phone)
    assert isinstance(TYPES.get("wallet"), Wallet)


def test_an_unknown_name_is_refused_with_the_names_there_are() -> None:
    with pytest.raises(
        UnknownKind, match=r"unknown identifier kind 'fax'; expected one of domain, email, .*wallet"
    ):
        TYPES.get("fax")
    assert issubclass(UnknownKind, ValueError)
    with pytest.raises(AttributeError, match="'fax'"):
        TYPES.fax  # noqa: B018
    assert "fax" not in TYPES


def test_wallets_and_domains_are_kinds_of_their_own_under_their_graph_kinds() -> None:
    assert (TYPES.wallet.name, TYPES.wallet.kind) == ("wallet", "payment")
    assert (TYPES.domain.name, TYPES.domain.kind) == ("domain", "domain")
    assert TYPES.covering("payment") == (TYPES.payment, TYPES.wallet)
    assert TYPES.covering("wallet") == (TYPES.wallet,)
    assert TYPES.covering("domain") == (TYPES.domain,)


def test_every_graph_kind_can_be_named() -> None:
    assert TYPES.kinds == ("email", "url", "domain", "payment", "handle", "phone")
    assert set(TYPES.kinds) <= set(TYPES.names)


def test_identify_by_every_name() -> None:
    assert set(BY_NAME) == set(TYPES.names)
    for name, (raw, hints, key) in BY_NAME.items():
        found = identify(raw, kind=name, **hints)
        assert found is not None and found.key == key, name
        assert found.kind == TYPES.get(name).kind


def test_a_wallet_named_as_a_payment_is_still_found() -> None:
    assert identify(WALLET, kind="payment").key == f"payment:btc:{WALLET}"
    assert identify(f"BTC: {WALLET}", kind="payment").key == f"payment:btc:{WALLET}"
    assert identify("boatpay", kind="payment", platform="revolut").key == "payment:revolut:boatpay"
    assert identify("Revolut: @boatpay", kind="payment").key == "payment:revolut:boatpay"


def test_a_wallet_is_only_a_wallet() -> None:
    assert identify("paypal.me/AliTravel", kind="wallet") is None
    assert identify("$BorderRunner88", kind="wallet") is None
    assert identify(WALLET[:-1] + "u", kind="wallet") is None  # checksum fails


def test_a_typed_domain_gives_the_key_ingest_writes() -> None:
    for raw in (
        "boats-uk.com",
        "Boats-UK.com.",
        "<https://shop.boats-uk.com/a?b=1>",
        "http://boats-uk.com:8080/",
    ):
        assert identify(raw, kind="domain").key == "domain:boats-uk.com", raw
    advert = extract("see https://sara.blogspot.com/x and xn--bcher-kva.de")
    domains = [i for i in advert if i.kind == "domain"]
    assert [i.key for i in domains] == ["domain:sara.blogspot.com", "domain:bücher.de"]
    for found in domains:
        assert identify(found.value, kind="domain").key == found.key
    # No domain node is written for these: a platform host, an email's domain, an IP, prose.
    for raw in ("facebook.com", "wa.me/447400123456", "sara@boats-uk.com", "1.2.3.4", "see boats-uk.com"):
        assert identify(raw, kind="domain") is None, raw


def test_an_untyped_value_never_resolves_to_a_link_or_domain() -> None:
    assert identify("https://boats-uk.com/") is None
    assert identify("https://t.me/Boats_UK_Daily").key == "handle:telegram:boats_uk_daily"


def test_a_value_is_read_as_the_types_its_kind_covers() -> None:
    """What `graph.read.keys` collects the hints of: a graph kind covers the types under it, a type's
    own name only itself, and no kind every type a value typed bare may be (never a link or domain)."""
    assert [t.name for t in TYPES.reading("payment")] == ["payment", "wallet"]
    assert [t.name for t in TYPES.reading("wallet")] == ["wallet"]
    untyped = [t.name for t in TYPES.reading(None)]
    assert "phone" in untyped and "handle" in untyped
    assert "url" not in untyped and "domain" not in untyped
    with pytest.raises(UnknownKind):
        TYPES.reading("fax")


def test_a_profile_link_typed_as_a_handle_names_its_account() -> None:
    found = identify("https://t.me/boat_man", kind="handle", platform="telegram")
    assert found is not None and found.key == "handle:telegram:boat_man"
    assert identify("boat_man", kind="handle", platform="telegram").key == "handle:telegram:boat_man"


def test_a_messaging_link_typed_as_a_phone_names_its_number() -> None:
    found = identify("https://api.whatsapp.com/send?phone=447400123456", kind="phone")
    assert found is not None and found.key == "phone:+447400123456"


def test_a_handle_typed_with_look_alike_digits_is_the_account_ingest_keyed() -> None:
    [found] = extract("insta: sara_1²", platform="facebook")
    assert found.key == "handle:instagram:sara_12"
    assert identify(found.value, kind="handle", platform="instagram").key == found.key
