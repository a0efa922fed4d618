"""Lexicon terms the labelled adverts show to be no sign of smuggling on their own: still found and
shown, counted for nothing.

A term's weight is set by hand, from what the word means. Some words mean smuggling and are still
written far more by the people around it than by the people selling it: "passeur", "Schleuser" and
"قاچاقچی" by newsrooms, courts and warnings (smugglers do not call themselves so); "Dover", "Lesbos" and
"Durrës" by ferries, holidays and news. In the hand-written labelled adverts
(bench/train_indicator_model.py FILES) most adverts holding such a word are honest, and the hand weight
then adds to every honest post a score that only its benign wording can take back.

bench/term_audit.py counts, for every smuggling term of the lexicon, the labelled adverts that hold it,
and writes to audit.json the terms whose adverts are mostly honest beyond chance (its docstring gives
the rule). Such a term keeps its place in the lexicon and among an advert's hits, so an analyst still
sees the place or the word, but with weight 0: it adds nothing to the score, is no sign of its
category, and does not make an advert one that "holds a smuggling term". The file is data, rewritten
with the model whenever the lexicon or the labelled data change; the test of the training script checks
that it is what the committed data gives.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources

from graph.indicators.lexicon import Lexicon, LexiconError, Term

# The weight an audited term is given: found, shown, not counted.
AUDITED_WEIGHT = 0.0


@cache
def audited() -> frozenset[tuple[str, str]]:
    """The (language, term) of every audited term in the installed audit.json; none without the file."""
    source = resources.files("graph.indicators").joinpath("audit.json")
    if not source.is_file():
        return frozenset()
    return parse(json.loads(source.read_text(encoding="utf-8")))


def parse(data: object) -> frozenset[tuple[str, str]]:
    """The (language, term) pairs of audit.json's content, checked."""
    try:
        entries = data["terms"]  # type: ignore[index]
        pairs = frozenset((str(entry["lang"]), str(entry["term"])) for entry in entries)
    except (KeyError, TypeError) as error:
        raise LexiconError(f"audit.json: missing or malformed field ({error})") from error
    return pairs


def apply(
    lexicons: Iterable[Lexicon], terms: frozenset[tuple[str, str]] | None = None
) -> tuple[Lexicon, ...]:
    """The lexicons with every spelling of an audited term (`terms`, the installed audit by default)
    given AUDITED_WEIGHT. A term the audit names and no lexicon holds changes nothing (the test of the
    training script finds such a stale audit)."""
    terms = audited() if terms is None else terms
    return tuple(
        dataclasses.replace(lexicon, terms=tuple(_audited(term, terms) for term in lexicon.terms))
        for lexicon in lexicons
    )


def _audited(term: Term, terms: frozenset[tuple[str, str]]) -> Term:
    """The term with AUDITED_WEIGHT if the audit names it, else as it is."""
    return dataclasses.replace(term, weight=AUDITED_WEIGHT) if (term.lang, term.headword) in terms else term
