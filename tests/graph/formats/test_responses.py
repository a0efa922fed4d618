"""graph.formats.responses: the rejects file's preview of an item is the start of its JSON, as
`json.dumps(..., ensure_ascii=False, default=str)` writes it, whatever the item holds."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from graph.advert import RAW_PREVIEW_CHARS
from graph.formats.responses import preview

ITEMS: list[Any] = [
    {"id": "1_2", "message": "Boat to UK ☎ +44 7700 900123", "from": {"id": "1", "name": "Page"}},
    {"id": 7433, "video_description": "x" * (RAW_PREVIEW_CHARS * 3), "hashtag_names": ["a", "b"]},
    {"text": 'line\nbreak "quoted" \u2028 and \\ back', "lang": None, "n": 1.5, "ok": True},
    {"when": datetime(2024, 5, 1, 12, tzinfo=UTC)},  # not JSON: written as its str()
    ["a list", 1, None],
    "a string",
    12,
    None,
]


@pytest.mark.parametrize("item", ITEMS)
def test_the_preview_is_the_start_of_the_items_json(item: Any):
    expected = json.dumps(item, ensure_ascii=False, default=str)[:RAW_PREVIEW_CHARS]
    assert preview(item) == expected


def test_a_long_item_is_cut_at_the_preview_length():
    assert len(preview({"message": "é" * 10_000})) == RAW_PREVIEW_CHARS
