"""Prices in an advert that no lexicon can list: an amount with its currency, and whether it is asked of
each person ("1500€ per person", "kişi başı 2000 euro", "۵۰۰۰ دلار برای هر نفر", "5000 đô mỗi người").

A smuggler sells places, so the price is per head; a list of words cannot hold every amount, but the
shape can be read in any script: digits (folded to 0-9 whatever script wrote them), a currency symbol or
word next to them, and a per-person phrase a few words before or after. An amount with its currency
alone is weak evidence (ferries, shops and employers quote prices too); asked per person it is stronger,
though holiday packages and ferry fares are per person too, which the benign words of those adverts
answer. Two amounts joined as a range ("£1,500 to £3,000", "bis zu 5.000 Euro", "بین ۱۵۰۰ تا ۳۰۰۰")
or a ceiling summarise many offers, as reports do: an offer names its price. A price "from" an amount
("ab 899 €", "à partir de") is a catalogue's. Everything here reads the folded text (graph.indicators
.normalise) in a bounded window around each amount: linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.indicators.match import Hit
from graph.indicators.normalise import Folded, fold_term

# Currency symbols, and currency words as adverts write them after (or before) an amount, in the
# lexicons' languages: euro, dollar, pound, lira, dinar, dirham, franc, lek, toman, afghani, nakfa, birr,
# Vietnamese dong and its "million", and the "k" of thousands when a currency follows.
SYMBOLS = "€$£₺₤¥₼"
CURRENCY_WORDS = (
    "euro euros eur evro avro euroja eurot dollar dollars usd dolar dolari dollari dollare dollar's "
    "dolares dollaro dollaru pound pounds gbp quid sterling sterline sterlin sterlina pfund paund paunde "
    "livres lira lire tl dinar dinars dinari dinara dirham dirhams dh franken franchi francs franc chf "
    "lek leke leka toman afghani afs birr nakfa do dong vnd trieu bang ευρω ευρωπαικα δολαρια δολαριο "
    "λιρες λιρα يورو اورو دولار دلار دالر ډالر دۆلار دولار جنيه جنیه دینار دنانیر درهم دراهم لیره لیر ليرة "
    "پوند پونډ پاوند باوند تومان تومن افغانی افغانۍ ریال یۆرۆ یورۆ دیناری ዶላር ዩሮ ኤውሮ ፓውንድ ናቕፋ ብር"
).split()
# Words for "price" that make the number after them a price, with no currency written ("Prix 1700",
# "çmimi 2500", "قیمت ۸۰۰").
PRICE_WORDS = (
    "price|prix|preis|prezzo|costo|cost|kosten|fiyat|fiyati|ucret|cmimi|cmim|τιμη|qimat|gheymat|qeymat|"
    "قیمت|السعر|سعر|بسعر|نرخ|نرخی|بیه|biha|bihaye|gia|ዋጋ"
).split("|")
# Phrases that ask a price of each person, in the lexicons' languages ("|" between phrases).
PER_PERSON = (
    "per person|per head|a head|a person|each|per pax|pp|per adult|/person|per passenger|par passager|"
    "pro passagier|a passeggero|per passeggero|yolcu basi|ανα επιβατη|par personne|par tete|"
    "par pers|chacun|la personne|/pers|pro person|pro kopf|je person|p.p.|pro erwachsener|a testa|"
    "a persona|per persona|cadauno|a cranio|kisi basi|kisi basina|kisilik|kisi|adam basi|per koke|"
    "per fryme|per njeri|personi|το ατομο|ανα ατομο|το κεφαλι|ανα κεφαλη|to atomo|ana atomo|للشخص|"
    "للفرد|للنفر|لكل شخص|لكل فرد|لكل نفر|على الراس|عالراس|للراس|عن الشخص|للواحد|الشخص|النفر|"
    "برای هر نفر|هر نفر|نفری|برای هر کس|هر شخص|سرانه|فی نفر|د هر نفر|یو کس|هر کس|بۆ هەر کەسێک|"
    "هەر کەسێک|بۆ هەر کەس|بۆ کەسێک|ji bo her kesi|her kes|her kesi|sere kesi|ji bo kesekî|moi nguoi|"
    "mot nguoi|/nguoi|1 nguoi|dau nguoi|moi suat|ንሓደ ሰብ|ነፍሲ ወከፍ|ሓደ ሰብ|ንነፍሲ ወከፍ"
).split("|")
# Words right before an amount that make it a range's end or a ceiling ("up to", "between").
CEILING = (
    "up to|as much as|between|jusqu'a|entre|bis zu|zwischen|fino a|tra|fra|arasi|deri ne|midis|εως|"
    "μεχρι|εως και|μεταξυ|حتى|بين|تصل الى|بین|تا|تر|حتی|لە نێوان|heta|di navbera|len den|ክሳብ"
).split("|")
# Words that join two amounts into a range ("1500-2000", "£1,500 to £3,000").
RANGE_JOIN = "-|to|a|à|bis|et|and|e|und|ve|ile|deri|ne|και|تا|الى|و|den|đến|ክሳብ".split("|")
# Words right before an amount that make it a catalogue's starting price ("ab 899 €", "dès 49 €").
FROM = "from|starting at|ab|schon ab|a partire da|da|a partir de|des|από|apo|itibaren|nga|tu|chi tu|از".split(
    "|"
)
# How far from the amount (in folded characters) a per-person phrase or a range word may be.
WINDOW = 28
NEAR = 12
# A concrete amount says something is sold: weak, but as much as the weakest anchor of an offer
# (graph.indicators.score.ANCHOR_WEIGHT), which a generic "per person" without an amount is not.
ALONE_WEIGHT = 0.2
PER_PERSON_WEIGHT = 0.35
# A range, a ceiling or a "from" price is a summary or a catalogue's: weaker than any lone price.
CATALOGUE_WEIGHT = 0.1

# Currency codes that may also stand before an amount ("usd 500"); the other words only follow one.
PREFIX_WORDS = ("eur", "usd", "gbp", "chf", "tl")
AMOUNT = r"\d{1,3}(?:[.,' \u066c]\d{3}){1,4}(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,2})?(?: ?k(?!\w))?"
SENTENCE_ENDS = frozenset(".!?\n؟።")
SENTENCE_END = re.compile("[" + re.escape("".join(sorted(SENTENCE_ENDS))) + "]")
DIGIT = re.compile(r"\d")  # as AMOUNT reads a digit


@dataclass(frozen=True, slots=True)
class Price:
    """An amount with its currency in the folded text, the span taken in, and its weight as evidence."""

    start: int
    end: int
    weight: float
    per_person: bool


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """The folded phrases as one group, longest first, behind a look-ahead for their first characters:
    the same matches, but a place where no phrase starts is refused by one test, not one per phrase
    (the amount pattern backtracks over every digit of a number, trying the currency words each time)."""
    folded = sorted({fold_term(phrase) for phrase in phrases if fold_term(phrase)}, key=len, reverse=True)
    firsts = "".join(re.escape(char) for char in sorted({phrase[0] for phrase in folded}))
    return f"(?=[{firsts}])(?:" + "|".join(re.escape(phrase) for phrase in folded) + ")"


@cache
def patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The compiled patterns: money, a per-person phrase, a ceiling before, a range join, a "from"."""
    symbols = re.escape(SYMBOLS)
    words = _alternation(CURRENCY_WORDS)
    # A currency word may be glued to its amount ("2500euro", "3000dh"), never to a letter.
    currency = rf"(?:[{symbols}]|(?<![^\W\d])(?:{words})(?!\w))"
    prefix = rf"(?:[{symbols}]|(?<!\w)(?:{_alternation(PREFIX_WORDS)})(?!\w))"
    priced = rf"(?:{_alternation(PRICE_WORDS)}) ?[:=]? ?(?:{AMOUNT})(?: ?{currency})?"
    # No match starts right after a letter or digit (an amount not after a point or comma either), and
    # every match starts with a digit, a symbol, or a currency code's or price word's first letter: two
    # tests, shared, refuse most places of a text at once.
    starts = {fold_term(word)[0] for word in (*PREFIX_WORDS, *PRICE_WORDS)} | set(SYMBOLS)
    first = r"[\d" + "".join(re.escape(char) for char in sorted(starts)) + "]"
    money = re.compile(
        rf"(?<!\w)(?={first})"
        rf"(?:(?<![.,])(?:{prefix} ?(?:{AMOUNT})|(?:{AMOUNT}) ?{currency}(?: ?(?:{words})(?!\w))?)(?!\w)"
        rf"|{priced}(?!\w))"
    )
    edge = r"(?<!\w){}(?!\w)"
    per_person = re.compile(edge.format(f"(?:{_alternation(PER_PERSON)})"))
    ceiling = re.compile(edge.format(f"(?:{_alternation(CEILING)})") + r"[^\w]{0,3}$")
    join = re.compile(r"^[^\w]{0,3}(?:" + _alternation(RANGE_JOIN) + r")?[^\w]{0,3}$")
    start = re.compile(edge.format(f"(?:{_alternation(FROM)})") + r"[^\w]{0,3}$")
    return money, per_person, ceiling, join, start


