"""The installed lexicon files themselves: whole, in their declared scripts, and weighted as
docs/indicators.md says (a place name never decides an advert, every language has its jargon)."""

import re
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from graph.indicators.lexicon import BENIGN_CATEGORIES, CATEGORIES, directory, load_all
from graph.indicators.normalise import fold_term

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


# The countries each file's route and offer terms name, written by hand from the files' own
# spellings (a name stands for its country whatever suffix or Arabic proclitic an advert joins to it):
# enough to tell "to Germany" from "to Italy". Names of one country share a key (England, the UK).
COUNTRIES: dict[str, dict[str, tuple[str, ...]]] = {
    "en.toml": {
        "GB": ("britain", "england", "uk"),
        "DE": ("germany",),
        "IT": ("italy",),
        "GR": ("greece",),
        "FR": ("france",),
        "ES": ("spain",),
        "AT": ("austria",),
        "TR": ("turkey",),
        "RS": ("serbia",),
        "BA": ("bosnia",),
        "HR": ("croatia",),
        "SI": ("slovenia",),
        "HU": ("hungary",),
        "MK": ("macedonia",),
        "BY": ("belarus",),
        "PL": ("poland",),
        "LY": ("libya",),
        "TN": ("tunisia",),
        "MA": ("morocco",),
        "BG": ("bulgaria",),
        "AL": ("albania",),
        "BE": ("belgium",),
    },
    "fr.toml": {
        "GB": ("angleterre", "royaume-uni", "uk"),
        "DE": ("allemagne",),
        "IT": ("italie",),
        "GR": ("grèce",),
        "FR": ("france",),
        "ES": ("espagne",),
        "TR": ("turquie",),
        "RS": ("serbie",),
        "BA": ("bosnie",),
        "LY": ("libye",),
        "TN": ("tunisie",),
        "MA": ("maroc",),
    },
    "it.toml": {
        "GB": ("Inghilterra",),
        "DE": ("Germania",),
        "FR": ("Francia",),
        "AT": ("Austria",),
        "RS": ("Serbia",),
        "BA": ("Bosnia",),
        "HR": ("Croazia",),
        "SI": ("Slovenia",),
        "LY": ("Libia",),
        "TN": ("Tunisia",),
    },
    "de.toml": {
        "GB": ("England",),
        "DE": ("Deutschland",),
        "IT": ("Italien",),
        "GR": ("Griechenland",),
        "AT": ("Österreich",),
        "BY": ("Belarus", "Weißrussland"),
    },
    "el.toml": {
        "DE": ("Γερμανία",),
        "IT": ("Ιταλία", "italia"),
        "GB": ("Αγγλία",),
        "AT": ("Αυστρία",),
        "TR": ("Τουρκία", "tourkia"),
        "LY": ("Λιβύη",),
        "GR": ("ellada",),
    },
    "tr.toml": {
        "DE": ("Almanya",),
        "IT": ("İtalya",),
        "BG": ("Bulgaristan",),
        "GR": ("Yunanistan",),
        "IR": ("İran",),
    },
    "sq.toml": {"GB": ("Angli",), "FR": ("Franc",), "BE": ("Belgjik",)},
    "kmr.toml": {
        "GB": ("Îngilîstan", "Brîtanya", "uk"),
        "DE": ("Elmanya", "Almanya"),
        "IT": ("Îtalya",),
        "GR": ("Yewnanistan",),
        "TR": ("Tirkiy",),
        "IR": ("Îran",),
        "RS": ("Sirbistan",),
        "BG": ("Bulgaristan",),
    },
    "vi.toml": {"FR": ("Pháp",), "GB": ("Anh",), "BE": ("Bỉ",), "RU": ("Nga",)},
    "fa.toml": {
        "IR": ("ایران", "iran"),
        "TR": ("ترکیه", "torkiye", "turkiye"),
        "GR": ("یونان", "yunan", "younan"),
        "IT": ("ایتالیا", "italia"),
        "DE": ("آلمان", "alman", "almaan"),
        "GB": ("انگلیس", "انگلستان", "englis", "england", "engelis"),
        "PL": ("لهستان",),
        "RS": ("صربستان", "serbestan"),
        "HU": ("مجارستان", "majarestan"),
        "SI": ("اسلوونی",),
        "MK": ("مقدونیه",),
        "BG": ("bulgarestan",),
    },
    "ar.toml": {
        "GB": ("بريطانيا", "إنجلترا"),
        "IT": ("إيطاليا", "طليان", "طاليان"),
        "GR": ("يونان",),
        "TR": ("تركيا",),
        "LY": ("ليبيا",),
        "RS": ("صربيا",),
        "BA": ("بوسنة",),
        "HR": ("كرواتيا",),
        "HU": ("هنغاريا", "المجر"),
        "SI": ("سلوفينيا",),
        "BY": ("بيلاروسيا", "بلاروسيا"),
        "PL": ("بولندا",),
    },
    "ckb.toml": {
        "GB": ("بەریتانیا", "ئینگلتەرا", "brîtanya", "uk"),
        "DE": ("ئەڵمانیا", "almanya"),
        "IT": ("ئیتاڵیا", "ئیتالیا", "italya"),
        "GR": ("یۆنان", "yonan"),
        "TR": ("تورکیا", "turk"),
    },
    "ps.toml": {
        "IT": ("ایټالیا", "ایتالیا", "italy"),
        "DE": ("المان", "almaan"),
        "GB": ("انګلستان", "انگلستان", "inglistan"),
        "GR": ("yunan",),
        "TR": ("ترکیې", "ترکیه"),
        "LY": ("لیبیا",),
        "IR": ("ایران",),
    },
    "ti.toml": {"IT": ("ኢጣልያ", "ጣልያን"), "GB": ("እንግሊዝ",)},
}
# Files whose names are matched as written, whole words: Vietnamese tone marks and capitals tell
# "Anh" (England) from "ảnh" (photo) and "Bỉ" (Belgium) from "bí" (secret), which fold alike.
AS_WRITTEN = {"vi.toml"}
# Scripts that join prepositions and articles to the next word, so a name may sit inside a word.
JOINED = re.compile(r"[\u0600-\u06ff\u1200-\u137f]")
# A flag: two regional indicator letters (🇬🇧), or a black flag and tag letters whose first two name the
# country (🏴 g b e n g, England's flag).
FLAG = re.compile("([\U0001f1e6-\U0001f1ff]{2})|\U0001f3f4([\U000e0061-\U000e007a]{2})")


