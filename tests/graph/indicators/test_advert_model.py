import json
import math
import os
import subprocess
import sys
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
    parse,
    smuggling_feature,
)
from graph.indicators.normalise import fold
from graph.indicators.wording import Wording, buckets, words


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
        (lambda d: d.update({"wording": {"sizes": [3], "weights": []}}), "wording"),
        (lambda d: d.update({"wording": {"weights": [0.5]}}), "wording"),
        (lambda d: d.update({"wording": {"sizes": [0], "weights": [0.5]}}), "wording"),
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


def test_the_wording_part_is_the_sum_of_its_words() -> None:
    text = "boza tonight boza"
    weights = [0.0] * 64
    for bucket in buckets("boza", 64, (3,)):
        weights[bucket] = 0.25
    model = Model(0.0, dict.fromkeys(feature_names(), 0.0), 0.5, Wording(tuple(weights), (3,)))
    words_of = model.word_parts(text)
    assert words_of["boza"] == pytest.approx(0.25 * len(buckets("boza", 64, (3,))))
    assert sum(words_of.values()) == pytest.approx(words_of["boza"] + words_of.get("tonight", 0.0))
    parts = model.contributions({}, words_of)
    assert parts["wording"] == pytest.approx(sum(words_of.values()))
    assert model.probability({}, text) == model.probability_of(parts)
    assert model.contributions({}) == {} and model.word_parts(None) == {}


def test_words_are_read_once_with_digits_as_zero() -> None:
    assert words("2000€ per person, 2000€!") == {"0000", "€", "per", "person", ",", "!"}
    assert words("") == set()
    # "<boat>" and its runs of 3: "<bo", "boa", "oat", "at>"; each piece once, whatever the buckets
    assert len(buckets("boat", 2**32, (3,))) == 5
    assert buckets("boat", 1024, (3, 4)) == buckets("boat", 1024, (3, 4))


def test_a_word_weighs_the_same_in_any_text_and_the_memory_is_bounded(monkeypatch) -> None:
    wording = Wording(tuple(float(i % 7 - 3) for i in range(256)))
    alone = wording.parts("crossing")["crossing"]
    assert wording.parts("the crossing tonight")["crossing"] == alone
    monkeypatch.setattr("graph.indicators.wording.CACHE_WORDS", 10)
    many = wording.parts(" ".join(f"w{i}x" for i in range(50)))
    assert len(many) <= 50 and wording.weight("crossing") == alone


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
    assert (quiet.hits, quiet.score, quiet.contributions, quiet.words) == ((), 0.0, (), ())


def test_the_shown_words_are_the_wording_part_strongest_first() -> None:
    text = "Places left for the crossing tonight, 2000€ per person, pay on arrival, call 07700900123"
    offer = analyse(text)
    every = default().word_parts(fold(text).text)
    assert "00000000000" in every  # the phone's shape, not its digits
    assert dict(offer.contributions)["wording"] == pytest.approx(sum(every.values()), abs=1e-3)
    assert 0 < len(offer.words) <= 6 and {word for word, _ in offer.words} <= set(every)
    strengths = [abs(part) for _, part in offer.words]
    assert strengths == sorted(strengths, reverse=True)
    assert min(strengths) >= max(abs(part) for word, part in every.items() if word not in dict(offer.words))


def test_a_score_is_the_same_to_the_last_bit_in_every_process() -> None:
    """Sets of words are listed in another order under another hash seed; the score must not move."""
    code = (
        "from graph.indicators import analyse; "
        "a = analyse('Places left, crossing tonight, 2000€ per person, pay on arrival, no papers'); "
        "print(repr(a.score), a.words)"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env=os.environ | {"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(seen) == 1, seen
