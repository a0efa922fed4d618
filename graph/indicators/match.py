"""Find every lexicon term in an advert in one pass: an Aho-Corasick automaton over the folded terms of
all languages, run over the folded advert, with hits kept on word boundaries and mapped back to the
advert's own text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from graph.indicators.lexicon import Lexicon, Term, load_all
from graph.indicators.normalise import Folded, fold

# Arabic writes the article, "and", "with", "for", "as" and "so" joined to the next word, and Tigrinya
# its prepositions ("by", "to", "from", "in", "with", "like") and relative prefix: a term is still a word
# after one of these (folded) prefixes, so that والحرقة holds the term حرقة and ብጀልባ the term ጀልባ.
PROCLITICS = frozenset(
    {"و", "ف", "ب", "ل", "ک", "ال", "وال", "فال", "بال", "کال", "لل", "ولل", "فلل", "وب", "ول", "فب", "فل"}
    | {"ብ", "ን", "ካብ", "ናብ", "ኣብ", "ምስ", "ከም", "ዝ", "እንተ", "በ", "ለ", "ከ", "የ", "ወደ"}
)
LONGEST_PROCLITIC = max(map(len, PROCLITICS))
# Letters and digits (str.isalnum, character by character: word characters but the underscore).
WORD_GOES_ON = re.compile(r"[^\W_]*")
Terms = tuple[Term, ...]
# A spelling found: its span in the folded text, its terms and their one language (None if several).
Found = tuple[int, int, Terms, str | None]


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon term found in an advert: `text[start:end]` is what the advert wrote."""

    term: str  # the lexicon's term (its headword, whichever of its forms the advert wrote)
    category: str
    lang: str
    start: int
    end: int
    weight: float
    means: str


@dataclass(frozen=True, slots=True)
class Entry:
    """What one folded spelling stands for: the terms of every language written so, strongest first, as
    a whole word and as the start of a longer word (a term ending with "*")."""

    length: int
    word: Terms
    prefix: Terms
    word_lang: str | None  # the one language of the `word` terms, None when they have several
    prefix_lang: str | None  # the same for the `prefix` terms


def one_language(terms: Terms) -> str | None:
    """The language of `terms` if they are all of one, else None."""
    langs = {term.lang for term in terms}
    return langs.pop() if len(langs) == 1 else None


def takes_proclitics(char: str) -> bool:
    """Whether a word starting with `char` may have a proclitic joined to it: Arabic and Ge'ez scripts."""
    return "\u0600" <= char <= "\u06ff" or "\u1200" <= char <= "\u137f"


class Matcher:
    """The terms of a set of lexicons, compiled once, matched against any number of adverts."""

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        spellings: dict[str, dict[bool, list[Term]]] = {}
        for lexicon in lexicons:
            for term in lexicon.terms:
                spellings.setdefault(term.folded, {}).setdefault(term.prefix, []).append(term)
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for folded, held in spellings.items():
            word, prefix = (
                tuple(sorted(held.get(kind, []), key=lambda t: -t.weight)) for kind in (False, True)
            )
            entry = Entry(len(folded), word, prefix, one_language(word), one_language(prefix))
            self.automaton.add_word(folded, entry)
        if spellings:
            self.automaton.make_automaton()
        self.size = len(spellings)

    def find(self, text: str, lang: str | None = None) -> list[Hit]:
        """The terms `text` holds, in text order, the longest where they overlap. Linear in the text.

        A spelling that several languages share is the term of `lang` (the advert's language) if it is
        one of them, else of the language most of the advert's other hits are in, else the strongest.
        """
        if not self.size or not text:
            return []
        return self.find_folded(fold(text), lang)

    def find_folded(self, folded: Folded, lang: str | None = None) -> list[Hit]:
        """`find` on a text already folded (graph.indicators.normalise.fold), for callers that read the
        folded text for more than the lexicon's terms."""
        text = folded.text
        if not self.size or not text:
            return []
        found: list[Found] = []
        size = len(text)
        for last, entry in self.automaton.iter(text):
            end = last + 1
            start = end - entry.length
            # Not inside a word (a term may start at a symbol anywhere), unless after a proclitic.
            if (
                start
                and text[start].isalnum()
                and text[start - 1].isalnum()
                and not _after_proclitic(text, start)
            ):
                continue
            if entry.word and _ends_word(text, end, size):
                found.append((start, end, entry.word, entry.word_lang))
            elif entry.prefix:
                found.append((start, _word_end(text, end), entry.prefix, entry.prefix_lang))
        if not found:
            return []
        kept = _longest(found)
        votes: Counter[str] | None = None  # counted once a spelling of several terms needs them
        hits = []
        starts, ends = folded.starts, folded.ends
        for start, end, terms, _ in kept:
            if len(terms) == 1:
                term = terms[0]
            else:
                votes = _votes(kept) if votes is None else votes
                term = max(terms, key=lambda t, votes=votes: (t.lang == lang, votes[t.lang], t.weight))
            hits.append(
                Hit(
                    term.headword,
                    term.category,
                    term.lang,
                    starts[start],
                    ends[end - 1],
                    term.weight,
                    term.means,
                )
            )
        return hits


def _votes(kept: list[Found]) -> Counter[str]:
    """How many of the hits are spellings of one language only, per language."""
    return Counter(lang for _, _, _, lang in kept if lang is not None)


def _after_proclitic(text: str, start: int) -> bool:
    """Whether `start`, inside a word, follows a proclitic that starts that word: a term may start there."""
    if not takes_proclitics(text[start]):
        return False
    begin = start
    while begin > 0 and start - begin <= LONGEST_PROCLITIC and text[begin - 1].isalnum():
        begin -= 1
    return text[begin:start] in PROCLITICS and (begin == 0 or not text[begin - 1].isalnum())


def _ends_word(text: str, end: int, size: int) -> bool:
    """Whether a term may end at `end` of a text of `size` characters: not inside a word (a term ending
    in a symbol needs no boundary)."""
    return end == size or not text[end - 1].isalnum() or not text[end].isalnum()


def _word_end(text: str, end: int) -> int:
    """Where the word that goes on from `end` ends."""
    goes_on = WORD_GOES_ON.match(text, end)
    return goes_on.end() if goes_on else end


def _longest(found: list[Found]) -> list[Found]:
    """The hits that overlap none longer than themselves, in text order. Of two of the same span, the
    term that spells more of it wins (a whole word over a starred term that goes on to it)."""
    found.sort(key=lambda hit: (hit[0], hit[0] - hit[1], -len(hit[2][0].folded)))
    kept: list[Found] = []
    for hit in found:
        if kept and hit[0] < kept[-1][1]:
            if hit[1] - hit[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept


@cache
def default() -> Matcher:
    """The matcher over the installed lexicons, built once per process."""
    return Matcher(load_all())
