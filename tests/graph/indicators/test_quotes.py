import pytest

from graph.indicators.quotes import MAX_LENGTH, inside, quoted_spans


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
