"""X API v2 responses (`GET /2/tweets`, search, timelines) as adverts: one per tweet in `data`.

The author is joined from `includes.users` on `author_id`; the t.co links of `entities.urls` are put back
as their `expanded_url`, so that the identifiers in a link (wa.me, t.me, paypal.me) are found; a long post
is read from `note_tweet`; X's language codes for "no language" are dropped. A retweet is read as the tweet
it retweets when the response includes that tweet (`includes.tweets`), and skipped when it does not: its
own text is a cut copy of the original's. docs/formats.md has the whole mapping and the X pages it follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from graph.advert import Record
from graph.formats.base import JsonHead
from graph.formats.responses import Item, Layout, read_records, sniffed

NAME = "x"
TITLE = "an X API v2 response"
# Key paths (as graph.formats.base reads a head) that only X's responses have: a tweet's text in `data`
# (a list, or one tweet from a lookup by id), X's errors, or the meta of a search that found nothing.
_X_PATHS = frozenset({"data.item.text", "data.text", "meta.result_count", "errors.item.title"})
# An error X answers with instead of data: a problem object (RFC 7807) at the top level.
_PROBLEM_KEYS = frozenset({"title", "type", "detail"})
# X writes these for text in no language: undetermined, no linguistic content, and its own q-codes
# (qme media only, qam mentions only, qht hashtags only, qct cashtags only, qst very short text).
_NO_LANGUAGE = re.compile(r"und|zxx|q[a-t][a-z]", re.IGNORECASE)
# The text of a tweet escapes these three characters as HTML entities.
_ENTITY = re.compile(r"&(amp|lt|gt);")
_UNESCAPED = {"amp": "&", "lt": "<", "gt": ">"}


def sniff(head: bytes) -> bool:
    """Whether a file's first bytes are an X API v2 response (tweets, or an X error)."""
    return sniffed(head, _looks_like_x)


def records(stream: BinaryIO, file: str) -> Iterator[Record]:
    """One Record per tweet in `data`, numbered in file order; see the module docstring."""
    return read_records(stream, file, _LAYOUT)


def _looks_like_x(seen: JsonHead) -> bool:
    if "data.item.created_time" in seen.paths:  # a Facebook post
        return False
    return not _X_PATHS.isdisjoint(seen.paths) or _PROBLEM_KEYS.issubset(seen.top)


def _fits(response: dict[str, Any]) -> bool:
    data = response.get("data")
    if isinstance(data, dict):
        data = [data]
    if isinstance(data, list):
        return not data or any(isinstance(t, dict) and "text" in t for t in data)
    errors = response.get("errors")
    if isinstance(errors, list) and errors:
        return all(isinstance(e, dict) and ("title" in e or "message" in e) for e in errors)
    meta = response.get("meta")
    return _PROBLEM_KEYS.issubset(response) or (isinstance(meta, dict) and "result_count" in meta)


def _api_error(response: dict[str, Any]) -> str | None:
    """What a response without tweets says went wrong: X's problem (title, detail) and its `errors`.

    Errors beside `data` are X's partial errors, about items asked for that it could not give (a deleted
    tweet, a suspended author): they hold no posts to keep, and the tweets beside them are read.
    """
    if "data" in response:
        return None
    errors = response.get("errors") if isinstance(response.get("errors"), list) else []
    said = [_error_text(response)] if _PROBLEM_KEYS.issubset(response) else []
    said += [_error_text(e) for e in errors[:3]] + (["..."] if len(errors) > 3 else [])
    return "; ".join(said) or None


def _error_text(error: Any) -> str:
    if not isinstance(error, dict):
        return str(error)
    parts = [
        str(error[k]) for k in ("title", "detail", "message") if error.get(k) and isinstance(error[k], str)
    ]
    parts = [p for i, p in enumerate(parts) if p not in parts[:i]]  # X often repeats the title as detail
    return ": ".join(parts) or str(error)


def _items(response: dict[str, Any]) -> Iterator[Item]:
    data = response.get("data")
    tweets = [data] if isinstance(data, dict) else data if isinstance(data, list) else []
    includes = response.get("includes") if isinstance(response.get("includes"), dict) else {}
    users = _by_id(includes.get("users"))
    originals = _by_id(includes.get("tweets"))
    for tweet in tweets:
        if not isinstance(tweet, dict):
            yield None, f"a tweet in data is not a JSON object but {type(tweet).__name__}", tweet
            continue
        retweeted = _retweeted(tweet)
        if retweeted is not None:
            original = originals.get(retweeted)
            if original is None:
                yield None, None, tweet
            else:
                yield (*_advert(original, users), original)
            continue
        yield (*_advert(tweet, users), tweet)


def _by_id(objects: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(objects, list):
        return {}
    return {str(o["id"]): o for o in objects if isinstance(o, dict) and o.get("id") is not None}


def _retweeted(tweet: Mapping[str, Any]) -> str | None:
    """The id of the tweet this one retweets, or None (quotes and replies carry text of their own)."""
    for reference in tweet.get("referenced_tweets") or ():
        if isinstance(reference, dict) and reference.get("type") == "retweeted":
            return str(reference.get("id"))
    return None


def _advert(tweet: Mapping[str, Any], users: Mapping[str, Mapping[str, Any]]) -> tuple[Any, str | None]:
    """The advert of one tweet, or the problem that rejects it."""
    if tweet.get("id") is None:
        return None, "id: missing (the tweet has no id)"
    if not tweet.get("created_at"):
        return None, "created_at: missing (ask the API for tweet.fields=created_at)"
    text, urls = tweet.get("text"), (tweet.get("entities") or {}).get("urls")
    note = tweet.get("note_tweet")
    if isinstance(note, dict) and isinstance(note.get("text"), str):
        text, urls = note["text"], (note.get("entities") or {}).get("urls")
    if not isinstance(text, str):
        return None, "text: missing" if text is None else "text: not a string"
    author_id = tweet.get("author_id")
    user = users.get(str(author_id)) if author_id is not None else None
    username = user.get("username") if user else None
    post_id = str(tweet["id"])
    return {
        "platform": "x",
        "post_id": post_id,
        "url": f"https://x.com/{username}/status/{post_id}"
        if username
        else f"https://x.com/i/web/status/{post_id}",
        "author": {
            "handle": username,
            "id": author_id,
            "name": user.get("name") if user else None,
        },
        "text": _expanded(_unescaped(text), urls),
        "posted_at": tweet["created_at"],
        "lang": _language(tweet.get("lang")),
    }, None


def _unescaped(text: str) -> str:
    return _ENTITY.sub(lambda m: _UNESCAPED[m.group(1)], text) if "&" in text else text


def _expanded(text: str, urls: Any) -> str:
    """The text with each t.co link replaced by the link it stands for."""
    if not isinstance(urls, list):
        return text
    for url in urls:
        if not isinstance(url, dict):
            continue
        short, expanded = url.get("url"), url.get("expanded_url")
        if isinstance(short, str) and short and isinstance(expanded, str) and expanded:
            text = text.replace(short, expanded)
    return text


def _language(lang: Any) -> Any:
    if isinstance(lang, str) and _NO_LANGUAGE.fullmatch(lang.strip()):
        return None
    return lang


_LAYOUT = Layout(NAME, TITLE, _fits, _api_error, _items)
