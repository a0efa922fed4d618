"""The installed lexicon files themselves: whole, in their declared scripts, and weighted as
docs/indicators.md says (a place name never decides an advert, every language has its jargon)."""

import tomllib
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from graph.indicators.lexicon import BENIGN_CATEGORIES, CATEGORIES, directory, load_all

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "indicators.md"
# The languages issue 16 asks for, by the code each file declares; emoji are language "und".
LANGUAGES = {"en", "fr", "ar", "fa", "ps", "ckb", "kmr", "sq", "vi", "tr", "ti", "it", "de", "el", "und"}
# The first word of the Unicode names of each ISO 15924 script's letters.
SCRIPT_NAMES = {"Latn": "LATIN", "Arab": "ARABIC", "Ethi": "ETHIOPIC", "Grek": "GREEK"}
# How strong a route term may be: place names are shared with ferries, news and charities.
ROUTE_CEILING = 0.5
# A term strong enough to flag an advert on its own, and a clear benign signal.
STRONG = 0.7
CLEAR_BENIGN = 0.5


def files() -> dict[str, dict[str, Any]]:
    """Each installed lexicon file's parsed TOML, by file name."""
    return {
        path.name: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in directory().iterdir()
        if path.name.endswith(".toml")
    }


FILES = files()
LANGUAGE_FILES = {name: data for name, data in FILES.items() if data["language"] != "und"}


def spellings(term: dict[str, Any]) -> list[str]:
    """A term's text and its forms, without a trailing '*'."""
    return [spelling.removesuffix("*") for spelling in [term["text"], *term.get("forms", [])]]


def test_every_language_of_the_issue_has_its_file() -> None:
    assert {data["language"] for data in FILES.values()} == LANGUAGES
    for name, data in FILES.items():
        expected = "emoji.toml" if data["language"] == "und" else f"{data['language']}.toml"
        assert name == expected


def test_the_loader_accepts_every_file() -> None:
    loaded = {lexicon.language: lexicon for lexicon in load_all()}
    assert set(loaded) == LANGUAGES
    for data in FILES.values():
        headwords = {term.headword for term in loaded[data["language"]].terms}
        assert headwords == {term["text"].strip() for term in data["term"]}


@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_a_language_file_covers_every_category_but_emoji(name: str) -> None:
    found = {term["category"] for term in LANGUAGE_FILES[name]["term"]}
    assert found == set(CATEGORIES) - {"emoji"}, f"{name}: missing {set(CATEGORIES) - {'emoji'} - found}"


def test_the_emoji_file_holds_emoji_only() -> None:
    terms = FILES["emoji.toml"]["term"]
    assert {term["category"] for term in terms} == {"emoji"}
    for term in terms:
        for spelling in spellings(term):
            assert not any(char.isalpha() for char in spelling), spelling


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_term_is_weighted_glossed_and_listed_once(name: str) -> None:
    terms = FILES[name]["term"]
    for term in terms:
        assert not isinstance(term["weight"], bool) and 0 < term["weight"] <= 1, term
        assert term["means"].strip(), term
        assert len(set(spellings(term))) == len(spellings(term)), f"{name}: a form repeated in {term}"
    twice = [key for key, count in Counter((t["text"], t["category"]) for t in terms).items() if count > 1]
    assert not twice, f"{name}: listed twice: {twice}"


@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_every_letter_is_in_a_script_the_file_declares(name: str) -> None:
    data = LANGUAGE_FILES[name]
    allowed = {SCRIPT_NAMES[script] for script in data["scripts"]}
    for term in data["term"]:
        for spelling in spellings(term):
            for char in spelling:
                if char.isalpha():
                    assert unicodedata.name(char).split()[0] in allowed, (name, spelling, char)


@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_a_place_never_decides_an_advert_on_its_own(name: str) -> None:
    strong = [
        t["text"]
        for t in LANGUAGE_FILES[name]["term"]
        if t["category"] == "route" and t["weight"] > ROUTE_CEILING
    ]
    assert not strong, f"{name}: route terms above {ROUTE_CEILING}: {strong}"


@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_every_language_has_jargon_and_clear_benign_signals(name: str) -> None:
    terms = LANGUAGE_FILES[name]["term"]
    assert any(t["weight"] >= STRONG and t["category"] not in BENIGN_CATEGORIES for t in terms), name
    for category in BENIGN_CATEGORIES:
        assert any(t["category"] == category and t["weight"] >= CLEAR_BENIGN for t in terms), (name, category)


def test_the_analysts_guide_names_every_category_and_file() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert all(f"`{category}`" in guide for category in CATEGORIES)
    assert all(f"`{name}`" in guide for name in FILES)
