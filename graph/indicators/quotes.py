"""The spans of an advert's text that stand inside quote marks.

News, warnings and charities quote smugglers' adverts ("one advert promised 'guaranteed arrival'",
« arrivée garantie », „Zahlung bei Ankunft“, «صد در صد تضمینی»): the jargon is there, but as someone
else's words. An offer speaks for itself and rarely quotes its own terms, so a smuggling term inside
quotes says less about the text that holds it (graph.indicators.score). Quote marks of every script
the lexicons cover are read: « » ‹ › „ “ ” ‚ ‘ ’ 「 」 『 』 and the straight " and '. An apostrophe
inside a word ("l'arrivée", "don't", "Van'dan") is not a quote: a single quote opens only before a word
it does not continue, and closes only after one. One pass, one quote open at a time, and a quote left
open for longer than MAX_LENGTH characters is dropped: linear in the text.
"""

from __future__ import annotations

import re

# Opening marks and the marks that close each.
PAIRS = {
    "«": "»",
    "‹": "›",
    "»": "«",
    "„": "“”",
    "“": "”“",
    "”": "”",
    "‚": "‘’",
    "‘": "’",
    "「": "」",
    "『": "』",
    '"': '"',
    "'": "'’",
}
# Marks that are apostrophes too: they open or close a quote only at a word's edge.
APOSTROPHES = frozenset("'‘’‚")
# A quotation longer than this is more likely an unmatched mark than a quote.
MAX_LENGTH = 400
# Every mark that opens or closes a quote.
MARKS = re.compile("[" + re.escape("".join(sorted(set(PAIRS).union(*PAIRS.values())))) + "]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of `text` inside quote marks, marks included, in text order.

    Only the marks are looked at, found by one pattern in C: a text without any costs one scan, and
    what lies between two marks can neither open nor close a quote (a quote left open too long is
    dropped when the next mark is read, as it would be at any character before it)."""
    spans = []
    opened: str | None = None
    start = 0
    for mark in MARKS.finditer(text):
        index, char = mark.start(), mark.group()
        if opened is not None and index - start > MAX_LENGTH:
            opened = None
        if opened is not None:
            if char in PAIRS[opened] and (char not in APOSTROPHES or _closes(text, index)):
                spans.append((start, index + 1))
                opened = None
            continue
        if char in PAIRS and (char not in APOSTROPHES or _opens(text, index)):
            opened, start = char, index
    return spans


def _opens(text: str, index: int) -> bool:
    """Whether a single quote at `index` opens a quote: after no letter, before one."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _closes(text: str, index: int) -> bool:
    """Whether a single quote at `index` closes a quote: after a letter or a stop, before no letter."""
    after = text[index + 1] if index + 1 < len(text) else " "
    return not after.isalnum()


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `start:end` lies inside one of `spans` (sorted, not overlapping)."""
    low, high = 0, len(spans)
    while low < high:
        middle = (low + high) // 2
        if spans[middle][1] <= start:
            low = middle + 1
        else:
            high = middle
    return low < len(spans) and spans[low][0] <= start and end <= spans[low][1]
