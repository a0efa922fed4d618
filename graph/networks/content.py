"""What a network's adverts say: their smuggling indicators, benign signals and shared templates, summed up.

Each advert carries the hits ingest found in its text (`indicator_terms`, `indicator_categories`,
`indicator_weights`) and its `smuggling_score`; the network recompute reads them for its members and
`summarise` turns them into the counts the score and its explanation are made of. Adverts stored before
ingest analysed texts have no score: they are counted apart (`unanalysed`), never as benign.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graph.indicators import BENIGN_CATEGORIES, SMUGGLING_CATEGORIES, THRESHOLD, Hit
from graph.indicators.score import category_evidence

TOP_ADVERTS = 5  # the strength of a network is the mean score of its strongest adverts
# The contract's categories in the order an explanation lists them when as many adverts hit each.
ORDER = (
    "service", "price", "route", "documents", "secrecy", "urgency", "emoji",
    "benign_business", "benign_charity", "benign_news", "benign_jobs", "benign_education",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class AdvertContent:
    """One advert's analysis as stored: its smuggling score (None: never analysed) and its hits, in text
    order, and whether a template link joins it to another advert."""

    score: float | None
    terms: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    weights: tuple[float, ...] = ()
    templated: bool = False

    @classmethod
    def of(
        cls,
        score: float | None,
        terms: Sequence[str] | None,
        categories: Sequence[str] | None,
        weights: Sequence[float] | None,
        templated: bool = False,
    ) -> AdvertContent:
        """From the stored properties; lists of unequal length (a damaged node) are cut to the shortest."""
        terms, categories, weights = list(terms or ()), list(categories or ()), list(weights or ())
        n = min(len(terms), len(categories), len(weights))
        return cls(
            None if score is None else float(score),
            tuple(terms[:n]),
            tuple(categories[:n]),
            tuple(float(w) for w in weights[:n]),
            bool(templated),
        )

    @property
    def smuggling(self) -> bool:
        """Read as a smuggling advert: its score is above the matcher's threshold (`is_smuggling()`)."""
        return self.score is not None and self.score > THRESHOLD

    def benign_strength(self) -> float:
        """How strongly its text says "legitimate" once its smuggling words are weighed against it (0..1).

        Both sides' evidence is read from the hits by the lexicon's evidence rule
        (`graph.indicators.score.category_evidence`: a weight w is evidence -ln(1 - w), a category's
        strongest term counts in full and a few others in part). What the benign evidence has left
        after the smuggling evidence is taken from it is the strength, 1 - exp(-left), and 0 when the
        smuggling side is the heavier. So each piece of evidence counts once: a weak benign word
        ("bookings") beside a price, a route and a departure has already lowered the advert's smuggling
        score, which weighs its benign hits too, and has nothing left to pull its network down, while
        a timetable with a licence, tickets and one port name stays benign."""
        if self.score is None:
            return 0.0
        hits = (
            Hit(term, category, "und", 0, 0, weight, "")
            for term, category, weight in zip(self.terms, self.categories, self.weights, strict=True)
        )
        left = 0.0
        for category, value in category_evidence(hits).items():
            left += value if category in BENIGN_CATEGORIES else -value
        return 1.0 - math.exp(-left) if left > 0 else 0.0


@dataclass(frozen=True, slots=True)
class ContentSummary:
    """A network's adverts' content in counts: what the content and benign parts of the score read."""

    adverts: int = 0  # member adverts
    analysed: int = 0  # of which analysed by ingest (they have a smuggling score)
    smuggling: int = 0  # read as smuggling (score >= the matcher's threshold)
    score_sum: float = 0.0  # the analysed adverts' smuggling scores, added up
    strength: float = 0.0  # mean score of the strongest TOP_ADVERTS analysed adverts
    templated_smuggling: int = 0  # adverts read as smuggling that share a template with another advert
    templated: int = 0  # adverts that share a template with another advert
    template_only: int = 0  # adverts that joined the network only by template
    benign_weight: float = 0.0  # the benign strengths of the adverts, added up
    benign_adverts: int = 0  # adverts (not read as smuggling) with at least one benign hit
    # Per category: how many analysed adverts hit it, and the terms that hit it, by how many adverts
    # wrote them.
    categories: Counter[str] = field(default_factory=Counter)
    terms: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def unanalysed(self) -> int:
        return self.adverts - self.analysed

    @property
    def mean_score(self) -> float:
        """The analysed adverts' smuggling score on average: how much of the network reads as smuggling,
        counting the near misses (an advert with a route and a price but no service word) in part."""
        return self.score_sum / self.analysed if self.analysed else 0.0

    @property
    def benign_share(self) -> float:
        """The analysed adverts' benign strength, on average (0..1)."""
        return self.benign_weight / self.analysed if self.analysed else 0.0

    def smuggling_categories(self) -> list[str]:
        """The smuggling categories hit, most adverts first (ties in the contract's order)."""
        return _ranked(self.categories, SMUGGLING_CATEGORIES)

    def benign_categories(self) -> list[str]:
        return _ranked(self.categories, BENIGN_CATEGORIES)

    def top_terms(self, category: str, most: int = 3) -> list[str]:
        """The terms of a category written by most adverts (ties alphabetically)."""
        counts = self.terms.get(category, Counter())
        return [term for term, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:most]]


def summarise(adverts: Iterable[AdvertContent | None], *, template_only: int = 0) -> ContentSummary:
    """The summary of a network's adverts (None: an advert whose content was not read, counted as not
    analysed); `template_only` adverts of them joined the network only by template."""
    count = analysed = smuggling = templated = templated_smuggling = benign_adverts = 0
    benign_weight = score_sum = 0.0
    scores: list[float] = []
    categories: Counter[str] = Counter()
    terms: dict[str, Counter[str]] = {}
    for advert in adverts:
        count += 1
        if advert is None:
            continue
        templated += advert.templated
        if advert.score is None:
            continue
        analysed += 1
        scores.append(advert.score)
        is_smuggling = advert.smuggling
        smuggling += is_smuggling
        templated_smuggling += is_smuggling and advert.templated
        score_sum += advert.score
        strength = advert.benign_strength()
        benign_weight += strength
        benign_adverts += strength > 0 and not is_smuggling
        seen: dict[str, set[str]] = {}
        for term, category in zip(advert.terms, advert.categories, strict=True):
            seen.setdefault(category, set()).add(term)
        for category, written in seen.items():
            categories[category] += 1
            terms.setdefault(category, Counter()).update(written)
    top = heapq.nlargest(TOP_ADVERTS, scores)
    return ContentSummary(
        adverts=count,
        analysed=analysed,
        smuggling=smuggling,
        score_sum=score_sum,
        strength=sum(top) / len(top) if top else 0.0,
        templated_smuggling=templated_smuggling,
        templated=templated,
        template_only=template_only,
        benign_weight=benign_weight,
        benign_adverts=benign_adverts,
        categories=categories,
        terms=terms,
    )


def _ranked(counts: Counter[str], among: Iterable[str]) -> list[str]:
    wanted = set(among)
    return sorted((c for c in counts if c in wanted), key=lambda c: (-counts[c], _position(c), c))


def _position(category: str) -> int:
    return ORDER.index(category) if category in ORDER else len(ORDER)
