"""What a stored indicator term means, in English, from the installed lexicons: adverts keep their hits'
terms, not the glosses, so that a gloss corrected in a lexicon reads right on every advert at once."""

from __future__ import annotations

from functools import cache

from graph.indicators.lexicon import load_all


@cache
def _glosses() -> dict[tuple[str, str], str]:
    """(language, term) -> its gloss, for every term of every lexicon, read once per process."""
    return {(t.lang, t.headword): t.means for lexicon in load_all() for t in lexicon.terms if t.means}


def means(language: str, term: str) -> str | None:
    """The English gloss of a lexicon term of this language, or None when no lexicon has it (any more)."""
    return _glosses().get((language, term))
