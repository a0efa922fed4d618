import io
import json
from datetime import UTC, datetime

import pytest

from graph.advert import (
    MAX_TEXT_CHARS,
    Advert,
    AdvertError,
    Author,
    Line,
    Record,
    Reject,
    parse_advert,
    parse_line,
    parse_lines,
    read_lines,
)

GOOD = {
    "platform": "facebook",
    "post_id": "100089231_7711002233",
    "url": "https://www.facebook.com/dunkirk.crossing.uk/posts/7711002233",
    "author": {"handle": "dunkirk.crossing.uk", "id": "100089231", "name": "Crossing UK"},
    "text": "UK crossing this week. WhatsApp +44 7957 500418",
    "posted_at": "2024-03-04T19:12:00Z",
    "lang": "en",
    "region": "fr",
    "media": ["sha256:9f2c"],
    "source": "referrals",
}


def with_(**changes: object) -> dict:
    record = {**GOOD, **changes}
    return {k: v for k, v in record.items() if v is not ...}


def reason(record: object) -> str:
    parsed = parse_line(Line("adverts.jsonl", 7, json.dumps(record)))
    assert isinstance(parsed, Reject), parsed
    assert (parsed.file, parsed.line) == ("adverts.jsonl", 7)
    return parsed.reason


def test_a_valid_advert_is_normalised() -> None:
    advert = parse_advert(GOOD)
    assert advert == Advert(
        platform="facebook",
        post_id="100089231_7711002233",
        text="UK crossing this week. WhatsApp +44 7957 500418",
        posted_at=datetime(2024, 3, 4, 19, 12, tzinfo=UTC),
        url="https://www.facebook.com/dunkirk.crossing.uk/posts/7711002233",
        author=Author(handle="dunkirk.crossing.uk", id="100089231", name="Crossing UK"),
        lang="en",
        region="FR",
        media=("sha256:9f2c",),
        source="referrals",
    )
    assert advert.key == "advert:facebook:100089231_7711002233"


def test_only_platform_post_id_text_and_posted_at_are_required() -> None:
    advert = parse_advert({"platform": "x", "post_id": 1, "text": "", "posted_at": "2024-03-04"})
    assert advert.post_id == "1"
    assert advert.author is None and advert.url is None and advert.media == ()
    assert advert.posted_at == datetime(2024, 3, 4, tzinfo=UTC)


@pytest.mark.parametrize(("given", "platform"), [("Twitter", "x"), ("X", "x"), (" TikTok ", "tiktok")])
def test_platform_is_case_insensitive_and_twitter_is_x(given: str, platform: str) -> None:
    assert parse_advert(with_(platform=given)).platform == platform


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-03-04T19:12:00", datetime(2024, 3, 4, 19, 12, tzinfo=UTC)),  # naive: UTC
        ("2024-03-04T21:12:00+02:00", datetime(2024, 3, 4, 19, 12, tzinfo=UTC)),
        ("2024-03-04 19:12:00.250Z", datetime(2024, 3, 4, 19, 12, 0, 250000, tzinfo=UTC)),
    ],
)
def test_posted_at_is_stored_in_utc(given: str, expected: datetime) -> None:
    assert parse_advert(with_(posted_at=given)).posted_at == expected


def test_null_means_missing_for_optional_fields() -> None:
    advert = parse_advert(with_(url=None, author=None, lang=None, region=None, media=None, source=None))
    assert (advert.url, advert.author, advert.lang, advert.region, advert.media) == (
        None,
        None,
        None,
        None,
        (),
    )


