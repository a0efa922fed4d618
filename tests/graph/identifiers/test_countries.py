import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identifiers import countries
from graph.identifiers.countries import Places, flag_region, mentions, regions_near


def test_flag_region() -> None:
    assert flag_region("🇬🇧") == "GB"
    assert flag_region("🇹🇳") == "TN"


def test_nearest_region_first_and_same_line_only() -> None:
    text = "Angleterre 07400 123456 Tunisie\nItalia"
    start = text.index("074")
    assert regions_near(text, start, start + 12) == ["GB", "TN"]


def test_a_name_before_a_number_beats_a_nearer_one_after_it() -> None:
    text = "Contact Iran number 0912 784 3016 or UK number 07562 810 442"
    start = text.index("0912")
    assert regions_near(text, start, start + 13)[0] == "IR"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Deutsche Nummer 0151 6432 8815", "DE"),
        ("Numero libico 091 483 2276, WhatsApp", "LY"),
        ("الرقم المصري ٠١١٥٨٢٣٦٠٤٧", "EG"),
        ("ژمارەی عێراقی ٠٧٥٠ ٤١٢ ٣٣٨٧", "IQ"),
        ("ቁጽሪ ጀርመን 0176 8821 4039", "DE"),
        ("Hejmara Yewnanî 698 334 1207", "GR"),
        ("Numër kosovar 049 318 662", "XK"),
        ("پاکستاني نمبر 0333 5128476", "PK"),
    ],
)
def test_a_number_named_the_local_way(text: str, region: str) -> None:
    start = next(i for i, c in enumerate(text) if c.isdigit())
    assert regions_near(text, start, len(text))[:1] == [region]


def test_far_names_are_not_evidence() -> None:
    text = "Passage vers l'Angleterre, départ garanti, places limitées, appelez 07400 123456"
    start = text.index("074")
    assert regions_near(text, start, start + 12) == []


def near_by_scan(text: str, start: int, end: int, before: int, after: int) -> list[str]:
    """What `Places.near` answers, found the slow way: every name of the text, looked at in turn."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    near = []
    for m_start, m_end, region in mentions(text):
        if m_end <= start and m_start >= max(line_start, start - before):
            near.append((start - m_end, region))
        elif m_start >= end and m_end <= min(line_end, end + after):
            near.append((2 * (m_start - end) + 1, region))  # a name after counts as twice as far
    return list(dict.fromkeys(region for _, region in sorted(near)))


def test_places_answer_as_a_scan_of_every_name_does() -> None:
    text = "🇹🇳 22 123 456 or Angleterre 07400 123456 Italia\nFrance 06 12 34 56 78 UK"
    places = Places(text)
    for start in range(len(text)):
        for end in range(start, min(len(text), start + 20)):
            for before, after in ((40, 25), (12, 12)):
                expected = near_by_scan(text, start, end, before, after)
                assert places.near(start, end, before=before, after=after) == expected


def test_named_within_finds_a_name_starting_in_the_range() -> None:
    text = "call 07400 123456 UK"
    places = Places(text)
    assert places.named_within(text.index("UK"), len(text))
    assert not places.named_within(0, text.index("UK"))


def test_no_place_name_holds_a_digit() -> None:
    # `mentions` leaves runs of digits out of the words it looks names up in.
    text = "Tunisie 22 Angleterre 5 United Kingdom 🇫🇷"
    assert [region for _, _, region in mentions(text)] == ["TN", "GB", "GB", "FR"]
    assert mentions("united 5 kingdom") == ()


def mentions_slice_by_slice(text: str, *, cities: bool = True) -> tuple[tuple[int, int, str], ...]:
    """What `mentions` finds, the slow way: every run of words lower-cased on its own, whatever its
    length."""
    words = [m.span() for m in countries._WORD_RE.finditer(text) if not m.group().isdigit()]
    found = [(m.start(), m.end(), flag_region(m.group())) for m in countries._FLAG_RE.finditer(text)]
    found += [
        (s, e, countries._CAPITALISED[text[s:e]]) for s, e in words if text[s:e] in countries._CAPITALISED
    ]
    found += [
        (m.start(), m.end(), countries._normal(m.group(1))) for m in countries._ISO_LABEL_RE.finditer(text)
    ]
    tables = [countries._NAME_TO_REGION, *([countries._CITY_TO_REGION] if cities else [])]
    for table in tables:
        longest = max(len(name.split()) for name in table)
        i = 0
        while i < len(words):
            for size in range(min(longest, len(words) - i), 0, -1):
                start, end = words[i][0], words[i + size - 1][1]
                if table.get(text[start:end].lower()):
                    found.append((start, end, table[text[start:end].lower()]))
                    i += size
                    break
            else:
                i += 1
    return tuple(sorted(found))


PLACE_PIECES = st.sampled_from(
    [
        "Great Britain",
        "great  britain",
        "UNITED KINGDOM",
        "mbretëria e bashkuar",
        "Thổ Nhĩ Kỳ",
        "İzmir",
        "İ",
        "London",
        "ΕΛΛΆΔΑ",
        "ΑΣ'",
        "Σ",
        "Anh",
        "UK",
        "(FR) ",
        "u.k.",
        "Royaume-Uni",
        "bosna hersek",
        "e",
        "🇬🇧",
        "07",
        " ",
        "\n",
        "-",
        "'",
    ]
)


@given(st.lists(PLACE_PIECES | st.characters(), max_size=16).map("".join))
def test_names_are_found_as_slice_by_slice_lowering_finds_them(text: str) -> None:
    assert countries._mentions(text) == mentions_slice_by_slice(text)
    assert countries._mentions(text, cities=False) == mentions_slice_by_slice(text, cities=False)
    without, with_cities = Places.without_and_with_cities(text)
    assert without.named == Places(text, cities=False).named == mentions_slice_by_slice(text, cities=False)
    assert with_cities.named == Places(text).named
