"""Telegram Desktop's JSON export ("Export chat history" or "Export Telegram data", machine-readable JSON).

Two shapes: one chat (`result.json`: `name`, `type`, `id`, `messages`), and a whole account's export,
whose `chats.list` and `left_chats.list` hold chats of that shape. The file is streamed with ijson, one
message at a time, so an export larger than memory reads like a small one. Each message of type `message`
with text (or a caption) is one advert; service messages (joins, pins, calls) and messages with no text
are skipped. docs/formats.md gives the fields read and why.

post_id is `<chat id>/<message id>`, the chat id as the Bot API writes it (`-100<id>` for channels and
supergroups, `-<id>` for basic groups, the user id for private chats): Telegram numbers a channel's
messages within the channel, so the message id alone repeats across chats, and the export's bare chat id
may be a user's or a channel's.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, BinaryIO

import ijson

from graph.advert import Record
from graph.formats.base import FormatError, Prefixed, compact, json_head, raw_preview, unix_time

NAME = "telegram"
TITLE = "a Telegram Desktop JSON export"
# Sections only a whole account's export has at its top level (its first key is always `about`).
_ACCOUNT_KEYS = frozenset(
    {"personal_information", "profile_pictures", "contacts", "frequent_contacts", "sessions", "chats"}
)
_CHAT_LISTS = ("chats.list.item", "left_chats.list.item")
_CHANNEL_TYPES = frozenset({"public_channel", "private_channel", "public_supergroup", "private_supergroup"})
_GROUP_TYPES = frozenset({"private_group"})
# The export writes a peer as `user123`, `channel123` or `chat123`; the Bot API as 123, -100123, -123.
_PEER_PREFIXES = (("channel", "-100"), ("chat", "-"), ("user", ""))


def sniff(head: bytes) -> bool:
    """True for one chat (a top-level `messages` with the chat's `type` or `id`) or an account's export
    (first key `about`, then one of its sections, or a chat list)."""
    seen = json_head(head)
    if seen is None or seen.kind != "object" or seen.values > 1:
        return False
    top = set(seen.top)
    if "messages" in top and top & {"type", "id", "name"}:
        return True
    if any(path in seen.paths for path in ("chats.list", "left_chats.list")):
        return True
    return seen.top[:1] == ("about",) and bool(top & _ACCOUNT_KEYS)


def records(stream: BinaryIO, file: str) -> Iterator[Record]:
    """One Record per message with text, in file order; `number` counts every message of the file,
    service messages included, so it is the message's place in the file."""
    chat: dict[str, Any] = {}
    number = 0
    start = stream.read(3)
    if start != b"\xef\xbb\xbf":  # a byte order mark an editor added, which JSON does not allow
        stream = io.BufferedReader(Prefixed(start, stream))
    events = ijson.parse(stream, use_float=True)
    try:
        for prefix, event, value in events:
            if event == "start_map" and (prefix == "messages.item" or prefix.endswith(".messages.item")):
                number += 1
                message = _build(events)
                record = _record(message, chat, file, number)
                if record is not None:
                    yield record
            elif prefix in ("name", "type", "id") or prefix.rpartition(".")[0] in _CHAT_LISTS:
                if event in ("string", "number", "null"):
                    chat[prefix.rpartition(".")[2]] = value
            elif event == "end_map" and prefix in _CHAT_LISTS:
                chat = {}
    except ijson.JSONError as error:
        raise FormatError(
            f"{file} breaks off after message {number}: not valid JSON: {error}", file=file, expected=NAME
        ) from None


def _build(events: Iterator[tuple[str, str, Any]]) -> Any:
    """The message whose start_map was just read, built from the events up to its end."""
    builder = ijson.ObjectBuilder()
    builder.event("start_map", None)
    depth = 1
    for _, event, value in events:
        builder.event(event, value)
        if event in ("start_map", "start_array"):
            depth += 1
        elif event in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                break
    return builder.value


def _record(message: Any, chat: dict[str, Any], file: str, number: int) -> Record | None:
    """The message as a Record, or None when it is no advert (a service message, no text)."""
    if not isinstance(message, dict) or message.get("type") != "message":
        return None
    text, links = _text(message)
    if not text.strip():
        return None
    raw = raw_preview(message)
    chat_id = _chat_id(chat)
    if chat_id is None:
        return Record(file, number, None, "the chat's id is not given before its messages", raw)
    message_id = message.get("id")
    if isinstance(message_id, bool) or not isinstance(message_id, int):
        return Record(file, number, None, f"message id is not an integer: {message_id!r}", raw)
    hidden = [link for link in links if link not in text]
    value = compact(
        {
            "platform": "telegram",
            "post_id": f"{chat_id}/{message_id}",
            "text": text + "".join(f"\n{link}" for link in hidden),
            "posted_at": unix_time(message.get("date_unixtime")) or message.get("date"),
            "url": _url(chat, message_id),
            "author": _author(message, chat, chat_id),
            "forwarded_from": _forwarded(message),
            "chat": compact({"id": chat_id, "name": chat.get("name"), "type": chat.get("type")}),
        }
    )
    return Record(file, number, value, None, raw)


def _text(message: dict[str, Any]) -> tuple[str, list[str]]:
    """The message's visible text, and the links of its text_link entities (their target is not part of
    the visible text: `click here` pointing at a wa.me link)."""
    parts = message.get("text_entities")
    if not isinstance(parts, list):
        parts = message.get("text")
    if isinstance(parts, str):
        return parts, []
    if not isinstance(parts, list):
        return "", []
    text, links = [], []
    for part in parts:
        if isinstance(part, str):
            text.append(part)
        elif isinstance(part, dict):
            text.append(part.get("text") if isinstance(part.get("text"), str) else "")
            href = part.get("href")
            if part.get("type") == "text_link" and isinstance(href, str) and href.strip():
                links.append(href.strip())
    return "".join(text), list(dict.fromkeys(links))


def _chat_id(chat: dict[str, Any]) -> str | None:
    """The chat's id as the Bot API writes it, from the export's bare id and the chat's type."""
    bare = chat.get("id")
    if isinstance(bare, bool) or not isinstance(bare, int):
        return None
    kind = chat.get("type")
    if kind in _CHANNEL_TYPES:
        return f"-100{bare}"
    if kind in _GROUP_TYPES:
        return f"-{bare}"
    return str(bare)


def peer_id(value: Any) -> str | None:
    """An export's peer (`user123`, `channel123`, `chat123`) as the Bot API writes it (123, -100123,
    -123), so the same account has the same id through JSON Lines written from the Bot API."""
    if not isinstance(value, str):
        return None
    for prefix, sign in _PEER_PREFIXES:
        if value.startswith(prefix) and value[len(prefix) :].isdigit():
            return f"{sign}{value[len(prefix) :]}"
    return None


def _url(chat: dict[str, Any], message_id: int) -> str | None:
    """The message's link for members (`t.me/c/<chat>/<message>`): only channels and supergroups have one."""
    if chat.get("type") in _CHANNEL_TYPES and isinstance(chat.get("id"), int):
        return f"https://t.me/c/{chat['id']}/{message_id}"
    return None


def _author(message: dict[str, Any], chat: dict[str, Any], chat_id: str) -> dict[str, Any] | None:
    """Who sent the message (`from`, `from_id`); in a channel, or when the sender is hidden, the chat."""
    sender = peer_id(message.get("from_id"))
    name = message.get("from")
    if sender is None:
        sender, name = chat_id, chat.get("name")
    return compact({"id": sender, "name": name if isinstance(name, str) else None}) or None


def _forwarded(message: dict[str, Any]) -> dict[str, Any] | None:
    """Where a forwarded message came from, as the export names it (a name; newer exports an id too)."""
    name = message.get("forwarded_from")
    origin = peer_id(message.get("forwarded_from_id"))
    if not isinstance(name, str) and origin is None:
        return None
    return compact({"name": name if isinstance(name, str) else None, "id": origin})