def test_an_empty_author_is_no_author() -> None:
    assert parse_advert(with_(author={"handle": None, "name": " "})).author is None


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (with_(platform=...), "platform: missing"),
        (
            with_(platform="myspace"),
            "platform: unknown platform 'myspace'; expected one of facebook, instagram",
        ),
        (with_(platform=3), "platform: must be a string, not a number"),
        (with_(post_id=...), "post_id: missing"),
        (with_(post_id="  "), "post_id: empty"),
        (with_(post_id=1.5), "post_id: must be a string or an integer, not a number: 1.5"),
        (with_(post_id=True), "post_id: must be a string or an integer, not a boolean: true"),
        (with_(post_id="9" * 501), "post_id: 501 characters, more than the 500 allowed"),
        (with_(text=...), "text: missing"),
        (with_(text=["a"]), "text: must be a string, not an array"),
        (with_(text="x" * (MAX_TEXT_CHARS + 1)), "text: 100,001 characters, more than the 100,000 allowed"),
        (with_(text="ok \ud83d then"), "text: holds an unpaired surrogate \\ud83d at character 4"),
        (with_(posted_at=...), "posted_at: missing"),
        (with_(posted_at="32/13/2024"), "posted_at: not an ISO 8601 date: '32/13/2024'"),
        (with_(posted_at="2024-02-30"), "posted_at: not an ISO 8601 date: '2024-02-30'"),
        (with_(posted_at=1709579520), "posted_at: not an ISO 8601 date: 1709579520 is a number"),
        (
            with_(posted_at="0001-01-01T00:00:00+01:00"),
            "posted_at: out of range once read as UTC: '0001-01-01T00:00:00+01:00'",
        ),
        (
            with_(posted_at="9999-12-31T23:59:59-01:00"),
            "posted_at: out of range once read as UTC: '9999-12-31T23:59:59-01:00'",
        ),
        (with_(url=42), "url: must be a string, not a number: 42"),
        (with_(author="boat_uk"), "author: must be an object with handle, id and name, not a string"),
        (with_(author={"id": {"n": 1}}), "author.id: must be a string or an integer, not an object"),
        (with_(author={"name": 7}), "author.name: must be a string, not a number: 7"),
        (
            with_(author={"handle": "@" + "a" * 9000}),
            "author.handle: 9,001 characters, more than the 500 allowed",
        ),
        (
            with_(lang="English language"),
            "lang: not a language code such as 'en' or 'ar-IQ': 'English language'",
        ),
        (
            with_(region="UK"),
            "region: not an ISO 3166 alpha-2 country code: 'UK' (the United Kingdom is 'GB')",
        ),
        (with_(region="GBR"), "region: not an ISO 3166 alpha-2 country code: 'GBR'"),
        (with_(media="sha256:1"), "media: must be an array of hash strings, not a string"),
        (with_(media=["sha256:1", ""]), "media[1]: must be a non-empty hash string, not ''"),
        (with_(source=["a"]), 'source: must be a string, not an array: ["a"]'),
    ],
)
def test_each_invalid_field_is_rejected_with_a_reason_naming_it(record: dict, expected: str) -> None:
    assert reason(record).startswith(expected)


def test_a_long_text_is_rejected_not_truncated() -> None:
    with pytest.raises(AdvertError) as caught:
        parse_advert(with_(text="x" * (MAX_TEXT_CHARS + 1)))
    assert caught.value.field == "text"
    assert parse_advert(with_(text="x" * MAX_TEXT_CHARS)).text == "x" * MAX_TEXT_CHARS


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"platform": "x", "post_id": ', "not valid JSON: Expecting value at column 30"),
        (b"[1, 2]", "not a JSON object but an array"),
        (b'"just text"', "not a JSON object but a string"),
        (b"null", "not a JSON object but null"),
        (b'{"text": "caf\xe9"}', "not valid UTF-8: byte 0xe9 at byte 14"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON: nested too deeply"),
        (
            b'{"platform": "x", "n": ' + b"9" * 5000 + b"}",
            "not valid JSON: a number with more digits than can be read",
        ),
    ],
)
def test_lines_that_are_not_json_objects_are_rejected(data: bytes, expected: str) -> None:
    parsed = parse_line(Line("f.jsonl", 3, data))
    assert isinstance(parsed, Reject)
    assert parsed.reason == expected
    assert len(parsed.raw) <= 500


def test_blank_lines_are_skipped_silently() -> None:
    data = b"\n   \n\r\n" + json.dumps(GOOD).encode() + b"\n\t\n"
    parsed = list(parse_lines(read_lines(io.BytesIO(data), "f.jsonl")))
    assert [(line.number, type(p).__name__) for line, p in parsed] == [(4, "Advert")]


def test_a_byte_order_mark_and_crlf_are_accepted() -> None:
    data = b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\r\n"
    [(_, advert)] = parse_lines(read_lines(io.BytesIO(data)))
    assert isinstance(advert, Advert)


