"""Smuggling indicators of an advert: the multilingual lexicon's terms it holds, and its smuggling score.

`analyse(text)` finds the terms (graph.indicators.match), in any of the lexicons' languages at once, and
scores the advert from them (graph.indicators.score, whose docstring says how and why).
"""

from graph.indicators.lexicon import BENIGN_CATEGORIES, CATEGORIES, SMUGGLING_CATEGORIES, LexiconError
from graph.indicators.match import Hit, default
from graph.indicators.score import THRESHOLD, Analysis, analysis

__all__ = [
    "BENIGN_CATEGORIES",
    "CATEGORIES",
    "SMUGGLING_CATEGORIES",
    "THRESHOLD",
    "Analysis",
    "Hit",
    "LexiconError",
    "analyse",
]


def analyse(text: str, *, lang: str | None = None) -> Analysis:
    """The lexicon hits of `text` and its smuggling score. Linear in the length of the text.

    Terms of every language are looked for whatever `lang` says; `lang`, the advert's language when
    known, only names the language of a spelling several languages share. The lexicons are loaded and
    compiled on the first call in a process (a LexiconError names a malformed file, term and problem).
    """
    return analysis(default().find(text, lang))
