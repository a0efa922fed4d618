"""Telegram Desktop JSON exports: one chat and a whole account's, read into Records in file order."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.advert import Advert, Record, Reject
from graph.formats import FormatError, read_file
from graph.formats.telegram import peer_id, records, sniff
from graph.ingest import ingest

DATA = Path(__file__).resolve().parents[2] / "data" / "formats"
CHANNEL = DATA / "telegram_channel.json"
ACCOUNT = DATA / "telegram_account.json"


def read(path: Path) -> list[Record]:
    return [r for r in read_file(path, "telegram") if isinstance(r, Record)]


def chat(messages: list[Any], **header: Any) -> dict[str, Any]:
    return {"name": "Boats", "type": "public_channel", "id": 42, **header, "messages": messages}


def message(number: int, text: Any, **fields: Any) -> dict[str, Any]:
    return {
        "id": number,
        "type": "message",
        "date": "2026-11-02T19:20:00",
        "date_unixtime": "1793643600",
        "from": "Boats",
        "from_id": "channel42",
        "text": text,
        **fields,
    }


def from_bytes(data: bytes, file: str = "export.json") -> list[Record]:
    return list(records(io.BytesIO(data), file))


def test_one_chat_gives_one_record_per_message_with_text_in_file_order() -> None:
    got = read(CHANNEL)

    # 1 service, 4414 photo without caption, 4417 pin, 4418 unsupported, 4419 sticker: skipped.
    assert [r.value["post_id"] for r in got] == [
        "-1001234567890/4412",
        "-1001234567890/4413",
        "-1001234567890/4415",
        "-1001234567890/4416",
    ]
    assert [r.number for r in got] == [2, 3, 5, 6]  # the message's place among the file's messages
    assert all(r.file == str(CHANNEL) and r.problem is None for r in got)


def test_text_given_as_entities_is_the_visible_text_and_hidden_links_follow_it() -> None:
    advert = read(CHANNEL)[1].parse()

    assert isinstance(advert, Advert)
    # "click here" points at a wa.me link that is not in the visible text: it is added on a line of its
    # own, so that identifier extraction sees it; the visible link is not repeated.
    assert advert.text == (
        "Places left for Saturday. Pay on arrival. Write to @calais_crossing_a or click here, "
        "details on https://crossing-now.example/info\nhttps://wa.me/447957500418"
    )


def test_the_date_is_read_from_unixtime_in_utc_not_the_exporters_local_time() -> None:
    advert = read(CHANNEL)[0].parse()

    assert isinstance(advert, Advert)
    # `date` says 19:20, the exporting machine's local time (UTC+1 in November); the Unix time is 18:20 UTC.
    assert advert.posted_at.isoformat() == "2026-11-02T18:20:00+00:00"


def test_a_channel_post_is_authored_by_the_channel_with_its_bot_api_id_and_member_link() -> None:
    advert = read(CHANNEL)[0].parse()

    assert isinstance(advert, Advert)
    assert advert.platform == "telegram"
    assert advert.author is not None
    assert (advert.author.id, advert.author.name) == ("-1001234567890", "Crossing Now 🇬🇧")
    assert advert.url == "https://t.me/c/1234567890/4412"
    assert advert.account_key == "account:telegram:-1001234567890"


def test_forwarded_from_and_the_chat_are_kept_with_the_record() -> None:
    forwarded = read(CHANNEL)[3]

    assert forwarded.value["forwarded_from"] == {"name": "Dunkirk Boats"}
    assert forwarded.value["chat"] == {
        "id": "-1001234567890",
        "name": "Crossing Now 🇬🇧",
        "type": "public_channel",
    }
    assert forwarded.value["text"].endswith("\nhttps://t.me/+AbCdEfGhIjKlMnOp")


def test_an_account_export_reads_every_chat_and_left_chat_with_its_own_context() -> None:
    got = read(ACCOUNT)

    assert [r.value["post_id"] for r in got] == [
        "-1001987654321/3",  # supergroup
        "-1001987654321/4",
        "6660001/90001",  # private chat: the Bot API id of a user is the user id
        "-1001234567890/4412",  # a left channel
    ]
    group, forwarded, private, left = (r.parse() for r in got)
    assert isinstance(group, Advert) and group.author is not None
    assert (group.author.id, group.author.name) == ("6660001", "Ali")
    assert group.text.endswith("\nhttps://paypal.me/dovertrips")
    assert isinstance(forwarded, Advert) and forwarded.author is not None
    assert (forwarded.author.id, forwarded.author.name) == ("6660002", None)  # a deleted account's name
    # A newer export names the origin's id too, written as the Bot API writes it.
    assert got[1].value["forwarded_from"] == {"name": "Crossing Now 🇬🇧", "id": "-1001234567890"}
    assert isinstance(private, Advert) and private.url is None  # only channels and supergroups have links
    assert got[2].value["chat"]["type"] == "personal_chat"
    assert isinstance(left, Advert) and left.key == "advert:telegram:-1001234567890/4412"


def test_the_same_message_in_two_exports_is_the_same_advert() -> None:
    in_channel = read(CHANNEL)[0].parse()
    in_account = read(ACCOUNT)[-1].parse()

    assert isinstance(in_channel, Advert) and isinstance(in_account, Advert)
    assert in_channel.key == in_account.key
    assert in_channel.content_hash() == in_account.content_hash()


def test_the_same_message_id_in_two_chats_is_two_adverts() -> None:
    export = {
        "about": "",
        "personal_information": {"user_id": 1},
        "chats": {
            "about": "",
            "list": [
                chat([message(7, "boat one")], id=11, type="private_group"),
                chat([message(7, "boat two")], id=11, type="public_supergroup"),
                chat([message(7, "boat three")], id=11, type="personal_chat"),
            ],
        },
    }
    got = from_bytes(json.dumps(export).encode())

    assert [r.value["post_id"] for r in got] == ["-11/7", "-10011/7", "11/7"]


def test_without_date_unixtime_the_date_is_read_as_given() -> None:
    old = message(5, "boat", date="2019-03-01T10:00:00")
    del old["date_unixtime"]
    (got,) = from_bytes(json.dumps(chat([old])).encode())

    advert = got.parse()
    assert isinstance(advert, Advert)
    assert advert.posted_at.isoformat() == "2019-03-01T10:00:00+00:00"


def test_a_bad_message_is_a_reject_naming_the_problem_and_the_rest_is_read() -> None:
    messages = [message(1, "bad \u0000 text"), message("2", "id as text"), message(3, "fine")]
    got = from_bytes(json.dumps(chat(messages)).encode(), "bad.json")

    first, second, third = (r.parse() for r in got)
    assert isinstance(first, Reject) and first.reason.startswith("text: holds a NUL character")
    assert (first.file, first.line) == ("bad.json", 1)
    assert isinstance(second, Reject) and second.reason == "message id is not an integer: '2'"
    assert '"id as text"' in second.raw
    assert isinstance(third, Advert) and third.post_id == "-10042/3"


def test_a_chat_whose_id_comes_after_its_messages_is_rejected_message_by_message() -> None:
    data = b'{"name": "Boats", "messages": [' + json.dumps(message(1, "boat")).encode() + b'], "id": 5}'
    (got,) = from_bytes(data)

    assert got.value is None and got.problem == "the chat's id is not given before its messages"


def test_an_export_that_breaks_off_raises_after_the_records_before_it() -> None:
    data = json.dumps(chat([message(n, f"boat {n}") for n in range(1, 4)])).encode()
    cut = data[: data.index(b"boat 3") + 3]
    got: list[Record] = []

    with pytest.raises(FormatError) as raised:
        got.extend(records(io.BytesIO(cut), "cut.json"))

    assert [r.value["post_id"] for r in got] == ["-10042/1", "-10042/2"]
    assert (
        str(raised.value) == "cut.json breaks off after message 2: not valid JSON: parse error: premature EOF"
    )


def test_a_byte_order_mark_is_passed_over() -> None:
    data = b"\xef\xbb\xbf" + json.dumps(chat([message(1, "boat")])).encode()

    assert sniff(data)
    assert [r.value["post_id"] for r in from_bytes(data)] == ["-10042/1"]


def test_records_are_streamed_one_message_at_a_time() -> None:
    class Slow(io.RawIOBase):
        """A stream that remembers how much of its data it gave."""

        def __init__(self, data: bytes) -> None:
            self.data, self.at = data, 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            size = min(len(buffer), len(self.data) - self.at)
            buffer[:size] = self.data[self.at : self.at + size]
            self.at += size
            return size

    data = json.dumps(chat([message(n, "boat " * 20) for n in range(1, 20_001)])).encode()
    stream = Slow(data)
    first = next(records(stream, "big.json"))

    assert first.value["post_id"] == "-10042/1"
    assert stream.at < len(data) // 10  # the first record came before the file was read


def test_a_file_in_another_layout_is_one_error_naming_it_and_what_was_found(tmp_path: Path) -> None:
    tweets = tmp_path / "tweets.json"
    tweets.write_text(json.dumps({"data": [{"id": "1", "text": "hi"}], "meta": {"result_count": 1}}))

    with pytest.raises(FormatError) as raised:
        read_file(tweets, "telegram")

    message_ = str(raised.value)
    assert message_.startswith(f"{tweets} is not a Telegram Desktop JSON export: found a JSON object")
    assert "keys data, meta" in message_


@pytest.mark.parametrize(
    ("peer", "expected"),
    [("user123", "123"), ("channel123", "-100123"), ("chat123", "-123"), ("bot", None), (123, None)],
)
def test_export_peers_are_written_as_the_bot_api_writes_them(peer: Any, expected: str | None) -> None:
    assert peer_id(peer) == expected


def test_a_large_export_that_breaks_off_gives_every_message_before_the_break() -> None:
    data = json.dumps(chat([message(n, f"boat {n}") for n in range(1, 5001)])).encode()
    cut = data[: data.index(b'"id": 4000,')]
    got: list[Record] = []

    with pytest.raises(FormatError, match="breaks off after message 3999"):
        got.extend(records(io.BytesIO(cut), "cut.json"))

    assert [r.number for r in got] == list(range(1, 4000))


def test_telegram_desktops_hex_escapes_of_control_characters_are_read() -> None:
    # Telegram Desktop writes a control character as \x0B, which JSON has no escape for.
    escaped = json.dumps(chat([message(1, "one@@two"), message(2, "C:@@@@xfiles")])).encode()
    data = escaped.replace(b"@@@@", b"\\\\").replace(b"@@", b"\\x0B")

    first, second = from_bytes(data)

    assert first.value is not None and first.value["text"] == "one\x0btwo"
    assert second.value is not None and second.value["text"] == "C:\\xfiles"  # an escaped backslash


def test_a_hex_escape_cut_by_a_read_boundary_is_read_whole() -> None:
    head = json.dumps(chat([message(1, "pad")])).encode()[:-2]  # without the closing "]}"
    filler = json.dumps(message(2, "x")).encode()
    before = b'{"id": 3, "type": "message", "date_unixtime": "1793643600", "text": "cut'
    pad = b"," + b" " * (64 * 1024 - len(head) - len(before) - 2)  # the backslash ends the first read
    data = head + pad + before + b"\\x0Bhere" + b'"}, ' + filler + b"]}"
    assert data.index(b"\\x0B") == 64 * 1024 - 1

    got = from_bytes(data)

    assert [r.value["text"] for r in got if r.value] == ["pad", "cut\x0bhere", "x"]


# In the graph ----------------------------------------------------------------------------------------

CHANNEL_ACCOUNT = "account:telegram:-1001234567890"
GROUP_ACCOUNT = "account:telegram:-1001987654321"


def query(driver: neo4j.Driver, database: str, text: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(text, parameters, database_=database)
    return [r.data() for r in records]


def test_each_advert_is_in_its_chat_and_a_forward_points_at_its_origin(graph: neo4j.Driver, database: str):
    first = ingest(graph, database, read_file(CHANNEL), source="tg")
    second = ingest(graph, database, read_file(ACCOUNT), source="tg")
    assert (first.created, second.created, second.unchanged) == (4, 3, 1)  # 4412 is in both exports

    in_chat = query(
        graph,
        database,
        "MATCH (a:Advert)-[:IN_CHAT]->(c:Account) RETURN a.post_id AS post, c.key AS chat ORDER BY post",
    )
    assert [(r["post"], r["chat"]) for r in in_chat] == [
        ("-1001234567890/4412", CHANNEL_ACCOUNT),
        ("-1001234567890/4413", CHANNEL_ACCOUNT),
        ("-1001234567890/4415", CHANNEL_ACCOUNT),
        ("-1001234567890/4416", CHANNEL_ACCOUNT),
        ("-1001987654321/3", GROUP_ACCOUNT),
        ("-1001987654321/4", GROUP_ACCOUNT),
        ("6660001/90001", "account:telegram:6660001"),  # a private chat is the other person's
    ]
    # Only the forward whose export names the origin's id points at it; "Dunkirk Boats" (4416) is a name.
    forwarded = query(
        graph,
        database,
        "MATCH (a:Advert)-[:FORWARDED_FROM]->(o:Account) RETURN a.post_id AS post, o.key AS origin",
    )
    assert forwarded == [{"post": "-1001987654321/4", "origin": CHANNEL_ACCOUNT}]

    # A channel's posts are the channel's: its author, its chat and the origin of the forward are one node.
    channel = query(
        graph,
        database,
        "MATCH (c:Account {key: $key}) RETURN properties(c) AS c, "
        "COUNT { (c)-[:POSTED]->(:Advert)-[:IN_CHAT]->(c) } AS own, "
        "COUNT { (c)<-[:IN_CHAT]-(:Advert) } AS in_chat, COUNT { (c)<-[:FORWARDED_FROM]-() } AS forwards",
        key=CHANNEL_ACCOUNT,
    )
    assert channel == [
        {
            "c": {
                "key": CHANNEL_ACCOUNT,
                "platform": "telegram",
                "account_id": "-1001234567890",
                "name": "Crossing Now 🇬🇧",
            },
            "own": 4,
            "in_chat": 4,
            "forwards": 1,
        }
    ]
    # The supergroup is an Account of its own, which posted nothing: its members did.
    group = query(
        graph,
        database,
        "MATCH (g:Account {key: $key}) RETURN g.name AS name, g.account_id AS id, "
        "COUNT { (g)-[:POSTED]->() } AS posted, COUNT { (g)-[:USES]->() } AS uses",
        key=GROUP_ACCOUNT,
    )
    assert group == [{"name": "Calais ⇄ Dover rides", "id": "-1001987654321", "posted": 0, "uses": 0}]

    again = ingest(graph, database, read_file(ACCOUNT), source="tg")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
