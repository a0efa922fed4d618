"""Phone numbers: `phone:+<E.164>`, only for numbers libphonenumber says are valid.

The country of a number is never guessed. A number is international when it says so (`+`, `00`, or a
bare international number right after a WhatsApp/Viber/Telegram/Signal word); a national-format
number needs the advert's region or a country named right next to it. Prices, dates, times,
coordinates and reference numbers are blanked before the search so their digits cannot join a phone.
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import ClassVar, NamedTuple

import phonenumbers

from graph.identifiers.base import Identifier, IdentifierType
from graph.identifiers.countries import Places
from graph.identifiers.document import BLANK, Document, fold
from graph.identifiers.numbershape import may_be_international, may_be_national
from graph.identifiers.numberwords import spell_out

# A run of digit groups with separators between them; `+` may open it, `(0)` may sit inside it. Adverts
# also part the groups with a tick, a bullet or a star (`07 ✅ 538 ✅ 216`), emoji or not (U+FE0F).
_SEP = r"[ \t\r\n.\-/\\()_·•~,✅✔☑▪▫●◾◽⭐★🔹🔸➖\ufe0f]"
# Spaces may stand between the `+` and the digits, and only there: a run may not begin with spaces,
# which would make every space of a long blank stretch a start to try. A run opened by `+` may follow a
# word's last letter (`WhatsApp+44…`, `واتساب+218…`: a label glued to the number); one of digits may not.
_RUN_RE = re.compile(
    r"(?:(?<![\w+])|(?<=[^\W\d_])(?=\+))(?:\+[ \t]*)?\(?\d(?:\d|" + _SEP + r"{1,4}(?=\(?\d))*\d\)?"
)
_GROUP_RE = re.compile(r"\d+")
_DIGIT_RE = re.compile(r"\d")
# The fewest and most digits a number may have, trunk or international prefix included.
_MIN_DIGITS = 6
_MAX_DIGITS = 17
# A text holding a number's worth of digits, found without listing every digit.
_ENOUGH_DIGITS_RE = re.compile(r"\d(?:\D*\d){" + str(_MIN_DIGITS - 1) + "}")

# O/o for 0 and l/I for 1, rewritten only inside runs that are mostly real digits ("O6 l8 ll 57 47").
_LOOKALIKE_RUN_RE = re.compile(r"(?<![^\W\d_])[0-9OolI]+(?:[ .\-]{1,2}[0-9OolI]+)*(?![^\W\d_])")
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
# A lone letter between groups ("call me I 07…", "8194 l") is a word, not a digit.
_LOOKALIKE_TOKEN_RE = re.compile(r"[0-9OolI]{2,}|\d")
_LOOKALIKE_MIN_DIGITS = 5
_LOOKALIKE_HINT_RE = re.compile(r"\d[ .\-]{0,2}[OolI]|[OolI][ .\-]{0,2}\d")
_LOOKALIKE_HINT_REACH = 3  # how far from a digit a hint reaches

# Spans that look like digits but are something else; blanked before the search.
_CURRENCY = (
    r"€|\$|£|¥|₺|₫|﷼|eur|euros?|usd|gbp|dollars?|pounds?|livres?|lira|lirasi|tl|dinars?|dt|tnd|lyd|dzd|"
    r"vnd|đ|dong|đồng|triệu|afn|afghanis?|tomans?|rials?|lek|lekë|leke|kr|sek|k|"
    r"تومان|ريال|ریال|دينار|دینار|يورو|یورو|دولار|ليرة|لیره|جنيه|درهم|مليون|هزار|ملیون"
)
# A date is not part of a longer dotted or dashed run (06.12.34.56.78 is a phone, not 6 Dec 2034), nor
# the second line of a number broken across two lines, nor right after a + ("+33.7.95" is a number).
_DATE = r"(?<!\w)(?<![+(])(?<!\+ )(?<!\d[./-])(?<!\d\n)(?<!\d\n\n)(?<!\d\r\n)(?<!\d \n)"
_DATE_END = r"(?![\w]|[./-]\d)"
# A digit not preceded by a word character opens an amount; the look-behind is asked after the digit so
# that the search can skip to the next digit at once.
_AMOUNT_RE = re.compile(r"\d(?<!\w\d)\d*(?:[.,' ]\d{3}(?!\d))*(?:[.,]\d{1,2}(?!\d))?")
# Dates, times and coordinates all start with a few digits (a minus sign before a coordinate's) and a
# separator: the look-ahead passes over any other position at once (most digits of a phone number),
# before the look-behinds of each alternative are tried there.
_DATE_TIME_PLACE_RE = re.compile(
    r"(?=-?\d{1,4}(?:[./:h-]|\s[:h]))(?:"
    + "|".join(
        (
            _DATE + r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})" + _DATE_END,  # 05/11/2024, 5.11.24
            _DATE + r"\d{4}[./-]\d{1,2}[./-]\d{1,2}" + _DATE_END,  # 2024-11-05
            _DATE + r"\d{1,2}/\d{1,2}(?![\w/]|[./-]\d)",  # 31/8, a day without its year
            r"(?<![\w])\d{1,2}\s?[:h]\s?\d{2}(?![\w])",  # 14:30, 6h30
            r"-?\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}",  # 36.8065, 10.1815
        )
    )
    + ")"
)


def _starts(*alternations: str) -> str:
    """A character class of the characters the words of `|`-separated alternations start with.

    Put before an alternation as a look-ahead, it skips a position whose character starts none of the
    words without trying each word there (under IGNORECASE the engine cannot skip a word on its first
    letter). Every word here starts with a character, or an escaped sign, not a pattern.
    """
    starts = set()
    for word in "|".join(alternations).split("|"):
        escaped = word.startswith("\\")
        first = word[1:2] if escaped else word[:1]
        if not first or (first.isalnum() if escaped else first in "()[].?*+{}^$"):
            raise ValueError(f"{word!r} does not start with a character")
        starts.add(first)
    return "[" + "".join(re.escape(first) for first in sorted(starts)) + "]"


def _longest(alternation: str) -> int:
    """How many characters the longest word of a `|`-separated alternation matches.

    Every word is written in characters and escaped signs, a `?` making the one before it optional.
    """
    longest = 0
    for word in alternation.split("|"):
        if not re.fullmatch(r"(?:(?:\\\W|[^\\()\[\]{}.*+?^$|])\??)+", word):
            raise ValueError(f"{word!r} is not written in characters")
        longest = max(longest, len(word.replace("\\", "").replace("?", "")))
    return longest


_CURRENCY_STARTS = _starts(_CURRENCY)
# How far back from an amount a currency written before it can begin: the sign before the currency,
# the currency, a space and the line end `$` may stand before.
_CURRENCY_REACH = 1 + _longest(_CURRENCY) + 1 + 1
_CURRENCY_BEFORE_RE = re.compile(
    r"(?:^|[^\w])(?=" + _CURRENCY_STARTS + r")(?:" + _CURRENCY + r")\s?$", re.IGNORECASE
)
_CURRENCY_AFTER_RE = re.compile(
    r"\s?(?=" + _CURRENCY_STARTS + r")(?:" + _CURRENCY + r")(?![^\W\d_])", re.IGNORECASE
)
# Labels of numbers that are never phones: receipts, invoices, tax and company numbers, advert ids.
_REFERENCE_LABELS = (
    r"ref|réf|id|invoice|receipt|ticket|tracking|vat|card|acct|facture|reçu|dossier|siret|siren|tva|"
    r"fattura|p\.\s?iva|partita\s+iva|iva|cap|ilan|fatura|dekont|vergi|hóa đơn|faturë|"
    r"mã đơn hàng|mã đơn|mã đặt chỗ|mã vé|mã|"
    r"الإيصال|إيصال|ايصال|الوصل|وصل|فاتورة|الفاتورة|رسید|فاکتور|وەسڵ|پسوولە|پسوڵە|فاتورە"
)
# Labels that may also mean "to order, call ..." and so only count with a number word after them.
_ORDER_LABELS = (
    r"order|booking|reservation|commande|réservation|ordine|prenotazione|sipariş|siparis|rezervasyon|"
    r"đơn hàng|mã đơn|porosi|porosisë|الطلب|طلب|الحجز|حجز|سفارش|رزرو"
)
_NUMBER_WORD = r"no\.?|nr\.?|n°|num\.?|number|numara|numarası|numéro|numero|số|رقم|شماره|ژمارەی|ژمارە|#"
# The number word comes after the label in some languages (order no.) and before it in others
# (numéro de réservation, رقم الحجز, ژمارەی پسوڵە).
_REFERENCE_BEFORE_RE = re.compile(
    r"(?=" + _starts(_REFERENCE_LABELS, _ORDER_LABELS, _NUMBER_WORD) + r")"
    r"(?:#|(?<!\w)(?:" + _REFERENCE_LABELS + r")(?:\s*(?:" + _NUMBER_WORD + r"))?"
    r"|(?<!\w)(?:" + _ORDER_LABELS + r")\s*(?:" + _NUMBER_WORD + r")"
    r"|(?<!\w)(?:" + _NUMBER_WORD + r")\s+(?:de\s+(?:la\s+)?|d'|di\s+)?(?:" + _ORDER_LABELS + r"))"
    r"\s*[:#№]?\s*$",
    re.IGNORECASE,
)
_REFERENCE_RE = re.compile(r"\d[\d\-/]*\d")
_HASH_BEFORE_RE = re.compile(r"#\s*[:#№]?\s*$")
_ASCII_SIGNS = frozenset(string.punctuation)
# Signs that neither end a label or currency (`_may_end_in_word`) nor may stand after a `#` label, and
# are not stripped before a label is looked for.
_SIGNS_BEFORE_NOTHING = _ASCII_SIGNS - set("$#:.")
# Every cue word is written in letters.
_LETTER_RE = re.compile(r"[^\W\d_]")
_LOOK_BEHIND = 24

# Words after which a bare international number (no + or 00) is read as one.
_INTL_CUE_RE = re.compile(
    r"whats\s?app|wats\s?app|whatsap|watsap|wh?ats?up|(?<!\w)wa(?!\w)|viber|telegram|signal|imo|botim|zalo|"
    r"واتساب|واتس\s?اب|واتس|وتساب|واتساپ|واتسپ|واتسئاپ|وەتسئاپ|واټساپ|وایبر|فايبر|فایبر|ڤایبەر|تلگرام|تلغرام|"
    r"تيليجرام|تێلێگرام|ټیلیګرام|سيجنال|سیگنال|ایمو|ዋትስኣፕ|ዋትስአፕ|ቫይበር|ቴሌግራም",
    re.IGNORECASE,
)
_CUE_WINDOW = 30
# A bare international number carries its country code: fewer digits than this is a national number.
_MIN_BARE_INTERNATIONAL = 10
# How close a flag or country name must be to count as naming the number itself ...
_BESIDE = 12
# ... and how far before and after it a name (a city too) still counts, after the advert's region.
_NEAR_BEFORE = 40
_NEAR_AFTER = 25


class Phone(IdentifierType):
    """Phone numbers in any writing, validated by libphonenumber and keyed by E.164."""

    name = "phone"
    kind = "phone"
    # A WhatsApp or Viber link pasted as a phone names its number, as it does in an advert.
    read_in_context = True
    needs: ClassVar[Mapping[str, str]] = {"region": 'a national number needs its region (e.g. region: "GB")'}

    def find(self, doc: Document) -> Iterator[Identifier]:
        base = doc.masked()
        spelled = spell_out(base)
        if spelled is None and not _ENOUGH_DIGITS_RE.search(base):
            return
        prepared = _prepare(base, spelled)
        for start, end, number in self._numbers(prepared.text, doc.region, prepared.stretch):
            d_start, d_end = prepared.to_doc(start), prepared.to_doc(end)
            doc.claim(d_start, d_end)
            span = doc.original_span(d_start, d_end)
            yield _identifier(number, span, doc.original[span[0] : span[1]].strip(), "text")

    def _numbers(
        self, text: str, region: str | None, stretch: tuple[int, int]
    ) -> Iterator[tuple[int, int, _Number]]:
        context = _Context(text, region)
        for run in _runs(text, stretch):
            plus = text.startswith("+", run.start)  # a run opens with its `+`, a `(` or a digit
            yield from _split(context, run, run.start if plus else None)

    def clean(self, raw: str, *, region: str | None = None, platform: str | None = None) -> Identifier | None:
        folded, _ = fold(raw.strip())
        spelled = spell_out(folded)
        if spelled:
            folded = spelled[0]
        digits = re.sub(r"\D", "", folded.translate(_LOOKALIKE))
        if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
            return None
        plus = folded.lstrip().startswith("+")
        number = None
        if plus:
            number = _parse_international(digits)
        elif digits.startswith("00"):
            number = _parse_international(digits[2:])
        if number is None and region:
            number = _parse_national(digits, region.upper())
        if number is None and not plus:
            number = _parse_international(digits)
        return _identifier(number, (0, len(raw)), raw.strip(), "clean") if number else None


class _Prepared(NamedTuple):
    """A text made ready for the search: its digits' stretch (`_digit_stretch`, a bound on it once
    numbers are blanked, which only takes digits away) and the map of its offsets to the document's."""

    text: str
    stretch: tuple[int, int]
    offsets: list[int] | None

    def to_doc(self, i: int) -> int:
        return i if self.offsets is None else self.offsets[i]


