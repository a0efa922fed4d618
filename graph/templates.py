"""Advert templates: a MinHash signature of what an advert's text says once the rotated parts are masked.

Gangs rotate phones, handles and payment tags but copy their text. Two adverts whose texts are nearly the
same after masking what changes between copies (identifiers, numbers, emoji) are probably written from
one template. `signature` gives each advert a MinHash over its word 3-grams and the LSH band tokens that
find its candidates; the network recompute (`graph.networks.templates`) verifies candidates by their
estimated Jaccard similarity and links those that reach `THRESHOLD`.

Word 3-grams rather than character 5-grams: they ignore which stock words two adverts of the same language
share (every French advert says "places disponibles"), while a copy with one word changed keeps most of
them. Character grams made unrelated adverts of one language look alike (figures in the issue's
measurements).

The bands follow the LSH "S-curve": with `BANDS` bands of `ROWS` values, two adverts of Jaccard
similarity s share at least one band with probability 1 - (1 - s^ROWS)^BANDS. With 16 bands of 4 that is
nearly certain at and above `THRESHOLD` and rare for texts that share a sentence or two, so the
candidates a band collision finds are few and almost all of them verify.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash

from graph.evidence import find_mentions

# MinHash size and LSH banding: NUM_PERM = BANDS * ROWS values per advert.
NUM_PERM = 64
BANDS = 16
ROWS = 4
SEED = 1  # fixed, so every process (and every version of the graph) computes the same values
# Estimated Jaccard similarity from which two candidates are the same template.
THRESHOLD = 0.7
# Fewer words than this after masking say too little to tell a template from a common phrase.
MIN_WORDS = 8
SHINGLE = 3  # words per shingle
# What a masked identifier or number becomes: a word of its own, so copies keep the same shingles.
MASK = "0"
# Shingle hashes kept per process (see _GramHashes); past this many they are forgotten.
CACHE_GRAMS = 100_000

_DIGITS = re.compile(r"\d+(?:[.,:/\-]\d+)*")
_WORD = re.compile(r"\w+")
# 64-bit FNV-1a over the band's values: the same in Python (tokens) and numpy (rebuild's buckets).
_FNV_OFFSET = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_MASK64 = (1 << 64) - 1


@dataclass(frozen=True, slots=True)
class Signature:
    """An advert's template signature: the MinHash `values` and its LSH band tokens (space-separated).

    Each token is `b<band>x<16 hex digits>`: the band's index and the hash of its values, so two adverts
    share a token exactly when one band of their signatures is equal.
    """

    values: list[int]
    bands: str


def words(text: str, spans: Iterable[tuple[int, int]] = ()) -> list[str]:
    """The text's words as the signature reads them: identifiers and numbers masked, emoji dropped.

    `spans` are identifier spans in `text` (the MENTIONS spans). Case, accents, emoji variants and
    spacing are normalised away; each identifier and each number becomes the word MASK.
    """
    if spans:
        pieces, last = [], 0
        for start, end in sorted(spans):
            if start < last:
                start = last
            if end <= start:
                continue
            pieces.append(text[last:start])
            pieces.append(f" {MASK} ")
            last = end
        pieces.append(text[last:])
        text = "".join(pieces)
    text = unicodedata.normalize("NFKD", text.casefold())
    if not text.isascii():
        text = _dropped_runs().sub(_without_dropped, text)
    text = _DIGITS.sub(f" {MASK} ", text)
    tokens = _WORD.findall(text.replace("_", " "))
    # A number written in groups ("+44 7957 500418") is one masked word, however it is spaced.
    return [t for i, t in enumerate(tokens) if t != MASK or i == 0 or tokens[i - 1] != MASK]


# The categories of the characters a signature leaves out: combining marks (accents, harakat), symbols
# (emoji and their variants), format, private-use and surrogate characters.
_DROPPED_CATEGORIES = frozenset({"Mn", "So", "Sk", "Cf", "Co", "Cs"})


class _Dropped(dict):
    """A lazy str.translate table deleting the characters of _DROPPED_CATEGORIES; each character is
    classified once per process."""

    def __missing__(self, code: int) -> str | None:
        kept = None if unicodedata.category(chr(code)) in _DROPPED_CATEGORIES else chr(code)
        self[code] = kept
        return kept


_DROP = _Dropped()


@cache
def _dropped_runs() -> re.Pattern[str]:
    """Runs of characters that `_DROP` may delete: each of the Basic Multilingual Plane that it deletes,
    and every one beyond it (emoji, mostly), which `_without_dropped` then reads one by one.

    With only the first plane listed the class is one table look-up a character, and the text between
    runs, most of an advert, is kept as it is instead of being looked up character by character in
    `_DROP`. Built at the first text that needs it.
    """
    plane = (chr(code) for code in range(0x10000) if unicodedata.category(chr(code)) in _DROPPED_CATEGORIES)
    return re.compile("[" + "".join(map(re.escape, plane)) + "\U00010000-\U0010ffff]+")


def _without_dropped(run: re.Match[str]) -> str:
    """A run of `_dropped_runs` without the characters that `_DROP` deletes."""
    return run.group().translate(_DROP)


def shingles(tokens: Sequence[str]) -> list[bytes]:
    """The distinct word SHINGLE-grams of the tokens, as the UTF-8 bytes MinHash hashes."""
    return sorted(gram.encode("utf-8") for gram in _grams(tokens))


def _grams(tokens: Sequence[str]) -> set[str]:
    """The distinct word SHINGLE-grams of the tokens, in no order (all the tokens as one gram when there
    are fewer than SHINGLE). Left as text: most are hashed already (`_GramHashes`), and are encoded
    only when they are not."""
    if len(tokens) < SHINGLE:
        return {" ".join(tokens)}
    return {" ".join(gram) for gram in zip(*(tokens[i:] for i in range(SHINGLE)), strict=False)}


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations for NUM_PERM and SEED, made once per process."""
    return MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def sha1_hash32(gram: bytes) -> int:
    """The first four bytes of the gram's SHA-1, little-endian: the value datasketch's default hash
    function gives, so that signatures stay those of a MinHash made without one."""
    return int.from_bytes(hashlib.sha1(gram).digest()[:4], "little")


