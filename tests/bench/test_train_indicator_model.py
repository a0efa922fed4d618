"""The training script of the advert score: its parts on small inputs, and the shipped model.json is
what it fits from the committed labelled data (same coefficients, same scores at run time)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import numpy as np
import pytest

from bench import train_indicator_model as train
from graph import language
from graph.indicators import analyse, wording
from graph.indicators.model import feature_names, smuggling_feature


@cache
def rows() -> tuple[train.Example, ...]:
    return tuple(train.examples())


def shipped() -> dict:
    text = resources.files("graph.indicators").joinpath("model.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_the_threshold_reaches_the_target_precision_with_the_most_recall() -> None:
    y = np.array([0, 0, 1, 0, 1, 1, 1], dtype=float)
    p = np.array([0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.9])
    t = train.threshold_for(y, p)
    assert 0.4 < t < 0.6  # above the last benign score: precision 1 with recall 3/4


def test_below_the_target_the_best_f_half_is_chosen_not_an_empty_cut() -> None:
    y = np.array([1, 0, 1, 0, 1], dtype=float)
    p = np.array([0.2, 0.3, 0.5, 0.6, 0.8])
    t = train.threshold_for(y, p)
    assert t < 0.8 and train.precision_recall(y, p > t)[1] > 0


def test_a_higher_target_precision_moves_the_threshold_up() -> None:
    y = np.array([1] * 19 + [0] + [1] + [0] * 3, dtype=float)
    p = np.linspace(0.99, 0.1, len(y))
    at_95 = train.threshold_for(y, p, 0.95)
    at_96 = train.threshold_for(y, p, 0.96)
    assert at_96 > at_95  # 0.95 takes the cut past the one benign advert, 0.96 cannot
    assert train.precision_recall(y, p > at_96)[0] >= 0.96


def test_the_fit_keeps_the_signs_of_its_features() -> None:
    data = rows()[:300]
    found = train.fit(data, 1.0)
    names = feature_names()
    assert all((c >= 0) if smuggling_feature(n) else (c <= 0) for n, c in zip(names, found.coef, strict=True))
    p = found.predict(data)
    y = train.labels(data)
    assert p[y == 1].mean() > p[y == 0].mean()


def test_the_folds_are_the_development_files() -> None:
    assert {row.group for row in rows()} == set(train.FILES)
    assert len(train.FILES) == 72 and len(rows()) >= 32200
    # a spent blind set kept out of training is not read by it, and is there to be read again
    assert set(train.SPENT_HELD_OUT).isdisjoint(train.FILES)
    assert all((train.DATA / name).is_file() for name in train.SPENT_HELD_OUT)


def test_c_and_the_threshold_are_chosen_on_the_files_the_lexicon_never_read() -> None:
    folds = train.choice_folds(rows())
    blind = {name: n for n, group in enumerate(train.LEXICON_BLIND) for name in group}
    assert set(blind) <= set(train.FILES)
    for row, fold in zip(rows(), folds, strict=True):
        # a lexicon-blind file is held out with its round's other weeks; every other file is always
        # trained on, never scored, so it cannot make the threshold look kinder than it is
        assert fold == (str(blind[row.group]) if row.group in blind else "")


def test_one_round_of_lexicon_blind_files_is_held_out_alone() -> None:
    first = set(train.LEXICON_BLIND[0])
    data = [row for row in rows() if row.group in first or row.group == train.FILES[0]]
    folds = train.choice_folds(data)
    assert {f for row, f in zip(data, folds, strict=True) if row.group in first} == {"0"}
    assert {f for row, f in zip(data, folds, strict=True) if row.group not in first} == {train.ALWAYS_TRAINED}


def test_without_lexicon_blind_files_the_folds_are_whole_files() -> None:
    data = [row for row in rows() if row.group not in {n for g in train.LEXICON_BLIND for n in g}][:2000]
    folds = train.choice_folds(data)
    assert train.ALWAYS_TRAINED not in folds and len(set(folds)) == min(
        train.INNER_FOLDS, len({r.group for r in data})
    )
    by_file: dict[str, set[str]] = {}
    for row, fold in zip(data, folds, strict=True):
        by_file.setdefault(row.group, set()).add(fold)
    assert all(len(found) == 1 for found in by_file.values())


def test_out_of_fold_never_scores_the_rows_always_trained_on() -> None:
    data = rows()[:400]
    groups = ["a" if i % 4 == 0 else train.ALWAYS_TRAINED for i in range(len(data))]
    p = train.out_of_fold(data, groups, train.lexicon_learner, 1.0)
    assert not p[[i for i in range(len(data)) if groups[i] == train.ALWAYS_TRAINED]].any()
    assert p[[i for i in range(len(data)) if groups[i] == "a"]].any()


def test_the_shipped_model_is_what_the_committed_data_fits() -> None:
    model = shipped()
    assert model["trained_on"] == list(train.FILES) and model["adverts"] == len(rows())
    found = train.fit(rows(), model["c"], words="wording" in model)
    assert found.intercept == pytest.approx(model["intercept"], abs=0.05)
    committed = np.array([model["coefficients"][name] for name in feature_names()])
    assert np.allclose(found.coef, committed, atol=0.05)
    if "wording" in model:
        assert model["wording"]["sizes"] == list(wording.PIECE_SIZES)
        assert np.allclose(found.wording_weights, model["wording"]["weights"], atol=0.05)


def test_run_time_scores_are_the_training_scores() -> None:
    """analyse() at run time gives each development advert the probability the fitted model gives it,
    and reads the committed data as well as the training script says (in-sample)."""
    model = shipped()
    data = rows()
    expected = train.fit(data, model["c"], words="wording" in model).predict(data)
    scores = []
    for row in data:
        advert = row.advert
        lang = language.code(advert.lang) if advert.lang else language.detect(advert.text)
        scores.append(analyse(advert.text, lang=lang, detect=False).score)
    assert np.allclose(scores, expected, atol=0.02)
    y = train.labels(data)
    precision, recall, _, _ = train.precision_recall(y, np.array(scores) > model["threshold"])
    # The threshold is chosen out of fold (train.choose), so in sample it could land below the target
    # precision; with the wording, which learns the words of the files it is fitted on, in sample reads
    # far better than out of fold (0.997 / 0.919 on the seven files: BENCHMARKS.md has the honest ones).
    assert precision >= 0.94 and recall >= 0.7