def test_a_line_over_the_limit_is_rejected_and_reading_goes_on() -> None:
    data = b'{"text": "' + b"x" * 5000 + b'"}\n' + json.dumps(GOOD).encode() + b"\n"
    parsed = list(parse_lines(read_lines(io.BytesIO(data), "f.jsonl", limit=1000)))
    assert [line.number for line, _ in parsed] == [1, 2]
    reject, advert = parsed[0][1], parsed[1][1]
    assert isinstance(reject, Reject) and reject.reason == "line is longer than 1,000 bytes"
    assert reject.raw.startswith('{"text": "xxx') and len(reject.raw) == 500
    assert isinstance(advert, Advert)


def test_only_newline_ends_a_line() -> None:
    record = with_(text="line one\u2028line two\rthree")
    [(_, advert)] = parse_lines(read_lines(io.BytesIO(json.dumps(record, ensure_ascii=False).encode())))
    assert advert.text == "line one\u2028line two\rthree"


def test_reject_as_json_has_file_line_reason_and_raw() -> None:
    reject = parse_line(Line("a.jsonl", 12, '{"platform": "x"}'))
    assert reject.as_json() == {
        "file": "a.jsonl",
        "line": 12,
        "reason": "post_id: missing",
        "raw": '{"platform": "x"}',
    }


def test_content_hash_ignores_source_and_key_order_but_not_content() -> None:
    advert = parse_advert(GOOD)
    reordered = dict(reversed(list(GOOD.items())))
    assert parse_advert(reordered).content_hash() == advert.content_hash()
    assert parse_advert(with_(source="other feed")).content_hash() == advert.content_hash()
    assert parse_advert(with_(posted_at="2024-03-04T20:12:00+01:00")).content_hash() == advert.content_hash()
    assert parse_advert(with_(text=GOOD["text"] + "!")).content_hash() != advert.content_hash()
    assert parse_advert(with_(author={"handle": "other"})).content_hash() != advert.content_hash()


def test_content_hashes_stay_those_already_stored() -> None:
    """Hashes written by earlier versions: if the hash of the same content changed, the next run would
    take every stored advert for a changed one and write it all again."""
    with_author = parse_advert(
        {
            "platform": "telegram",
            "post_id": "chan/412",
            "text": "Boat to UK call +44 7400 123456",
            "posted_at": "2024-03-01T02:00:00Z",
            "author": {"handle": "Crossing_Now", "id": "991", "name": "Abu"},
            "lang": "en",
            "region": "GB",
            "media": ["sha256:ab"],
        }
    )
    bare = parse_advert({"platform": "x", "post_id": "1", "text": "t", "posted_at": "2024-03-01T02:00:00Z"})

    assert with_author.content_hash() == "03955a1049fa1df54bfb7c7e15a6aa97a5042d758cbeebbff24917b8fc5a980a"
    assert bare.content_hash() == "7d9886dbfe67a6deb45f08ec87f77a9e20079bc1bfd93c46e4cb084df8118ab8"


@pytest.mark.parametrize(
    ("platform", "author", "key"),
    [
        ("facebook", {"handle": "Dunkirk.Crossing.UK", "id": "1001"}, "handle:facebook:dunkirkcrossinguk"),
        ("twitter", {"handle": "@CrossingUK24"}, "handle:x:crossinguk24"),
        ("instagram", {"handle": "no spaces allowed", "id": 5512}, "account:instagram:5512"),
        ("whatsapp", {"handle": "karim", "id": "+33612457890"}, "account:whatsapp:+33612457890"),
        ("facebook", {"handle": "Batch_Author_1"}, "account:facebook:@batch_author_1"),  # no "_" on Facebook
        ("whatsapp", {"handle": "Karim"}, "account:whatsapp:@karim"),
        ("telegram", {"name": "Only A Name"}, None),
        ("telegram", None, None),
    ],
)
def test_account_key_prefers_a_valid_handle_then_the_id_then_the_handle_as_written(
    platform: str, author: dict | None, key: str | None
) -> None:
    assert parse_advert(with_(platform=platform, author=author)).account_key == key


