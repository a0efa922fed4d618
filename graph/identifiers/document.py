"""An advert's text prepared once for every identifier kind.

Obfuscation hides digits behind other code points (Arabic-Indic and Persian digits, full-width forms,
emoji keycaps, zero-width joiners). Folding them to plain ASCII once, while remembering where each
folded character came from, lets every finder use simple patterns and still report spans in the
text the analyst sees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

_KEYCAP = "\u20e3"
# What a claimed span is blanked with: neither a space nor a word character, and never in an advert (the
# reader refuses NUL).
BLANK = "\x00"
# Invisible characters inserted to break naive pattern matching; dropped outright.
_INVISIBLE = frozenset(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u180e\ufe0e\ufe0f"
)
# Single characters folded to ASCII beyond what the Unicode digit property gives.
_FOLD = {
    "\u2795": "+",  # heavy plus sign emoji
    "\uff0b": "+",
    "\u2796": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u060c": ",",  # Arabic comma
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\uff20": "@",
    "\ufe6b": "@",
}


class _OneForOne(dict):
    """A lazy str.translate table: each character's fold, computed once and remembered."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_ONE_FOR_ONE = _OneForOne()
# Characters whose folding removes or merges code points, so offsets shift and need a map.
_DROPPED = "".join(sorted(_INVISIBLE)) + _KEYCAP
_NEEDS_MAP_RE = re.compile("[" + _DROPPED + "]")
_DROPPED_RUN_RE = re.compile("[" + _DROPPED + "]+")
# The same folds, with the dropped characters deleted: a keycap sequence (`7`, a variation selector, the
# keycap) keeps its digit and loses the rest, which is what dropping both of its marks leaves.
_FOLD_AND_DROP = _OneForOne(dict.fromkeys(map(ord, _DROPPED)))


def _styled_letter(ch: str) -> bool:
    """Whether a character is a Latin letter in a style adverts paste to pass filters: mathematical
    bold, italic, script or double-struck (`𝐓𝐞𝐥𝐞𝐠𝐫𝐚𝐦`), circled (`ⓣⓖ`) or squared (`🅃🄶`)."""
    return (
        "\U0001d400" <= ch <= "\U0001d6a3" or "\u24b6" <= ch <= "\u24e9" or "\U0001f130" <= ch <= "\U0001f149"
    )


def _fold_char(ch: str) -> str:
    """The ASCII stand-in for one character, or the character itself."""
    if ch in _FOLD:
        return _FOLD[ch]
    if "\uff01" <= ch <= "\uff5e":  # full-width ASCII block
        return chr(ord(ch) - 0xFEE0)
    if ch.isdigit():
        digit = unicodedata.digit(ch, None)
        if digit is not None:
            return str(digit)
    if _styled_letter(ch):
        plain = unicodedata.normalize("NFKC", ch)
        if len(plain) == 1 and plain.isascii():
            return plain
    return ch


@cache
def _may_fold_re() -> re.Pattern[str]:
    """A class of every character of the Basic Multilingual Plane that `_fold_char` changes, and every
    character beyond it (emoji, mostly), which is looked at one by one: with only the first plane
    listed, the class is one table look-up a character. Built at the first text that needs it.
    """
    changed = (
        ch
        for ch in map(chr, range(0x80, 0x10000))
        if (ch.isdigit() or ch in _FOLD or "\uff01" <= ch <= "\uff5e" or _styled_letter(ch))
        and _fold_char(ch) != ch
    )
    return re.compile("[" + "".join(map(re.escape, changed)) + "\U00010000-\U0010ffff]")


def fold(text: str) -> tuple[str, list[int] | None]:
    """Fold obfuscated characters to ASCII; return the text and, when it changed, an offset map.

    The map has one entry per folded character giving its index in `text`, plus a final entry for
    the end, so a span in the folded text maps back with two look-ups.
    """
    if text.isascii():
        return text, None
    if not _NEEDS_MAP_RE.search(text):
        # Only one-for-one substitutions: offsets are unchanged, so no map is needed. An advert changes
        # few distinct characters (its digits), and replacing each is faster than translating every one.
        for ch in set(_may_fold_re().findall(text)):
            folded = _ONE_FOR_ONE[ord(ch)]
            if folded != ch:
                text = text.replace(ch, folded)
        return _latinise_mixed_words(text), None
    # Every character but the dropped ones is folded one for one, so the map lists the kept positions.
    where: list[int] = []
    kept = 0
    for dropped in _DROPPED_RUN_RE.finditer(text):
        where.extend(range(kept, dropped.start()))
        kept = dropped.end()
    where.extend(range(kept, len(text) + 1))
    return _latinise_mixed_words(text.translate(_FOLD_AND_DROP)), where


# Cyrillic and Greek letters drawn like Latin ones. A word that mixes them with Latin letters
# (`Теlеgrаm` with a Cyrillic Т, е and а; `Τelegram` with a Greek Τ) is a Latin word disguised to pass
# filters, so they are read as the Latin letters there; a word of Cyrillic or Greek alone is left as it is.
_LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικρυχν",
    "aeopcyxijshdqwlABEKMHOPCTXIJSABEZHIKMNOPTYXoikpuxv",
)
_LOOK_ALIKE_RE = re.compile("[аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικρυχν]")
_LETTERS_RE = re.compile(r"[^\W\d]+")
_LATIN_RE = re.compile("[A-Za-z]")


