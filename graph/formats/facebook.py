"""Facebook Graph API post objects (a Page's `/feed`, `/posts`, `/published_posts`) as adverts, one per post.

A response is an edge's page (`data`, `paging`), the same nested under the Page (`{"id", "feed": {"data",
...}}`, as `?fields=feed{...}` returns it), or one post read by its id. The post id is the Graph API's
`<page>_<post>`, as in Crosslink's JSON Lines; the author is `from` (its id and name: the Graph API gives
no username); `created_time` comes with a `+0000` offset. A post with no `message` (a photo without
caption, a shared link, a story such as "... updated their cover photo") has no text and is skipped, not
rejected. Instagram media, read through the same Graph API, have other fields (`caption`, `timestamp`,
`username`, `permalink`) and are not read here. docs/formats.md has the whole mapping and its sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from graph.advert import Record
from graph.formats.base import JsonHead
from graph.formats.responses import Item, Layout, read_records, sniffed

NAME = "facebook"
TITLE = "a Facebook Graph API response"
# The Page edges whose pages hold posts, when a response nests them under the Page.
_EDGES = ("feed", "posts", "published_posts")
# Key paths only the Graph API's post objects and errors have, as graph.formats.base reads a head.
_POST_PATHS = frozenset(
    {
        f"{edge}data.item.{key}"
        for edge in ("", *(e + "." for e in _EDGES))
        for key in ("created_time", "message")
    }
    | {"error.fbtrace_id", "paging.cursors"}
)
# The Graph API's offset, `+0000`, without the colon ISO 8601 readers of Crosslink's version expect.
_OFFSET = re.compile(r"([+-]\d\d)(\d\d)$")


def sniff(head: bytes) -> bool:
    """Whether a file's first bytes are a Graph API response with posts (or a Graph API error)."""
    return sniffed(head, _looks_like_facebook)


def records(stream: BinaryIO, file: str) -> Iterator[Record]:
    """One Record per post, numbered in file order; posts without a message are skipped."""
    return read_records(stream, file, _LAYOUT)


def _looks_like_facebook(seen: JsonHead) -> bool:
    if "data.videos" in seen.paths:  # a TikTok response
        return False
    return not _POST_PATHS.isdisjoint(seen.paths) or {"id", "created_time"}.issubset(seen.top)


def _fits(response: dict[str, Any]) -> bool:
    if _graph_error(response) is not None:
        return True
    if isinstance(response.get("data"), list):
        return all(isinstance(p, dict) and "id" in p for p in response["data"])
    if any(isinstance(response.get(edge), dict) for edge in _EDGES):
        return True
    return "id" in response and "created_time" in response


def _graph_error(response: Mapping[str, Any]) -> dict[str, Any] | None:
    error = response.get("error")
    if isinstance(error, dict) and "message" in error and not isinstance(error.get("code"), str):
        return error
    return None


def _api_error(response: dict[str, Any]) -> str | None:
    error = _graph_error(response)
    if error is None:
        return None
    detail = ", ".join(
        f"{k} {error[k]}" for k in ("type", "code", "error_subcode") if error.get(k) is not None
    )
    return f"{error['message']}" + (f" ({detail})" if detail else "")


def _posts(response: dict[str, Any]) -> list[Any]:
    if isinstance(response.get("data"), list):
        return response["data"]
    for edge in _EDGES:
        nested = response.get(edge)
        if isinstance(nested, dict) and isinstance(nested.get("data"), list):
            return nested["data"]
    if "id" in response and "created_time" in response:
        return [response]
    return []


def _items(response: dict[str, Any]) -> Iterator[Item]:
    for post in _posts(response):
        if not isinstance(post, dict):
            yield None, f"a post in data is not a JSON object but {type(post).__name__}", post
            continue
        yield (*_advert(post), post)


def _advert(post: Mapping[str, Any]) -> tuple[Any, str | None]:
    """The advert of one post, None for a post without a message, or the problem that rejects it."""
    message = post.get("message")
    if message is None or (isinstance(message, str) and not message.strip()):
        return None, None
    if post.get("id") is None:
        return None, "id: missing (the post has no id)"
    created = post.get("created_time")
    if not created:
        return None, "created_time: missing (ask the Graph API for fields=created_time)"
    author = post.get("from") if isinstance(post.get("from"), dict) else {}
    return {
        "platform": "facebook",
        "post_id": post["id"],
        "url": post.get("permalink_url"),
        "author": {"id": author.get("id"), "name": author.get("name")},
        "text": message,
        "posted_at": _with_colon(created) if isinstance(created, str) else created,
    }, None


def _with_colon(created: str) -> str:
    """The time with its offset written `+00:00`; `_OFFSET.sub(r"\1:\2", ...)` did the same, but
    expanding the template of every post cost a twentieth of reading it."""
    offset = _OFFSET.search(created)
    if offset is None:
        return created
    return f"{created[: offset.start()]}{offset[1]}:{offset[2]}{created[offset.end() :]}"


_LAYOUT = Layout(NAME, TITLE, _fits, _api_error, _items)