@pytest.mark.parametrize(
    ("account", "key"),
    [
        ({"handle": "@Crossing_Now", "id": "-1001234567890"}, "handle:telegram:crossing_now"),
        (
            {"id": -1001234567890, "name": "Crossing Now", "type": "public_channel"},
            "account:telegram:-1001234567890",
        ),
        ({"handle": "no spaces"}, "account:telegram:@no spaces"),
        ({"name": "Dunkirk Boats"}, None),
    ],
)
def test_the_chat_and_the_forwarded_from_are_keyed_as_the_author_is(account: dict, key: str | None) -> None:
    advert = parse_advert(with_(platform="telegram", author=account, chat=account, forwarded_from=account))
    assert advert.chat is not None and advert.forwarded_from is not None
    assert advert.chat.account_key("telegram") == advert.account_key == key
    assert advert.forwarded_from.account_key("telegram") == key
    assert advert.chat == advert.forwarded_from == advert.author  # a chat's `type` is not read


def test_an_advert_without_chat_or_forwarded_from_keeps_its_hash_and_one_with_them_differs() -> None:
    advert = parse_advert(GOOD)
    assert (advert.chat, advert.forwarded_from) == (None, None)
    assert "chat" not in advert.canonical() and "forwarded_from" not in advert.canonical()
    assert parse_advert(with_(chat=None, forwarded_from={})).content_hash() == advert.content_hash()
    in_chat = parse_advert(with_(chat={"id": "-10042"}))
    forwarded = parse_advert(with_(forwarded_from={"id": "-10042"}))
    assert in_chat.canonical()["chat"] == {"handle": None, "id": "-10042", "name": None}
    assert len({advert.content_hash(), in_chat.content_hash(), forwarded.content_hash()}) == 3
    # The type Telegram's reader keeps with the chat is not the advert's content.
    typed = parse_advert(with_(chat={"id": "-10042", "type": "public_channel"}))
    assert typed.content_hash() == in_chat.content_hash()


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (with_(chat={"id": 1.5}), "chat.id: must be a string or an integer, not a number: 1.5"),
        (with_(chat="Crossing Now"), "chat: must be an object with handle, id and name, not a string"),
        (with_(chat={"handle": "@" + "a" * 600}), "chat.handle: 601 characters, more than the 500 allowed"),
        (
            with_(forwarded_from={"id": True}),
            "forwarded_from.id: must be a string or an integer, not a boolean: true",
        ),
        (with_(forwarded_from={"name": ["x"]}), 'forwarded_from.name: must be a string, not an array: ["x"]'),
        (with_(forwarded_from=7), "forwarded_from: must be an object with handle, id and name, not a number"),
    ],
)
def test_a_bad_chat_or_forwarded_from_is_a_reject_naming_the_field(record: dict, expected: str) -> None:
    assert reason(record) == expected


def test_defaults_only_fill_a_missing_region_or_source() -> None:
    filled = parse_advert(with_(region=None, source=None)).with_defaults(region="GB", source="feed")
    assert (filled.region, filled.source) == ("GB", "feed")
    kept = parse_advert(with_(region="FR")).with_defaults(region="GB", source="feed")
    assert (kept.region, kept.source) == ("FR", "referrals")


# --- edge cases decided in docs/input.md ---

NUL_FIELDS = [
    ("platform", with_(platform="face\u0000book")),
    ("post_id", with_(post_id="12\u000034")),
    ("text", with_(text="call \u0000 now")),
    ("posted_at", with_(posted_at="2024-03-04\u0000")),
    ("url", with_(url="https://example.com/\u0000")),
    ("author.handle", with_(author={"handle": "boat\u0000uk"})),
    ("author.id", with_(author={"id": "10\u000001"})),
    ("author.name", with_(author={"name": "\u0000Boat"})),
    ("lang", with_(lang="en\u0000")),
    ("region", with_(region="\u0000GB")),
    ("media[0]", with_(media=["sha256:\u00009f"])),
    ("source", with_(source="feed\u0000")),
]


@pytest.mark.parametrize(("field", "record"), NUL_FIELDS, ids=[f for f, _ in NUL_FIELDS])
def test_an_escaped_nul_is_rejected_in_every_string_field(field: str, record: dict) -> None:
    text = json.dumps(record)
    assert "\\u0000" in text and "\x00" not in text  # escaped, as JSON writes it
    assert reason(record).startswith(f"{field}: holds a NUL character (\\u0000) at character ")


