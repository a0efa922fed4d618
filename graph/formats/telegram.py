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
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO, NamedTuple

import ijson

from graph.advert import RAW_PREVIEW_CHARS, Record
from graph.formats.base import FormatError, Prefixed, compact, json_head, unix_time

NAME = "telegram"
TITLE = "a Telegram Desktop JSON export"
# Sections only a whole account's export has at its top level (its first key is always `about`).
_ACCOUNT_KEYS = frozenset(
    {"personal_information", "profile_pictures", "contacts", "frequent_contacts", "sessions", "chats"}
)
_CHAT_LISTS = ("chats.list.item", "left_chats.list.item")
_HEADER = frozenset({"name", "type", "id"})
_BOM = b"\xef\xbb\xbf"
# A run of backslashes before an x (see _Escapes), and how much is read at a time.
_HEX_ESCAPE = re.compile(rb"(\\+)x")
_CHUNK = 64 * 1024
_SCALARS = frozenset({"string", "number", "null"})
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
    if stream.seekable():
        begin = stream.tell()
        if stream.read(3) == _BOM:  # a byte order mark an editor added, which JSON does not allow
            begin += 3
        stream.seek(begin)
        single = _single_chat(_readable(stream), file)
        stream.seek(begin)
        if single is not None:  # the messages are built by ijson's C backend, the chat read once
            read: list[int] = [0]
            try:
                messages = ijson.items(_readable(stream), "messages.item", use_float=True)
                yield from _records(messages, single, file, read)
                return
            except FormatError:
                # The C backend hands out messages a buffer at a time, so those read just before the
                # break were not given yet: read again, event by event, from where it stopped.
                stream.seek(begin)
                skip = read[0]
            messages = ijson.items(_events(_readable(stream), chat), "messages.item")
            yield from _records(messages, chat, file, [0], skip)
            return
    start = stream.read(3)
    if start != _BOM:
        stream = io.BufferedReader(Prefixed(start, stream))
    yield from _records(ijson.items(_events(_readable(stream), chat), "messages.item"), chat, file, [0])


def _readable(stream: BinaryIO) -> BinaryIO:
    """The stream with Telegram Desktop's `\\xNN` escapes made JSON's `\\u00NN` (see _Escapes)."""
    return io.BufferedReader(_Escapes(stream), buffer_size=_CHUNK)


class _Escapes(io.RawIOBase):
    """Telegram Desktop writes a control character inside a string (a vertical tab pasted from a word
    processor, say) as `\\x0B`, which is no JSON escape; this rewrites each as `\\u000B`, the same
    character, so the export parses. A backslash run of odd length before the `x` is an escape (an even
    one is escaped backslashes followed by a letter x). Chunks are cut before a trailing backslash run,
    which is carried over, so an escape split between two reads is still seen whole."""

    def __init__(self, source: BinaryIO) -> None:
        self.source = source
        self.carry = b""
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            data = self.source.read(_CHUNK)
            if not data:
                self.pending, self.carry = self.carry, b""
                break
            data = self.carry + data
            kept = len(data.rstrip(b"\\"))
            data, self.carry = data[:kept], data[kept:]
            self.pending = _HEX_ESCAPE.sub(_unicode_escape, data) if b"\\x" in data else data
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def _unicode_escape(match: re.Match[bytes]) -> bytes:
    backslashes = match.group(1)
    if len(backslashes) % 2 == 0:  # escaped backslashes, then a plain x
        return match.group(0)
    return backslashes[:-1] + b"\\u00"


def _single_chat(stream: BinaryIO, file: str) -> dict[str, Any] | None:
    """The chat's name, type and id when the file is one chat's export, read up to its messages (the
    export writes them first); None for an account's export."""
    chat: dict[str, Any] = {}
    try:
        for prefix, event, value in ijson.parse(stream, use_float=True):
            if prefix in _HEADER and event in _SCALARS:
                chat[prefix] = value
            elif prefix == "" and event == "map_key" and value in _ACCOUNT_KEYS:
                return None
            elif prefix == "messages" and event == "start_array":
                return chat
            elif prefix == "" and event not in ("start_map", "map_key"):
                return None  # not an object
    except ijson.JSONError as error:
        raise _broken(file, 0, error) from None
    return chat


