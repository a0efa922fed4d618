"""The learned smuggling score of an advert: a logistic regression over features of its lexicon hits,
and over its wording (graph.indicators.wording).

The hits say what an advert holds (a crossing offered, a price per person, a ferry company's name);
how much each kind of sign should count, and how they combine, is learned from the hand-written
labelled adverts in tests/data/ by bench/train_indicator_model.py, which writes the coefficients to
model.json beside this module. Applying them needs nothing but arithmetic, so nothing here imports a
learning library.

Every feature is a number an analyst can recompute from the hits (see `features`): per category, the
strongest term's weight, the evidence of its distinct terms and how many there are; whether a price
is asked per person; how many kinds of smuggling sign co-occur with no benign sign claiming them. The
model learns one coefficient per feature, smuggling features never below zero and benign features
never above, so that a smuggling term never lowers a score and a benign one never raises it. The score
is the logistic of the intercept plus the sum of coefficient x feature, so each feature's part of the
log-odds (`Model.contributions`) is what it added to an advert with no hits at all.

The hits bound what the lexicon lists, and a new writer says the same offer in other words; the
wording's weights, learned with the coefficients and without a sign constraint, add what each of the
advert's words adds (`Model.word_parts`), summed as one more contribution, WORDING. The score of an
advert with no smuggling term is still 0 (graph.indicators.score): the wording weighs what the hits
found, and never flags a text on its own.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.indicators.lexicon import BENIGN_CATEGORIES, SMUGGLING_CATEGORIES
from graph.indicators.match import Hit
from graph.indicators.quotes import inside
from graph.indicators.wording import Wording

# A smuggling term inside quote marks is someone else's words (a report quoting an advert), and a benign
# term in another language than the advert's (or a starred stem of another language) is often a chance
# spelling: each counts at this share of its weight before any feature is read.
QUOTED = 0.3
OTHER_LANGUAGE = 0.5
# No weight is taken as certainty: a weight of 1 counts as this, so that evidence stays finite.
MAX_WEIGHT = 0.99
# The distinct terms of one category that count towards its evidence and its term count: saying ten
# different words for "boat" is not ten independent signs.
MAX_TERMS = 3
# The name of the wording's part among an advert's contributions.
WORDING = "wording"
# A smuggling category is one kind of sign co-occurring with others when a term of it weighs this much.
KIND_WEIGHT = 0.15
# What the price matcher (graph.indicators.money) says of the prices it finds by their shape.
PER_PERSON = "price per person"
AMOUNT = "a price with its currency"
# Categories that do not count as a kind of sign: boats and flags decorate travel adverts too.
DECORATION = frozenset({"emoji"})


def counted_weight(hit: Hit, lang: str | None, quoted: list[tuple[int, int]]) -> float:
    """How much of its weight a hit counts for: less inside quotes (a smuggling term) or in another
    language than the advert's (a benign term)."""
    weight = hit.weight
    other = lang is not None and hit.lang not in (lang, "und")
    if other and (hit.category in _BENIGN or hit.term.endswith("*")):
        weight *= OTHER_LANGUAGE
    if quoted and hit.category not in _BENIGN and inside(quoted, hit.start, hit.end):
        weight *= QUOTED
    return weight


_BENIGN = frozenset(BENIGN_CATEGORIES)


def evidence(weight: float) -> float:
    """The evidence of one sign of weight `weight`: -ln(1 - weight), which adds up over independent
    signs as their noisy-OR does."""
    return -math.log1p(-min(max(weight, 0.0), MAX_WEIGHT))


def term_weights(
    hits: Iterable[Hit], lang: str | None = None, quoted: list[tuple[int, int]] | None = None
) -> dict[str, list[float]]:
    """Each category's distinct terms' counted weights, strongest first (a term's strongest hit)."""
    strongest: dict[str, dict[str, float]] = {}
    for hit in hits:
        terms = strongest.setdefault(hit.category, {})
        terms[hit.term] = max(terms.get(hit.term, 0.0), counted_weight(hit, lang, quoted or []))
    return {category: sorted(terms.values(), reverse=True) for category, terms in strongest.items()}


def feature_names() -> tuple[str, ...]:
    """The features' names, in the order `features` returns them and model.json lists them."""
    per_category = tuple(
        f"{category}:{part}"
        for category in SMUGGLING_CATEGORIES + BENIGN_CATEGORIES
        for part in ("max", "evidence", "terms")
    )
    return (
        *per_category,
        "price:per_person",
        "price:amount",
        "kinds",
        "kinds_unclaimed",
        "urgency_unclaimed",
    )


def smuggling_feature(name: str) -> bool:
    """Whether a feature grows with smuggling evidence (its coefficient is never negative) rather than
    with benign evidence (never positive)."""
    return not name.startswith("benign_")


# Each category with its features' names, made once: `features` runs for every advert.
_NAMES = tuple(
    (category, f"{category}:max", f"{category}:evidence", f"{category}:terms")
    for category in SMUGGLING_CATEGORIES + BENIGN_CATEGORIES
)
# The benign categories' evidence features: what `features` and the score sum as benign evidence.
BENIGN_EVIDENCE = tuple(f"{category}:evidence" for category in BENIGN_CATEGORIES)
_KIND_MAX = tuple(f"{category}:max" for category in SMUGGLING_CATEGORIES if category not in DECORATION)
# Each category's three features' names, looked up for the categories an advert has hits in.
_NAMES_OF = {category: names for category, *names in _NAMES}
# The features of no hits, in `feature_names` order: an advert's features are a copy with the values of
# its few categories written over, so the categories without a hit (most of them) are not visited. Their
# values are those an empty list of weights gives: an evidence sums to the integer 0.
_NO_FEATURES: dict[str, float] = dict.fromkeys(feature_names(), 0.0) | dict.fromkeys(
    (evidence_name for _, _, evidence_name, _ in _NAMES), 0
)


