"""Script-aware folding of advert text, with a map from each folded character back to the original text.

Adverts spell the same word many ways: with or without accents, in capitals, with Arabic or Persian forms
of the same letter, with Arabizi digits for Arabic sounds ("7arga" for harga), with an emoji's variation
selector or skin tone or without; and some disguise a word to get it past a platform's filter (a Cyrillic
letter in a Latin word, "p.a.s.s.e.u.r"). Lexicon terms and adverts are folded by the same function, so
that every spelling of a term meets the same folded form, and the offset map turns a match in the folded
text back into the span of what the advert wrote. Every pass is linear in the text.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from graph.language import NUMBER_SUFFIX

# Letters of the Arabic script that stand for the same letter in the adverts' spelling: the alef with a
# hamza or madda (also taken apart by decomposition; listed for the wasla, which is not), the three yehs
# and the two kafs of Arabic and Persian keyboards, teh marbuta and heh with yeh (written as heh when
# typed fast), the hamza seats. Sorani's vowel ە and its ھ fold to ه too: Sorani typed on an Arabic or
# Persian keyboard writes ه for both. Sorani's other letters (ڕ ڵ ۆ ێ) stay: they tell words apart.
ARABIC_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ی",
    "ي": "ی",
    "ك": "ک",
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ؤ": "و",
    "ئ": "ی",
}
# Apostrophes and hyphens as keyboards and phones write them: "l’arrivée" is "l'arrivée".
PUNCTUATION = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}
# Latin letters that no decomposition takes apart.
LATIN_LETTERS = {"ı": "i", "đ": "d", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss"}
# Characters that carry no letter of their own: the tatweel (a stretch of the line between Arabic
# letters), emoji variation selectors, zero-width joiner and space, soft hyphen, word joiner, byte order
# mark. Dropping them joins what they split: "pas\u200bseur" reads "passeur".
DROPPED = frozenset("\u0640\ufe0e\ufe0f\u200b\u200d\u00ad\u2060\ufeff")
# The zero-width non-joiner separates a Persian word from its prefix or suffix (می‌روم, قاچاقچی‌ها) where
# others type a space: it folds to a space, so that the word alone matches.
SPACES = frozenset("\u200c")
SKIN_TONES = range(0x1F3FB, 0x1F400)
# Cyrillic and Greek letters that look like Latin ones (once folded to lower case), which a writer slips
# into a Latin word to get it past a filter: "pаsseur" with a Cyrillic а reads "passeur".
LOOKALIKES = str.maketrans(
    "аеорсхуіјѕһԁԛԝвкмнтαβεηικμορτυχζ",
    "aeopcxyijshdqwbkmhtabehikmoptyxz",
)
GREEK_CYRILLIC = "\u0370-\u03ff\u0400-\u052f"
# Words are found whole and then tested, never by a pattern that backtracks inside a long word.
MIXED_WORD = re.compile(f"[a-z0-9{GREEK_CYRILLIC}]+")
NOT_LATIN = re.compile(f"[{GREEK_CYRILLIC}]")
LATIN = re.compile(r"[a-z]")
# A word spelt out letter by letter to get past a filter: four or more single Latin letters, each after
# the last with a dot, dash, underscore, star, bullet or a space between them.
SEPARATORS = dict.fromkeys(".-_*·• ", "")
SPELLED_OUT = re.compile(r"(?<![^\W_])[a-z](?![^\W_])(?:[.\-_*·• ][a-z](?![^\W_])){3,}[.\-_*·•]?")
# What every such word holds (three marks with a letter between each two), found fast in C from the
# marks, which are fewer than the letters: a text without it is not read by SPELLED_OUT, whose
# lookbehind makes it try every place of the text.
SPELLED_OUT_HINT = re.compile(r"[.\-_*·• ][a-z][.\-_*·• ][a-z][.\-_*·• ]")
# The Arabizi digits: inside a Latin word that mixes letters and digits, each stands for an Arabic sound.
ARABIZI = {"2": "a", "3": "a", "5": "kh", "7": "h", "8": "gh", "9": "q"}
# A digit beside a Latin letter, as a word that mixes the two has; and such a whole word (the lookbehind
# starts it at a word's start only, so each word is read once however long).
LETTER_BY_DIGIT = re.compile(r"[0-9](?:(?<=[a-z].)|(?=[a-z]))")
MIXED_LATIN_WORD = re.compile(r"(?<![a-z0-9])(?=[a-z0-9]*?(?:[a-z][0-9]|[0-9][a-z]))[a-z0-9]+")
# The Latin letters and digits from a place on (read forwards, or in the reversed text backwards).
LATIN_RUN = re.compile(r"[a-z0-9]*")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and, for each of its characters, the span of the original text it comes from.

    `starts[i]:ends[i]` is the original text of folded character `i`; a match `folded.text[a:b]` is
    `original[starts[a]:ends[b - 1]]`, which takes in the marks the folding dropped inside and after it.
    """

    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded characters `start` to `end` (exclusive) come from."""
        return self.starts[start], self.ends[end - 1]


@lru_cache(maxsize=1 << 16)  # bounded: a stream of random code points must not grow it for ever
def fold_char(char: str) -> str:
    """One character folded: compatibility forms, case, marks, letter variants and digits ("" to drop)."""
    if char in DROPPED or ord(char) in SKIN_TONES:
        return ""
    if char in SPACES or char.isspace():
        return " "
    char = PUNCTUATION.get(char, char)
    out = []
    for part in unicodedata.normalize("NFKD", ARABIC_LETTERS.get(char, char)).casefold():
        if unicodedata.combining(part) or unicodedata.category(part) == "Mn" or part in DROPPED:
            continue
        if part.isdecimal() and not part.isascii():
            part = str(unicodedata.decimal(part))
        out.append(ARABIC_LETTERS.get(part) or LATIN_LETTERS.get(part) or part)
    # The casefold of "İ" is "i" and a dot above, and decomposition may leave a letter to be mapped again.
    return "".join(out)


class _Folds(dict):
    """A lazy str.translate table: each code point to its `fold_char`, classified once per process.
    Cleared when full: a stream of random code points must not grow it for ever."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _TABLE_SIZE:
            self.clear()
        folded = fold_char(chr(code))
        if len(folded) != 1:
            _UNEVEN.add(chr(code))  # before the table has it: whoever reads it there finds it in _UNEVEN
        self[code] = folded
        return folded


