"""What an advert's text says: every identifier it mentions, with every place it is written.

`extract()` returns each identifier once, at its first occurrence. Evidence needs all of them (a number
written twice, once spelled out, is two spans an analyst can check), so `occurrences()` is grouped by key
here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from graph.identifiers import Identifier, occurrences

# A key longer than this cannot be a Neo4j index entry (about 8 kB); such a "link" is junk, not evidence.
MAX_KEY_BYTES = 4000


@dataclass(frozen=True, slots=True)
class Mention:
    """One identifier in one advert: its first occurrence, and the span, value and rule of each occurrence.

    `domain` is, for a link, the key of the domain found at the same place (the link's own site).
    """

    identifier: Identifier
    spans: tuple[tuple[int, int], ...]
    values: tuple[str, ...]
    rules: tuple[str, ...]
    domain: str | None = None

    @property
    def key(self) -> str:
        return self.identifier.key

    @property
    def kind(self) -> str:
        return self.identifier.kind

    @property
    def count(self) -> int:
        """How many times the advert writes this identifier."""
        return len(self.spans)

    def __reduce__(self) -> tuple[type[Mention], tuple[Any, ...]]:
        # Sent back pickled by extraction workers: rebuilt by its constructor, as Identifier is.
        return type(self), tuple(getattr(self, name) for name in _MENTION_FIELDS)


_MENTION_FIELDS = tuple(f.name for f in fields(Mention))


def find_mentions(
    text: str, *, platform: str | None = None, region: str | None = None
) -> tuple[list[Mention], int]:
    """The identifiers in `text`, in order of first appearance, and how many were left out as too long.

    Same keys as `extract(text, platform=..., region=...)`, each with all of its occurrences.
    """
    found: dict[str, list[Identifier]] = {}
    domains_at: dict[tuple[int, int], str] = {}
    for identifier in occurrences(text, platform=platform, region=region):
        found.setdefault(identifier.key, []).append(identifier)
        if identifier.kind == "domain":
            domains_at.setdefault(identifier.span, identifier.key)
    mentions = []
    too_long = 0
    for key, places in found.items():  # in text order: occurrences() sorts by span
        # A character is at most four bytes: a short key needs no encoding to be known short enough.
        if len(key) > MAX_KEY_BYTES // 4 and len(key.encode("utf-8")) > MAX_KEY_BYTES:
            too_long += 1
            continue
        first = places[0]
        domain = None
        if first.kind == "url":
            domain = next((domains_at[i.span] for i in places if i.span in domains_at), None)
        mentions.append(_mention(places, domain))
    # Already in order of (first span, kind): each key's first occurrence comes in occurrences()'s order.
    return mentions, too_long


def _mention(places: list[Identifier], domain: str | None) -> Mention:
    """One identifier's mention from its occurrences; most are written once, which needs no loop."""
    first = places[0]
    if len(places) == 1:
        return Mention(first, (first.span,), (first.value,), (first.rule,), domain)
    return Mention(
        first,
        tuple([i.span for i in places]),
        tuple([i.value for i in places]),
        tuple([i.rule for i in places]),
        domain,
    )


def find_mentions_many(
    adverts: list[tuple[str, str | None, str | None]],
) -> list[tuple[list[Mention], int]]:
    """`find_mentions` for each (text, platform, region): one call per batch, for a worker process."""
    return [find_mentions(text, platform=platform, region=region) for text, platform, region in adverts]
