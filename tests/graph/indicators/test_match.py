import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.indicators.lexicon import load, load_all
from graph.indicators.match import Hit, Matcher


def lexicon(language: str, terms: list[tuple[str, str, float]]) -> str:
    """A lexicon file of `terms` (text, category, weight)."""
    header = f'language = "{language}"\nname = "{language}"\nscripts = ["Latn"]\n'
    header += 'sources = "test"\nreview = "none"\n'
    body = "".join(
        f'[[term]]\ntext = "{text}"\ncategory = "{category}"\nweight = {weight}\nmeans = "gloss of {text}"\n'
        for text, category, weight in terms
    )
    return header + body


MATCHER = Matcher(
    [
        load(
            "fr.toml",
            lexicon(
                "fr",
                [
                    ("passeur", "service", 0.8),
                    ("paiement à l'arrivée", "price", 0.7),
                    ("paiement", "price", 0.2),
                    ("taxi", "service", 0.3),
                    ("taxi bateau", "service", 0.6),
                ],
            ),
        ),
        load("en.toml", lexicon("en", [("taxi", "service", 0.5), ("per person", "price", 0.4)])),
        load("tr.toml", lexicon("tr", [("kaçak*", "service", 0.6), ("kaçakçı", "service", 0.9)])),
        load("ar.toml", lexicon("ar", [("حرقة", "service", 0.8), ("7arga", "service", 0.8)])),
        load("ti.toml", lexicon("ti", [("ጀልባ", "service", 0.4)])),
        load("und.toml", lexicon("und", [("🛥", "emoji", 0.2), ("🇬🇧", "emoji", 0.2)])),
    ]
)


def written(text: str) -> list[tuple[str, str]]:
    """Each hit's term and what the advert wrote there."""
    return [(hit.term, text[hit.start : hit.end]) for hit in MATCHER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PASSEUR fiable", [("passeur", "PASSEUR")]),
        ("Paiement a l’ARRIVÉE!", [("paiement à l'arrivée", "Paiement a l’ARRIVÉE")]),
        ("pas\u200bseur", [("passeur", "pas\u200bseur")]),
        ("le p.a.s.s.e.u.r.", [("passeur", "p.a.s.s.e.u.r")]),
        ("pаsseur", [("passeur", "pаsseur")]),  # with a Cyrillic а
        ("taxi   bateau", [("taxi bateau", "taxi   bateau")]),
        ("Ḥarga: 7ARGA el 7arga", [("7arga", "Ḥarga"), ("7arga", "7ARGA"), ("7arga", "7arga")]),
        ("الحرقة وحرقة حرقـة", [("حرقة", "حرقة"), ("حرقة", "حرقة"), ("حرقة", "حرقـة")]),  # after proclitics
        ("ብጀልባ ጀልባ", [("ጀልባ", "ጀልባ"), ("ጀልባ", "ጀልባ")]),  # after a Tigrinya preposition
        ("🛥️🛥️🇬🇧", [("🛥", "🛥️"), ("🛥", "🛥️"), ("🇬🇧", "🇬🇧")]),
        ("kaçakçılar ve kaçakçı", [("kaçak*", "kaçakçılar"), ("kaçakçı", "kaçakçı")]),
    ],
)
def test_spans_are_what_the_advert_wrote(text: str, expected: list[tuple[str, str]]) -> None:
    assert written(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "passeurs",  # a longer word
        "repasseur",
        "taxis",
        "ataxi",
        "yakaçakçı",  # a starred term must still start a word
        "مخرقة",  # not a proclitic before it
        "ሓጀልባ",
        "xpaiement",
    ],
)
def test_a_term_inside_a_longer_word_does_not_hit(text: str) -> None:
    assert MATCHER.find(text) == []


def test_a_starred_term_goes_on_with_letters_to_the_end_of_the_word() -> None:
    assert written("KAÇAKÇILARA yaz") == [("kaçak*", "KAÇAKÇILARA")]


def test_emoji_need_no_boundaries() -> None:
    assert [term for term, _ in written("go🛥now")] == ["🛥"]


def test_overlapping_hits_keep_the_longest() -> None:
    assert written("taxi bateau, paiement à l'arrivée, paiement") == [
        ("taxi bateau", "taxi bateau"),
        ("paiement à l'arrivée", "paiement à l'arrivée"),
        ("paiement", "paiement"),
    ]


def test_a_spelling_of_two_languages_is_the_stronger_term_alone() -> None:
    (hit,) = MATCHER.find("taxi")
    assert hit == Hit("taxi", "service", "en", 0, 4, 0.5, "gloss of taxi")


def test_a_spelling_of_two_languages_is_the_term_of_the_adverts_other_hits() -> None:
    hits = MATCHER.find("passeur, taxi")
    assert [(hit.lang, hit.weight) for hit in hits] == [("fr", 0.8), ("fr", 0.3)]


def test_a_spelling_of_two_languages_is_the_term_of_the_adverts_language() -> None:
    (_, taxi) = MATCHER.find("passeur, taxi", lang="en")
    assert (taxi.lang, taxi.weight) == ("en", 0.5)


def test_hits_carry_the_lexicon_entry() -> None:
    (hit,) = MATCHER.find("1500€ per person")
    assert (hit.category, hit.lang, hit.weight, hit.means) == ("price", "en", 0.4, "gloss of per person")


def test_no_lexicon_finds_nothing() -> None:
    assert Matcher([]).find("passeur") == []


def test_every_installed_term_is_found_where_it_is_written() -> None:
    matcher = Matcher(load_all())
    for lexicon_ in load_all():
        for term in lexicon_.terms:
            spelling = term.text.removesuffix("*")
            text = f"xx. {spelling} .yy"
            spans = [(hit.start, hit.end) for hit in matcher.find(text)]
            assert (4, 4 + len(spelling)) in spans, (lexicon_.language, term.text, spans)


PIECES = st.sampled_from(
    [
        "passeur",
        "taxi",
        "bateau",
        "7arga",
        "حرقة",
        "و",
        "ال",
        "🛥",
        "\ufe0f",
        "kaçak",
        "ı",
        "ß",
        " ",
        "\u0301",
        "3",
    ]
)


@given(st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_spans_are_valid_and_in_order_for_any_text(text: str) -> None:
    hits = MATCHER.find(text)
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)
    for before, after in itertools.pairwise(hits):
        assert before.end <= after.start
