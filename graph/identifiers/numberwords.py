"""Phone numbers spelled out in words: `zero seven four double eight`, `zéro six, douze, trente-quatre`.

Spelling a number is the commonest way adverts slip past filters that look for digits. A run of at
least three number words is rewritten as digits (English reads digit by digit with `double`, `triple`
or `treble` before a repeated digit; French reads pairs, `douze` = 12, `soixante-dix-huit` = 78, and
says `double zéro`, `triple huit` as English does). A repeat word may stand before a digit written as
one (`07 double 8 …`, `triple 0`). Shorter runs ("two boats", "double 2 beds") are left alone unless
they continue digits written beside them, so prose never becomes digits.

Repeat words are read in English and French only: those are the lexicon's languages where dictating a
phone number with them is common usage. Italian, German, Turkish, Albanian, Vietnamese, Arabic and
Persian speakers say the digit twice or read the number in pairs or groups instead, and their number
words are not read here at all.
"""

from __future__ import annotations

import re

# fmt: off
_UNITS = {
    # English
    "zero": 0, "oh": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
    # French
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
}
# fmt: on
_REPEAT = {"double": 2, "triple": 3, "treble": 3}
_PLUS = {"plus"}
_CONNECTOR = {"et", "and"}

# Words, and digits written as digits: a repeat word may stand before one (`double 8`).
_WORD_RE = re.compile(r"[a-zà-ÿ]+|[0-9]+", re.IGNORECASE)
# Separators allowed between the words of one spelled number.
_GAP_RE = re.compile(r"[\s,.;/\-–]*")
_DIGIT_NEAR_RE = re.compile(r"\d[\s,.\-]{0,2}$|^[\s,.\-]{0,2}\d")


def _any_word_pattern(words: list[str]) -> str:
    """A whole word that is one of `words`, case aside: the words grouped under their first letter.

    Only whether a text holds such a word is asked. A flat alternation of every word would be tried
    word by word at the start of each word of the text; grouped, and with a look-ahead for the first
    letters, a word of the text that starts with no such letter is passed over at once.
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    firsts = "".join(map(re.escape, by_first))
    return rf"(?<![\w])(?=[{firsts}])(?:{groups})(?![\w])"


_ANY_WORD_RE = re.compile(_any_word_pattern([*_UNITS, *_REPEAT]), re.IGNORECASE)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Word and digit tokens (start, end, lower-case word); hyphenated compounds come out as their parts."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD_RE.finditer(text)]


class _Reader:
    """Reads spoken numbers from a token list; one instance per text."""

    def __init__(self, text: str, tokens: list[tuple[int, int, str]]) -> None:
        self.text = text
        self.tokens = tokens
        self.words = [w for _, _, w in tokens]

    def word(self, i: int) -> str:
        return self.words[i] if i < len(self.words) else ""

    def joined(self, i: int) -> bool:
        """True when words i-1 and i form one compound (a hyphen or plain space between them)."""
        gap = self.text[self.tokens[i - 1][1] : self.tokens[i][0]]
        return gap in ("-", " ", "- ", " -")

    def number(self, i: int) -> tuple[str, int] | None:
        """One spoken number starting at word i: its digits and how many words it used."""
        word = self.word(i)
        unit = _repeated_digit(self.word(i + 1))
        if word in _REPEAT and unit is not None:
            return unit * _REPEAT[word], 2
        if word not in _UNITS:
            return None
        value, used = _UNITS[word], 1
        if value == 4 and self.word(i + 1) in ("vingt", "vingts") and self.joined(i + 1):  # quatre-vingt
            value, used = 80, 2
        nxt = i + used
        if nxt >= len(self.words) or not self.joined(nxt):
            return str(value), used
        follow = _UNITS.get(self.word(nxt))
        if value == 10 and follow in (7, 8, 9):  # dix-sept
            return str(10 + follow), used + 1
        if value % 10 or value < 20:
            return str(value), used
        if self.word(nxt) in _CONNECTOR and _UNITS.get(self.word(nxt + 1)) in (1, 11):  # vingt et un
            return str(value + _UNITS[self.word(nxt + 1)]), used + 2
        if value in (60, 80):  # soixante-douze, quatre-vingt-dix-huit
            sub = self.number(nxt)
            if sub and 1 <= int(sub[0]) < 20:
                return str(value + int(sub[0])), used + sub[1]
            return str(value), used
        if follow is not None and 1 <= follow <= 9:  # twenty-one, trente-quatre
            return str(value + follow), used + 1
        return str(value), used


def _repeated_digit(word: str) -> str | None:
    """The digit a word after `double` or `triple` names: a unit word (`eight`, `huit`) or one digit."""
    if len(word) == 1 and word.isdigit():
        return word
    unit = _UNITS.get(word)
    return str(unit) if unit is not None and unit < 10 else None


def spell_out(text: str) -> tuple[str, list[int]] | None:
    """Rewrite spelled-out numbers as digits; return the new text and a map to `text` offsets.

    Returns None when the text holds no run worth rewriting, which is the common, cheap case.
    """
    if not _ANY_WORD_RE.search(text):
        return None
    tokens = _tokens(text)
    reader = _Reader(text, tokens)
    words = reader.words
    runs: list[tuple[int, int, str]] = []  # (start, end, digits) in text
    i = 0
    while i < len(tokens):
        digits, first, count, j = "", i, 0, i
        plus = words[j] in _PLUS and j + 1 < len(words) and words[j + 1] in _UNITS
        if plus:
            j += 1
        while j < len(tokens):
            read = reader.number(j)
            if read is None:
                break
            if j > first and not _GAP_RE.fullmatch(text[tokens[j - 1][1] : tokens[j][0]]):
                break
            digits += read[0]
            count += 1
            j += read[1]
        if count >= 3 or (count >= 1 and _touches_digits(text, tokens[first][0], tokens[j - 1][1])):
            runs.append((tokens[first][0], tokens[j - 1][1], ("+" if plus else "") + digits))
            i = j
        else:
            i += 1
    if not runs:
        return None
    return _rewrite(text, runs)


def _touches_digits(text: str, start: int, end: int) -> bool:
    """True when a short run of words continues a number written in digits (`+44 seven four ...`)."""
    return bool(_DIGIT_NEAR_RE.search(text[max(0, start - 3) : start])) or bool(
        _DIGIT_NEAR_RE.match(text[end : end + 3])
    )


def _rewrite(text: str, runs: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Replace each run by its digits, spreading the digits' offsets over the run's span."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for start, end, digits in runs:
        out.append(text[pos:start])
        where.extend(range(pos, start))
        out.append(digits)
        step = (end - start) / len(digits)
        where.extend(start + int(k * step) for k in range(len(digits)))
        pos = end
    out.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(out), where
