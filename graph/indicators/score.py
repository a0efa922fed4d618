"""The smuggling score of one advert, from its lexicon hits, built so that an analyst can redo it by hand.

Each hit's weight `w` (how strongly the term alone points to its category) counts as evidence
`-ln(1 - w)`: the weight a term has alone is the score the advert would get from it alone, and the
evidence of independent signs adds up, which is the noisy-OR of their weights. Per category only the
strongest term counts in full and the next strongest other term at half (SECOND_TERM): saying "boza" ten
times is one sign, and two different words of the same category are only partly independent. Then

    smuggling evidence = the smuggling categories' evidence + CO_OCCURRENCE for each smuggling
                         category beyond the first that the advert hits with some strength
    benign evidence    = the benign categories' evidence, the same way
    score              = 1 - exp(-(smuggling evidence - BENIGN_FACTOR x benign evidence)), at least 0

The co-occurrence term is there because a smuggling advert sells a whole trip: a service with its price,
its route, its payment terms; an innocent text that uses one loaded word ("crossing", "boat") rarely
adds the others. Benign evidence is subtracted, not multiplied: a ferry timetable with "crossing" and
"tickets" ends near zero, but strong smuggling jargon keeps its score against one benign word, whose
evidence is smaller than the jargon's. Emoji count as a category but not towards co-occurrence: boats and
flags alone decorate travel adverts too. THRESHOLD is the score above which an advert reads as
smuggling; it and the constants were set on a development set of adverts written for it
(tests/graph/indicators/dev_adverts.jsonl), never on the labelled set the quality is measured on.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from graph.indicators.lexicon import BENIGN_CATEGORIES, CATEGORIES, SMUGGLING_CATEGORIES
from graph.indicators.match import Hit

THRESHOLD = 0.5
SECOND_TERM = 0.5
CO_OCCURRENCE = 0.5
# The weight a category's strongest hit needs for the category to count towards co-occurrence.
CO_OCCURRENCE_WEIGHT = 0.3
# Categories that do not count towards co-occurrence (see the module's docstring).
DECORATION = frozenset({"emoji"})
BENIGN_FACTOR = 1.0
# No weight is taken as certainty: a weight of 1 counts as this, so that evidence stays finite.
MAX_WEIGHT = 0.99


@dataclass(frozen=True, slots=True)
class Analysis:
    """An advert's lexicon hits and its smuggling score."""

    hits: tuple[Hit, ...]  # in text order; spans are indices into the advert's text
    score: float  # 0..1: smuggling evidence tempered by benign signals
    benign: float  # 0..1: the strength of the benign signals alone
    categories: tuple[str, ...]  # the distinct smuggling categories hit

    def is_smuggling(self) -> bool:
        """Whether the score reaches THRESHOLD."""
        return self.score >= THRESHOLD


def evidence(weight: float) -> float:
    """The evidence of one sign of weight `weight`: -ln(1 - weight)."""
    return -math.log1p(-min(max(weight, 0.0), MAX_WEIGHT))


def category_evidence(hits: Iterable[Hit]) -> dict[str, float]:
    """Each category's evidence: its strongest term in full, its next strongest other term at half."""
    strongest: dict[str, dict[str, float]] = {}
    for hit in hits:
        terms = strongest.setdefault(hit.category, {})
        terms[hit.term] = max(terms.get(hit.term, 0.0), hit.weight)
    result = {}
    for category, terms in strongest.items():
        weights = sorted(terms.values(), reverse=True)[:2]
        result[category] = evidence(weights[0]) + SECOND_TERM * sum(map(evidence, weights[1:]))
    return result


def analysis(hits: Iterable[Hit]) -> Analysis:
    """The Analysis of an advert with these hits (in text order)."""
    hits = tuple(hits)
    per_category = category_evidence(hits)
    smuggling = sum(per_category.get(category, 0.0) for category in SMUGGLING_CATEGORIES)
    benign = sum(per_category.get(category, 0.0) for category in BENIGN_CATEGORIES)
    co_occurring = [
        category
        for category in SMUGGLING_CATEGORIES
        if category not in DECORATION and per_category.get(category, 0.0) >= evidence(CO_OCCURRENCE_WEIGHT)
    ]
    smuggling += CO_OCCURRENCE * max(0, len(co_occurring) - 1)
    net = max(0.0, smuggling - BENIGN_FACTOR * benign)
    return Analysis(
        hits=hits,
        score=1.0 - math.exp(-net),
        benign=1.0 - math.exp(-benign),
        categories=tuple(c for c in CATEGORIES if c in SMUGGLING_CATEGORIES and c in per_category),
    )
