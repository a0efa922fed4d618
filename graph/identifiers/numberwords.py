"""Phone numbers spelled out in words: `zero seven four double eight`, `zéro six, douze, trente-quatre`,
`tre tre tre doppio sette`, `صفر سبعة دبل خمسة`.

Spelling a number is the commonest way adverts slip past filters that look for digits. A run of at
least three number words is rewritten as digits. English reads digit by digit; French reads pairs,
`douze` = 12, `soixante-dix-huit` = 78; the lexicon's other languages (Italian, German, Albanian,
Turkish, Greek, Vietnamese, Arabic, Persian and Dari, Pashto, Sorani and Kurmanji Kurdish) are read
digit by digit, from their words for 0 to 9. A repeat word before a digit repeats it, in every one of
those languages that says so: `double 8`, `triple zéro`, `doppio sette`, `doppel acht`, `dyfish 4`,
`çift beş`, `διπλό 7`, `دبل ٥`; a digit written as one may follow it (`07 double 8 …`). Shorter runs
("two boats", "double 2 beds") are left alone unless they continue digits written beside them, so prose
never becomes digits.

The other languages' digit words are everyday words too ("bir" is "a" in Turkish, "due" is "owed" in
English, "hai" is "you have" in Italian, "دو" is "two" in any Persian sentence), so: a run is read in
one language (English and French together, as adverts mix them), and a word of another language ends
it; and a lone digit word of those languages is left alone even beside digits (`0532 123 45 67 bir
tane` keeps its number). A word of the run's own language right after it still joins it (`… altı yedi
bir kişi` reads one digit too many).

A word for "plus" before a run is its `+`, in each language that writes one (`plus`, `più`, `artı`,
`زائد`, `συν`, `cộng`, `ፕላስ`): `artı dokuz sıfır beş …` is `+905…`. Kurmanji `du` (2) is French for
"of the" too, and Sorani `سفر` (0) is "trip" in Persian and Arabic: each is read only as a word of its
own language's run, which a French or Persian number word ends.

Not read: tens and hundreds outside English and French (an Italian `trentaquattro`, a Turkish `beş
yüz`), and repeat phrases of several words (Sorani `دوو جار`, Kurmanji `du caran`).
"""

from __future__ import annotations

import re

from graph.identifiers.document import fold_case

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
# English and French are read as one language, as before either was read alone: adverts mix them.
_ENGLISH_FRENCH = "en-fr"
# Digits 0 to 9 in the lexicon's other languages, ten per language ("-" for none), with the spellings
# adverts use (accents dropped, Arabic and Persian letter variants) parted by "/".
_DIGITS_BY_LANGUAGE = {
    "it": "zero uno due tre quattro cinque sei sette otto nove",
    "de": "null eins zwei/zwo drei vier fünf/fuenf/funf sechs sieben acht neun",
    "sq": "zero një/nje dy tre katër/kater pesë/pese gjashtë/gjashte shtatë/shtate tetë/tete nëntë/nente",
    "tr": "sıfır/sifir bir iki üç dört/dort beş/bes altı/alti yedi sekiz dokuz",
    "el": "μηδέν/μηδεν ένα/ενα δύο/δυο τρία/τρια τέσσερα/τεσσερα πέντε/πεντε έξι/εξι επτά/επτα/εφτά/εφτα "
    "οκτώ/οκτω/οχτώ/οχτω εννέα/εννεα/εννιά/εννια",
    "vi": "không một hai ba bốn năm sáu bảy tám chín",
    "kmr": "sifir yek du sê çar pênc şeş heft heşt neh",
    "ar": "صفر/زيرو واحد اثنين/اثنان/إثنين/اتنين/تنين ثلاثة/ثلاثه/ثلاث/تلاتة/تلاته "
    "أربعة/اربعة/اربعه/أربع/اربع خمسة/خمسه/خمس ستة/سته/ست سبعة/سبعه/سبع "
    "ثمانية/ثمانيه/ثمان/تمانية/تمنية تسعة/تسعه/تسع",
    "fa": "صفر یک/يک/يك دو سه چهار پنج شش/شیش هفت هشت نه",  # Persian and Dari
    "ps": "صفر یو دوه درې/دري څلور پنځه شپږ اووه اته نهه",
    "ckb": "صفر/سفر یەک دوو سێ چوار پێنج شەش حەوت هەشت نۆ",
    "ti": "ዜሮ ሓደ ክልተ ሰለስተ ኣርባዕተ/ኣርባዓተ/ዓርባዕተ ሓሙሽተ ሽዱሽተ ሸውዓተ ሸሞንተ ትሽዓተ",
}
# Words that repeat the digit after them, per language.
_REPEATS_BY_LANGUAGE = {
    _ENGLISH_FRENCH: {"double": 2, "triple": 3, "treble": 3},
    "es": {"doble": 2},
    "it": {"doppio": 2, "doppia": 2, "triplo": 3, "tripla": 3},
    "de": {"doppel": 2, "doppelt": 2, "zweimal": 2, "dreifach": 3, "dreimal": 3},
    "sq": {"dyfish": 2, "trefish": 3},
    "tr": {"çift": 2, "cift": 2, "duble": 2},
    "el": {"διπλό": 2, "διπλο": 2, "τριπλό": 3, "τριπλο": 3},
    "ar fa ps ckb": {"دبل": 2, "دابل": 2, "دوبل": 2, "تريبل": 3, "تریپل": 3, "تریبل": 3},
}
# Words for "plus" before a number, per language.
_PLUS_BY_LANGUAGE = {
    f"{_ENGLISH_FRENCH} de sq kmr": {"plus"},
    "it": {"più", "piu"},
    "tr": {"artı", "arti"},
    "ar": {"زائد", "زايد"},
    "el": {"συν"},
    "vi": {"cộng"},
    "fa ps ckb": {"پلاس"},
    "ti": {"ፕላስ"},
}
_CONNECTOR = {"et", "and"}


