"""Find every lexicon term in an advert in one pass: an Aho-Corasick automaton over the folded terms of
all languages, run over the folded advert, with hits kept on word boundaries and mapped back to the
advert's own text.
"""

from __future__ import annotations

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
Terms = tuple[Term, ...]


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
            self.automaton.add_word(folded, Entry(len(folded), word, prefix))
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
        if not self.size or not folded.text:
            return []
        found = []
        for last, entry in self.automaton.iter(folded.text):
            start, end = last + 1 - entry.length, last + 1
            if not _starts_word(folded.text, start):
                continue
            if entry.word and _ends_word(folded.text, end):
                found.append((start, end, entry.word))
            elif entry.prefix:
                found.append((start, _word_end(folded.text, end), entry.prefix))
        kept = _longest(found)
        votes: Counter[str] | None = None  # counted once a spelling of several terms needs them
        hits = []
        for start, end, terms in kept:
            if len(terms) == 1:
                term = terms[0]
            else:
                votes = _votes(kept) if votes is None else votes
                term = max(terms, key=lambda t, votes=votes: (t.lang == lang, votes[t.lang], t.weight))
            begin, after = folded.span(start, end)
            hits.append(Hit(term.headword, term.category, term.lang, begin, after, term.weight, term.means))
        return hits


def _votes(kept: list[tuple[int, int, Terms]]) -> Counter[str]:
    """How many of the hits are spellings of one language only, per language."""
    return Counter(terms[0].lang for _, _, terms in kept if len({t.lang for t in terms}) == 1)


def _starts_word(text: str, start: int) -> bool:
    """Whether a term may start at `start`: not inside a word, but after a proclitic."""
    if start == 0 or not text[start].isalnum() or not text[start - 1].isalnum():
        return True
    if not takes_proclitics(text[start]):
        return False
    begin = start
    while begin > 0 and start - begin <= LONGEST_PROCLITIC and text[begin - 1].isalnum():
        begin -= 1
    return text[begin:start] in PROCLITICS and (begin == 0 or not text[begin - 1].isalnum())


def _ends_word(text: str, end: int) -> bool:
    """Whether a term may end at `end`: not inside a word (a term ending in a symbol needs no boundary)."""
    return end == len(text) or not text[end - 1].isalnum() or not text[end].isalnum()


def _word_end(text: str, end: int) -> int:
    """Where the word that goes on from `end` ends."""
    while end < len(text) and text[end].isalnum():
        end += 1
    return end


def _longest(found: list[tuple[int, int, Terms]]) -> list[tuple[int, int, Terms]]:
    """The hits that overlap none longer than themselves, in text order. Of two of the same span, the
    term that spells more of it wins (a whole word over a starred term that goes on to it)."""
    found.sort(key=lambda hit: (hit[0], hit[0] - hit[1], -len(hit[2][0].folded)))
    kept: list[tuple[int, int, Terms]] = []
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
