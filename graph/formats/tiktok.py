"""TikTok Research API video query responses (`POST /v2/research/video/query/`) as adverts, one per video.

A response holds `data.videos` and an `error` object whose `code` is `ok` when the query worked; one with
another code holds no videos, and a file that is only that is refused with TikTok's message. The paging
fields (`cursor`, `has_more`, `search_id`) are not needed. The advert's text is `video_description`, its
time `create_time` (Unix seconds, UTC), its author `username`, its region `region_code` (where the
creator registered the account), its url TikTok's public video page. A video without a description is
skipped, not rejected. docs/formats.md has the whole mapping and the TikTok pages it follows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from graph.advert import Record
from graph.formats.base import JsonHead, unix_time
from graph.formats.responses import Item, Layout, read_records, sniffed

NAME = "tiktok"
TITLE = "a TikTok Research API video query response"


def sniff(head: bytes) -> bool:
    """Whether a file's first bytes are a Research API video query response (or its error)."""
    return sniffed(head, _looks_like_tiktok)


def records(stream: BinaryIO, file: str) -> Iterator[Record]:
    """One Record per video in `data.videos`, numbered in file order; see the module docstring."""
    return read_records(stream, file, _LAYOUT)


def _looks_like_tiktok(seen: JsonHead) -> bool:
    return "data.videos" in seen.paths or "error.log_id" in seen.paths


def _fits(response: dict[str, Any]) -> bool:
    data, error = response.get("data"), response.get("error")
    if isinstance(data, dict) and ("videos" in data or not data):
        return True
    return isinstance(error, dict) and isinstance(error.get("code"), str)


def _api_error(response: dict[str, Any]) -> str | None:
    error = response.get("error")
    if not isinstance(error, dict) or error.get("code") in (None, "ok"):
        return None
    message = error.get("message") or "no message"
    log = f", log_id {error['log_id']}" if error.get("log_id") else ""
    return f"{message} (code {error['code']}{log})"


def _items(response: dict[str, Any]) -> Iterator[Item]:
    data = response.get("data") if isinstance(response.get("data"), dict) else {}
    videos = data.get("videos")
    if videos is None:
        return
    if not isinstance(videos, list):
        yield None, f"data.videos is not a list but {type(videos).__name__}", videos
        return
    for video in videos:
        if not isinstance(video, dict):
            yield None, f"a video in data.videos is not a JSON object but {type(video).__name__}", video
            continue
        yield (*_advert(video), video)


def _advert(video: Mapping[str, Any]) -> tuple[Any, str | None]:
    """The advert of one video, None for one without a description, or the problem that rejects it."""
    text = video.get("video_description")
    if text is None or (isinstance(text, str) and not text.strip()):
        return None, None
    if video.get("id") is None:
        return None, "id: missing (the video has no id)"
    created = video.get("create_time")
    posted_at = unix_time(created)
    if posted_at is None:
        shown = (
            "missing (ask for fields=create_time)" if created is None else f"not Unix seconds: {created!r}"
        )
        return None, f"create_time: {shown}"
    username = video.get("username")
    handle = username.strip().lstrip("@") if isinstance(username, str) and username.strip() else None
    return {
        "platform": "tiktok",
        "post_id": video["id"],
        "url": f"https://www.tiktok.com/@{handle}/video/{video['id']}" if handle else None,
        "author": {"handle": handle},
        "text": text,
        "posted_at": posted_at,
        "region": video.get("region_code"),
    }, None


_LAYOUT = Layout(NAME, TITLE, _fits, _api_error, _items)
