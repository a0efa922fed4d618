import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.indicators import normalise
from graph.indicators.normalise import Folded, fold, fold_char, fold_term


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        # Latin: case, accents, ligature forms, German ß, Turkish dotted and dotless i, Vietnamese tones.
        ("PAIEMENT À L'ARRIVÉE", "paiement a l'arrivee"),
        ("ﬁnal", "final"),
        ("Straße", "strasse"),
        ("İSTANBUL ılık", "istanbul ilik"),
        ("Kaçakçı", "kacakci"),
        ("Đi Anh đảm bảo", "di anh dam bao"),
        ("e\u0301te\u0301", "ete"),  # accents typed as combining marks
        ("l’arrivée", "l'arrivee"),  # the apostrophe phones type
        # Greek: tonos, final sigma.
        ("ΤΑΞΊΔΙ Ιταλίας", "ταξιδι ιταλιασ"),
        ("διαβατήριος", "διαβατηριοσ"),
        # Arabic script: tashkeel, tatweel, alef forms, yeh and kaf forms, teh marbuta, hamza seats.
        ("سَفَرٌ", "سفر"),
        ("حـــرقـة", "حرقه"),
        ("أوروبا إيطاليا آمن ٱلبحر", "اوروبا ایطالیا امن البحر"),
        ("علي على علی", "علی علی علی"),
        ("كيف", "کیف"),
        ("خانۀ", "خانه"),
        ("مؤكد رئيس", "موکد رییس"),
        ("٣٠٠٠ ۲۵۰۰", "3000 2500"),
        # Sorani's own letters stay themselves.
        ("ڕێگا ڵ ۆ", "ڕێگا ڵ ۆ"),
        # Persian: the zero-width non-joiner between a word and its suffix is a space.
        ("قاچاقچی\u200cها", "قاچاقچی ها"),
        # Arabizi: digits inside a Latin word of letters and digits.
        ("7arga", "harga"),
        ("7ar9a", "harqa"),
        ("Ba5shish 3ala", "bakhshish aala"),
        ("8orba", "ghorba"),
        ("2000 euro", "2000 euro"),  # digits alone are a number
        # Emoji: variation selectors and skin tones.
        ("🛥️", "🛥"),
        ("👍🏽", "👍"),
        # Cyrillic and Greek look-alikes slipped into a Latin word, not into a Greek or Cyrillic one.
        ("pаsseur", "passeur"),
        ("ΡΑSSEUR", "passeur"),
        ("7аrga", "harga"),
        ("Ταξίδι ΤΑΞΙ", "ταξιδι ταξι"),
        ("Москва", "москва"),
        # Words spelt out letter by letter; abbreviations and short words stay.
        ("p.a.s.s.e.u.r ok", "passeur ok"),
        ("B O Z A tonight", "boza tonight"),
        ("s-m-u-g-g-l-e-r.", "smuggler"),
        ("U.K. trip", "u.k. trip"),
        ("il y a des places", "il y a des places"),
        # Hidden characters and runs of white space.
        ("pas\u200bseur", "passeur"),
        ("last \n\t places", "last places"),
    ],
)
def test_folds(written: str, folded: str) -> None:
    assert fold(written).text == folded


def test_sorani_letters_are_not_their_arabic_bases() -> None:
    assert fold("ڕ ڵ ۆ ێ").text != fold("ر ل و ی").text


def test_spans_point_at_what_was_written() -> None:
    text = "Départ 7arga   Straße 🛥️ ١٠٠٠"
    folded = fold(text)
    for word in folded.text.split(" "):
        at = folded.text.index(word)
        start, end = folded.span(at, at + len(word))
        assert fold(text[start:end]).text == word
    start, end = folded.span(0, len(folded.text))
    assert (start, end) == (0, len(text))


def test_a_span_takes_in_the_marks_after_it() -> None:
    text = "cafe\u0301 ok"
    folded = fold(text)
    assert folded.span(0, 4) == (0, 5)


def test_terms_are_trimmed() -> None:
    assert fold_term("  Passeur \n") == "passeur"


@given(st.text())
def test_the_offset_map_is_whole_and_in_order(text: str) -> None:
    folded = fold(text)
    assert len(folded.starts) == len(folded.ends) == len(folded.text)
    assert folded.starts == sorted(folded.starts)
    for start, end in zip(folded.starts, folded.ends, strict=True):
        assert 0 <= start < end <= len(text)


def folded_one_by_one(text: str) -> Folded:
    """What `fold` means, one character at a time: each character's `fold_char`, a dropped one counted
    into the span of the folded character before it, a space after a space counted into that space's
    span; then the passes over words."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if not folded or (folded == " " and chars and chars[-1] == " "):
            if ends:
                ends[-1] = index + 1
            continue
        for part in folded:
            chars.append(part)
            starts.append(index)
            ends.append(index + 1)
    text = normalise._lookalikes("".join(chars))
    return normalise._arabizi(normalise._spelled_out(Folded(text, starts, ends)))


# Characters each pass treats apart: white space of every kind, marks, dropped and expanded characters,
# look-alikes, Arabizi digits, spelling separators.
CORNERS = (
    " \n\t\u00a0\u2003\u200b\u200c\u200d\u00ad\ufe0f\u0301\u064b\u0640¨‼ßﬁİ½①"
    "aAeoprsxz0123456789.-_*·•аеорсΡΑ🚤👍🏻"
)


@given(st.text(alphabet=CORNERS) | st.text())
def test_folding_the_whole_text_is_folding_each_character(text: str) -> None:
    folded, expected = fold(text), folded_one_by_one(text)
    assert (folded.text, folded.starts, folded.ends) == (expected.text, expected.starts, expected.ends)


def test_every_ascii_character_folds_to_one() -> None:
    # fold() builds no per-character map for an ASCII text: this is what makes that right.
    assert all(len(fold_char(chr(code))) == 1 for code in range(128))


@given(st.text(alphabet="ab09 _é.5") | st.text())
def test_mixed_latin_words_are_those_the_pattern_finds(text: str) -> None:
    expected = [word.span() for word in normalise.MIXED_LATIN_WORD.finditer(text)]
    assert normalise._mixed_latin_words(text) == expected


@given(st.text(alphabet="ab .-_*·•") | st.text())
def test_a_text_without_the_hint_has_no_word_spelt_out(text: str) -> None:
    if not normalise.SPELLED_OUT_HINT.search(text):
        assert not normalise.SPELLED_OUT.search(text)


def test_each_arabizi_letter_keeps_the_span_of_its_digit() -> None:
    folded = fold("ok m3a5 x9")
    assert folded.text == "ok maakh xq"
    assert folded.starts == [0, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9]
    assert folded.ends == [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10]


@given(st.text(alphabet=CORNERS) | st.text())
def test_the_pattern_of_uneven_characters_finds_what_the_table_keeps(text: str) -> None:
    fold(text)  # meets every character of the text
    uneven = normalise._Uneven()
    uneven.chars, uneven.calm = set(normalise._UNEVEN.chars), uneven.REMAKE_AFTER
    assert uneven.find(text) == text.translate(normalise._IRREGULAR)


def test_the_pattern_of_uneven_characters_waits_for_calm() -> None:
    uneven = normalise._Uneven()
    uneven.add("\u0301")
    assert all(uneven.find("e\u0301") is None for _ in range(uneven.REMAKE_AFTER - 1))
    assert uneven.find("e\u0301 a\u0301") == "\u0301\u0301"
    uneven.add("ß")
    assert uneven.find("ß") is None