def features(
    hits: Iterable[Hit], lang: str | None = None, quoted: list[tuple[int, int]] | None = None
) -> dict[str, float]:
    """The features of an advert with these hits, in language `lang`, with these quoted spans.

    Per category: `max` (the strongest term's counted weight), `evidence` (the evidence of its
    MAX_TERMS strongest distinct terms), `terms` (how many distinct terms, at most MAX_TERMS).
    `price:per_person` and `price:amount`: a price found by its shape, asked per person or not.
    `kinds`: how many smuggling categories (emoji aside) have a term of weight KIND_WEIGHT or more,
    beyond the first; `kinds_unclaimed` the same times exp(-benign evidence) (a whole trip sold in few
    words, that no business, charity or newsroom claims); `urgency_unclaimed` urgency's evidence times
    exp(-benign evidence) (places sold on a departure, that no holiday deal claims)."""
    hits = tuple(hits)
    result = _NO_FEATURES.copy()
    for category, top in term_weights(hits, lang, quoted).items():
        if category not in _NAMES_OF:
            continue
        top_name, evidence_name, terms_name = _NAMES_OF[category]
        top = top[:MAX_TERMS]
        result[top_name] = top[0]
        result[evidence_name] = sum(map(evidence, top))
        result[terms_name] = float(len(top))
    means = {hit.means for hit in hits if hit.category == "price"}
    result["price:per_person"] = float(PER_PERSON in means)
    result["price:amount"] = float(AMOUNT in means or PER_PERSON in means)
    benign = sum(result[name] for name in BENIGN_EVIDENCE)
    kinds = sum(1 for name in _KIND_MAX if result[name] >= KIND_WEIGHT)
    result["kinds"] = float(max(0, kinds - 1))
    result["kinds_unclaimed"] = result["kinds"] * math.exp(-benign)
    result["urgency_unclaimed"] = result["urgency:evidence"] * math.exp(-benign)
    return result


@dataclass(frozen=True, slots=True)
class Model:
    """A learned advert score: the intercept and one coefficient per feature, on the features' own
    scale, the weights of the text's wording (graph.indicators.wording; none when the model reads hits
    only), and the threshold above which an advert reads as smuggling."""

    intercept: float
    coefficients: Mapping[str, float]
    threshold: float
    wording: Wording | None = None

    def probability(self, values: Mapping[str, float], folded: str | None = None) -> float:
        """The logistic of the intercept plus every contribution: the learned probability that the
        advert is smuggling."""
        return self.probability_of(self.contributions(values, self.word_parts(folded)))

    def probability_of(self, contributions: Mapping[str, float]) -> float:
        """`probability` from the contributions `contributions` gave, for a caller that has them."""
        z = self.intercept + sum(contributions.values())
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def word_parts(self, folded: str | None) -> dict[str, float]:
        """What each word of the folded text adds to the log-odds (empty without a text or wording)."""
        return self.wording.parts(folded) if folded is not None and self.wording is not None else {}

    def contributions(
        self, values: Mapping[str, float], words: Mapping[str, float] | None = None
    ) -> dict[str, float]:
        """What each non-zero feature adds to the log-odds (negative: towards benign), strongest first;
        the words' parts (`word_parts`), when given, summed as WORDING."""
        # A feature of value 0 adds nothing, and is left out below: only the others are multiplied.
        parts = {
            name: coef * value for name, coef in self.coefficients.items() if (value := values.get(name, 0.0))
        }
        if words:
            parts[WORDING] = math.fsum(words.values())  # exact: the same whatever the words' order
        kept = {name: part for name, part in parts.items() if part}
        return dict(sorted(kept.items(), key=lambda item: -abs(item[1])))


class ModelError(ValueError):
    """model.json is not a model this code can apply; the message says what is wrong."""


def parse(data: Mapping[str, object]) -> Model:
    """A Model from model.json's content, checked against the features this code computes."""
    try:
        coefficients = {str(k): float(v) for k, v in dict(data["coefficients"]).items()}  # type: ignore[call-overload]
        intercept, threshold = float(data["intercept"]), float(data["threshold"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError) as error:
        raise ModelError(f"model.json: missing or malformed field ({error})") from error
    if tuple(coefficients) != feature_names():
        raise ModelError("model.json: its features are not the ones graph.indicators.model computes")
    if not 0.0 < threshold < 1.0:
        raise ModelError(f"model.json: threshold {threshold} is not between 0 and 1")
    for name, coef in coefficients.items():
        if (coef < 0) if smuggling_feature(name) else (coef > 0):
            raise ModelError(f"model.json: coefficient of {name} has the wrong sign")
    return Model(intercept, coefficients, threshold, _wording(data.get("wording")))


def _wording(data: object) -> Wording | None:
    """The Wording of model.json's "wording" entry, checked; None when the model has none."""
    if not data:
        return None
    try:
        sizes = tuple(int(n) for n in dict(data)["sizes"])  # type: ignore[call-overload]
        weights = tuple(float(w) for w in dict(data)["weights"])  # type: ignore[call-overload]
    except (KeyError, TypeError, ValueError) as error:
        raise ModelError(f"model.json: malformed wording ({error})") from error
    if not sizes or not weights or any(n < 1 for n in sizes):
        raise ModelError("model.json: wording needs its piece sizes and its bucket weights")
    return Wording(weights, sizes)


@cache
def default() -> Model:
    """The model shipped with the package (model.json, written by bench/train_indicator_model.py)."""
    text = resources.files("graph.indicators").joinpath("model.json").read_text(encoding="utf-8")
    return parse(json.loads(text))
