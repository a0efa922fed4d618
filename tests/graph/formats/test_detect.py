"""Telling a file's layout from its first bytes (graph/formats/__init__.py), and refusing the wrong one."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from graph.advert import Line, Record
from graph.formats import FORMATS, HEAD_BYTES, FormatError, detect, read_file, resolve
from graph.formats.base import describe, json_head
from graph.ingest import SAMPLE_ADVERTS

DATA = Path(__file__).resolve().parents[2] / "data" / "formats"
# Every sample is named after its format: telegram_channel.json, csv_partner_utf16_tab.csv, x_pages.ndjson.
SAMPLES = sorted(p for p in DATA.iterdir() if p.name.split("_", 1)[0] in FORMATS)
ADVERT = {"platform": "x", "post_id": "1", "text": "boat", "posted_at": "2026-01-01T00:00:00Z"}
X_RESPONSE = {
    "data": [
        {"id": "1860000000000000001", "text": "boat", "author_id": "9", "created_at": "2026-01-01T00:00:00Z"}
    ],
    "includes": {"users": [{"id": "9", "username": "boats", "name": "Boats"}]},
    "meta": {"result_count": 1, "newest_id": "1860000000000000001"},
}
FACEBOOK_RESPONSE = {
    "data": [{"id": "100094431_88812", "message": "boat", "created_time": "2026-01-01T00:00:00+0000"}],
    "paging": {"cursors": {"before": "a", "after": "b"}},
}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def ndjson(*values: object) -> bytes:
    return b"".join(json.dumps(v).encode() + b"\n" for v in values)


def test_the_samples_include_every_format_of_mine() -> None:
    names = {p.name.split("_", 1)[0] for p in SAMPLES}
    assert {"telegram", "csv"} <= names


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_each_sample_is_detected_as_the_format_it_is_named_after(path: Path) -> None:
    assert detect(path) == path.name.split("_", 1)[0]


def test_the_bundled_json_lines_sample_is_json_lines_though_it_holds_bad_lines() -> None:
    assert detect(SAMPLE_ADVERTS) == "jsonl"


def test_json_lines_whose_first_lines_are_broken_is_still_json_lines(tmp_path: Path) -> None:
    data = b'not json at all\n{"platform": \n\n' + ndjson(ADVERT)

    assert detect(write(tmp_path, "adverts.jsonl", data)) == "jsonl"


def test_json_lines_whose_first_line_is_longer_than_the_head_is_json_lines(tmp_path: Path) -> None:
    long = {**ADVERT, "text": "boat " * HEAD_BYTES}

    assert detect(write(tmp_path, "long.jsonl", ndjson(long, ADVERT))) == "jsonl"


def test_one_response_a_line_is_told_apart_from_json_lines_of_adverts(tmp_path: Path) -> None:
    assert detect(write(tmp_path, "a.jsonl", ndjson(ADVERT, ADVERT))) == "jsonl"
    assert detect(write(tmp_path, "b.jsonl", ndjson(X_RESPONSE, X_RESPONSE))) == "x"
    assert detect(write(tmp_path, "c.jsonl", ndjson(FACEBOOK_RESPONSE, FACEBOOK_RESPONSE))) == "facebook"


def test_a_pretty_printed_response_is_told_from_its_keys(tmp_path: Path) -> None:
    assert detect(write(tmp_path, "x.json", json.dumps(X_RESPONSE, indent=2).encode())) == "x"
    assert detect(write(tmp_path, "fb.json", json.dumps(FACEBOOK_RESPONSE, indent=2).encode())) == "facebook"


def test_an_empty_file_is_json_lines_with_nothing_in_it(tmp_path: Path) -> None:
    path = write(tmp_path, "empty", b"\n  \n")

    assert detect(path) == "jsonl"
    assert list(read_file(path, "telegram")) == []


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not text"),
        (
            b"Dear partner,\nplease find the adverts attached.\n",
            "text that is not JSON, starting 'Dear partner,'",
        ),
        (b'{"name": "a list", "items": [1, 2]}', "a JSON object with keys items, name"),
        (b"[1, 2, 3]", "a JSON array"),
    ],
    ids=["binary", "prose", "other-json", "array"],
)
def test_a_file_in_no_known_layout_is_one_error_saying_what_it_holds(
    tmp_path: Path, data: bytes, found: str
) -> None:
    path = write(tmp_path, "mystery.dat", data)

    with pytest.raises(FormatError) as raised:
        detect(path)

    assert str(raised.value) == (
        f"{path}: cannot tell its format: found {found}; expected one of "
        "jsonl, telegram, x, facebook, tiktok, csv (give --format)"
    )


def test_asking_for_the_wrong_format_names_the_file_the_format_and_what_it_looks_like() -> None:
    path = DATA / "telegram_channel.json"

    with pytest.raises(FormatError) as raised:
        resolve(path, "x")

    assert str(raised.value) == (
        f"{path} is not an X API v2 response: found a JSON object with keys id, messages, name, type "
        "(a Telegram Desktop JSON export?)"
    )
    assert (raised.value.file, raised.value.expected) == (str(path), "x")


def test_json_lines_asked_for_refuses_a_platform_export_but_reads_any_line_file(tmp_path: Path) -> None:
    with pytest.raises(
        FormatError, match=r"is not Crosslink JSON Lines .*\(a Telegram Desktop JSON export\?\)"
    ):
        read_file(DATA / "telegram_channel.json", "jsonl")
    lines = list(read_file(write(tmp_path, "odd.txt", b"garbage\n"), "jsonl"))

    assert lines == [Line(str(tmp_path / "odd.txt"), 1, b"garbage\n")]


def test_standard_input_is_json_lines_unless_told(tmp_path: Path) -> None:
    adverts = list(read_file("-", stdin=io.BytesIO(ndjson(ADVERT))))
    export = (DATA / "telegram_channel.json").read_bytes()
    messages = list(read_file("-", "telegram", stdin=io.BytesIO(export)))

    assert [(a.file, a.number) for a in adverts if isinstance(a, Line)] == [("<stdin>", 1)]
    assert [m.value["post_id"] for m in messages if isinstance(m, Record) and m.value][:1] == [
        "-1001234567890/4412"
    ]
    with pytest.raises(FormatError, match=r"^<stdin> is not Crosslink JSON Lines"):
        read_file("-", stdin=io.BytesIO(export))


def test_the_head_of_a_json_file_is_read_even_when_cut_mid_value() -> None:
    seen = json_head(b'{"data": [{"id": "1", "text": "bo')

    assert seen is not None
    assert (seen.kind, seen.top, seen.complete) == ("object", ("data",), False)
    assert {"data", "data.item.id", "data.item.text"} <= seen.paths
    assert json_head(b"platform;post_id\n") is None
    assert describe(ndjson(ADVERT, ADVERT)).startswith("JSON Lines whose first line is an object with keys")


def test_a_utf16_file_is_described_in_its_own_characters() -> None:
    head = (DATA / "csv_partner_utf16_tab.csv").read_bytes()

    assert describe(head) == "text that is not JSON, starting 'post\\tposted\\tuser\\tcaption\\tlang'"
