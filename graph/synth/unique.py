"""Serial numbers that look random and never repeat, so planted identifiers never collide by chance.

A million adverts plant hundreds of thousands of phones, handles and accounts. Drawing them at random
would make two unrelated networks share a number now and then (a false link in the truth), and
remembering every value drawn would cost memory. A keyed permutation of a counter gives distinct
values without remembering any.
"""

from __future__ import annotations

import random

_ROUNDS = 4


class Serials:
    """Distinct integers in [0, size), in an order that depends on the seed and looks random.

    A small Feistel network permutes the integers below the next power of four; values at or above
    `size` are walked through the permutation again until they fall inside (cycle walking), which keeps
    it a bijection on [0, size). The k-th draw is the image of k, so the first `size` draws differ.
    """

    def __init__(self, size: int, rng: random.Random) -> None:
        if size < 2:
            raise ValueError(f"a serial space needs at least 2 values, not {size}")
        self.size = size
        half_bits = max(1, ((size - 1).bit_length() + 1) // 2)
        self._half_bits = half_bits
        self._mask = (1 << half_bits) - 1
        self._keys = [rng.getrandbits(32) | 1 for _ in range(_ROUNDS)]
        self._next = 0

    @property
    def drawn(self) -> int:
        """How many values have been drawn so far."""
        return self._next

    def draw(self) -> int:
        """The next value; raises when the space is used up rather than repeat one."""
        if self._next >= self.size:
            raise RuntimeError(f"all {self.size:,} serial values are used; plan a larger space")
        value = self._next
        self._next += 1
        value = self._permute(value)
        while value >= self.size:
            value = self._permute(value)
        return value

    def _permute(self, value: int) -> int:
        left, right = value >> self._half_bits, value & self._mask
        for key in self._keys:
            mixed = ((right * 0x9E3779B1) ^ key) & 0xFFFFFFFF
            mixed ^= mixed >> 15
            left, right = right, left ^ (mixed & self._mask)
        return (left << self._half_bits) | right


def digits_for(count: int, *, minimum: int = 4) -> int:
    """How many decimal digits a serial needs so that `count` draws use at most a third of its space."""
    return max(minimum, len(str(max(1, count) * 3)))
