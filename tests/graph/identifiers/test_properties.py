"""Properties every extraction must have, on generated adverts of mixed scripts, digits and identifiers.

No exception; every span inside the text and pointing at its value; every key canonical (cleaning the
value a key holds gives the key back); and every found value, looked up again, gives its key, as an
analyst pasting it into a query would expect. The `ci` Hypothesis profile keeps this quick; the
`thorough` one (HYPOTHESIS_PROFILE=thorough) is the benchmark-size run RELIABILITY.md reports.
"""

from __future__ import annotations

import phonenumbers
from hypothesis import example, given
from hypothesis import strategies as st

from graph.identifiers import TYPES, Identifier, extract, identify, occurrences

# Digits as adverts write them: ASCII, Arabic-Indic, Persian, full-width, keycap emoji.
DIGIT_FORMS = {
    "ascii": "0123456789",
    "arabic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "fullwidth": "０１２３４５６７８９",
}
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ROUTE_REGIONS = ["GB", "FR", "IT", "DE", "TN", "AL", "VN", "IQ", "LY", "TR", "SE", "US", "BE", "GR"]
PLATFORMS = ["facebook", "instagram", "tiktok", "x", "telegram", "whatsapp", None]


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    """A real number (an example libphonenumber ships) written the way an advert might hide it."""
    region = draw(st.sampled_from(ROUTE_REGIONS))
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    style = draw(st.sampled_from(["international", "national", "e164", "00"]))
    if style == "national":
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    elif style == "e164":
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    else:
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if style == "00":
            written = "00" + written[1:]
    obfuscation = draw(st.sampled_from(["none", "spaced", "digits", "keycaps", "words", "dots"]))
    if obfuscation == "spaced":
        written = " ".join(c for c in written if not c.isspace())
    elif obfuscation == "digits":
        form = DIGIT_FORMS[draw(st.sampled_from(sorted(DIGIT_FORMS)))]
        written = "".join(form[int(c)] if c.isdigit() else c for c in written)
    elif obfuscation == "keycaps":
        written = "".join(c + "\ufe0f\u20e3" if c.isdigit() else c for c in written)
    elif obfuscation == "words":
        written = " ".join(WORDS[int(c)] if c.isdigit() else c for c in written if not c.isspace())
    elif obfuscation == "dots":
        written = ".".join(written.split())
    return draw(st.sampled_from(["", "WhatsApp ", "tel: ", "📞 ", "viber ", "واتساب "])) + written


handle_names = st.from_regex(r"[a-z][a-z0-9_]{3,14}[a-z0-9]", fullmatch=True)
IDENTIFIERS = st.one_of(
    phone_numbers(),
    handle_names.map(lambda name: f"@{name}"),
    handle_names.map(lambda name: f"tg: @{name}"),
    handle_names.map(lambda name: f"insta: {name}_1"),
    handle_names.map(lambda name: f"https://t.me/{name}"),
    handle_names.map(lambda name: f"paypal.me/{name}"),
    handle_names.map(lambda name: f"revolut: @{name}"),
    handle_names.map(lambda name: f"Cash App ${name}"),
    handle_names.map(lambda name: f"{name}@gmail.com"),
    handle_names.map(lambda name: f"{name} [at] gmail [dot] com"),
    handle_names.map(lambda name: f"https://{name}.co.uk/boats?utm_source=fb"),
    handle_names.map(lambda name: f"www.{name}.com"),
    st.sampled_from(
        [
            "GB29 NWBK 6016 1331 9268 19",
            "FR14 2004 1010 0505 0001 3M02 606",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "wa.me/447400123456",
            "https://api.whatsapp.com/send?phone=447400123456",
        ]
    ),
)
NOISE = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    st.text(alphabet="0123456789 -./()+#:,$€£", max_size=20),
    st.sampled_from(
        [
            " ",
            "\n",
            ", ",
            " 🚤 ",
            " 🇬🇧 ",
            " UK ",
            " France ",
            " تونس ",
            "€2500",
            " 05/11/2024 ",
            " 14:30 ",
            "ref: 55678 ",
            " places ",
            " \u200b",
            "الى ايطاليا",
            " Qua Anh ",
            " prix 1.200 € ",
        ]
    ),
)
ADVERTS = st.lists(st.one_of(IDENTIFIERS, NOISE), max_size=12).map("".join)


def lookup(found: Identifier, value: str, region: str | None) -> str | None:
    """The key an analyst gets for `value`, typed as the kind the identifier was found as."""
    # A handle's platform, and a tag's service where only a label beside it said which (`revolut: @x`),
    # are what an analyst gives with the value.
    labelled_tag = found.kind == "payment" and found.rule.startswith("label:")
    type_platform = found.scheme if found.kind == "handle" or labelled_tag else None
    # A phone is read in its own country: the advert's region may not be what made it a number (a
    # bare international number after `WhatsApp`, a number with its own country named beside it).
    region = found.country if found.kind == "phone" else region
    identified = identify(value, kind=found.kind, region=region, platform=type_platform)
    return identified.key if identified else None


@given(text=ADVERTS, region=st.sampled_from([*ROUTE_REGIONS, None]), platform=st.sampled_from(PLATFORMS))
@example(text="Cash App $BoatCash", region=None, platform="facebook")
@example(text="123456https://api.whatsapp.com/send?phone=447400123456", region="DE", platform="facebook")
@example(text="+32.450.00.12.3420,000 0£00", region="GB", platform="facebook")  # no number across an amount
def test_every_found_identifier_holds_together(text: str, region: str | None, platform: str | None) -> None:
    found = occurrences(text, platform=platform, region=region)
    links = {i.span for i in found if i.kind == "url"}
    for identifier in found:
        start, end = identifier.span
        assert 0 <= start < end <= len(text), identifier
        written = text[start:end]
        if identifier.rule.startswith("link:"):
            # A value read out of a link points at the link, which is what an analyst pastes.
            assert identifier.span in links, identifier
            pasted = written
        else:
            assert written.strip() == identifier.value, identifier
            pasted = identifier.value
        assert lookup(identifier, pasted, region) == identifier.key, identifier


def key_again(key: str) -> set[str | None]:
    """The keys the value a key holds gives when cleaned again, as an analyst might type it."""
    kind, rest = key.split(":", 1)
    if kind == "handle":
        platform, name = rest.split(":", 1)
        cleaned = TYPES.handle.clean(name, platform=platform)
        return {cleaned.key if cleaned else None}
    values = [rest, rest.split(":", 1)[1]] if kind == "payment" else [rest]
    found = {identify(value, kind=kind) for value in values}
    return {i.key if i else None for i in found}


@given(text=ADVERTS, region=st.sampled_from([*ROUTE_REGIONS, None]), platform=st.sampled_from(PLATFORMS))
def test_every_key_is_canonical(text: str, region: str | None, platform: str | None) -> None:
    for identifier in extract(text, platform=platform, region=region):
        assert identifier.key in key_again(identifier.key), identifier


@given(text=ADVERTS, region=st.sampled_from([*ROUTE_REGIONS, None]))
def test_extraction_is_deterministic_and_keeps_first_occurrences(text: str, region: str | None) -> None:
    first = extract(text, region=region, platform="telegram")
    assert first == extract(text, region=region, platform="telegram")
    assert len({i.key for i in first}) == len(first)
    assert [i.span for i in first] == sorted(i.span for i in first)
