"""Crosslink's own JSON Lines (docs/input.md): one advert a line, read by graph.advert as it always was.

Only telling it apart is new: a file whose first complete line that is a JSON object names an advert's
own fields (`platform`, `post_id`, `posted_at`) is JSON Lines of adverts, which no platform's response
does at its top level. Lines that are not JSON are passed over while sniffing (they become rejects).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from graph.advert import Line, read_lines
from graph.formats.base import ADVERT_KEYS, json_head

NAME = "jsonl"
TITLE = "Crosslink JSON Lines (one advert a line, docs/input.md)"
# Lines looked at while sniffing: a file opening with a few broken lines is still JSON Lines.
_SNIFF_LINES = 20


def sniff(head: bytes) -> bool:
    """True when the first line that decodes to a JSON object is an advert (it names an advert field)."""
    lines = head.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    complete, rest = lines[:-1], lines[-1]
    looked = 0
    for line in complete:
        if not line.strip():
            continue
        looked += 1
        if looked > _SNIFF_LINES:
            return False
        try:
            value = json.loads(line)
        except ValueError:
            continue
        return isinstance(value, dict) and not ADVERT_KEYS.isdisjoint(value)
    # No complete line decoded: the first line may be longer than the head.
    if looked == 0 and rest.strip():
        seen = json_head(rest)
        return seen is not None and seen.kind == "object" and not ADVERT_KEYS.isdisjoint(seen.top)
    return False


def records(stream: BinaryIO, file: str) -> Iterator[Line]:
    """The file's lines, each judged on its own by the advert reader (graph.advert)."""
    return read_lines(stream, file)
