"""Network ids that stay put across recomputes, so a bookmark or a case note keeps its network.

A recomputed network takes the id of the old network it shares the most adverts with, largest overlaps
first, each old id going to one new network only: the same members keep their id, a network that grows
keeps it, a merge keeps the id of its largest part, and after a split the largest part keeps it. A
network with no old id left to take gets a new one made from its smallest advert key.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

PREFIX = "n-"
KEY_PREFIX = "network:"


def new_id(advert_key: str, attempt: int = 0) -> str:
    """`n-` and 10 lower-case base32 letters derived from an advert key (and a retry number on a clash)."""
    seed = advert_key if attempt == 0 else f"{advert_key}#{attempt}"
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return PREFIX + base64.b32encode(digest).decode("ascii")[:10].lower()


def network_key(network_id: str) -> str:
    return KEY_PREFIX + network_id


def assign(
    networks: Sequence[Sequence[str]],
    old_network_of: Mapping[str, str] | Callable[[str], str | None],
    taken: Iterable[str] = (),
) -> list[str]:
    """An id for each network (given by its sorted advert keys), reusing old ids where they overlap.

    `old_network_of` gives the old id of an advert (or None); `taken` are ids in use elsewhere that a new
    id must not repeat (old ids outside this computation).
    """
    lookup = old_network_of.get if isinstance(old_network_of, Mapping) else old_network_of
    overlaps: list[tuple[int, int, str, int]] = []
    for number, adverts in enumerate(networks):
        counts = Counter(old for old in map(lookup, adverts) if old is not None)
        overlaps.extend((-count, -len(adverts), old, number) for old, count in counts.items())
    overlaps.sort()
    ids: list[str | None] = [None] * len(networks)
    used: set[str] = set(taken)
    for _, _, old, number in overlaps:
        if ids[number] is None and old not in used:
            ids[number] = old
            used.add(old)
    for number, adverts in enumerate(networks):
        if ids[number] is None:
            attempt = 0
            while (candidate := new_id(adverts[0], attempt)) in used:
                attempt += 1
            ids[number] = candidate
            used.add(candidate)
    return [i for i in ids if i is not None]