def _events(stream: BinaryIO, chat: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """The file's events with each chat of an account's export seen as a one-chat export (its prefix
    cut off), noting each chat's name, type and id in `chat` as they pass, before its messages."""
    for prefix, event, value in ijson.parse(stream, use_float=True):
        if prefix.startswith(_CHAT_LISTS):
            prefix = prefix.partition(".list.item")[2][1:]
            if not prefix and event == "start_map":
                chat.clear()
        if prefix in _HEADER and event in _SCALARS:
            chat[prefix] = value
        yield prefix, event, value


def _records(
    messages: Iterator[Any], chat: dict[str, Any], file: str, read: list[int], skip: int = 0
) -> Iterator[Record]:
    """The records of the messages; `read[0]` counts the messages given so far (the first `skip` are
    passed over: they were given before)."""
    number = 0
    seen: tuple[Any, ...] = ()
    context = _context(chat)
    try:
        for message in messages:
            number += 1
            read[0] = number
            if number <= skip:
                continue
            header = (chat.get("id"), chat.get("type"), chat.get("name"))
            if header != seen:  # a new chat of an account's export
                seen, context = header, _context(chat)
            record = _record(message, context, file, number)
            if record is not None:
                yield record
    except ijson.JSONError as error:
        raise _broken(file, number, error) from None


def _broken(file: str, number: int, error: Exception) -> FormatError:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return FormatError(
        f"{file} breaks off after message {number}: not valid JSON: {reason}", file=file, expected=NAME
    )


class _Chat(NamedTuple):
    """What every message of a chat shares: its Bot API id, its member link's start and its record."""

    id: str | None
    name: str | None
    link: str | None
    value: dict[str, Any]


def _context(chat: dict[str, Any]) -> _Chat:
    chat_id = _chat_id(chat)
    name = chat.get("name") if isinstance(chat.get("name"), str) else None
    link = f"https://t.me/c/{chat['id']}/" if chat_id and chat.get("type") in _CHANNEL_TYPES else None
    return _Chat(chat_id, name, link, compact({"id": chat_id, "name": name, "type": chat.get("type")}))


def _record(message: Any, chat: _Chat, file: str, number: int) -> Record | None:
    """The message as a Record, or None when it is no advert (a service message, no text)."""
    if not isinstance(message, dict) or message.get("type") != "message":
        return None
    text, links = _text(message)
    if not text.strip():
        return None
    message_id = message.get("id")
    if chat.id is None:
        return Record(
            file, number, None, "the chat's id is not given before its messages", _raw(message, text)
        )
    if isinstance(message_id, bool) or not isinstance(message_id, int):
        problem = f"message id is not an integer: {message_id!r}"
        return Record(file, number, None, problem, _raw(message, text))
    for link in links:
        if link not in text:
            text += f"\n{link}"
    value = {
        "platform": "telegram",
        "post_id": f"{chat.id}/{message_id}",
        "text": text,
        "posted_at": unix_time(message.get("date_unixtime")) or message.get("date"),
        "author": _author(message, chat),
        "chat": chat.value,
    }
    if chat.link is not None:
        value["url"] = f"{chat.link}{message_id}"
    forwarded = _forwarded(message)
    if forwarded is not None:
        value["forwarded_from"] = forwarded
    return Record(file, number, value, None, _raw(message, text))


def _raw(message: dict[str, Any], text: str) -> str:
    """The start of the message for the rejects file: its id and its text, as JSON."""
    shown = json.dumps(text[:RAW_PREVIEW_CHARS], ensure_ascii=False)
    return f'{{"id": {json.dumps(message.get("id"), default=str)}, "text": {shown}}}'[:RAW_PREVIEW_CHARS]


def _text(message: dict[str, Any]) -> tuple[str, list[str]]:
    """The message's visible text, and the links of its text_link entities (their target is not part of
    the visible text: `click here` pointing at a wa.me link). The export writes a text with no entities
    as a string, else as a list of strings and entity objects."""
    parts = message.get("text")
    if isinstance(parts, str):
        return parts, []
    if not isinstance(parts, list):
        parts = message.get("text_entities")
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


def _author(message: dict[str, Any], chat: _Chat) -> dict[str, Any] | None:
    """Who sent the message (`from`, `from_id`); in a channel, or when the sender is hidden, the chat."""
    sender = peer_id(message.get("from_id"))
    name = message.get("from")
    if sender is None:
        sender, name = chat.id, chat.name
    return compact({"id": sender, "name": name if isinstance(name, str) else None}) or None


def _forwarded(message: dict[str, Any]) -> dict[str, Any] | None:
    """Where a forwarded message came from, as the export names it (a name; newer exports an id too)."""
    name = message.get("forwarded_from")
    origin = peer_id(message.get("forwarded_from_id"))
    if not isinstance(name, str) and origin is None:
        return None
    return compact({"name": name if isinstance(name, str) else None, "id": origin})
