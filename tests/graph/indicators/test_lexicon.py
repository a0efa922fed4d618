from pathlib import Path

import pytest

from graph.indicators.lexicon import CATEGORIES, LexiconError, directory, load, load_all

HEADER = """
language = "fr"
name = "French"
scripts = ["Latn"]
sources = "written for the test"
review = "none"
"""


def lexicon(terms: str, header: str = HEADER) -> str:
    return header + terms


TERM = """
[[term]]
text = "passeur"
category = "service"
weight = 0.8
means = "smuggler"
forms = ["passeurs", "Passeur"]
"""


def test_every_installed_lexicon_loads() -> None:
    lexicons = load_all()
    assert lexicons, "no lexicon files are installed"
    for found in lexicons:
        assert found.terms
        assert all(term.category in CATEGORIES for term in found.terms)


def test_the_installed_lexicons_are_every_language_crosslink_reads() -> None:
    files = {path.name for path in directory().iterdir()}
    codes = "en fr ar fa ps ckb kmr sq vi tr ti it de el emoji".split()
    assert {f"{code}.toml" for code in codes} <= files
    languages = {found.language for found in load_all()}
    assert languages == {*codes[:-1], "und"}


def test_a_term_and_its_forms_are_spellings_of_one_term() -> None:
    terms = load("fr.toml", lexicon(TERM)).terms
    assert [term.folded for term in terms] == ["passeur", "passeurs"]  # "Passeur" folds as "passeur"
    assert {term.headword for term in terms} == {"passeur"}
    assert all(term.lang == "fr" and term.weight == 0.8 for term in terms)


def test_a_star_at_the_end_lets_the_word_go_on() -> None:
    terms = load("tr.toml", lexicon(TERM.replace('"passeur"', '"kaçak*"'))).terms
    assert (terms[0].folded, terms[0].prefix) == ("kacak", True)
    assert not terms[1].prefix


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("language = ", "not valid TOML"),
        (HEADER, "no [[term]] tables"),
        (HEADER.replace('name = "French"', ""), "'name' must be a non-empty str"),
        (HEADER.replace('scripts = ["Latn"]', "scripts = [1]"), "'scripts' must list script names"),
        (HEADER + "notes = 'x'\n" + TERM, "unknown top-level keys ['notes']"),
        (lexicon(TERM.replace('"service"', '"smuggling"')), "term 1 'passeur': category 'smuggling'"),
        (lexicon(TERM.replace("0.8", "1.5")), "term 1 'passeur': weight 1.5 must be a number from 0 to 1"),
        (lexicon(TERM.replace("0.8", "true")), "term 1 'passeur': weight True"),
        (lexicon(TERM.replace("weight", "wieght")), "term 1 'passeur': unknown keys ['wieght']"),
        (lexicon(TERM.replace('"smuggler"', '""')), "term 1 'passeur': 'means' must be a non-empty"),
        (lexicon(TERM.replace('text = "passeur"', 'text = ""')), "term 1: 'text' must be a non-empty"),
        (lexicon(TERM.replace('"passeurs", ', "3, ")), "term 1 'passeur': 'forms' must be a list"),
        (lexicon(TERM.replace('"passeur"', '"pas*seur"')), "has a '*' that is not at its end"),
        (lexicon(TERM.replace('"passeur"', '"🛥*"')), "has a '*' after a character that is no letter"),
        (lexicon(TERM.replace('"passeur"', '"\u0651"')), "folds to nothing"),
        (
            lexicon(TERM + TERM.replace('"passeurs", ', "")),
            "term 2 'passeur' matches the same words as term 1",
        ),
    ],
)
def test_a_malformed_file_names_the_file_the_term_and_the_problem(source: str, problem: str) -> None:
    with pytest.raises(LexiconError) as error:
        load("fr.toml", source)
    assert str(error.value).startswith("fr.toml: ")
    assert problem in str(error.value)


def test_two_files_of_one_language_are_refused(tmp_path: Path) -> None:
    (tmp_path / "fr.toml").write_text(lexicon(TERM), encoding="utf-8")
    (tmp_path / "fr2.toml").write_text(lexicon(TERM), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"fr2\.toml: language 'fr' is already that of fr\.toml"):
        load_all(tmp_path)


def test_a_folder_loads_its_toml_files_only(tmp_path: Path) -> None:
    (tmp_path / "fr.toml").write_text(lexicon(TERM), encoding="utf-8")
    (tmp_path / "README.md").write_text("not a lexicon", encoding="utf-8")
    assert [found.language for found in load_all(tmp_path)] == ["fr"]
