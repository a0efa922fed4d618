"""Serials: a permutation of a counter, so draws never repeat."""

import random

import pytest

from graph.synth.unique import Serials, digits_for


@pytest.mark.parametrize("size", [2, 3, 10, 97, 1000, 4096])
def test_draws_are_a_permutation(size: int) -> None:
    serials = Serials(size, random.Random(size))
    values = [serials.draw() for _ in range(size)]
    assert sorted(values) == list(range(size))
    with pytest.raises(RuntimeError):
        serials.draw()


def test_order_depends_on_the_seed_and_looks_shuffled() -> None:
    a = [Serials(10**6, random.Random(1)).draw() for _ in range(1)]
    b = [Serials(10**6, random.Random(2)).draw() for _ in range(1)]
    assert a != b
    serials = Serials(10**6, random.Random(3))
    values = [serials.draw() for _ in range(1000)]
    assert values != sorted(values)
    assert len(set(values)) == 1000


def test_big_spaces() -> None:
    serials = Serials(64**11, random.Random(1))
    values = {serials.draw() for _ in range(2000)}
    assert len(values) == 2000 and all(0 <= v < 64**11 for v in values)


def test_digits_for() -> None:
    assert digits_for(1) == 4
    assert digits_for(50_000) == 6
    assert digits_for(1_000_000) == 7
