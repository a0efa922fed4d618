from graph.identifiers import extract
from graph.identifiers.document import Document, fold


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