def _prepare(text: str, spelled: tuple[str, list[int]] | None) -> _Prepared:
    """Spell out number words (`spelled`: `spell_out(text)`), fix look-alike letters, blank non-phone
    numbers; map offsets back."""
    if spelled is None:
        prepared, offsets = text, None
    else:
        prepared, offsets = spelled
    stretch = _digit_stretch(prepared)
    if _may_hold_lookalikes(prepared, stretch):
        prepared = _LOOKALIKE_RUN_RE.sub(_unmask_lookalikes, prepared)
        stretch = _digit_stretch(prepared)
    return _Prepared(_blank_non_phones(prepared, stretch), stretch, offsets)


def _blank_non_phones(text: str, stretch: tuple[int, int]) -> str:
    """Blank dates, times, coordinates, amounts of money and reference numbers, keeping offsets.

    Every such span starts with a digit, so the search walks digit runs and looks a few characters
    around each for a currency or a reference label, rather than trying every word at every position.
    `stretch` is the text's `_digit_stretch`.
    """
    first, stop = stretch
    # A coordinate may open with its minus sign; the end of a date looks two characters ahead.
    spans = [m.span() for m in _DATE_TIME_PLACE_RE.finditer(text, max(0, first - 1), stop + 2)]
    for match in _AMOUNT_RE.finditer(text, first, stop):
        start, end = match.span()
        before = "" if _within_digits(text, start) else text[max(0, start - _LOOK_BEHIND) : start]
        if before and _ends_in_currency(before):
            spans.append((start, end))
        elif after := _CURRENCY_AFTER_RE.match(text, end):
            spans.append((start, after.end()))
        elif before and _ends_in_reference_label(before):
            reference = _REFERENCE_RE.match(text, start)
            spans.append(reference.span() if reference else (start, end))
    return _blanked(text, spans) if spans else text