def _tables() -> tuple[dict[str, int], dict[str, int], dict[str, frozenset[str]]]:
    """The other languages' digit words, the repeat words (each with its count), and the languages each
    number word or plus word is one of. A word read as two different numbers is a mistake in the lists
    above."""
    digit_words: dict[str, int] = {}
    repeats: dict[str, int] = {}
    languages: dict[str, set[str]] = {word: {_ENGLISH_FRENCH} for word in [*_UNITS, *_CONNECTOR]}
    for of, words in _PLUS_BY_LANGUAGE.items():
        for word in words:
            languages.setdefault(word, set()).update(of.split())

    def learn(word: str, value: int, of: str, into: dict[str, int]) -> None:
        if into.setdefault(word, value) != value:
            raise ValueError(f"number word {word!r} is read as {into[word]} and as {value}")
        languages.setdefault(word, set()).update(of.split())

    for language, line in _DIGITS_BY_LANGUAGE.items():
        for digit, spellings in enumerate(line.split()):
            for word in spellings.split("/"):
                if word != "-":
                    learn(word, _UNITS.get(word, digit), language, digit_words)
    for of, words in _REPEATS_BY_LANGUAGE.items():
        for word, times in words.items():
            learn(word, times, of, repeats)
    return digit_words, repeats, {word: frozenset(of) for word, of in languages.items()}


_DIGIT_WORDS, _REPEAT, _LANGUAGES_OF = _tables()
_PLUS = frozenset().union(*_PLUS_BY_LANGUAGE.values())
_ANY_LANGUAGE = frozenset().union(*_LANGUAGES_OF.values())

# Words of letters in any script, and digits written as digits: a repeat word may stand before one
# (`double 8`).
_WORD_RE = re.compile(r"[^\W\d_]+|[0-9]+")
# Separators allowed between the words of one spelled number.
_GAP_RE = re.compile(r"[\s,.;/\-–]*")
# A digit just before a word (searched in the three characters before it) or just after it.
_DIGIT_BEFORE_RE = re.compile(r"\d[\s,.\-]{0,2}$")
_DIGIT_AFTER_RE = re.compile(r"[\s,.\-]{0,2}\d")


def _number_word_pattern(words: list[str]) -> str:
    """A whole word that is one of `words` (in `fold_case`), the words grouped under their first letter.

    A flat alternation of every word would be tried word by word at the start of each word of the
    text; grouped, and with a look-ahead for the first letters, a place that starts with no such letter
    is passed over at once. A word ends where its letters do, as the reader's tokens do (`zero7` holds
    `zero`).
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted({fold_case(word) for word in words}, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    firsts = "".join(map(re.escape, by_first))
    return rf"(?=[{firsts}])(?<![^\W\d_])(?:{groups})(?![^\W\d_])"


# Neither a letter nor a gap between words: what the quick test reads for the combining marks that
# fold_case would drop or make a letter, which part words in the reader's tokens.
_MARKS_APART = str.maketrans({"\u0307": "\x00", "\u0345": "\x00"})
# Both searched in the text's `fold_case`, which is faster than a search that ignores case.
_NUMBER_WORD = _number_word_pattern([*_UNITS, *_DIGIT_WORDS, *_REPEAT])
_ANY_WORD_RE = re.compile(_NUMBER_WORD)
# Every run worth reading has a number word next to another or to a digit (three words in a row;
# `double 8`; `+44 seven`). In the lexicon's languages a lone number word ("bir", "due", "ba") is
# everyday prose, not worth reading the whole text for.
_PLUS_WORD = "|".join(sorted(map(re.escape, {fold_case(word) for word in _PLUS}), key=len, reverse=True))
_WORTH_READING_RE = re.compile(
    rf"{_NUMBER_WORD}[\s,.;/\-–]*(?:{_NUMBER_WORD}|\d)"
    rf"|\d[\s,.\-]{{0,2}}(?:(?:{_PLUS_WORD})[\s,.;/\-–]*)?{_NUMBER_WORD}"
)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Word and digit tokens (start, end, lower-case word); hyphenated compounds come out as their parts.
    A Turkish dotted capital lowers to `i` with a combining dot, which is dropped (`İKİ` is `iki`)."""
    return [(m.start(), m.end(), m.group().lower().replace("\u0307", "")) for m in _WORD_RE.finditer(text)]


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
            digit = _DIGIT_WORDS.get(word)
            return None if digit is None else (str(digit), 1)
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
        if value in (60, 80) and 1 <= _UNITS.get(self.word(nxt), 0) < 20:  # soixante-douze
            sub = self.number(nxt)  # at most dix-huit: never deeper, whatever the text repeats
            if sub and 1 <= int(sub[0]) < 20:
                return str(value + int(sub[0])), used + sub[1]
            return str(value), used
        if follow is not None and 1 <= follow <= 9:  # twenty-one, trente-quatre
            return str(value + follow), used + 1
        return str(value), used


