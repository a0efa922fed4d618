import re
import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identifiers import document, extract
from graph.identifiers.document import Document, fold, fold_case, quick_pattern


def test_ascii_text_is_untouched() -> None:
    assert fold("plain 0612") == ("plain 0612", None)


def test_folds_digits_keycaps_and_invisibles() -> None:
    text = "٠٧ ۰۷ ０７ 0️⃣7️⃣ ➕4\u200b4"
    folded, where = fold(text)
    assert folded == "07 07 07 07 +44"
    assert len(where) == len(folded) + 1


def test_original_span_covers_keycap_code_points() -> None:
    doc = Document("x 7️⃣8️⃣ y")
    start = doc.text.index("78")
    assert doc.original[slice(*doc.original_span(start, start + 2))] == "7️⃣8️⃣"


def test_claimed_spans_are_masked() -> None:
    doc = Document("abc 123 def")
    doc.claim(4, 7)
    assert doc.masked() == "abc \x00\x00\x00 def"
    assert not doc.is_free(5, 6)
    assert doc.is_free(0, 4)


def test_a_claimed_span_joins_nothing_around_it() -> None:
    # A bracketed address before a plain one, and a number word after it: the domain may not run on
    # through the plain address into the word.
    text = "sara [at] gmail [dot] coma0000@gmail.com zero"
    keys = [i.key for i in extract(text)]
    assert "email:a0000@gmail.com" in keys or "email:coma0000@gmail.com" in keys
    assert not [key for key in keys if key.endswith(".zero")]


def fold_char_by_char(text: str) -> tuple[str, list[int] | None]:
    """What `fold` does, the slow way: one character at a time, keycap sequences read as a whole."""
    if text.isascii():
        return text, None
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        ch, nxt = text[i], text[i + 1 : i + 2]
        if ch in "0123456789#*" and (
            nxt == "\u20e3" or (nxt == "\ufe0f" and text[i + 2 : i + 3] == "\u20e3")
        ):
            out.append(ch)
            where.append(i)
            i += 3 if nxt == "\ufe0f" else 2
            continue
        if ch in document._INVISIBLE or ch == "\u20e3":
            i += 1
            continue
        if ch in document._FOLD:
            out.append(document._FOLD[ch])
        elif "\uff01" <= ch <= "\uff5e":
            out.append(chr(ord(ch) - 0xFEE0))
        elif ch.isdigit() and unicodedata.digit(ch, None) is not None:
            out.append(str(unicodedata.digit(ch)))
        elif styled_latin_letter(ch):
            out.append(unicodedata.normalize("NFKC", ch))
        else:
            out.append(ch)
        where.append(i)
        i += 1
    where.append(len(text))
    folded = re.sub(r"[^\W\d]+", latinise_if_mixed, "".join(out))
    if len(where) == len(text) + 1 and where == list(range(len(text) + 1)):
        return folded, None
    return folded, where


def styled_latin_letter(ch: str) -> bool:
    """A Latin letter in a mathematical, circled or squared style, by its Unicode name."""
    styled = unicodedata.name(ch, "").startswith(("MATHEMATICAL ", "CIRCLED LATIN ", "SQUARED LATIN "))
    plain = unicodedata.normalize("NFKC", ch)
    return styled and len(plain) == 1 and plain.isascii() and plain.isalpha()


def latinise_if_mixed(match: re.Match[str]) -> str:
    """A word of Latin letters and Cyrillic or Greek look-alikes, with the look-alikes made Latin."""
    word = match.group()
    mixed = any(c in string.ascii_letters for c in word) and word.translate(document._LOOK_ALIKES) != word
    return word.translate(document._LOOK_ALIKES) if mixed else word


FOLD_PIECES = st.sampled_from(
    [
        *"07#*a ٣۷０７➕－\u00a0\u2013@＠𝐓ⓣ🄰Тео",
        "\u20e3",
        "\ufe0f",
        "\u200b",
        "\u200d",
        "\u00ad",
        "\ufeff",
        "7\ufe0f\u20e3",
    ]
)


@given(st.lists(FOLD_PIECES | st.characters(), max_size=40).map("".join))
def test_fold_reads_as_a_character_by_character_fold_does(text: str) -> None:
    assert fold(text) == fold_char_by_char(text)


def test_fold_reads_every_code_point_as_a_character_by_character_fold_does() -> None:
    # Whole planes, in pieces: the fast path lists the characters that change, and must miss none.
    points = [p for p in range(0x80, 0x110000) if not 0xD800 <= p < 0xE000]
    for start in range(0, len(points), 4096):
        text = "".join(map(chr, points[start : start + 4096]))
        assert fold(text) == fold_char_by_char(text)


def test_masked_text_follows_each_new_claim() -> None:
    doc = Document("ab cd ef gh")
    claims = [(0, 2), (6, 8), (3, 4), (7, 10)]
    for number, (start, end) in enumerate(claims, 1):
        doc.claim(start, end)
        chars = list(doc.text)
        for s, e in claims[:number]:
            chars[s:e] = "\x00" * (e - s)
        assert doc.masked() == "".join(chars)
        assert doc.masked() is doc.masked()


def test_fold_case_keeps_every_letter_ignorecase_takes_for_another() -> None:
    # For each lower-case letter of the scripts that label words are written in, every character a
    # case-insensitive pattern takes for it folds to it, so a quick search of the folded text misses none.
    letters = string.ascii_lowercase + "абвгдежзийклмнопрстуфхцчшщъыьэюяёіїєґ"
    every = "".join(chr(p) for p in range(0x110000) if not 0xD800 <= p < 0xE000)
    for taken in set(re.findall(f"[{letters}]", every, re.IGNORECASE)):
        for letter in letters:
            if re.fullmatch(letter, taken, re.IGNORECASE):
                assert fold_case(taken) == letter, (taken, letter)
    assert fold_case("İNSTAGRAM ınsta ſnap KIK \u0422елеграм") == "instagram insta snap kik телеграм"


WORDS = r"tg|telegram|tik\s?tok|x(?=[^\S\n]*(?:(?:username|id)[^\S\n]*)?:)|insta|ig|[|]?|تیک\s?تاک|تلگرام"


def test_quick_pattern_groups_words_by_first_letter() -> None:
    with pytest.raises(ValueError):
        quick_pattern("a?b|c")
    with pytest.raises(ValueError):
        quick_pattern(WORDS)  # `[|]?` starts with no letter
    words = WORDS.replace("|[|]?", "")
    quick = quick_pattern(words)
    assert quick.pattern == (
        r"t(?:g|elegram|ik\s?tok)|x(?:(?=[^\S\n]*(?:(?:username|id)[^\S\n]*)?:))|i(?:nsta|g)|ت(?:یک\s?تاک|لگرام)"
    )


QUICK_PIECES = st.sampled_from(
    ["tg", "tel", "egram", "tik", " ", "tok", "x", ":", "id", "ig", "تیک", "تاک", "a"]
)


@given(st.lists(QUICK_PIECES).map("".join))
def test_quick_pattern_finds_what_the_words_find(text: str) -> None:
    words = WORDS.replace("|[|]?", "")
    found = [m.span() for m in re.finditer(words, text)]
    assert [m.span() for m in quick_pattern(words).finditer(text)] == found


def test_reading_the_masked_text_leaves_a_document_equal() -> None:
    read, unread = Document("ab cd"), Document("ab cd")
    read.claim(0, 2)
    unread.claim(0, 2)
    read.masked()
    assert read == unread