def names(word: str, spelling: str, as_written: bool = False) -> bool:
    """Whether `spelling` names the country name `word`, both folded as the matcher folds them, or
    as written."""
    if as_written:
        return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", spelling) is not None
    word, folded = fold_term(word), fold_term(spelling)
    pattern = re.escape(word) if JOINED.search(word) else rf"(?<!\w){re.escape(word)}"
    return re.search(pattern, folded) is not None


def flag_country(flag: re.Match[str]) -> str:
    """The two-letter country code a FLAG match stands for."""
    regional, tags = flag.groups()
    letters, first = (regional, 0x1F1E6) if regional else (tags, 0xE0061)
    return "".join(chr(ord(letter) - first + ord("A")) for letter in letters)


def countries_named(name: str, spelling: str) -> frozenset[str]:
    """The countries of COUNTRIES[name] that `spelling` names: the flags, for emoji."""
    if name == "emoji.toml":
        return frozenset(flag_country(match) for match in FLAG.finditer(spelling))
    return frozenset(
        country
        for country, words in COUNTRIES[name].items()
        if any(names(word, spelling, name in AS_WRITTEN) for word in words)
    )


def route_terms(name: str) -> list[dict[str, Any]]:
    """The route and emoji terms of a file: those that name places."""
    return [term for term in FILES[name]["term"] if term["category"] in {"route", "emoji"}]


def smuggling_terms(name: str) -> list[dict[str, Any]]:
    """The terms of a file's smuggling categories, where an offer names its destination."""
    return [term for term in FILES[name]["term"] if term["category"] not in BENIGN_CATEGORIES]


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_route_term_forms_name_the_same_countries(name: str) -> None:
    """A form is another spelling of its term: "to Italy" listed under "to Germany" would show an
    analyst the wrong country, and merge two signs into one. Offers ("taxi to Italy") likewise."""
    for term in smuggling_terms(name):
        named = countries_named(name, term["text"])
        for form in term.get("forms", []):
            assert countries_named(name, form) == named, f"{name}: {form!r} is not a form of {term['text']!r}"


@pytest.mark.parametrize("name", sorted(COUNTRIES))
def test_every_country_name_listed_is_found_in_its_file(name: str) -> None:
    """A name that folds wrongly or is misspelt in COUNTRIES would find nothing and check nothing."""
    texts = [spelling for term in smuggling_terms(name) for spelling in spellings(term)]
    for words in COUNTRIES[name].values():
        for word in words:
            assert any(names(word, text, name in AS_WRITTEN) for text in texts), (
                f"{name}: no term names {word!r}"
            )


@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_a_longer_spelling_never_weighs_less_than_one_it_contains(name: str) -> None:
    """Where hits overlap the longest is kept: "départ demain soir" written weaker than "départ demain"
    would hide the stronger sign whenever an advert writes the longer phrase."""
    spelt = [
        (f" {fold_term(spelling)} ", term["category"], term["weight"], term["text"])
        for term in smuggling_terms(name)
        for spelling in spellings(term)
    ]
    hidden = [
        (short, long)
        for short, category, weight, text in spelt
        for long, other, other_weight, other_text in spelt
        if other == category
        and other_text != text
        and short in long
        and short != long
        and other_weight < weight
    ]
    assert not hidden, f"{name}: {hidden}"
