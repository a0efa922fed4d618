import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from graph.identifiers import numberwords
from graph.identifiers.numberwords import spell_out


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("zero seven four double eight one two three four five six", "07488123456"),
        ("triple zero one two", "000 12".replace(" ", "")),
        ("zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit", "0612345678"),
        ("zéro sept, quatre-vingt-dix-neuf, soixante et onze, vingt et un", "07997121"),
        ("plus four four seven", "+447"),
        ("zero seven double 8 one two three", "07881 23".replace(" ", "")),
        ("zero seven four treble 4 one two", "07444412"),
        ("zero seven double-seven one two", "077712"),
        ("triple 0 one two", "00012"),
        ("Double Eight, one, two", "8812"),
        ("zéro six, double huit, douze, trente-quatre", "06881234"),
        ("zéro six, triple zéro, douze", "0600012"),
    ],
)
def test_spells_numbers_out(text: str, digits: str) -> None:
    result = spell_out(text)
    assert result is not None
    assert result[0] == digits
    assert len(result[1]) == len(result[0]) + 1


@pytest.mark.parametrize(
    "text",
    [
        "two boats and three people",
        "one place left",
        "no numbers here",
        "double 8",
        "double room, 2 beds",
        "triple zero",
        "a double 88 seat van",  # two digits after a repeat word are not one repeated digit
    ],
)
def test_leaves_prose_alone(text: str) -> None:
    assert spell_out(text) is None


def test_offsets_map_back_to_words() -> None:
    text = "call one two three four now"
    rewritten, where = spell_out(text)
    start = rewritten.index("1234")
    assert text[where[start] : where[start + 4]] == "one two three four"


def test_short_word_run_continuing_digits_is_read() -> None:
    result = spell_out("+44 7957 five double oh 407")
    assert result is not None and result[0] == "+44 7957 500 407"


def test_short_word_run_alone_is_prose() -> None:
    assert spell_out("five double rooms") is None


def test_repeat_word_before_a_digit_continues_digits() -> None:
    result = spell_out("07 double 8 1234567")
    assert result is not None and result[0] == "07 88 1234567"


def test_offsets_of_a_repeated_digit_cover_both_words() -> None:
    text = "call 07 triple 4 123456"
    rewritten, where = spell_out(text)
    start = rewritten.index("444")
    assert text[where[start] : where[start + 3]] == "triple 4"


NUMBER_WORDS = [*numberwords._UNITS, *numberwords._REPEAT]
# Every number word in one flat alternation: what the grouped pattern must find, the slow way.
FLAT_ANY_WORD_RE = re.compile(r"(?<![\w])(?:" + "|".join(NUMBER_WORDS) + r")(?![\w])", re.IGNORECASE)
WORD_PIECES = st.sampled_from(
    [*NUMBER_WORDS, "ZÉRO", "Seven", "ſix", "sevens", "xone", "on", "é", "7", " ", "-", "_", "\n", "ٹ", "ı"]
)


@example("ſix, ZÉRO")
@given(st.lists(WORD_PIECES | st.characters(), max_size=12).map("".join))
def test_the_grouped_word_pattern_finds_what_a_flat_one_does(text: str) -> None:
    assert bool(numberwords._ANY_WORD_RE.search(text)) == bool(FLAT_ANY_WORD_RE.search(text))