def test_a_raw_nul_is_rejected_by_name_at_its_column() -> None:
    data = b'{"platform": "x", "text": "a\x00b"}'
    parsed = parse_line(Line("f.jsonl", 2, data))
    assert isinstance(parsed, Reject)
    assert parsed.reason == "not valid JSON: Invalid control character U+0000 at column 29"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text": "a\tb"}', "not valid JSON: Invalid control character U+0009 at column 12"),
        (b'{"text": "abc', "not valid JSON: Unterminated string starting at column 10"),
    ],
)
def test_a_decode_error_says_at_column_once(data: bytes, expected: str) -> None:
    parsed = parse_line(Line("f.jsonl", 1, data))
    assert isinstance(parsed, Reject)
    assert parsed.reason == expected and "at at" not in parsed.reason


def test_integer_ids_are_read_as_their_decimal_string() -> None:
    given_as_numbers = parse_advert(with_(post_id=12345, author={"id": -1001234567890}))
    given_as_strings = parse_advert(with_(post_id="12345", author={"id": "-1001234567890"}))
    assert given_as_numbers.post_id == "12345" and given_as_numbers.author.id == "-1001234567890"
    assert given_as_numbers.key == given_as_strings.key == "advert:facebook:12345"
    assert given_as_numbers.content_hash() == given_as_strings.content_hash()


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (with_(post_id=12345.0), "post_id: must be a string or an integer, not a number: 12345.0"),
        (with_(post_id=1e20), "post_id: must be a string or an integer, not a number: 1e+20"),
        (with_(author={"id": False}), "author.id: must be a string or an integer, not a boolean: false"),
    ],
)
def test_float_and_boolean_ids_are_rejected(record: dict, expected: str) -> None:
    assert reason(record) == expected


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ('{"platform": "x", "post_id": "1", "text": "a", "text": "b", "posted_at": "2024-03-04"}', "text"),
        (
            '{"platform": "x", "post_id": "1", "post_id": "1", "text": "a", "posted_at": "2024-03-04"}',
            "post_id",
        ),
        (
            '{"platform": "x", "post_id": "1", "text": "a", "posted_at": "2024-03-04", '
            '"author": {"id": 1, "id": 2}}',
            "id",
        ),
        (
            '{"platform": "x", "post_id": "1", "text": "a", "posted_at": "2024-03-04", '
            '"extra": {"k": 1, "k": 1}}',
            "k",
        ),
    ],
)
def test_a_key_given_twice_rejects_the_line(data: str, key: str) -> None:
    parsed = parse_line(Line("f.jsonl", 4, data))
    assert isinstance(parsed, Reject), parsed
    assert (parsed.file, parsed.line) == ("f.jsonl", 4)
    assert parsed.reason == f"not valid JSON for an advert: the key '{key}' is given twice in one object"


def test_keys_differing_only_in_case_are_different_keys() -> None:
    data = '{"platform": "x", "post_id": "1", "text": "a", "Text": "b", "posted_at": "2024-03-04"}'
    parsed = parse_line(Line(None, 1, data))
    assert isinstance(parsed, Advert) and parsed.text == "a"


def test_a_record_from_another_layout_parses_as_its_json_line_would() -> None:
    value = {"platform": "x", "post_id": 7, "text": "places left", "posted_at": "2024-03-01T02:00:00Z"}
    advert = Record("tweets.json", 3, value, raw="{}").parse()
    assert isinstance(advert, Advert) and advert.key == "advert:x:7"


def test_a_record_that_cannot_be_an_advert_is_a_reject_naming_its_file_and_place() -> None:
    bad = Record("tweets.json", 4, {"platform": "x", "post_id": 8, "text": "hi", "posted_at": "x"}, raw="{}")
    unreadable = Record("result.json", 9, None, problem="a service message has no text", raw="{...}")
    for record, reason in ((bad, "posted_at"), (unreadable, "service message")):
        reject = record.parse()
        assert isinstance(reject, Reject)
        assert (reject.file, reject.line) == (record.file, record.number) and reason in reject.reason
