"""The wording part of the advert score: what an advert's own words add, beyond the lexicon's terms.

The lexicon finds what it lists, and a new writer sells the same crossing in other words: on labelled
adverts by writers the lexicon was not read against, most missed offers hold a smuggling term or two
but too little to pass the threshold. The learned model (graph.indicators.model) therefore also reads
the advert's wording: each distinct word of the folded text (graph.indicators.normalise), as its
character pieces. A piece is the word with a mark at each end ("<places>") or a run of PIECE_SIZES
characters of it ("<pl", "pla", ..., "es>"), so that "places", "place" and "placé" share most of their
pieces and a word the labelled adverts never used still weighs what its parts do. Each piece is hashed
by CRC-32 (stable across processes, so training and run time agree) to one of the model's buckets,
each with a learned weight, positive towards smuggling and negative towards benign.

A word's weight is the sum of its distinct pieces' weights, and the wording part of an advert is the
sum of its distinct words' weights: so the part is said word by word, and the explanation can name the
words that pushed the score each way, words an analyst finds in the text. Digits are read as 0: the
shape of a price or a phone number says something, its value belongs to one writer. Sums are exact
(math.fsum), so a score never depends on the order a process happens to list a set's words in: two
processes give an advert the same score to the last bit, and a re-run finds it unchanged.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

# A word: a run of letters, digits or underscores; any other visible character (an emoji, a currency
# sign, a mark) is a word of its own.
TOKEN = re.compile(r"\w+|[^\w\s]")
DIGIT = re.compile(r"\d")
# The lengths of the character runs read besides the whole word.
PIECE_SIZES = (3, 4)
# Words whose weight is kept once computed, per model; past this many the memory is cleared (a hostile
# text of a million distinct words must not hold them all).
CACHE_WORDS = 200_000


def words(folded: str) -> set[str]:
    """The distinct words of a folded text, with every digit read as 0."""
    return set(TOKEN.findall(DIGIT.sub("0", folded)))


def pieces(word: str, sizes: Sequence[int] = PIECE_SIZES) -> set[str]:
    """The distinct pieces of one word: itself between marks, and its runs of each size in `sizes`."""
    marked = f"<{word}>"
    found = {marked}
    for size in sizes:
        found.update(marked[i : i + size] for i in range(len(marked) - size + 1))
    return found


def buckets(word: str, count: int, sizes: Sequence[int] = PIECE_SIZES) -> list[int]:
    """The bucket of each distinct piece of `word`, among `count` buckets (two pieces may share one).

    Half of a surrogate pair (an emoji cut in two, which JSON can carry) has no UTF-8 form; it is
    hashed as its code point's own bytes, so such a text is scored instead of raising, and every other
    text hashes as UTF-8."""
    return [zlib.crc32(piece.encode("utf-8", "surrogatepass")) % count for piece in pieces(word, sizes)]


@dataclass(slots=True)
class Wording:
    """Learned weights of the hashed pieces of words, and what they make of a text."""

    weights: tuple[float, ...]
    sizes: tuple[int, ...] = PIECE_SIZES
    _known: dict[str, float] = field(default_factory=dict, init=False, repr=False, compare=False)

    def weight(self, word: str) -> float:
        """What one word adds to the log-odds: the sum of its pieces' bucket weights."""
        known = self._known.get(word)
        if known is None:
            self._remember({word})
            known = self._known[word]
        return known

    def parts(self, folded: str) -> dict[str, float]:
        """Each distinct word of the folded text with what it adds."""
        found = words(folded)
        # Most words of an advert are known. set.difference with a dict looks each of the few words up in
        # it; `found - keys()` would read every key of the memory instead.
        missing = found.difference(self._known)
        if missing:
            self._remember(found if len(self._known) + len(missing) > CACHE_WORDS else missing)
        return dict(zip(found, map(self._known.__getitem__, found), strict=True))

    def _remember(self, new: set[str]) -> None:
        """Weigh the words `new` and keep them, first forgetting every word when the memory is full."""
        if len(self._known) + len(new) > CACHE_WORDS:
            self._known.clear()
        count = len(self.weights)
        for word in new:
            self._known[word] = math.fsum(self.weights[b] for b in buckets(word, count, self.sizes))
