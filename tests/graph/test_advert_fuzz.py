"""The JSON Lines reader under generated input: arbitrary bytes, JSON of any shape, and adverts with hostile
values (mixed scripts, texts at the length cap, NULs, surrogates, deep nesting, repeated keys, wrong types).

Whatever a line holds, reading it raises nothing: it is skipped as blank, or it is exactly one Advert or
one Reject carrying its line number and a short printable reason; and an accepted advert written back in
its canonical form reads as the same advert. The `ci` Hypothesis profile (tests/conftest.py) keeps this
quick; HYPOTHESIS_PROFILE=thorough runs the benchmark-size version (RELIABILITY.md has its figures).
"""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import datetime
from typing import Any

from hypothesis import event, example, given
from hypothesis import strategies as st

from graph.advert import (
    MAX_ID_CHARS,
    MAX_TEXT_CHARS,
    PLATFORMS,
    Advert,
    Line,
    Reject,
    parse_line,
    parse_lines,
    read_lines,
)

# Where a reason may start: a field of the advert, or what was wrong with the line as a whole.
FIELDS = ("platform", "post_id", "text", "posted_at", "url", "author", "lang", "region", "media", "source")
LINE_PROBLEMS = ("not valid UTF-8", "not valid JSON", "not a JSON object", "line is longer than")
# Characters that have broken text handling elsewhere: scripts written right to left, digits of other
# scripts, joiners and marks of direction, combining marks, emoji with modifiers, line separators that are
# not `\n`, a NUL, and both halves of a surrogate pair on their own.
HOSTILE = (
    "a",
    "Z",
    "7",
    " ",
    "\t",
    "\r",
    "\x00",
    "\x1f",
    "\x7f",
    "\x85",
    "\u00a0",
    "é",
    "ß",
    "İ",
    "ب",
    "٣",
    "۷",
    "\u200d",
    "\u200e",
    "\u202e",
    "\u2028",
    "\u2029",
    "\u0301",
    "Ж",
    "中",
    "🚤",
    "👍🏽",
    "1\ufe0f\u20e3",
    "+",
    "@",
    "/",
    "\\",
    '"',
    "{",
    "\ufeff",
    "\ud83d",
    "\ude80",
)
UNSTORABLE = ("\x00", "\ud83d", "\ude80")  # a NUL and lone surrogates: every field refuses them
STORABLE = [c for c in HOSTILE if c not in UNSTORABLE]
# Text an advert may hold (anything but UNSTORABLE), and text that may hold anything.
storable_text = st.lists(
    st.one_of(st.sampled_from(STORABLE), st.characters(exclude_categories=["Cs"], exclude_characters="\x00")),
    max_size=40,
).map("".join)
visible_text = st.tuples(st.sampled_from("aZ7@中"), storable_text).map("".join)  # never only spaces
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.characters()), max_size=40).map("".join)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=False, allow_infinity=False),
    hostile_text,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)),
    max_leaves=12,
)