def _within_digits(text: str, start: int) -> bool:
    """Whether an amount follows a sign (`+33-6-…`), or a digit or sign and a space (`077 729 …`,
    `+33 - 6 …`), as it does inside a number written in groups: no currency or reference label then
    ends right before it (`_may_end_in_word` says no to what is left once the space is stripped, and
    no `#` stands there), so the patterns need not be searched for."""
    sign = text[start - 1 : start]
    if sign in _SIGNS_BEFORE_NOTHING:
        return True
    if start < 2 or sign not in (" ", "\t", "\r", "\n"):
        return False
    before = text[start - 2]
    return before.isdigit() or before in _SIGNS_BEFORE_NOTHING


def _digit_stretch(text: str) -> tuple[int, int]:
    """Where the first digit of the text stands and where its last ends; (0, 0) without digits.

    Dates, amounts and runs of digits lie within a few characters of this stretch, so their searches
    start and stop there: in an advert the digits are often a short part of the text, its contact
    line. A search from a later start still sees the text before it through its look-behinds.
    """
    first = _DIGIT_RE.search(text)
    last = _DIGIT_RE.search(text[::-1])
    if first is None or last is None:
        return 0, 0
    return first.start(), len(text) - last.start()


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span (they may overlap) written over, joined from slices.

    Written over in the document's blank, not in spaces: a space is a separator inside a number, so a
    run would bridge a blanked amount and join the digits on both sides of it ("3420,000 0£00" is not
    the number 3420 000 00)."""
    pieces: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if end > done:
            start = max(start, done)
            pieces += (text[done:start], BLANK * (end - start))
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _ends_in_currency(before: str) -> bool:
    """Whether a currency is written right before an amount (`€ 500`, `usd500`).

    Only the last characters of `before` can hold one (`_CURRENCY_REACH`), so the search starts there;
    `^` still means the start of `before`, which is that far back only when `before` is that short.
    """
    return _may_end_in_word(before.rstrip()) and bool(
        _CURRENCY_BEFORE_RE.search(before, max(0, len(before) - _CURRENCY_REACH))
    )


def _ends_in_reference_label(before: str) -> bool:
    """Whether a reference label stands right before a number (`ref: 5567`, `#5567`, `n° 5567`)."""
    if "#" in before and _HASH_BEFORE_RE.search(before):
        return True
    return _may_end_in_word(before.rstrip(" \t\r\n:#№.")) and bool(_REFERENCE_BEFORE_RE.search(before))


def _may_end_in_word(text: str) -> bool:
    """False when `text` ends in a digit or an ASCII sign other than `$`, as no label or currency does.

    Asked before the label patterns, which try every position of the text before each amount, so that
    a long run of digits and separators (`#7#7…`, a timetable) is not searched once per number in it.
    """
    last = text[-1:]
    return bool(last) and not last.isdigit() and (last == "$" or last not in _ASCII_SIGNS)


def _may_hold_lookalikes(text: str, stretch: tuple[int, int]) -> bool:
    """Whether a look-alike letter stands beside a digit, searched only around the digits' stretch
    (`stretch`, the text's `_digit_stretch`)."""
    first, stop = stretch
    reach = _LOOKALIKE_HINT_REACH
    return bool(_LOOKALIKE_HINT_RE.search(text, max(0, first - reach), stop + reach))


def _unmask_lookalikes(match: re.Match[str]) -> str:
    run = match.group()
    digits = sum(c.isdigit() for c in run)
    letters = sum(c in "OolI" for c in run)
    if letters == 0 or digits < _LOOKALIKE_MIN_DIGITS or letters > digits:
        return run
    return _LOOKALIKE_TOKEN_RE.sub(lambda token: token.group().translate(_LOOKALIKE), run)


def _runs(text: str, stretch: tuple[int, int]) -> Iterator[_Run]:
    """The runs of digit groups that hold a number's worth of digits, searched for only within the
    digits' stretch (`stretch`, the text's `_digit_stretch` or wider: it may also start before the first
    digit and end after the last) and the `+`, spaces and `(` that may open a run before it."""
    first, stop = stretch
    begin = len(text[:first].rstrip("+( \t"))
    for match in _RUN_RE.finditer(text, begin, stop + 1):  # a `)` may close a run after its last digit
        if match.end() - match.start() >= _MIN_DIGITS:
            run = _Run(text, match)
            if len(run.digits) >= _MIN_DIGITS:
                yield run


class _Run:
    """One run of digit groups, with the digits of any window of consecutive groups a slice away."""

    def __init__(self, text: str, run: re.Match[str]) -> None:
        self.start = run.start()
        self.spans = [group.span() for group in _GROUP_RE.finditer(text, run.start(), run.end())]
        self.digits = "".join(_GROUP_RE.findall(text, run.start(), run.end()))
        # reach[k]: how many digits groups 0..k-1 hold, so groups i..j-1 are digits[reach[i]:reach[j]].
        self.reach = [0, *itertools.accumulate(end - start for start, end in self.spans)]

    def windows(self, i: int) -> range:
        """The ends j of the windows i..j-1 that hold a number's worth of digits."""
        first = bisect.bisect_left(self.reach, self.reach[i] + _MIN_DIGITS, i + 1)
        last = bisect.bisect_right(self.reach, self.reach[i] + _MAX_DIGITS, i + 1) - 1
        return range(first, last + 1)

    def window(self, i: int, j: int) -> str:
        return self.digits[self.reach[i] : self.reach[j]]


def _split(context: _Context, run: _Run, plus_at: int | None) -> Iterator[tuple[int, int, _Number]]:
    """Cut a run of digit groups into valid numbers, longest valid prefix first.

    `plus_at` is where the run's `+` stands, when it has one; it belongs to the first group only.
    A window holds at most `_MAX_DIGITS` digits, so each group starts a bounded number of windows and
    a run of any length is cut in time proportional to its groups.
    """
    i = 0
    while i < len(run.spans):
        plus = plus_at if i == 0 else None
        found = _longest_from(context, run, i, plus)
        if found is None:
            i += 1
            continue
        j, number = found
        yield plus if plus is not None else run.spans[i][0], run.spans[j - 1][1], number
        i = j


def _longest_from(context: _Context, run: _Run, i: int, plus_at: int | None) -> tuple[int, _Number] | None:
    """The longest window of groups starting at group i that is a valid number: (its end, number)."""
    ends = run.windows(i)
    if not ends:
        return None
    start = plus_at if plus_at is not None else run.spans[i][0]
    if plus_at is None and not context.may_start(run.window(i, ends[-1]), start, run.spans[ends[-1] - 1][1]):
        return None
    for j in reversed(ends):
        number = context.resolve(run.window(i, j), plus_at is not None, start, run.spans[j - 1][1])
        if number is not None:
            return j, number
    return None


class _Context:
    """What surrounds the candidates of one text, looked up once however many candidates ask.

    The places the text names are indexed once (`Places`), and whether a messaging app's name stands
    before a position is remembered per position, since every window starting there asks again.
    """

    def __init__(self, text: str, region: str | None) -> None:
        self.text = text
        self.region = region
        self._beside: Places | None = None
        self._near: Places | None = None
        self._cued: dict[int, bool] = {}

    def resolve(self, digits: str, plus: bool, start: int, end: int) -> _Number | None:
        """The valid number these digits are, given how they were written and what surrounds them."""
        if plus:
            return _parse_international(digits)
        if digits.startswith("00"):
            return _parse_international(digits[2:])
        for candidate in self._regions(start, end):
            if _writes_national(digits, candidate):
                number = _parse_national(digits, candidate)
                if number is not None:
                    return number
        if not digits.startswith("0") and len(digits) >= _MIN_BARE_INTERNATIONAL and self._cue_before(start):
            return _parse_international(digits)
        return None

    def may_start(self, digits: str, start: int, end: int) -> bool:
        """False when no window of these digits from `start` (to `end` at most) can be read as a number.

        Every window from one start shares its first digits, so the trunk prefix, the `00` and the cue
        word before it are asked once for all of them; where no place is named near any of them, the
        advert's region is the only one to try. Most starts in a long run of digits end here.
        """
        if digits.startswith("00"):
            return True
        if self._named_near(start, end):
            return True
        if self.region and _writes_national(digits, self.region):
            return True
        return (
            not digits.startswith("0") and len(digits) >= _MIN_BARE_INTERNATIONAL and self._cue_before(start)
        )

    def _named_near(self, start: int, end: int) -> bool:
        """Whether a place is named close enough to any window in [start, end) to count for it."""
        return self._places()[1].named_within(start - _NEAR_BEFORE, end + _NEAR_AFTER)

    def _places(self) -> tuple[Places, Places]:
        if self._beside is None or self._near is None:
            self._beside, self._near = Places.without_and_with_cities(self.text)
        return self._beside, self._near

    def _regions(self, start: int, end: int) -> list[str]:
        """A flag or country name right beside the number says more than where the advert was
        collected; the advert's region comes next, then names (cities too) a little further away."""
        if not self._named_near(start, end):
            return [self.region] if self.region else []
        beside, near = self._places()
        regions = beside.near(start, end, before=_BESIDE, after=_BESIDE)
        if self.region:
            regions.append(self.region)
        return regions + near.near(start, end, before=_NEAR_BEFORE, after=_NEAR_AFTER)

    def _cue_before(self, start: int) -> bool:
        cued = self._cued.get(start)
        if cued is None:
            reach = max(0, start - _CUE_WINDOW)
            cued = bool(
                _LETTER_RE.search(self.text, reach, start) and _INTL_CUE_RE.search(self.text, reach, start)
            )
            self._cued[start] = cued
        return cued


@lru_cache(maxsize=512)
def _national_prefix(region: str) -> str | None:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return metadata.national_prefix if metadata else None


def _writes_national(digits: str, region: str) -> bool:
    """A national number must start with its trunk prefix where the country has one (the 0 of 07...).

    North America is the exception: its trunk prefix 1 is usually left out, `(713) 647-3738`.
    """
    prefix = _national_prefix(region)
    return not prefix or prefix == "1" or digits.startswith(prefix)


class _Number(NamedTuple):
    """A valid number as an identifier names it, worked out once per parse: the same numbers recur
    across many adverts, and their parses are remembered."""

    e164: str
    country: str | None


@lru_cache(maxsize=65536)
def _parse_international(digits: str) -> _Number | None:
    if not may_be_international(digits):
        return None
    return _valid("+" + digits, None)


@lru_cache(maxsize=65536)
def _parse_national(digits: str, region: str) -> _Number | None:
    if not may_be_national(digits, region):
        return None
    return _valid(digits, region)


def _valid(raw: str, region: str | None) -> _Number | None:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return _Number(e164, phonenumbers.region_code_for_number(number))


def _identifier(number: _Number, span: tuple[int, int], value: str, rule: str) -> Identifier:
    return Identifier(
        kind="phone",
        key=f"phone:{number.e164}",
        value=value or number.e164,
        span=span,
        rule=rule,
        country=number.country,
    )