@cache
def lead() -> int:
    """How far before its first digit an amount's match may start: a symbol or currency code before the
    amount, or a price word, and the space and colon that may follow them."""
    longest = max(len(fold_term(word)) for word in PREFIX_WORDS)
    return max(1 + 1, longest + 1, max(len(fold_term(word)) for word in PRICE_WORDS) + len(" : "))


def amounts(text: str) -> list[re.Match[str]]:
    """The matches of the money pattern in `text`, as its finditer gives them, the pattern tried only
    from `lead()` characters before the next digit: every match holds a digit that near its start, so
    none starts earlier, and the words before the first digit (often half an advert) are not read."""
    money = patterns()[0]
    found = []
    done = 0
    while (digit := DIGIT.search(text, done)) is not None:
        match = money.search(text, max(done, digit.start() - lead()))
        if match is None:
            break
        found.append(match)
        done = match.end()
    return found


def prices(folded: Folded) -> list[Price]:
    """The amounts with a currency in `folded.text`, each weighed: per person, alone, or a range's or a
    catalogue's (weak). Linear: each test looks at a bounded window around one amount."""
    text = folded.text
    if not DIGIT.search(text):  # every amount has a digit: a text with none is not read further
        return []
    _, per_person, ceiling, join, start = patterns()
    found = amounts(text)
    result = []
    for index, match in enumerate(found):
        begin, end = match.span()
        before = text[max(0, begin - NEAR) : begin]
        ranged = bool(ceiling.search(before))
        if index > 0 and begin - found[index - 1].end() <= NEAR:
            ranged = ranged or bool(join.match(text[found[index - 1].end() : begin]))
        if index + 1 < len(found) and found[index + 1].start() - end <= NEAR:
            ranged = ranged or bool(join.match(text[end : found[index + 1].start()]))
        after = per_person.search(text, end, min(len(text), end + WINDOW))
        ahead = per_person.search(text, max(0, begin - WINDOW), begin)
        marker = after if after and not _crosses(text, end, after.start()) else None
        if marker is None and ahead and not _crosses(text, ahead.end(), begin):
            marker = ahead
        if ranged or start.search(before):
            weight = CATALOGUE_WEIGHT
        else:
            weight = PER_PERSON_WEIGHT if marker else ALONE_WEIGHT
        span_start, span_end = begin, end
        if marker and weight == PER_PERSON_WEIGHT:
            span_start, span_end = min(begin, marker.start()), max(end, marker.end())
        result.append(Price(span_start, span_end, weight, marker is not None))
    return result


def _crosses(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between `start` and `end`: a per-person phrase there belongs elsewhere."""
    return SENTENCE_END.search(text, start, end) is not None  # one scan in C, no slice


def price_hits(text: str, folded: Folded, hits: list[Hit], lang: str | None) -> list[Hit]:
    """`hits` (the lexicon's, in text order) and a `price` hit for each amount with its currency, in
    text order. The hit's term is what the advert wrote, its language the advert's ("und" when unknown).
    A lexicon price term inside a per-person amount ("pro Person" in "800 € pro Person") is the same
    sign, and is left out. Linear: both lists are in text order."""
    added = []
    for price in prices(folded):
        start, end = folded.span(price.start, price.end)
        means = "price per person" if price.weight == PER_PERSON_WEIGHT else "a price with its currency"
        added.append(Hit(text[start:end], "price", lang or "und", start, end, price.weight, means))
    if not added:
        return hits
    kept, index = [], 0
    for hit in hits:
        while index < len(added) and added[index].end <= hit.start:
            index += 1
        covering = index < len(added) and added[index].start <= hit.start and hit.end <= added[index].end
        if not (covering and hit.category == "price"):
            kept.append(hit)
    return sorted(kept + added, key=lambda hit: (hit.start, hit.end))
