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
SPELLED_OUT_HINT = re.compile(r"[a-z][.\-_*·• ][a-z][.\-_*·• ][a-z]")
# The Arabizi digits: inside a Latin word that mixes letters and digits, each stands for an Arabic sound.
ARABIZI = {"2": "a", "3": "a", "5": "kh", "7": "h", "8": "gh", "9": "q"}
LATIN_WORD = re.compile(r"[a-z0-9]+")


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


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping where each folded character comes from.

    Runs of white space fold to one space, dropped characters (marks, tatweel, variation selectors, skin
    tones) are counted into the span of the character before them, Cyrillic and Greek look-alikes in a
    Latin word read as Latin letters, a word spelt out letter by letter reads as the word, and the Arabizi
    digits of a Latin word that mixes letters and digits read as the letters they stand for. Linear in the
    length of the text.
    """
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if not folded:
            if ends:
                ends[-1] = index + 1
            continue
        if folded == " " and chars and chars[-1] == " ":
            ends[-1] = index + 1
            continue
        for part in folded:
            chars.append(part)
            starts.append(index)
            ends.append(index + 1)
    return _arabizi(_spelled_out(Folded(_lookalikes("".join(chars)), starts, ends)))


def _lookalikes(text: str) -> str:
    """Read the Cyrillic and Greek look-alikes of each word written mostly in Latin letters as Latin."""
    if text.isascii():
        return text

    def latin(word: re.Match[str]) -> str:
        found = word.group()
        others = len(NOT_LATIN.findall(found))
        if not others or len(LATIN.findall(found)) <= others:
            return found
        return found.translate(LOOKALIKES)

    return MIXED_WORD.sub(latin, text)


def _arabizi(folded: Folded) -> Folded:
    """Read the Arabizi digits of each Latin word that mixes letters and digits as letters."""
    if not any(digit in folded.text for digit in ARABIZI):
        return folded
    return _respell(folded, LATIN_WORD, ARABIZI, mixes_letters_and_digits)


def _spelled_out(folded: Folded) -> Folded:
    """Join the letters of words spelt out one by one ("p.a.s.s.e.u.r", "b o z a")."""
    if not SPELLED_OUT_HINT.search(folded.text):
        return folded
    return _respell(folded, SPELLED_OUT, SEPARATORS, lambda word: True)


def mixes_letters_and_digits(word: str) -> bool:
    """Whether a Latin word has both letters and digits, and is not a number with its unit or currency
    ("2500euro", "3000dh", "9am"): those digits are an amount the price finder must still see."""
    return not word.isalpha() and not word.isdigit() and not NUMBER_SUFFIX.fullmatch(word)


def _respell(
    folded: Folded, words: re.Pattern[str], letters: dict[str, str], wanted: Callable[[str], bool]
) -> Folded:
    """`folded` with the characters of each whole word `words` finds and `wanted` takes replaced as
    `letters` says (a character may become several, or none), each new character keeping its origin's
    span."""
    text = folded.text
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for word in words.finditer(text):
        if word.start() > 0 and text[word.start() - 1].isalnum():
            continue  # part of a longer word in another script
        if word.end() < len(text) and text[word.end()].isalnum():
            continue
        if not wanted(word.group()):
            continue
        chars.append(text[done : word.start()])
        starts.extend(folded.starts[done : word.start()])
        ends.extend(folded.ends[done : word.start()])
        for index in range(word.start(), word.end()):
            spelt = letters.get(text[index], text[index])
            chars.append(spelt)
            starts.extend([folded.starts[index]] * len(spelt))
            ends.extend([folded.ends[index]] * len(spelt))
        done = word.end()
    chars.append(text[done:])
    starts.extend(folded.starts[done:])
    ends.extend(folded.ends[done:])
    return Folded("".join(chars), starts, ends)


def fold_term(term: str) -> str:
    """A lexicon term folded as adverts are, with its ends trimmed."""
    return fold(term.strip()).text.strip()