def _repeated_digit(word: str) -> str | None:
    """The digit a word after a repeat word names: a unit word (`eight`, `huit`, `sette`) or one digit."""
    if len(word) == 1 and word.isdigit():
        return word
    unit = _UNITS.get(word, _DIGIT_WORDS.get(word))
    return str(unit) if unit is not None and unit < 10 else None


def spell_out(text: str) -> tuple[str, list[int]] | None:
    """Rewrite spelled-out numbers as digits; return the new text and a map to `text` offsets.

    Returns None when the text holds no run worth rewriting, which is the common, cheap case.
    """
    # A combining mark already in the text parts words, as it does the reader's tokens: fold_case drops
    # the dot above (its own is a lowered `İ`) and makes the Greek iota below a letter.
    apart = "\u0307" in text or "\u0345" in text
    folded = fold_case(text.translate(_MARKS_APART) if apart else text)
    if not _ANY_WORD_RE.search(folded) or not _WORTH_READING_RE.search(folded):
        return None
    return _read(text)


def _read(text: str) -> tuple[str, list[int]] | None:
    """`spell_out` without its first, quick test."""
    tokens = _tokens(text)
    reader = _Reader(text, tokens)
    words = reader.words
    runs: list[tuple[int, int, str]] = []  # (start, end, digits) in text
    i = 0
    while i < len(tokens):
        digits, first, count, j = "", i, 0, i
        languages = _ANY_LANGUAGE
        plus = _plus_before_number(words, j)
        if plus:
            languages = _LANGUAGES_OF[words[j]]
            j += 1
        while j < len(tokens):
            read = reader.number(j)
            if read is None:
                break
            if j > first and not _GAP_RE.fullmatch(text[tokens[j - 1][1] : tokens[j][0]]):
                break
            languages = languages & _languages(words[j : j + read[1]])
            if not languages:  # a number word of another language: Italian `due` after English digits
                break
            digits += read[0]
            count += 1
            j += read[1]
        lone_everyday_word = count == 1 and j == first + 1 and _everyday(words[first])
        if count >= 3 or (
            count >= 1
            and not lone_everyday_word
            and _touches_digits(text, tokens[first][0], tokens[j - 1][1])
        ):
            runs.append((tokens[first][0], tokens[j - 1][1], ("+" if plus else "") + digits))
            i = j
        else:
            i += 1
    if not runs:
        return None
    return _rewrite(text, runs)


def _plus_before_number(words: list[str], i: int) -> bool:
    """Whether word i is a word for "plus" followed by a number word of one of its languages."""
    if words[i] not in _PLUS or i + 1 >= len(words):
        return False
    after = _LANGUAGES_OF.get(words[i + 1])
    return after is not None and bool(after & _LANGUAGES_OF[words[i]])


def _languages(words: list[str]) -> frozenset[str]:
    """The languages the words of one number are number words of together (digits are of any)."""
    languages = _ANY_LANGUAGE
    for word in words:
        if not word.isdigit():
            languages = languages & _LANGUAGES_OF[word]
    return languages


def _everyday(word: str) -> bool:
    """Whether a digit word is an everyday word too: one of the other languages', not English or French."""
    return word in _DIGIT_WORDS and word not in _UNITS


def _touches_digits(text: str, start: int, end: int) -> bool:
    """True when a short run of words continues a number written in digits (`+44 seven four ...`)."""
    return bool(_DIGIT_BEFORE_RE.search(text[max(0, start - 3) : start])) or bool(
        _DIGIT_AFTER_RE.match(text[end : end + 3])
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
