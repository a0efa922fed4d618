"""The smuggling score of one advert, from its hits: `analysis` gives the learned score, `rule_score` the
hand rule it replaced.

The score an advert gets (`Analysis.score`) is the probability of the logistic regression in
graph.indicators.model, learned from the hand-written labelled adverts (docs/indicators.md says from
which, and how well it does on adverts it never saw); `Analysis.contributions` says what each feature
of the hits added to it. An advert with no smuggling term scores 0, whatever else its text holds. The
hand rule below was set by hand on development adverts and read them too well: it is kept as the
baseline bench/train_indicator_model.py measures the model against, and because its evidence per
category (`category_evidence`) is how the network score reads an advert's benign strength.

The hand rule. Each hit's weight `w` (how strongly the term alone points to its category) counts as evidence
`-ln(1 - w)`: a service term of weight `w` alone scores `w`, and the evidence of independent signs adds
up, which is the noisy-OR of their weights. Per category the strongest term counts in full and the next
strongest other terms (up to MAX_TERMS in all) at SECOND_TERM: saying "boza" ten times is one sign, and
different words of one category are only partly independent. Then

    smuggling evidence = sum over smuggling categories of STRENGTH[category] x its evidence, urgency's
                           strength being URGENCY + UNCLAIMED_URGENCY x exp(-benign evidence) when the
                           advert holds two distinct smuggling terms or more (emoji aside)
                         + CO_OCCURRENCE x exp(-benign evidence) for each smuggling category beyond the
                           first whose evidence reaches that of one term of weight CO_OCCURRENCE_WEIGHT,
                           when one of them is an offer, papers, a payment term or a demand for secrecy
                           (ANCHORS) reaching that of one term of weight ANCHOR_WEIGHT; urgency said in
                           SALE_TERMS distinct terms or more (each reaching CO_OCCURRENCE_WEIGHT) counts
                           as one more such category and as an anchor, unless benign evidence reaches
                           that of one term of weight SALE_BENIGN_WEIGHT
                         x REPORTED when the benign_news evidence reaches that of one term of weight
                           REPORT_WEIGHT
    benign evidence    = sum over benign categories of their evidence, the same way
    score              = 1 - exp(-(smuggling evidence - BENIGN_FACTOR x benign evidence)), at least 0
    benign             = 1 - exp(-benign evidence)

The hand rule read an advert as smuggling above RULE_THRESHOLD: one term alone scores at most its
weight, so one word of middling weight is never enough, and the lexicon keeps its ambiguous words weak.

Why each part:

- STRENGTH says how much each category tells of smuggling (see the constant).
- Co-occurrence: a smuggling advert sells a whole trip in few words, a crossing with its price, its
  route, its payment terms, its secrecy, each often weak on its own; an innocent text that uses one
  loaded word ("crossing", "boat") rarely adds the others. Weak signs join from a low floor, but one of
  them must be an anchor that is more than the weakest word, so that a holiday deal's urgency, port and
  "per person" stay below. Travel agencies sell whole trips too, and identify themselves: the bonus
  shrinks as benign evidence grows. Emoji do not count towards it: boats and flags decorate travel
  adverts too.
- Places sold on a departure: "leaving tomorrow night, two places left, be quick" is how a boat's last
  seats are sold, with nothing else said; a holiday deal says the same but names its business. So urgency
  counts for little next to benign evidence and for more without it (never alone: one "tonight" is no
  offer), and urgency said in several distinct ways (a departure, places left, haste) with no business,
  charity or newsroom claiming it is a sale of places, an anchor like a price.
- Prices (graph.indicators.money) are found by their shape, not listed: an amount with its currency is
  weak evidence, asked per person stronger; a range, a ceiling or a "from" price weaker still.
- Reports: news writes about smugglers, their prices and their jargon in every line, so its smuggling
  evidence is not an offer's; clear news wording reduces it before benign evidence is subtracted. A
  smuggling term inside quote marks (graph.indicators.quotes) is someone else's words and counts at
  QUOTED of its weight, whatever the text.
- Languages: a benign term in another language than the advert's, or a starred stem of another language
  ("garanti*" inside a German word), is often a chance spelling, and counts at OTHER_LANGUAGE of its
  weight. Smuggling terms of other languages count in full: adverts mix languages.
- Benign evidence is subtracted, not multiplied: a ferry timetable with "crossing" and "tickets" ends at
  zero, but strong smuggling jargon keeps its score against one benign word, whose evidence is smaller
  than the jargon's.

An analyst can redo a rule score from the hits (weights, categories, languages, whether a hit sits
inside quotes) and these constants. RULE_THRESHOLD and the constants were set on development adverts
(tests/graph/indicators/dev_adverts.jsonl, tests/data/indicators_labelled.jsonl and, once reported,
tests/data/indicators_heldout.jsonl), never on the blind set the quality is measured on. Known blind
spots: a report with no news wording and the jargon outside quotes reads as smuggling; a package holiday
that says "per person", "on arrival" and "guaranteed" with few business words can too, and so can a
last-minute deal ("leaving tonight, last places") that names no business at all; an advert in words
the lexicon lacks scores little, whatever its prices.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from graph.indicators import model
from graph.indicators.lexicon import BENIGN_CATEGORIES, SMUGGLING_CATEGORIES
from graph.indicators.match import Hit
from graph.indicators.model import counted_weight, evidence

# Above this the learned score reads an advert as smuggling (chosen with the model, in model.json).
THRESHOLD = model.default().threshold
# The hand rule's own threshold, for rule_score.
RULE_THRESHOLD = 0.5
# The share at which the second and further distinct terms of a category count, and how many count.
SECOND_TERM = 0.5
MAX_TERMS = 3
# How much of a smuggling category's evidence is evidence of smuggling. A term's weight says how surely
# it means its category ("leaving tonight" surely means urgency), not always smuggling: what is sold (a
# crossing, papers) says most; payment terms, secrecy and routes a little less, as delivery firms take
# payment on delivery, sellers ask for private messages and travel adverts name places; urgency least,
# as every last-minute holiday deal is urgent. Emoji count in full: the lexicon already weighs them low.
STRENGTH = {
    "service": 1.0,
    "documents": 1.0,
    "price": 0.8,
    "secrecy": 0.8,
    "route": 0.8,
    "emoji": 1.0,
    "urgency": 0.3,
}
# Urgency's strength grows by this share of exp(-benign evidence): urgent words that no business,
# charity or newsroom claims are a smuggler's more often than a holiday deal's.
URGENCY = STRENGTH["urgency"]
UNCLAIMED_URGENCY = 0.5
# Urgency in this many distinct terms or more is a sale of places: an anchor and one more co-occurring
# sign, unless benign evidence reaches that of one term of weight SALE_BENIGN_WEIGHT (a business that
# names itself sells its last places too).
SALE_TERMS = 2
SALE_BENIGN_WEIGHT = 0.2
CO_OCCURRENCE = 0.4
# A category counts towards co-occurrence when its evidence reaches that of one term of this weight.
CO_OCCURRENCE_WEIGHT = 0.15
# Co-occurrence counts only with one of these among the categories: an offer of a crossing or papers,
# its payment terms, or a demand for secrecy; urgency with a route is a holiday deal as often as not.
ANCHORS = frozenset({"service", "documents", "price", "secrecy"})
# The anchor itself must reach the evidence of one term of this weight: a generic "per person" or a
# lone price is no offer, though it joins one.
ANCHOR_WEIGHT = 0.2
# Categories that do not count towards co-occurrence (see the module's docstring).
DECORATION = frozenset({"emoji"})
BENIGN_FACTOR = 1.0
# A text that reports (its benign_news evidence reaches that of one term of weight REPORT_WEIGHT) is
# about smuggling, not an offer of it: its smuggling evidence counts at this share, then benign evidence
# is subtracted as for any text.
REPORTED = 0.5
REPORT_WEIGHT = 0.3
# The words of an advert's wording kept to explain its score: enough to see what pushed it, few enough
# to read at a glance and to store on every advert.
WORDS_SHOWN = 6


@dataclass(frozen=True, slots=True)
class Analysis:
    """An advert's lexicon hits and its smuggling score."""

    hits: tuple[Hit, ...]  # in text order; spans are indices into the advert's text
    score: float  # 0..1: the learned probability that the advert is smuggling
    benign: float  # 0..1: the strength of the benign signals alone
    categories: tuple[str, ...]  # the distinct smuggling categories hit
    # What each feature of the learned model added to the log-odds (negative: towards benign), strongest
    # first: the reasons behind the score, beside the hits that made them. The wording's part
    # (model.WORDING) is the sum of `words`.
    contributions: tuple[tuple[str, float], ...] = ()
    # The words of the folded text that added most to the log-odds either way (at most WORDS_SHOWN),
    # strongest first: what the wording's part is made of, in words an analyst finds in the text.
    words: tuple[tuple[str, float], ...] = ()

    def is_smuggling(self) -> bool:
        """Whether the score is above THRESHOLD (the learned model's, chosen with it)."""
        return self.score > THRESHOLD