class _Uneven:
    """The characters met so far that do not fold to exactly one character, and one pattern that finds
    them all in a text (a scan in C, where _IRREGULAR looks each character up). The pattern is remade
    once no new such character has been met for REMAKE_AFTER texts, so that a stream of ever new
    characters does not remake it at every text; until then `find` answers None."""

    REMAKE_AFTER = 200

    def __init__(self) -> None:
        self.chars: set[str] = set()
        self.pattern: re.Pattern[str] | None = None
        self.calm = 0  # texts read since a character was added
        self.lock = threading.Lock()  # a pattern is never made from fewer characters than were added

    def add(self, char: str) -> None:
        """Count `char` as not folding to exactly one character."""
        with self.lock:
            if char in self.chars:  # met again after _FOLDS was cleared: the pattern still has it
                return
            self.chars.add(char)
            self.pattern = None
            self.calm = 0

    def find(self, text: str) -> str | None:
        """The characters of `text` that do not fold to exactly one, in text order, or None while the
        pattern is being held back. `text` must have been through _FOLDS (which adds what it meets)."""
        pattern = self.pattern
        if pattern is None:
            with self.lock:
                self.calm += 1
                if self.calm < self.REMAKE_AFTER:
                    return None
                chars = "".join(sorted(self.chars))
                pattern = self.pattern = re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")
        return "".join(pattern.findall(text))


class _Irregular(dict):
    """A lazy str.translate table keeping only the characters that do not fold to exactly one character
    (dropped ones, and those that become several): what the offset map must look at one by one."""

    def __missing__(self, code: int) -> str | None:
        if len(self) >= _TABLE_SIZE:
            self.clear()
        kept = self[code] = None if len(_FOLDS[code]) == 1 else chr(code)
        return kept


