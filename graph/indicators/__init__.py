"""Smuggling indicators of an advert: the multilingual lexicon's terms it holds, and its smuggling score.

`analyse(text)` finds the terms (graph.indicators.match), in any of the lexicons' languages at once, and
scores the advert from them (graph.indicators.score, whose docstring says how and why).
"""

from typing import NamedTuple

from graph import language
from graph.indicators.lexicon import BENIGN_CATEGORIES, CATEGORIES, SMUGGLING_CATEGORIES, LexiconError
from graph.indicators.match import Hit, default
from graph.indicators.money import price_hits
from graph.indicators.normalise import fold
from graph.indicators.pairs import pair_hits
from graph.indicators.quotes import quoted_spans
from graph.indicators.score import THRESHOLD, Analysis, analysis

__all__ = [
    "BENIGN_CATEGORIES",
    "CATEGORIES",
    "SMUGGLING_CATEGORIES",
    "THRESHOLD",
    "Analysis",
    "Hit",
    "LexiconError",
    "Reading",
    "analyse",
    "find",
]


class Reading(NamedTuple):
    """What `analyse` reads from a text before scoring it."""

    hits: list[Hit]  # in text order
    lang: str | None  # the language they were read in
    quoted: list[tuple[int, int]]  # the quoted spans (empty when there are no hits)
    folded: str  # the folded text (graph.indicators.normalise)


def find(text: str, *, lang: str | None = None, detect: bool = True) -> Reading:
    """What `analyse` reads from `text` before scoring it, `lang` detected when not given (unless
    `detect` is False): what the model's training reads too, so both see an advert alike."""
    if lang is None and detect and text:
        lang = language.detect(text)
    folded = fold(text)
    hits = price_hits(text, folded, default().find_folded(folded, lang), lang)
    hits = pair_hits(text, folded, hits, lang)
    return Reading(hits, lang, quoted_spans(text) if hits else [], folded.text)


def analyse(text: str, *, lang: str | None = None, detect: bool = True) -> Analysis:
    """The lexicon hits of `text` and its smuggling score. Linear in the length of the text.

    Terms of every language are looked for whatever `lang` says; `lang`, the advert's language (detected
    by graph.language when not given), names the language of a spelling several languages share and
    tells the score which benign words are in another language than the advert's. Prices with their
    currency are found by their shape (graph.indicators.money), concepts said in a pair of everyday words
    by the pair (graph.indicators.pairs), quotations by their marks
    (graph.indicators.quotes). The lexicons are loaded and compiled on the first call in a process (a
    LexiconError names a malformed file, term and problem). `detect=False` is for a caller that has
    already asked graph.language and got no answer, so the model is not asked twice.
    """
    read = find(text, lang=lang, detect=detect)
    return analysis(read.hits, lang=read.lang, quoted=read.quoted, folded=read.folded)
