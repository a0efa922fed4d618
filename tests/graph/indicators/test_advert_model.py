import json
import math
from importlib import resources

import pytest

from graph.indicators import BENIGN_CATEGORIES, SMUGGLING_CATEGORIES, THRESHOLD, Hit, analyse
from graph.indicators.model import (
    AMOUNT,
    PER_PERSON,
    Model,
    ModelError,
    default,
    feature_names,
    features,
    ngrams,
    parse,
    smuggling_feature,
)


def hit(category: str, weight: float, term: str | None = None, **kwargs: object) -> Hit:
    fields = {"lang": "en", "start": 0, "end": 1, "means": "gloss"} | kwargs
    return Hit(term or f"{category} {weight}", category, weight=weight, **fields)  # type: ignore[arg-type]


def shipped() -> dict:
    return json.loads(resources.files("graph.indicators").joinpath("model.json").read_text(encoding="utf-8"))


def test_the_shipped_model_has_every_feature_with_its_sign() -> None:
    model = default()
    assert tuple(model.coefficients) == feature_names()
    assert all(c >= 0 for n, c in model.coefficients.items() if smuggling_feature(n))
    assert all(c <= 0 for n, c in model.coefficients.items() if not smuggling_feature(n))
    assert 0 < model.threshold < 1 and model.threshold == THRESHOLD
    assert any(model.coefficients.values())


def test_every_category_has_its_three_features() -> None:
    names = feature_names()
    for category in SMUGGLING_CATEGORIES + BENIGN_CATEGORIES:
        assert {f"{category}:max", f"{category}:evidence", f"{category}:terms"} <= set(names)
    assert all(not smuggling_feature(f"{category}:max") for category in BENIGN_CATEGORIES)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["coefficients"].pop("kinds"), "features"),
        (lambda d: d["coefficients"].update({"service:max": -1.0}), "wrong sign"),
        (lambda d: d["coefficients"].update({"benign_news:max": 1.0}), "wrong sign"),
        (lambda d: d.update({"threshold": 1.5}), "threshold"),
        (lambda d: d.pop("intercept"), "missing"),
        (lambda d: d.update({"ngrams": {"sizes": [3], "weights": []}}), "ngrams"),
    ],
)
def test_a_malformed_model_file_is_refused_with_the_reason(change, message: str) -> None:
    data = shipped()
    change(data)
    with pytest.raises(ModelError, match=message):
        parse(data)


def test_features_read_the_strongest_term_its_distinct_terms_and_the_kinds() -> None:
    values = features([hit("service", 0.6, "boza"), hit("service", 0.4, "game"), hit("service", 0.6, "boza")])
    assert values["service:max"] == 0.6 and values["service:terms"] == 2
    assert values["service:evidence"] == pytest.approx(-math.log(0.4) - math.log(0.6))
    assert values["kinds"] == 0
    both = features([hit("service", 0.6), hit("documents", 0.5), hit("emoji", 0.9)])
    assert both["kinds"] == 1 and both["kinds_unclaimed"] == 1
    claimed = features([hit("service", 0.6), hit("documents", 0.5), hit("benign_business", 0.5)])
    assert claimed["kinds_unclaimed"] == pytest.approx(0.5)


def test_quoted_smuggling_terms_and_foreign_benign_terms_count_less() -> None:
    said = hit("service", 0.8, start=10, end=20)
    assert features([said], quoted=[(9, 21)])["service:max"] == pytest.approx(0.24)
    foreign = hit("benign_education", 0.5, lang="fa")
    assert features([foreign], lang="ar")["benign_education:max"] == 0.25
    assert features([foreign], lang="fa")["benign_education:max"] == 0.5


def test_prices_found_by_their_shape_are_features() -> None:
    values = features([hit("price", 0.3, "1500€ per person", means=PER_PERSON)])
    assert values["price:per_person"] == values["price:amount"] == 1
    bare = features([hit("price", 0.1, "45€", means=AMOUNT)])
    assert (bare["price:per_person"], bare["price:amount"]) == (0, 1)


def test_contributions_add_up_to_the_log_odds_of_the_score() -> None:
    model = Model(
        -2.0, dict.fromkeys(feature_names(), 0.0) | {"service:max": 3.0, "benign_news:max": -1.0}, 0.5
    )
    values = features([hit("service", 0.8), hit("benign_news", 0.5)])
    parts = model.contributions(values)
    assert parts == {"service:max": pytest.approx(2.4), "benign_news:max": pytest.approx(-0.5)}
    p = model.probability(values)
    assert math.log(p / (1 - p)) == pytest.approx(-2.0 + 2.4 - 0.5)
    assert model.probability_of(parts) == p


def test_ngram_weights_add_the_text_part() -> None:
    text = "boza tonight"
    weights = [0.0] * 64
    for bucket in ngrams(text, 64, (3,)):
        weights[bucket] = 0.25
    model = Model(0.0, dict.fromkeys(feature_names(), 0.0), 0.5, (3,), tuple(weights))
    parts = model.contributions({}, text)
    assert parts["text n-grams"] == pytest.approx(0.25 * len(ngrams(text, 64, (3,))))
    assert model.contributions({}) == {}


def test_ngrams_are_stable_and_ignore_runs_of_spaces() -> None:
    assert ngrams("a  boat", 1024, (3, 4)) == ngrams(" a boat ", 1024, (3, 4))
    assert ngrams("boat", 1024, (3,)) == {b % 1024 for b in ngrams("boat", 2**32, (3,))}
    assert len(ngrams("boat", 2**32, (3,))) == 4  # " bo", "boa", "oat", "at "


def test_an_offer_reads_as_smuggling_and_names_its_reasons() -> None:
    offer = analyse(
        "UK game this week from Dunkirk beach, 2200€ per person, pay when you arrive, no papers needed"
    )
    assert offer.is_smuggling() and offer.hits
    names = [name for name, _ in offer.contributions]
    assert names and all(part != 0 for _, part in offer.contributions)
    assert any(name.startswith(("service", "price", "documents")) for name in names)


def test_a_ferry_timetable_reads_as_benign() -> None:
    ferry = analyse(
        "Last seats on the 18:00 ferry Calais–Dover tonight! Foot passengers from £45. Book online."
    )
    assert not ferry.is_smuggling()
    assert any(part < 0 for _, part in ferry.contributions)


def test_no_hits_scores_nothing_whatever_the_text() -> None:
    quiet = analyse("Lovely weather in the park this afternoon")
    assert (quiet.hits, quiet.score, quiet.contributions) == ((), 0.0, ())