class _GramHashes(dict[str, int]):
    """Each shingle's `sha1_hash32` (of its UTF-8 bytes), remembered: copies of one template share most
    of their shingles, and a lookup costs far less than a SHA-1. Cleared when full, so a stream of novel
    text cannot grow it without end; entries are recomputed alike, so what is kept never changes a value.
    """

    def __missing__(self, gram: str) -> int:
        if len(self) >= CACHE_GRAMS:
            self.clear()
        value = self[gram] = sha1_hash32(gram.encode("utf-8"))
        return value


_GRAM_HASHES = _GramHashes()

_LOCAL = threading.local()


def _minhash() -> MinHash:
    """This thread's MinHash, emptied: made once and cleared for each advert, since making one costs
    more than hashing a short advert's shingles."""
    minhash = getattr(_LOCAL, "minhash", None)
    if minhash is None:
        minhash = _LOCAL.minhash = MinHash(
            num_perm=NUM_PERM,
            seed=SEED,
            hashfunc=_GRAM_HASHES.__getitem__,
            permutations=_permutations(),
            scheme="affine32",
        )
    else:
        minhash.clear()
    return minhash


def signature(text: str, spans: Iterable[tuple[int, int]] | None = None) -> Signature | None:
    """The template signature of an advert's text; None when too few words remain after masking.

    `spans` are the identifier spans of the text when already extracted (ingest passes the MENTIONS
    spans); without them the identifiers are found here.
    """
    if spans is None:
        mentions, _ = find_mentions(text)
        spans = [span for mention in mentions for span in mention.spans]
    tokens = words(text, list(spans))
    if len(tokens) - tokens.count(MASK) < MIN_WORDS:
        return None
    minhash = _minhash()
    # The shingles in any order: each value is a minimum over all of them.
    minhash.update_batch(_grams(tokens))
    return Signature(minhash.hashvalues.tolist(), _bands_of(minhash.hashvalues))


def band_tokens(values: Sequence[int]) -> str:
    """The LSH band tokens of MinHash values, space-separated (see `Signature`); the same hashes as
    `band_keys`, in Python integers, which for one signature cost less than numpy's arrays."""
    if len(values) != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, not {len(values)}")
    rows = iter(values)
    keys = []
    for band, row in enumerate(zip(*[rows] * ROWS, strict=True)):
        key = _FNV_OFFSET + band
        for value in row:
            key = (key ^ value) * _FNV_PRIME & _MASK64
        keys.append(key)
    return _BAND_FORMAT % tuple(keys)  # one format for the 16 tokens, which cost more one by one


_BAND_FORMAT = " ".join(f"b{band}x%016x" for band in range(BANDS))
_BAND_OFFSETS = np.uint64(_FNV_OFFSET) + np.arange(BANDS, dtype=np.uint64)
_BAND_PRIME = np.uint64(_FNV_PRIME)


def _bands_of(hashvalues: np.ndarray) -> str:
    """`band_tokens` of one MinHash's values as datasketch holds them: the bands hashed side by side
    in uint64 (whose products wrap as `& _MASK64` does), which for one signature costs less than the
    64 steps in Python integers, and less than `band_keys`' set-up for many."""
    rows = hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    keys = _BAND_OFFSETS
    for row in range(ROWS):
        keys = (keys ^ rows[:, row]) * _BAND_PRIME
    return _BAND_FORMAT % tuple(keys.tolist())


def band_keys(values: np.ndarray) -> np.ndarray:
    """The band hashes of many signatures at once (rows of NUM_PERM values): a (rows, BANDS) uint64 array.

    Equal to the hashes in `band_tokens`, so a bucket of the full recompute is a token of the index.
    """
    values = np.asarray(values, dtype=np.uint64).reshape(-1, BANDS, ROWS)
    h = np.full(values.shape[:2], _FNV_OFFSET, dtype=np.uint64) + np.arange(BANDS, dtype=np.uint64)
    prime = np.uint64(_FNV_PRIME)
    with np.errstate(over="ignore"):
        for row in range(ROWS):
            h = (h ^ values[:, :, row]) * prime
    return h


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets: the share of equal values."""
    if len(a) != len(b) or not a:
        raise ValueError(f"signatures of {len(a)} and {len(b)} values cannot be compared")
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def candidate_probability(s: float) -> float:
    """The chance that two adverts of Jaccard similarity `s` share a band (the S-curve)."""
    return 1.0 - (1.0 - s**ROWS) ** BANDS
