import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.indicators.quotes import APOSTROPHES, MAX_LENGTH, PAIRS, inside, quoted_spans


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("promised 'guaranteed arrival' to all", "'guaranteed arrival'"),
        ("promettait « arrivée garantie ».", "« arrivée garantie »"),
        ("hieß es „Zahlung bei Ankunft“.", "„Zahlung bei Ankunft“"),
        ('يقول: "مضمون، الدفع بعد الوصول".', '"مضمون، الدفع بعد الوصول"'),
        ("نوشته بود «صد در صد تضمینی».", "«صد در صد تضمینی»"),
        ("it said “no papers needed” twice", "“no papers needed”"),
        ("「保証付き」", "「保証付き」"),
    ],
)
def test_quotations_of_every_script_are_found(text: str, quoted: str) -> None:
    [(start, end)] = quoted_spans(text)
    assert text[start:end] == quoted


def test_apostrophes_inside_words_are_not_quotes() -> None:
    assert quoted_spans("paiement à l'arrivée, don't wait, Van'dan çıkış") == []


def test_a_mark_left_open_too_long_quotes_nothing() -> None:
    assert quoted_spans("« " + "x " * MAX_LENGTH + "»") == []


def test_inside_tells_a_span_within_a_quotation() -> None:
    spans = [(5, 10), (20, 30)]
    assert inside(spans, 21, 29) and inside(spans, 5, 10)
    assert not inside(spans, 9, 12) and not inside(spans, 0, 4) and not inside(spans, 31, 33)


def quoted_one_by_one(text: str) -> list[tuple[int, int]]:
    """What `quoted_spans` means, read character by character."""
    spans = []
    opened: str | None = None
    start = 0
    for index, char in enumerate(text):
        if opened is not None and index - start > MAX_LENGTH:
            opened = None
        if opened is not None:
            closes = char not in APOSTROPHES or index + 1 == len(text) or not text[index + 1].isalnum()
            if char in PAIRS[opened] and closes:
                spans.append((start, index + 1))
                opened = None
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char in PAIRS and (char not in APOSTROPHES or (not before.isalnum() and after.isalnum())):
            opened, start = char, index
    return spans


@given(st.text(alphabet="«»‹›„“”‚‘’「」『』\"'ab. ") | st.text())
def test_reading_only_the_marks_is_reading_every_character(text: str) -> None:
    assert quoted_spans(text) == quoted_one_by_one(text)


def test_a_mark_left_open_too_long_is_dropped_at_the_next_mark() -> None:
    text = "« " + "x" * MAX_LENGTH + " « inner » »"
    assert quoted_spans(text) == quoted_one_by_one(text) == [(MAX_LENGTH + 3, MAX_LENGTH + 12)]
