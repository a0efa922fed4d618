"""Phone finding against the forms adverts really use, and the numbers that must not become phones."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identifiers import phone
from graph.identifiers.document import BLANK, Document
from graph.identifiers.phone import Phone


def phones(text: str, region: str | None = None) -> list[str]:
    return [found.key for found in Phone().find(Document(text, region=region))]


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("Call +44 (0)7400 123456", None, ["phone:+447400123456"]),
        ("+44 07400 123456", None, ["phone:+447400123456"]),
        ("0044 7400 123 456", None, ["phone:+447400123456"]),
        ("WhatsApp 447400123456", None, ["phone:+447400123456"]),
        ("viber: 33612345678", None, ["phone:+33612345678"]),
        ("واتساب ٠٠٤٤٧٤٠٠١٢٣٤٥٦", None, ["phone:+447400123456"]),
        ("شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹ ایران", None, ["phone:+989123456789"]),
        ("＋３３ ６ １２ ３４ ５６ ７８", None, ["phone:+33612345678"]),
        ("➕4️⃣4️⃣7️⃣4️⃣0️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣", None, ["phone:+447400123456"]),
        ("O74OO l23 456", "GB", ["phone:+447400123456"]),
        ("zero seven four double oh one two three four five six", "GB", ["phone:+447400123456"]),
        ("zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit", "FR", ["phone:+33612345678"]),
        ("zero seven double 8 one two three four five six seven", "GB", ["phone:+447881234567"]),
        ("07 double 8 1234567", "GB", ["phone:+447881234567"]),
        ("zero seven four treble four one two three four five", "GB", ["phone:+447444412345"]),
        ("zéro six, double huit, douze, trente-quatre, cinquante-six", "FR", ["phone:+33688123456"]),
        ("06.12.34.56.78", "FR", ["phone:+33612345678"]),
        ("06 12 34\n56 78", "FR", ["phone:+33612345678"]),
        ("07400\u200b123\u200c456", "GB", ["phone:+447400123456"]),
        ("UK 🇬🇧 07400 123456", None, ["phone:+447400123456"]),
        ("Tunisie: 22 123 456", None, ["phone:+21622123456"]),
        ("tel: 07400123456 / 07400654321", "GB", ["phone:+447400123456", "phone:+447400654321"]),
        ("His number 07 ✅ 400 ✅ 123 ✅ 456 dont share", "GB", ["phone:+447400123456"]),
        ("07400 ▪️ 123 ▪️ 456", "GB", ["phone:+447400123456"]),
        ("WhatsApp+447400123456 or Telegram", None, ["phone:+447400123456"]),  # glued to its label
        (
            "plus double four, seven four zero zero, one two three four five six",
            None,
            ["phone:+447400123456"],
        ),
        ("للتواصل واتساب+447400123456", None, ["phone:+447400123456"]),
    ],
)
def test_reads_obfuscated_numbers(text: str, region: str | None, expected: list[str]) -> None:
    assert phones(text, region) == expected


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("call 07400 123456", None),  # national format, no region, no evidence
        ("price 2500€ / 3000 euros, leaving 05/11/2024 at 14:30", "FR"),
        ("meet at 36.8065, 10.1815", "TN"),
        ("order #0612345678 confirmed", "FR"),
        ("12 places, 45 people, 2 boats", "GB"),
        ("السعر ٣٠٠٠ دينار", "LY"),
        ("+44 7400 12345", None),  # one digit short
        ("two boats and three people, four hours", "GB"),
        ("Order no: 07400123456", "GB"),
        ("Receipt 07400123456", "GB"),
        ("رقم الإيصال 0912345678", "LY"),
        ("İlan no: 05441207730", "TR"),
        ("Partita IVA 04512390637", "IT"),
        ("Numéro de réservation : 0621943758", "FR"),
        ("رقم الحجز: ٠٧٥٠٤٨٢١٩٣٧", "IQ"),
        ("ژمارەی پسوڵە: 07516932048", "IQ"),
        ("Mã đơn hàng: 0912345678", "VN"),
        ("✅ 2 places ✅ 2500€ ✅ 3 ✅ 4", "GB"),  # ticks between a list's figures
        ("WhatsApp07400123456", None),  # digits glued to a word: only a `+` opens a number there
        ("Ref: DE20 2411 0300 0457 81", None),  # a country code glued to digits is no label
        ("Prices: 1500 ⭐ 2000 ⭐ 2500 ⭐ 3000", "GB"),
    ],
)
def test_leaves_numbers_that_are_not_phones(text: str, region: str | None) -> None:
    assert phones(text, region) == []


def test_span_points_at_original_text_through_folded_digits() -> None:
    text = "اتصل ٠٧٤٠٠ ١٢٣٤٥٦ الآن"
    [found] = Phone().find(Document(text, region="GB"))
    assert text[found.span[0] : found.span[1]] == "٠٧٤٠٠ ١٢٣٤٥٦"
    assert found.country == "GB"


def test_span_covers_spelled_number() -> None:
    text = "ring zero seven four double oh one two three four five six today"
    [found] = Phone().find(Document(text, region="GB"))
    assert text[found.span[0] : found.span[1]] == "zero seven four double oh one two three four five six"


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("chiamate +39 333 doppio sette 88 123", None, "+393337788123"),
        ("WhatsApp: tre tre tre doppio sette otto otto uno due tre", "IT", "+393337788123"),
        ("Anrufen +49 151 doppel 2 345 678", None, "+4915122345678"),
        ("numri +355 69 dyfish 4 12 345", None, "+355694412345"),
        ("Numri: +355 gjashtë nëntë katër katër një dy tre katër pesë", None, "+355694412345"),
        ("ara +90 532 çift 5 12 345", None, "+905325512345"),
        ("WhatsApp +90 beş üç iki, bir iki üç, dört beş, altı yedi", None, "+905321234567"),
        ("καλέστε +30 69 διπλό 7 12 3456", None, "+306977123456"),
        ("ΤΗΛ: ΕΞΙ ΕΝΝΙΑ ΕΦΤΑ ΕΝΑ ΔΥΟ ΤΡΙΑ ΤΕΣΣΕΡΑ ΠΕΝΤΕ ΕΞΙ ΕΦΤΑ", "GR", "+306971234567"),
        ("Zalo: không chín một hai ba bốn năm sáu bảy tám", "VN", "+84912345678"),
        ("اتصل +٩٦٤ ٧٧٠ دبل ٥ ١٢ ٣٤٥", None, "+9647705512345"),
        ("واتساب +964 سبعة سبعة صفر واحد اثنين ثلاثة اربعة خمسة ستة سبعة", None, "+9647701234567"),
        ("تماس +98 912 دبل 3 45 678", None, "+989123345678"),
        ("شماره: صفر نه یک دو سه چهار پنج شش هفت هشت نه", "IR", "+989123456789"),
    ],
)
def test_repeat_words_and_digit_words_of_the_lexicon_languages(
    text: str, region: str | None, expected: str
) -> None:
    assert phones(text, region) == [f"phone:{expected}"]


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("ara 0532 123 45 67 bir tane", "TR", "+905321234567"),  # "bir" after it is not a digit
        ("0912 345 6789 دو نفر", "IR", "+989123456789"),
        ("chiama 333 1234567 tre volte", "IT", "+393331234567"),
    ],
)
def test_a_number_word_after_a_number_does_not_lengthen_it(text: str, region: str, expected: str) -> None:
    assert phones(text, region) == [f"phone:{expected}"]


def test_region_argument_beats_absence_of_evidence() -> None:
    assert phones("06 12 34 56 78") == []
    assert phones("06 12 34 56 78", "FR") == ["phone:+33612345678"]


@pytest.mark.parametrize(
    "raw", ["+44 7400 123456", "00447400123456", "447400123456", "+44 (0)7400-123-456", "٠٠٤٤٧٤٠٠١٢٣٤٥٦"]
)
def test_clean_gives_the_same_key_as_find(raw: str) -> None:
    found = Phone().clean(raw)
    assert found is not None and found.key == "phone:+447400123456"


def test_clean_national_needs_region() -> None:
    assert Phone().clean("07400 123456") is None
    assert Phone().clean("07400 123456", region="gb").key == "phone:+447400123456"


def test_booking_line_is_still_a_phone() -> None:
    assert phones("Booking: 07400 123456", "GB") == ["phone:+447400123456"]


def test_pipe_and_lone_letters_are_not_digits() -> None:
    assert phones("Kontakt 🇦🇱 067 305 8194 | t.me/x") == ["phone:+355673058194"]
    assert phones("Call I 07400 123456", "GB") == ["phone:+447400123456"]


def test_a_flag_beside_the_number_beats_the_adverts_region() -> None:
    assert phones("🇱🇾 091 6202721", "IT") == ["phone:+218916202721"]


def test_a_city_does_not_beat_the_adverts_region() -> None:
    assert phones("95 کرێکار پێویستە بۆ بیناسازی لە دهۆک. 0361-771-907", "VN") == ["phone:+84361771907"]


def test_number_broken_across_lines_is_not_a_date() -> None:
    assert phones("ڤایبەر +33.7.95\n\n97.02.10") == ["phone:+33795970210"]
    assert phones("WhatsApp: +33-6-85\n48-09-00") == ["phone:+33685480900"]


def test_day_and_month_without_year_do_not_join_a_number() -> None:
    assert phones("libre le 31/8. 29 833 113", "TN") == ["phone:+21629833113"]


def test_short_bare_number_after_messenger_word_is_not_international() -> None:
    assert phones("Viber: 98 239 108") == []


def test_capitalised_vietnamese_country_name_is_evidence() -> None:
    assert phones("Gọi ngay Pháp 07 62 53 24 10") == ["phone:+33762532410"]
    assert phones("nhiều anh em 07 62 53 24 10") == []


def without_look_aheads(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without the look-aheads for a class of first characters that let it skip positions
    fast: what it must find, the slow way."""
    stripped = re.sub(r"\(\?=\[[^\]]*\]\)", "", pattern.pattern)
    assert stripped != pattern.pattern
    return re.compile(stripped, pattern.flags)