@st.composite
def long_texts(draw: st.DrawFn, over: bool) -> str:
    """A text of a repeated unit of mixed scripts, at most 3 characters under the cap or over it."""
    unit = "".join(draw(st.lists(st.sampled_from(STORABLE), min_size=1, max_size=8)))
    length = MAX_TEXT_CHARS + draw(st.integers(1, 3) if over else st.integers(-3, 0))
    return (unit * (length // len(unit) + 1))[:length]


@st.composite
def deep(draw: st.DrawFn) -> str:
    """JSON nested a few levels or far deeper than the decoder follows, as raw text."""
    depth = draw(st.one_of(st.integers(1, 50), st.integers(900, 3000)))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    return opener * depth + "1" + closer * depth


@st.composite
def spoiled(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    """A text with a NUL or half a surrogate pair put somewhere in it."""
    text = draw(texts)
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(UNSTORABLE)) + text[at:]


storable_ids = st.one_of(
    visible_text,
    st.integers(min_value=-(10**18), max_value=10**18),
    st.just("9" * MAX_ID_CHARS),
)
# Each field: values it accepts (mostly; edge cases included) and values it must refuse.
GOOD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "platform": st.sampled_from([*PLATFORMS, "Twitter", " TikTok "]),
    "post_id": storable_ids,
    "text": st.one_of(storable_text, long_texts(over=False)),
    "posted_at": st.datetimes(  # from year 2 to 9998: any offset keeps them in range once in UTC
        min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.none() | st.timezones()
    ).map(datetime.isoformat),
    "url": storable_text,
    "author": st.fixed_dictionaries(
        {}, optional={"handle": storable_text, "id": storable_ids, "name": storable_text, "x": json_values}
    ),
    "lang": st.sampled_from(["en", "ar-IQ", "EN_gb", " ku "]),
    "region": st.sampled_from(["GB", "fr", " iq "]),
    "media": st.lists(st.one_of(st.just("sha256:9f2c"), visible_text), max_size=3),
    "source": storable_text,
}
BAD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "platform": st.sampled_from(["myspace", ""]),
    "post_id": st.one_of(st.just("9" * (MAX_ID_CHARS + 1)), st.floats(), st.booleans(), st.just(" ")),
    "text": long_texts(over=True),
    "posted_at": st.sampled_from(["2024-02-30", "0001-01-01T00:00:00+01:00", "32/13/2024", "", "T"]),
    "url": st.integers(),
    "author": st.one_of(
        st.fixed_dictionaries({"id": st.floats()}), st.fixed_dictionaries({"handle": spoiled(storable_text)})
    ),
    "lang": st.sampled_from(["English", "e n", "12"]),
    "region": st.sampled_from(["UK", "GBR", "ZZ"]),
    "media": st.one_of(st.just("sha256:1"), st.just([""]), st.lists(st.integers(), min_size=1)),
    "source": st.lists(st.text(), min_size=1),
}
REQUIRED = ("platform", "post_id", "text", "posted_at")


@st.composite
def records(draw: st.DrawFn) -> tuple[str, str | None]:
    """One line of a JSON object and what it must read as: `accepted`, the start of the reject reason, or
    None when anything goes. The object is a valid advert; or one with a field spoiled (refused, of another
    type, missing, given twice, holding a NUL or a surrogate); or one with anything at all in any field,
    keys and values of any kind, nesting as deep as the decoder follows and deeper."""
    mode = draw(st.sampled_from(["valid", "one bad", "chaos"]))
    fields = {
        name: draw(values) for name, values in GOOD_VALUES.items() if name in REQUIRED or draw(st.booleans())
    }
    pairs = [(name, json.dumps(value, ensure_ascii=draw(st.booleans()))) for name, value in fields.items()]
    expected: str | None = "accepted"
    if mode == "one bad":
        name = draw(st.sampled_from(list(GOOD_VALUES)))
        how = draw(st.sampled_from(["bad", "any type", "absent", "twice", "unstorable"]))
        pairs = [pair for pair in pairs if pair[0] != name]
        if how == "twice":
            pairs.append((name, json.dumps(draw(GOOD_VALUES[name]))))
        if how == "absent":
            expected = f"{name}: missing" if name in REQUIRED else "accepted"
        else:
            spoilt = {"bad": BAD_VALUES[name], "any type": json_values, "unstorable": spoiled(storable_text)}
            pairs.append((name, json.dumps(draw(spoilt.get(how, GOOD_VALUES[name])))))
            expected = {
                "bad": name,
                "any type": None,
                "twice": f"not valid JSON for an advert: the key '{name}' is given twice",
                "unstorable": name,
            }[how]
    if draw(st.booleans()):  # a field the reader ignores, whatever it holds
        pairs.append((f"x-{draw(hostile_text)}", json.dumps(draw(json_values))))
    if mode == "chaos":
        anything = {name: st.one_of(GOOD_VALUES[name], BAD_VALUES[name], json_values) for name in GOOD_VALUES}
        pairs = [(name, json.dumps(draw(anything.get(name, json_values)))) for name, _ in pairs]
        pairs += draw(st.lists(st.tuples(hostile_text, st.one_of(deep(), json_values.map(json.dumps)))))
        expected = None
    pairs = draw(st.permutations(pairs))
    return "{" + ", ".join(f"{json.dumps(key)}: {value}" for key, value in pairs) + "}", expected


def as_bytes(text: str) -> bytes:
    """The line as a file holds it; a lone surrogate becomes bytes that are not UTF-8, as a broken
    encoder writes them."""
    return text.encode("utf-8", errors="surrogatepass")


