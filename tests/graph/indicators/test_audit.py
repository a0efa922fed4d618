"""The term audit: terms the labelled adverts show to lean honest are found and shown, with weight 0,
and count for nothing in the score."""

import json
from importlib import resources

import pytest

from graph.indicators import analyse, audit
from graph.indicators.lexicon import LexiconError, load_all
from graph.indicators.match import Matcher
from graph.indicators.model import features
from graph.indicators.score import analysis


def shipped() -> dict:
    return json.loads(resources.files("graph.indicators").joinpath("audit.json").read_text(encoding="utf-8"))


def test_apply_sets_every_spelling_of_an_audited_term_to_zero_and_leaves_the_rest():
    lexicons = load_all()
    english = next(lexicon for lexicon in lexicons if lexicon.language == "en")
    term = next(t for t in english.terms if t.category == "service" and t.weight > 0)
    applied = audit.apply(lexicons, frozenset({("en", term.headword)}))
    changed = [t for lexicon in applied for t in lexicon.terms if t.weight != _weight(lexicons, t)]
    assert changed and all(t.lang == "en" and t.headword == term.headword for t in changed)
    assert all(t.weight == audit.AUDITED_WEIGHT for t in changed)


def _weight(lexicons, spelling) -> float:
    return next(
        t.weight
        for lexicon in lexicons
        for t in lexicon.terms
        if (t.lang, t.text, t.category) == (spelling.lang, spelling.text, spelling.category)
    )


def test_an_audited_term_is_found_with_weight_zero_and_scores_nothing_alone():
    entry = shipped()["terms"][0]
    matcher = Matcher(audit.apply(load_all()))
    hits = [h for h in matcher.find(f"xx {entry['term'].removesuffix('*')} xx", entry["lang"])]
    audited = [h for h in hits if (h.lang, h.term) == (entry["lang"], entry["term"])]
    assert audited and all(h.weight == 0 for h in audited)
    alone = analysis(audited, lang=entry["lang"])
    assert alone.score == 0 and alone.categories == () and alone.contributions == ()


def test_the_shipped_matcher_reads_the_audit():
    entry = next(e for e in shipped()["terms"] if not e["term"].endswith("*") and e["category"] == "route")
    found = analyse(f"{entry['term']}", lang=entry["lang"])
    assert any(h.term == entry["term"] and h.weight == 0 for h in found.hits)
    assert found.score == 0


def test_an_audited_term_beside_signs_adds_no_feature():
    entry = next(e for e in shipped()["terms"] if e["lang"] == "en" and e["category"] == "route")
    offer = "boza tonight, 2000 per person, pay on arrival, tell no one"
    alone, with_place = analyse(offer, lang="en"), analyse(f"{offer} {entry['term']}", lang="en")
    assert any(h.term == entry["term"] and h.weight == 0 for h in with_place.hits)
    assert features(with_place.hits, "en") == features(alone.hits, "en")
    assert not any(name.startswith("route:") for name, _ in with_place.contributions)
    assert "route" not in with_place.categories


def test_a_malformed_audit_is_refused_with_its_name():
    with pytest.raises(LexiconError, match=r"audit\.json"):
        audit.parse({"terms": [{"lang": "en"}]})
    assert audit.parse({"terms": []}) == frozenset()


def test_every_audited_term_is_a_smuggling_term_of_the_lexicon():
    held = {(t.lang, t.headword, t.category) for lexicon in load_all() for t in lexicon.terms}
    for entry in shipped()["terms"]:
        assert (entry["lang"], entry["term"], entry["category"]) in held
        assert entry["smuggling"] < entry["benign"]