def _latinise_mixed_words(text: str) -> str:
    """The text with the look-alike letters of each word that mixes them with Latin ones made Latin."""
    if _LOOK_ALIKE_RE.search(text) is None:
        return text
    return _LETTERS_RE.sub(_latinise_word, text)


def _latinise_word(match: re.Match[str]) -> str:
    word = match.group()
    if _LATIN_RE.search(word) and _LOOK_ALIKE_RE.search(word):
        return word.translate(_LOOK_ALIKES)
    return word


@lru_cache(maxsize=8)
def fold_case(text: str) -> str:
    """The text in one case, as `re.IGNORECASE` compares letters, for a quick test that a word may occur.

    A case-insensitive search for many words is slow; a case-sensitive search for their lower case in
    this text is fast. IGNORECASE also takes a few letters for others beyond their two cases (the dotless
    `ı` and the dotted `İ` for `i`, the long `ſ` for `s`, the Kelvin sign for `k`, the old Cyrillic forms
    of `т`); the upper case of each is the capital of the letter it stands for, so lower-casing the upper
    case brings them together. `İ` lowers to `i` and a combining dot, which is dropped. Lengths may change,
    so the result only tells whether a word occurs, never where.
    """
    if text.isascii():
        return text.lower()
    return text.upper().lower().replace("\u0307", "")


def quick_pattern(words: str) -> re.Pattern[str]:
    """An alternation of words (each a pattern starting with a plain letter) compiled to search fast.

    The words are grouped by first letter: the search then skips to a letter some word starts with
    and tries only the words starting with it, not every word in turn. At any place only those words
    can match, in the same order, so it finds what `re.compile(words)` finds.
    """
    groups: dict[str, list[str]] = {}
    for word in _alternatives(words):
        first, rest = word[:1], word[1:]
        if not first.isalpha() or rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"{word!r} does not start with a letter of its own")
        groups.setdefault(first, []).append(rest)
    return re.compile("|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()))


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: the pieces between bars, joined until each compiles.

    A bar inside a group, a class or after a backslash leaves a piece that does not compile on its own,
    so only the top-level bars end an alternative.
    """
    found: list[str] = []
    piece: str | None = None
    for part in pattern.split("|"):
        piece = part if piece is None else f"{piece}|{part}"
        try:
            re.compile(piece)
        except re.error:
            continue
        found.append(piece)
        piece = None
    if piece is not None:
        raise ValueError(f"{pattern!r} does not compile")
    return found


@dataclass
class Document:
    """The folded text of one advert, with the spans already claimed by an identifier.

    Finders run in a fixed order (links, emails, payments, handles, phones); a span claimed by an
    earlier finder is masked for the later ones, so the digits of a wallet address or a post id inside
    a URL never turn into a phone number.
    """

    original: str
    platform: str | None = None
    region: str | None = None
    text: str = field(init=False)
    _offsets: list[int] | None = field(init=False, repr=False)
    _claimed: list[tuple[int, int]] = field(default_factory=list, init=False, repr=False)
    # The masked text as of the first `_masked_claims` claims: claims are only ever added, so it stays
    # right until the next one. A cache, so no part of what makes two documents equal.
    _masked: str = field(default="", init=False, repr=False, compare=False)
    _masked_claims: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text, self._offsets = fold(self.original)
        if self.platform:
            self.platform = self.platform.strip().lower() or None
        if self.region:
            self.region = self.region.strip().upper() or None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text to the original text."""
        if self._offsets is None:
            return start, end
        # The end maps to where the next folded character begins, so a keycap's trailing code points
        # stay inside the span.
        return self._offsets[start], self._offsets[max(start, end)]

    def claim(self, start: int, end: int) -> None:
        """Mark a folded-text span as belonging to an identifier."""
        self._claimed.append((start, end))

    def is_free(self, start: int, end: int) -> bool:
        """True when no claimed span overlaps [start, end)."""
        return all(end <= s or start >= e for s, e in self._claimed)

    def masked(self) -> str:
        """The folded text with claimed spans blanked out, same length and offsets.

        The blank is a character no finder reads as part of an identifier or as the space between its
        pieces, so that a later finder cannot join the text before a claimed span to the text after it
        (`sara [at] gmail [dot]` + a claimed address + `zero` is not `sara@gmail.zero`).
        """
        if not self._claimed:
            return self.text
        if self._masked_claims != len(self._claimed):
            # Blanking the new claims over the last masked text gives what blanking them all would.
            chars = list(self._masked if self._masked_claims else self.text)
            for s, e in self._claimed[self._masked_claims :]:
                chars[s:e] = BLANK * (e - s)
            self._masked = "".join(chars)
            self._masked_claims = len(self._claimed)
        return self._masked