def check_parsed(line: Line, parsed: Advert | Reject | None) -> None:
    """What any line must read as: nothing (blank), an Advert, or a Reject that says where and why."""
    if parsed is None:
        event("blank")
        return
    assert isinstance(parsed, Advert | Reject), parsed
    if isinstance(parsed, Reject):
        # What was wrong (the field, or the line's problem), counted by --hypothesis-show-statistics.
        event(f"rejected: {parsed.reason.split(':')[0]}")
        assert (parsed.file, parsed.line) == (line.file, line.number)
        reason = parsed.reason
        assert isinstance(reason, str) and 0 < len(reason) <= 300, reason
        assert reason.isprintable(), reason
        assert (
            reason.startswith(LINE_PROBLEMS) or reason.split(":")[0].split(".")[0].split("[")[0] in FIELDS
        ), reason
        assert "at at" not in reason, reason
        assert len(parsed.raw) <= 500
        return
    event("accepted")
    check_round_trip(parsed)


def check_round_trip(advert: Advert) -> None:
    """The canonical form read again is the same advert (source aside: it is not part of the content)."""
    for ensure_ascii in (True, False):
        again = parse_line(Line("again", 1, json.dumps(advert.canonical(), ensure_ascii=ensure_ascii)))
        assert again == dataclasses.replace(advert, source=None), (advert, again)
        assert again.content_hash() == advert.content_hash()


def check_file(data: bytes, limit: int) -> None:
    """Read a whole file: line numbers in order, each non-blank line once, blank ones skipped."""
    lines = list(read_lines(io.BytesIO(data), "fuzz.jsonl", limit=limit))
    parsed = list(parse_lines(lines))
    numbers = [line.number for line, _ in parsed]
    assert numbers == sorted(set(numbers))
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))
    accepted = sum(isinstance(p, Advert) for _, p in parsed)
    rejected = sum(isinstance(p, Reject) for _, p in parsed)
    assert accepted + rejected == len(parsed)  # read = accepted + rejected
    for line, result in parsed:
        check_parsed(line, result)
    shown = set(numbers)
    for line in lines:
        data = bytes(line.data)  # read_lines gives bytes
        if line.too_long or any(0x21 <= byte <= 0x7E for byte in data):  # something visible: read
            assert line.number in shown, line
        if not data.strip(b" \t\r\n"):  # only spaces: skipped
            assert line.number not in shown, line


@given(st.lists(st.binary(max_size=300), max_size=8), st.sampled_from([64, 4096]))
@example([b'{"text": "a\x00b"}', b"\xef\xbb\xbf{}", b"\xff", b"  \t\r"], 4096)
def test_any_bytes_read_as_adverts_rejects_or_blank_lines(chunks: list[bytes], limit: int) -> None:
    check_file(b"\n".join(chunks), limit)


@given(st.lists(st.one_of(records().map(lambda r: r[0]), json_values.map(json.dumps), deep()), max_size=5))
def test_files_of_hostile_records_read_line_by_line(texts: list[str]) -> None:
    check_file(b"\n".join(as_bytes(t) for t in texts) + b"\n", 4 * 1024 * 1024)


@given(records())
@example(('{"platform": "x", "post_id": 1, "text": "a", "text": "b", "posted_at": "2024-03-04"}', None))
@example(('{"platform": "x", "post_id": 1, "text": "a\\u0000", "posted_at": "2024-03-04"}', "text"))
@example(('{"platform": "x", "post_id": 1, "text": "\\ud83d", "posted_at": "2024-03-04"}', "text"))
@example(('{"platform": "x", "post_id": 1, "text": "a", "posted_at": "2024-03-04", "p": ' + "[" * 5000, None))
def test_each_record_is_one_advert_or_one_reject_as_expected(record: tuple[str, str | None]) -> None:
    text, expected = record
    line = Line("fuzz.jsonl", 9, text)
    parsed = parse_line(line)
    assert parsed is not None  # an object is never a blank line
    check_parsed(line, parsed)
    if expected == "accepted":
        assert isinstance(parsed, Advert), parsed
    elif expected is not None:
        assert isinstance(parsed, Reject) and parsed.reason.startswith(expected), (parsed, expected)
    encoded = as_bytes(text)
    from_bytes = parse_line(Line("fuzz.jsonl", 9, encoded))
    if encoded.decode("utf-8", errors="replace") == text:  # the same line, read from a file
        assert from_bytes == parsed
    else:
        assert isinstance(from_bytes, Reject) and from_bytes.reason.startswith("not valid UTF-8")
