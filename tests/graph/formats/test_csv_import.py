"""Partners' CSV files (graph/formats/csv.py): mapped columns, sniffed encodings and dialects, bad rows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from graph.advert import Advert, Record, Reject
from graph.formats import CsvOptions, FormatError, read_file
from graph.formats.base import HEAD_BYTES
from graph.formats.csv import SNIFFER_CHARS, _sniffer_sample, check, records, sniff, sniff_encoding

DATA = Path(__file__).resolve().parents[2] / "data" / "formats"
CP1252 = DATA / "csv_partner_cp1252_semicolon.csv"
UTF16 = DATA / "csv_partner_utf16_tab.csv"
FRENCH = CsvOptions(
    {
        "platform": "Plateforme",
        "post_id": "Identifiant",
        "posted_at": "Date",
        "handle": "Auteur",
        "text": "Message",
        "url": "Lien",
    }
)


def read(path: Path, options: CsvOptions) -> list[Record]:
    return [r for r in read_file(path, "csv", csv=options) if isinstance(r, Record)]


def from_text(text: str, options: CsvOptions | None = None, encoding: str = "utf-8") -> list[Record]:
    return list(records(io.BytesIO(text.encode(encoding)), "partner.csv", options or CsvOptions()))


def test_a_cp1252_semicolon_file_is_read_with_its_encoding_and_dialect_sniffed() -> None:
    got = read(CP1252, FRENCH)

    # Row 4 is blank and row 8 has no text: skipped. Rows are numbered as a spreadsheet does.
    assert [r.number for r in got] == [2, 3, 5, 6, 7]
    multi_line = got[1].parse()
    assert isinstance(multi_line, Advert)
    assert multi_line.text == (
        "Traversée garantie, prix 1 200 € ; paiement à l'arrivée.\nAppelez le 07 57 50 04 18\n"
        '"places limitées"'
    )
    assert (multi_line.platform, multi_line.post_id) == ("facebook", "100094431_88812")
    assert multi_line.posted_at.isoformat() == "2026-11-07T09:30:00+00:00"
    assert multi_line.author is not None and multi_line.author.handle == "passeur.calais"
    instagram = got[2].parse()
    assert isinstance(instagram, Advert) and instagram.platform == "instagram" and instagram.url is None


def test_bad_rows_become_rejects_naming_the_row_and_the_reason() -> None:
    got = read(CP1252, FRENCH)

    bad_date, extra_cell = got[3].parse(), got[4].parse()
    assert isinstance(bad_date, Reject)
    assert (bad_date.line, bad_date.reason) == (6, "posted_at: not an ISO 8601 date: '32/13/2026'")
    assert isinstance(extra_cell, Reject)
    assert (extra_cell.line, extra_cell.reason) == (7, "the row has 7 cells, the header 6 columns")
    assert extra_cell.raw.startswith("x;1860000000000000001;")
    assert extra_cell.file == str(CP1252)


def test_a_utf16_tab_file_takes_its_platform_from_the_option_and_unmapped_fields_by_name() -> None:
    options = CsvOptions(
        {"post_id": "post", "posted_at": "posted", "handle": "user", "text": "caption"}, platform="facebook"
    )
    got = [r.parse() for r in read(UTF16, options)]

    assert all(isinstance(a, Advert) for a in got)
    assert [(a.platform, a.post_id, a.lang) for a in got if isinstance(a, Advert)] == [
        ("facebook", "200111", "en"),
        ("facebook", "200112", "ar"),
        ("facebook", "200113", None),
    ]
    arabic = got[1]
    assert isinstance(arabic, Advert) and arabic.text == "رحلة إلى بريطانيا\tاتصل ٠٠٤٤٧٩٥٧٥٠٠٤١٨"


@pytest.mark.parametrize(
    ("path", "encoding"), [(CP1252, "cp1252"), (UTF16, "utf-16")], ids=["cp1252", "utf-16"]
)
def test_the_encoding_is_sniffed(path: Path, encoding: str) -> None:
    assert sniff_encoding(path.read_bytes()) == encoding


def test_a_missing_mapped_column_is_one_error_naming_file_column_and_the_columns_found() -> None:
    with pytest.raises(FormatError) as raised:
        read_file(CP1252, "csv", csv=CsvOptions({**FRENCH.mapping, "text": "Texte"}))

    assert str(raised.value) == (
        f"{CP1252} has no column 'Texte' (for text); its columns are: 'Plateforme', 'Identifiant', "
        "'Date', 'Auteur', 'Message', 'Lien'"
    )


def test_a_required_field_with_no_column_says_how_to_map_it() -> None:
    with pytest.raises(FormatError) as raised:
        from_text("id,body,when\n1,boat,2026-01-01\n", CsvOptions({"post_id": "id", "text": "body"}))

    assert str(raised.value) == (
        "partner.csv: no column gives posted_at, platform: map them with --map posted_at=<column>, "
        "platform=<column> (or --platform); its columns are: 'id', 'body', 'when'"
    )


def test_a_file_in_crosslinks_field_names_needs_no_mapping() -> None:
    (got,) = from_text("platform,post_id,text,posted_at\nx,1,boat to UK,2026-01-01\n")

    advert = got.parse()
    assert isinstance(advert, Advert) and (advert.platform, advert.post_id) == ("x", "1")


def test_column_names_match_without_case_and_surrounding_spaces() -> None:
    (got,) = from_text(" Platform ,POST_ID,Text,Posted_At\nx,1,boat,2026-01-01\n")

    assert got.value is not None and got.value["post_id"] == "1"


def test_a_platform_cell_wins_over_the_option_and_an_empty_one_takes_it() -> None:
    text = "platform,post_id,text,posted_at\ntiktok,1,a,2026-01-01\n,2,b,2026-01-01\n"
    got = from_text(text, CsvOptions(platform="facebook"))

    assert [r.value["platform"] for r in got if r.value] == ["tiktok", "facebook"]


def test_media_hashes_in_one_cell_are_split() -> None:
    text = 'platform,post_id,text,posted_at,media\nx,1,a,2026-01-01,"sha256:aa; sha256:bb sha256:cc"\n'
    (got,) = from_text(text)

    advert = got.parse()
    assert isinstance(advert, Advert) and advert.media == ("sha256:aa", "sha256:bb", "sha256:cc")


def test_author_fields_make_the_author() -> None:
    text = "platform,post_id,text,posted_at,Who,Uid\nx,1,a,2026-01-01,Boat UK,99\n"
    (got,) = from_text(text, CsvOptions({"author_name": "Who", "author_id": "Uid"}))

    advert = got.parse()
    assert isinstance(advert, Advert) and advert.author is not None
    assert (advert.author.name, advert.author.id, advert.author.handle) == ("Boat UK", "99", None)


def test_a_byte_the_given_encoding_cannot_read_rejects_its_row_only() -> None:
    options = CsvOptions(FRENCH.mapping, encoding="utf-8")
    got = read(CP1252, options)

    multi_line = got[1]
    assert multi_line.value is None
    assert multi_line.problem == "not valid utf-8: byte 0xe9 in column 'Message'"
    assert got[0].parse().__class__ is Advert  # an ASCII row of the same file reads


def test_a_semicolon_file_full_of_commas_is_read_with_the_delimiter_that_fits_the_mapping() -> None:
    text = (
        "platform;post_id;posted_at;text\n"
        "x;1;2026-01-01;boat, cheap, fast, safe, today, tomorrow\n"
        "x;2;2026-01-02;call, text, write, pay, go\n"
    )
    got = from_text(text)

    assert [r.value["text"] for r in got if r.value] == [
        "boat, cheap, fast, safe, today, tomorrow",
        "call, text, write, pay, go",
    ]


def test_a_given_delimiter_is_used() -> None:
    got = from_text("platform|post_id|posted_at|text\nx|1|2026-01-01|a,b;c\n", CsvOptions(delimiter="|"))

    assert [r.value["text"] for r in got if r.value] == ["a,b;c"]


def test_a_quoted_cell_never_closed_breaks_the_file_off_after_the_rows_before() -> None:
    text = 'platform,post_id,posted_at,text\nx,1,2026-01-01,fine\nx,2,2026-01-01,"never closed\nx,3,a,b\n'
    got: list[Record] = []

    with pytest.raises(FormatError) as raised:
        got.extend(records(io.BytesIO(text.encode()), "partner.csv", CsvOptions()))

    assert [r.value["post_id"] for r in got if r.value] == ["1"]
    assert str(raised.value) == (
        "partner.csv breaks off in row 3: a quoted cell opened on line 3 is never closed"
    )


def test_broken_quoting_in_one_row_rejects_that_row_and_reading_goes_on() -> None:
    text = 'platform,post_id,posted_at,text\nx,1,2026-01-01,"bad"quote\nx,2,2026-01-01,fine\n'
    bad, fine = from_text(text)

    assert bad.value is None and bad.problem is not None and bad.problem.startswith("not valid CSV: ")
    assert bad.number == 2
    assert fine.value is not None and (fine.number, fine.value["text"]) == (3, "fine")


def test_a_header_alone_gives_nothing() -> None:
    assert from_text("platform,post_id,posted_at,text\n") == []


def test_sniffing_takes_delimited_text_and_leaves_json_and_plain_text() -> None:
    assert sniff(CP1252.read_bytes())
    assert sniff(UTF16.read_bytes())
    assert sniff(b"platform;post_id;posted_at;text;;\nx;1;2026-01-01;boat;;\n")  # unnamed end columns
    assert not sniff(b'{"platform": "x"}\n')
    assert not sniff(b"just a sentence\n")


def test_options_refuse_an_unknown_field_and_a_long_delimiter() -> None:
    with pytest.raises(ValueError, match="cannot map body"):
        CsvOptions({"body": "Message"})
    with pytest.raises(ValueError, match="one character"):
        CsvOptions(delimiter=";;")


def test_the_dialect_sniffer_sees_a_bounded_sample_whatever_the_quoting() -> None:
    # Quotes that make csv.Sniffer's regular expressions backtrack, over the whole head: the sample it is
    # given stays the same size, so the cost does not grow with the file.
    awkward = 'platform,post_id,posted_at,text\nx,1,2026-01-01,"b' + '"a' * (HEAD_BYTES // 2) + "\n"

    assert len(_sniffer_sample(awkward)) <= SNIFFER_CHARS
    check(awkward.encode()[:HEAD_BYTES], "awkward.csv")  # the mapping fits: no error


def test_excels_separator_line_gives_the_delimiter_and_is_not_the_header(tmp_path: Path) -> None:
    text = (
        'sep=;\r\nplatform;post_id;posted_at;text\r\nx;1;2026-01-01;boat, cheap\r\nx;2;2026-01-01;"never\r\n'
    )
    path = tmp_path / "excel.csv"
    path.write_text(text, encoding="utf-8")
    got: list[Record] = []

    with pytest.raises(FormatError) as raised:
        got.extend(r for r in read_file(path) if isinstance(r, Record))

    assert [(r.number, r.value["text"]) for r in got if r.value] == [(2, "boat, cheap")]
    assert str(raised.value) == f"{path} breaks off in row 3: a quoted cell opened on line 4 is never closed"