def without_opening_look_ahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without the look-ahead it opens with (which may hold groups of its own)."""
    assert pattern.pattern.startswith("(?=")
    depth = 0
    for token in re.finditer(r"\\.|\[(?:\\.|[^\]])*\]|.", pattern.pattern):  # escapes, classes, characters
        depth += {"(": 1, ")": -1}.get(token.group(), 0)
        if depth == 0:
            return re.compile(pattern.pattern[token.end() :], pattern.flags)
    raise AssertionError("the look-ahead is not closed")


CURRENCY_BEFORE_RE = without_look_aheads(phone._CURRENCY_BEFORE_RE)
CURRENCY_AFTER_RE = without_look_aheads(phone._CURRENCY_AFTER_RE)
REFERENCE_BEFORE_RE = without_look_aheads(phone._REFERENCE_BEFORE_RE)
DATE_TIME_PLACE_RE = without_opening_look_ahead(phone._DATE_TIME_PLACE_RE)


def blank_by_search(text: str) -> str:
    """What `_blank_non_phones` does, the slow way: every label pattern, without its look-ahead, searched
    before every amount."""
    spans = [m.span() for m in DATE_TIME_PLACE_RE.finditer(text)]
    for match in phone._AMOUNT_RE.finditer(text):
        start, end = match.span()
        before = text[max(0, start - phone._LOOK_BEHIND) : start]
        if CURRENCY_BEFORE_RE.search(before):
            spans.append((start, end))
        elif after := CURRENCY_AFTER_RE.match(text, end):
            spans.append((start, after.end()))
        elif REFERENCE_BEFORE_RE.search(before):
            reference = phone._REFERENCE_RE.match(text, start)
            spans.append(reference.span() if reference else (start, end))
    chars = list(text)
    for start, end in spans:
        chars[start:end] = BLANK * (end - start)
    return "".join(chars)


PRICE_LIST_PIECES = st.sampled_from(
    [
        "7",
        "12",
        "1,200",
        "5.50",
        " ",
        "  ",
        "\n",
        "#",
        "# ",
        ":",
        "№",
        "-",
        ".",
        "/",
        "+",
        "'",
        "\t",
        "$",
        "€",
        "£",
        "eur",
        "usd",
        "ref",
        "ref:",
        "no.",
        "n°",
        "order",
        "numéro de réservation",
        "فاتورة",
        "تومان",
        "tel",
        "a",
        "0",
        "06",
        "٣",
        "EUR",
        "Ref",
        "\u212akr",
        "ſek",
        "Đ",
        "İd",
        "x",
    ]
)


@given(st.lists(PRICE_LIST_PIECES, max_size=40).map("".join))
def test_blanking_skips_only_what_the_label_patterns_would_not_find(text: str) -> None:
    assert phone._blank_non_phones(text, phone._digit_stretch(text)) == blank_by_search(text)


DATE_PIECES = st.sampled_from(
    ["05", "1", "2024", "11", "/", ".", "-", ":", "h", " ", "\n", "+", "(", "a", "36.8065", ",", "٣", "_"]
)


@given(st.lists(DATE_PIECES | st.characters(), max_size=30).map("".join))
def test_the_dates_pattern_finds_what_it_finds_without_its_look_ahead(text: str) -> None:
    found = [m.span() for m in phone._DATE_TIME_PLACE_RE.finditer(text)]
    assert found == [m.span() for m in DATE_TIME_PLACE_RE.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "afghanis 500",
        "xafghanis 500",
        ", afghanis \n500",
        "x afghanis\n\n500",
        "- dollars \n500 et 600",
        "12345678901 (afghanis 500",
        "ref no.5567 06 12 34 56 78",
        "order nr.12 - 34",
        "facture n° 5567:12",
        "#:12 7 8",
        "usd 5 6",
        "$5-6 $ 7",
        "+33 - 6 - 65 - 66",
        "ref - 12",
        "ref no. 5567",
        "usd\t 12",
        "# - 12",
    ],
)
def test_blanking_finds_currencies_and_labels_wherever_they_can_stand(text: str) -> None:
    assert phone._blank_non_phones(text, phone._digit_stretch(text)) == blank_by_search(text)


RUN_PIECES = st.sampled_from(
    [
        "0",
        "7",
        "44",
        "123",
        "612345",
        "٣",
        " ",
        "  ",
        "\t",
        "\n",
        "+",
        "+ ",
        "(",
        ")",
        "(0)",
        "-",
        ".",
        "/",
        "a",
        "x1",
    ]
)


@pytest.mark.parametrize(
    "text", ["+ \t (0044) 7400 123456", "call + 44 7400 123456", "a+ 612345", "(612345)"]
)
def test_runs_open_with_the_plus_and_brackets_before_their_digits(text: str) -> None:
    assert [run.start for run in phone._runs(text, phone._digit_stretch(text))] == [
        m.start() for m in phone._RUN_RE.finditer(text)
    ]


@given(st.lists(RUN_PIECES | st.characters(), max_size=30).map("".join))
def test_runs_are_those_of_the_whole_text_that_hold_enough_digits(text: str) -> None:
    everywhere = [(m.start(), "".join(re.findall(r"\d", m.group()))) for m in phone._RUN_RE.finditer(text)]
    assert [(run.start, run.digits) for run in phone._runs(text, phone._digit_stretch(text))] == [
        (start, digits) for start, digits in everywhere if len(digits) >= 6
    ]


@given(
    st.lists(
        st.sampled_from(["O", "o", "l", "I", "0", "7", " ", ".", "-", "a", "  "]) | st.characters(),
        max_size=30,
    )
)
def test_look_alikes_are_hinted_as_a_search_of_the_whole_text_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert phone._may_hold_lookalikes(text, phone._digit_stretch(text)) == bool(
        phone._LOOKALIKE_HINT_RE.search(text)
    )


def test_the_longest_word_of_an_alternation() -> None:
    assert phone._longest(r"eur|euros?|\$") == 5
    with pytest.raises(ValueError, match="not written in characters"):
        phone._longest(r"eur|\d+")


# The amounts pattern as first written, with its look-behind before the first digit.
AMOUNT_RE = re.compile(r"(?<![\w])\d+(?:[.,' ]\d{3}(?!\d))*(?:[.,]\d{1,2}(?!\d))?")


@given(st.lists(PRICE_LIST_PIECES | st.characters(), max_size=30).map("".join))
def test_amounts_are_found_as_with_the_look_behind_first(text: str) -> None:
    assert [m.span() for m in phone._AMOUNT_RE.finditer(text)] == [m.span() for m in AMOUNT_RE.finditer(text)]
