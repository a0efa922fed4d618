import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.indicators import analyse
from graph.indicators.money import (
    ALONE_WEIGHT,
    CATALOGUE_WEIGHT,
    PER_PERSON_WEIGHT,
    amounts,
    patterns,
    price_hits,
    prices,
)
from graph.indicators.normalise import fold


def priced(text: str) -> list[tuple[str, float]]:
    """What the advert wrote for each price found, and its weight."""
    return [(hit.term, hit.weight) for hit in price_hits(text, fold(text), [], "xx")]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Crossing 1500€ per person, call now", "1500€ per person"),
        ("only $3000 each", "$3000 each"),
        ("2000 دينار للشخص", "2000 دينار للشخص"),
        ("۵۰۰۰ دلار برای هر نفر", "۵۰۰۰ دلار برای هر نفر"),
        ("3000 euro a testa", "3000 euro a testa"),
        ("nur 1500 € pro Person", "1500 € pro Person"),
        ("kişi başı 2000 euro", "kişi başı 2000 euro"),
        ("2000 euro për person", "2000 euro për person"),
        ("5000 đô mỗi người", "5000 đô mỗi người"),
        ("1200€ το άτομο", "1200€ το άτομο"),
        ("ዋጋ 800 ዶላር ንሓደ ሰብ", "ዋጋ 800 ዶላር ንሓደ ሰብ"),
    ],
)
def test_a_price_per_person_is_found_in_every_script(text: str, written: str) -> None:
    assert priced(text) == [(written, PER_PERSON_WEIGHT)]


def test_a_price_alone_is_weak_and_a_number_without_currency_is_none() -> None:
    assert priced("boat to Italy, 4000 dinari, children free") == [("4000 dinari", ALONE_WEIGHT)]
    assert priced("call +218 91 447 2250, 3 floors, leaving 20th") == []


def test_an_amount_glued_to_its_currency_is_a_price_not_arabizi() -> None:
    # The Arabizi fold must leave "2500euro" alone: read as letters it would be "akh00euro".
    assert priced("Boat to Italy, 2500euro per person") == [("2500euro per person", PER_PERSON_WEIGHT)]
    assert priced("Boza Italia 3000dh") == [("3000dh", ALONE_WEIGHT)]
    assert priced("code A3000dh9 at the desk") == []


def test_a_price_word_makes_a_bare_number_a_price() -> None:
    assert priced("Prix 1700, tu payes en Angleterre") == [("Prix 1700", ALONE_WEIGHT)]


def test_ranges_ceilings_and_from_prices_are_weakest() -> None:
    assert priced("charge £1,500 to £3,000 per person") == [
        ("£1,500", CATALOGUE_WEIGHT),
        ("£3,000", CATALOGUE_WEIGHT),
    ]
    assert priced("verlangen bis zu 5.000 Euro pro Person") == [("5.000 Euro", CATALOGUE_WEIGHT)]
    assert priced("10 Tage ab 899 € pro Person") == [("899 €", CATALOGUE_WEIGHT)]


def test_a_per_person_phrase_in_another_sentence_is_not_the_prices() -> None:
    assert priced("Total 900 €. Per person we add a towel") == [("900 €", ALONE_WEIGHT)]


def test_the_lexicons_per_person_term_inside_a_price_is_the_same_sign() -> None:
    hits = analyse("Boot nach England, 1800 £ pro Person", lang="de").hits
    assert [hit.term for hit in hits if hit.category == "price"] == ["1800 £ pro Person"]


def test_a_long_run_of_grouped_digits_is_read_in_linear_passes() -> None:
    text = "1 000 " * 20_000 + "€"
    assert len(prices(fold(text))) < len(text)


MONEY_ALPHABET = st.sampled_from(
    [
        *"0123456789 .,:='-k\n€$£",
        "eur",
        "usd",
        "tl",
        "price",
        "prix",
        "gheymat",
        "قیمت",
        "euro",
        "dh",
        "ab",
        "x",
    ]
)


@given(st.lists(MONEY_ALPHABET, max_size=30).map("".join) | st.text())
def test_amounts_are_what_the_money_pattern_finds_anywhere(text: str) -> None:
    # `amounts` tries the pattern only from `lead()` characters before each digit: the same matches.
    assert [m.span() for m in amounts(text)] == [m.span() for m in patterns()[0].finditer(text)]


def test_a_price_word_as_far_from_its_amount_as_allowed_is_found() -> None:
    assert [m.group() for m in amounts("words words gheymat : 800")] == ["gheymat : 800"]
