"""The indicator lexicons: one TOML file per language in `graph/indicators/lexicon/`, read and checked.

A lexicon is data that reviewers edit by hand, so every term is checked on loading and a mistake stops
the load with the file, the term and what is wrong, rather than a matcher that silently misses a term.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from graph.indicators.normalise import fold_term

# What an advert offers or asks when it sells a crossing, and how it wants to be paid and contacted.
SMUGGLING_CATEGORIES = ("service", "route", "price", "documents", "urgency", "secrecy", "emoji")
# What legitimate businesses, charities, news outlets, employers and schools write about the same trips.
BENIGN_CATEGORIES = (
    "benign_business",
    "benign_charity",
    "benign_news",
    "benign_jobs",
    "benign_education",
)
CATEGORIES = SMUGGLING_CATEGORIES + BENIGN_CATEGORIES
HEADER_KEYS = {"language": str, "name": str, "scripts": list, "sources": str, "review": str}
TERM_KEYS = {"text", "category", "weight", "means", "forms"}
# A term may end with this to match a word that goes on (Turkish suffixes: "kaçak*" for kaçakçı).
PREFIX_MARK = "*"


class LexiconError(ValueError):
    """A lexicon file that cannot be used, with the file, the term and the problem."""


@dataclass(frozen=True, slots=True)
class Term:
    """One spelling of a lexicon term: `text` as the file writes it, `folded` as it is matched, and the
    term it spells (`headword`: the [[term]]'s `text`, which its forms share)."""

    text: str
    headword: str
    folded: str
    category: str
    lang: str
    weight: float
    means: str
    prefix: bool  # the word may go on after the term


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's lexicon file."""

    language: str
    name: str
    scripts: tuple[str, ...]
    sources: str
    review: str
    terms: tuple[Term, ...]  # every spelling: each term's text, then its forms


def directory() -> Traversable:
    """The lexicon folder installed with the package."""
    return files("graph.indicators") / "lexicon"


def load_all(folder: Traversable | Path | None = None) -> tuple[Lexicon, ...]:
    """Every `*.toml` lexicon of `folder` (the installed one by default), sorted by file name.

    Raises LexiconError for a file that does not parse or breaks the format, or for two files claiming
    the same language.
    """
    folder = directory() if folder is None else folder
    paths = sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    lexicons = tuple(load(path.name, path.read_text(encoding="utf-8")) for path in paths)
    seen: dict[str, str] = {}
    for path, lexicon in zip(paths, lexicons, strict=True):
        if lexicon.language in seen:
            raise LexiconError(
                f"{path.name}: language {lexicon.language!r} is already that of {seen[lexicon.language]}"
            )
        seen[lexicon.language] = path.name
    return lexicons


def load(name: str, source: str) -> Lexicon:
    """The lexicon in `source`, the text of the file `name` (named in errors)."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{name}: not valid TOML: {error}") from error
    header = _header(name, data)
    language = header["language"]
    entries = data.get("term", [])
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{name}: no [[term]] tables")
    terms: list[Term] = []
    seen: dict[tuple[str, bool], tuple[int, str]] = {}
    for number, entry in enumerate(entries, 1):
        for term in _terms(name, number, entry, language):
            key = (term.folded, term.prefix)
            if key in seen and seen[key][0] == number:
                continue  # two spellings of one term that fold alike ("7arga", "harga") are one
            if key in seen:
                raise LexiconError(
                    f"{name}: term {number} {term.text!r} matches the same words as term {seen[key][0]} "
                    f"{seen[key][1]!r}: merge them or make them differ"
                )
            seen[key] = (number, term.text)
            terms.append(term)
    return Lexicon(
        language=language,
        name=header["name"],
        scripts=tuple(header["scripts"]),
        sources=header["sources"],
        review=header["review"],
        terms=tuple(terms),
    )


def _header(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The file's header fields, checked."""
    unknown = set(data) - set(HEADER_KEYS) - {"term"}
    if unknown:
        raise LexiconError(f"{name}: unknown top-level keys {sorted(unknown)}")
    for key, kind in HEADER_KEYS.items():
        value = data.get(key)
        if not isinstance(value, kind) or not value:
            raise LexiconError(f"{name}: {key!r} must be a non-empty {kind.__name__}, not {value!r}")
    if not all(isinstance(script, str) and script for script in data["scripts"]):
        raise LexiconError(f"{name}: 'scripts' must list script names, not {data['scripts']!r}")
    return data


def _terms(name: str, number: int, entry: Any, language: str) -> Iterable[Term]:
    """The spellings of one [[term]] table (its text, then its forms), checked."""
    where = f"{name}: term {number}"
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: must be a table, not {entry!r}")
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LexiconError(f"{where}: 'text' must be a non-empty string, not {text!r}")
    where = f"{where} {text!r}"
    unknown = set(entry) - TERM_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
    category = entry.get("category")
    if category not in CATEGORIES:
        raise LexiconError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    weight = entry.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 <= weight <= 1:
        raise LexiconError(f"{where}: weight {weight!r} must be a number from 0 to 1")
    means = entry.get("means")
    if not isinstance(means, str) or not means.strip():
        raise LexiconError(f"{where}: 'means' must be a non-empty string, not {means!r}")
    forms = entry.get("forms", [])
    if not isinstance(forms, list) or not all(isinstance(form, str) and form.strip() for form in forms):
        raise LexiconError(f"{where}: 'forms' must be a list of non-empty strings, not {forms!r}")
    for spelling in [text, *forms]:
        yield _term(where, spelling, text.strip(), category, language, float(weight), means)


def _term(
    where: str, spelling: str, headword: str, category: str, language: str, weight: float, means: str
) -> Term:
    """One spelling, folded for matching."""
    body = spelling.strip()
    prefix = body.endswith(PREFIX_MARK)
    body = body.removesuffix(PREFIX_MARK).strip() if prefix else body
    if PREFIX_MARK in body:
        raise LexiconError(f"{where}: {spelling!r} has a {PREFIX_MARK!r} that is not at its end")
    folded = fold_term(body)
    if not folded:
        raise LexiconError(f"{where}: {spelling!r} folds to nothing that could match")
    if prefix and not folded[-1].isalnum():
        raise LexiconError(f"{where}: {spelling!r} has a {PREFIX_MARK!r} after a character that is no letter")
    return Term(spelling.strip(), headword, folded, category, language, weight, means, prefix)