def category_evidence(
    hits: Iterable[Hit], lang: str | None = None, quoted: list[tuple[int, int]] | None = None
) -> dict[str, float]:
    """Each category's evidence: its strongest term in full, the next strongest others at SECOND_TERM."""
    strongest: dict[str, dict[str, float]] = {}
    for hit in hits:
        terms = strongest.setdefault(hit.category, {})
        terms[hit.term] = max(terms.get(hit.term, 0.0), counted_weight(hit, lang, quoted or []))
    result = {}
    for category, terms in strongest.items():
        weights = sorted(terms.values(), reverse=True)[: int(MAX_TERMS)]
        result[category] = evidence(weights[0]) + SECOND_TERM * sum(map(evidence, weights[1:]))
    return result


def urgency_strength(hits: Iterable[Hit], benign: float) -> float:
    """How much of urgency's evidence is evidence of smuggling: more when no benign evidence claims it,
    and then only beside another smuggling term (one "tonight" alone is no offer)."""
    terms = {
        hit.term for hit in hits if hit.category in SMUGGLING_CATEGORIES and hit.category not in DECORATION
    }
    return URGENCY + (UNCLAIMED_URGENCY * math.exp(-benign) if len(terms) > 1 else 0.0)


def selling_places(hits: Iterable[Hit], lang: str | None, quoted: list[tuple[int, int]]) -> bool:
    """Whether the hits say urgency in SALE_TERMS distinct terms or more, each counting for at least
    CO_OCCURRENCE_WEIGHT: a departure, the places left and haste together sell the places on it."""
    terms = {
        hit.term
        for hit in hits
        if hit.category == "urgency" and counted_weight(hit, lang, quoted) >= CO_OCCURRENCE_WEIGHT
    }
    return len(terms) >= SALE_TERMS


