"""The public entry points: `extract` over a whole advert and `identify` over an analyst's input."""

import pytest

from graph.identifiers import extract, identify, occurrences

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