_TABLE_SIZE = 1 << 16
_FOLDS = _Folds()
_UNEVEN = _Uneven()
_IRREGULAR = _Irregular()
_SPACE_RUN = re.compile("  +")
_NUMBERS = list(range(4097))  # the offset map of a text of up to 4,096 characters that folds one to one


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping where each folded character comes from.

    Runs of white space fold to one space, dropped characters (marks, tatweel, variation selectors, skin
    tones) are counted into the span of the character before them, Cyrillic and Greek look-alikes in a
    Latin word read as Latin letters, a word spelt out letter by letter reads as the word, and the Arabizi
    digits of a Latin word that mixes letters and digits read as the letters they stand for. Linear in the
    length of the text.

    Each character folds as `fold_char` says; the text is folded whole (str.translate) and only the
    characters that do not fold to exactly one character, and runs of white space, are looked at one by
    one, so that an advert costs little more than a copy of it.
    """
    folded = text.translate(_FOLDS)
    irregular = "" if text.isascii() else _UNEVEN.find(text)  # each ASCII character folds to one
    if irregular is None:
        irregular = text.translate(_IRREGULAR)
    if irregular:
        starts, ends = _offsets(text, irregular)
    elif len(text) < len(_NUMBERS):  # slices of a list made once cost less than new lists of numbers
        starts, ends = _NUMBERS[: len(text)], _NUMBERS[1 : len(text) + 1]
    else:
        starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
    if "  " in folded:
        folded, starts, ends = _collapse_spaces(text, folded, starts, ends)
    return _arabizi(_spelled_out(Folded(_lookalikes(folded), starts, ends)))


def _offsets(text: str, irregular: str) -> tuple[list[int], list[int]]:
    """The offset map of `text` folded, given its `irregular` characters in text order: one entry per
    folded character, a dropped character counted into the span of the folded character before it."""
    # The runs between irregular characters are slices of one list of numbers, each number made once.
    numbers = _NUMBERS if len(text) < len(_NUMBERS) else list(range(len(text) + 1))
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for char in irregular:
        index = text.index(char, done)
        starts.extend(numbers[done:index])
        ends.extend(numbers[done + 1 : index + 1])
        parts = len(_FOLDS[ord(char)])
        if parts:
            starts.extend([index] * parts)
            ends.extend([index + 1] * parts)
        elif ends:
            ends[-1] = index + 1
        done = index + 1
    starts.extend(numbers[done : len(text)])
    ends.extend(numbers[done + 1 : len(text) + 1])
    return starts, ends


def _collapse_spaces(
    text: str, folded: str, starts: list[int], ends: list[int]
) -> tuple[str, list[int], list[int]]:
    """Fold each run of white space to one space: in a run, a character that folded to a space alone is
    counted into the span of the space kept before it (a space that is part of a longer fold stays)."""
    removed: list[int] = []
    for run in _SPACE_RUN.finditer(folded):
        kept = run.start()
        for index in range(run.start() + 1, run.end()):
            if _FOLDS[ord(text[starts[index]])] == " ":
                ends[kept] = ends[index]
                removed.append(index)
            else:
                kept = index
    if not removed:
        return folded, starts, ends
    chars: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    done = 0
    for index in removed:
        chars.append(folded[done:index])
        new_starts.extend(starts[done:index])
        new_ends.extend(ends[done:index])
        done = index + 1
    chars.append(folded[done:])
    new_starts.extend(starts[done:])
    new_ends.extend(ends[done:])
    return "".join(chars), new_starts, new_ends


def _lookalikes(text: str) -> str:
    """Read the Cyrillic and Greek look-alikes of each word written mostly in Latin letters as Latin."""
    if text.isascii() or not NOT_LATIN.search(text):
        return text  # no word has a look-alike to read

    def latin(word: re.Match[str]) -> str:
        found = word.group()
        others = len(NOT_LATIN.findall(found))
        if not others or len(LATIN.findall(found)) <= others:
            return found
        return found.translate(LOOKALIKES)

    return MIXED_WORD.sub(latin, text)


def _arabizi(folded: Folded) -> Folded:
    """Read the Arabizi digits of each Latin word that mixes letters and digits as letters."""
    if not any(digit in folded.text for digit in ARABIZI) or not LETTER_BY_DIGIT.search(folded.text):
        return folded
    return _respell(folded, _mixed_latin_words(folded.text), ARABIZI, mixes_letters_and_digits)


def _mixed_latin_words(text: str) -> list[tuple[int, int]]:
    """The spans of the words MIXED_LATIN_WORD finds, in text order, found from the places where a digit
    and a letter meet (LETTER_BY_DIGIT) rather than by trying the pattern at every word of the text:
    each such word is the whole run of Latin letters and digits around one of those places."""
    spans: list[tuple[int, int]] = []
    backwards = text[::-1]  # the run before a place is read forwards in the reversed text
    done = 0
    while (place := LETTER_BY_DIGIT.search(text, done)) is not None:
        at = place.start()
        start = at - (LATIN_RUN.match(backwards, len(text) - at).end() - (len(text) - at))
        done = LATIN_RUN.match(text, at).end()
        spans.append((start, done))
    return spans


def _spelled_out(folded: Folded) -> Folded:
    """Join the letters of words spelt out one by one ("p.a.s.s.e.u.r", "b o z a")."""
    if not SPELLED_OUT_HINT.search(folded.text):
        return folded
    found = [word.span() for word in SPELLED_OUT.finditer(folded.text)]
    return _respell(folded, found, SEPARATORS, lambda word: True)


def mixes_letters_and_digits(word: str) -> bool:
    """Whether a Latin word has both letters and digits, and is not a number with its unit or currency
    ("2500euro", "3000dh", "9am"): those digits are an amount the price finder must still see."""
    return not word.isalpha() and not word.isdigit() and not NUMBER_SUFFIX.fullmatch(word)


def _respell(
    folded: Folded, words: list[tuple[int, int]], letters: dict[str, str], wanted: Callable[[str], bool]
) -> Folded:
    """`folded` with the characters of each whole word of `words` (spans in text order) that `wanted`
    takes replaced as `letters` says (a character may become several, or none), each new character
    keeping its origin's span."""
    text = folded.text
    found = [
        (begin, end)
        for begin, end in words
        if (begin == 0 or not text[begin - 1].isalnum())  # else part of a longer word
        and (end == len(text) or not text[end].isalnum())  # in another script
        and wanted(text[begin:end])
    ]
    if not found:
        return folded
    table = str.maketrans(letters)
    # The characters spelt as none or several: only their spans are repeated or dropped one by one.
    unevens = "".join(char for char, spelt in letters.items() if len(spelt) != 1)
    uneven = re.compile(f"[{re.escape(unevens)}]" if unevens else "(?!)")
    if not any(uneven.search(text, begin, end) for begin, end in found):
        # One character for one: the offset map stays as it is (shared, not copied: no pass changes
        # a map once made), only the words are spelt anew.
        pieces, done = [], 0
        for begin, end in found:
            pieces += (text[done:begin], text[begin:end].translate(table))
            done = end
        pieces.append(text[done:])
        return Folded("".join(pieces), folded.starts, folded.ends)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for begin, end in found:
        chars.append(text[done:begin])
        chars.append(text[begin:end].translate(table))
        for char in uneven.finditer(text, begin, end):
            index = char.start()
            starts.extend(folded.starts[done:index])
            ends.extend(folded.ends[done:index])
            count = len(letters[char.group()])
            starts.extend([folded.starts[index]] * count)
            ends.extend([folded.ends[index]] * count)
            done = index + 1
        starts.extend(folded.starts[done:end])
        ends.extend(folded.ends[done:end])
        done = end
    chars.append(text[done:])
    starts.extend(folded.starts[done:])
    ends.extend(folded.ends[done:])
    return Folded("".join(chars), starts, ends)


def fold_term(term: str) -> str:
    """A lexicon term folded as adverts are, with its ends trimmed."""
    return fold(term.strip()).text.strip()