def rule_score(
    hits: Iterable[Hit], *, lang: str | None = None, quoted: list[tuple[int, int]] | None = None
) -> float:
    """The hand rule's score of an advert with these hits (in text order), in language `lang` when
    known, whose text has these `quoted` spans (graph.indicators.quotes)."""
    hits = tuple(hits)
    per_category = category_evidence(hits, lang, quoted)
    benign = sum(per_category.get(category, 0.0) for category in BENIGN_CATEGORIES)
    strength = STRENGTH | {"urgency": urgency_strength(hits, benign)}
    smuggling = sum(strength[category] * per_category.get(category, 0.0) for category in SMUGGLING_CATEGORIES)
    co_occurring = {
        category
        for category in SMUGGLING_CATEGORIES
        if category not in DECORATION and per_category.get(category, 0.0) >= evidence(CO_OCCURRENCE_WEIGHT)
    }
    anchors, signs = ANCHORS, len(co_occurring)
    if benign < evidence(SALE_BENIGN_WEIGHT) and selling_places(hits, lang, quoted or []):
        anchors, signs = ANCHORS | {"urgency"}, signs + 1
    anchored = any(per_category.get(category, 0.0) >= evidence(ANCHOR_WEIGHT) for category in anchors)
    if co_occurring & anchors and anchored:
        smuggling += CO_OCCURRENCE * (signs - 1) * math.exp(-benign)
    if per_category.get("benign_news", 0.0) >= evidence(REPORT_WEIGHT):
        smuggling *= REPORTED
    net = max(0.0, smuggling - BENIGN_FACTOR * benign)
    return 1.0 - math.exp(-net)


def analysis(
    hits: Iterable[Hit],
    *,
    lang: str | None = None,
    quoted: list[tuple[int, int]] | None = None,
    folded: str | None = None,
) -> Analysis:
    """The Analysis of an advert with these hits (in text order), in language `lang` when known, whose
    text has these `quoted` spans (graph.indicators.quotes) and folds to `folded`
    (graph.indicators.normalise; the model's wording is read from it when given): the learned score."""
    hits = tuple(hits)
    if not hits:  # no sign of anything: what the features of no hits give, without computing them
        return Analysis(hits=hits, score=0.0, benign=0.0, categories=())
    learned = model.default()
    values = model.features(hits, lang, quoted)
    benign = sum(values[name] for name in model.BENIGN_EVIDENCE)
    found = {hit.category for hit in hits}
    smuggling = not found.isdisjoint(SMUGGLING_CATEGORIES)
    # Read once: the score sums the same parts `probability` would read again.
    words = learned.word_parts(folded) if smuggling else {}
    parts = learned.contributions(values, words) if smuggling else {}
    return Analysis(
        hits=hits,
        score=learned.probability_of(parts) if smuggling else 0.0,
        benign=1.0 - math.exp(-benign),
        categories=tuple(c for c in SMUGGLING_CATEGORIES if c in found),
        contributions=tuple([(name, round(part, 4)) for name, part in parts.items()]),
        words=strongest_words(words),
    )


def strongest_words(words: dict[str, float]) -> tuple[tuple[str, float], ...]:
    """The WORDS_SHOWN words with the largest parts either way, strongest first (then alphabetical, so
    that equal parts always come out in one order), each part rounded as contributions are; a word that
    adds nothing is not shown. Only the most negative and the most positive parts can be the largest
    either way, so only those are ranked (every advert is scored, and most have dozens of words)."""
    by_part = sorted(words.items(), key=itemgetter(1, 0))
    ends = by_part if len(by_part) <= 2 * WORDS_SHOWN else by_part[:WORDS_SHOWN] + by_part[-WORDS_SHOWN:]
    ranked = sorted([(-abs(part), word, part) for word, part in ends])[:WORDS_SHOWN]
    return tuple([(word, round(part, 4)) for _, word, part in ranked if part])
