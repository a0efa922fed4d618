"""`crosslink ingest --format` against the real Neo4j: platform exports and CSV in, one advert a post."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner, Result

from api.cli import main
from graph.config import Settings

DATA = Path(__file__).resolve().parents[1] / "data" / "formats"
CHANNEL = DATA / "telegram_channel.json"
ACCOUNT = DATA / "telegram_account.json"
CP1252 = DATA / "csv_partner_cp1252_semicolon.csv"
UTF16 = DATA / "csv_partner_utf16_tab.csv"
FRENCH_MAP = "platform=Plateforme,post_id=Identifiant,posted_at=Date,handle=Auteur,text=Message,url=Lien"


def ingest(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["ingest", "--source", "partners", "--no-networks", *args], input=input)


def log_lines(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]


def query(driver: neo4j.Driver, settings: Settings, cypher: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher, params, database_=settings.database)
    return [r.data() for r in records]


def adverts(driver: neo4j.Driver, settings: Settings) -> list[str]:
    rows = query(driver, settings, "MATCH (a:Advert) RETURN a.key AS key ORDER BY key")
    return [row["key"] for row in rows]


def test_auto_reads_a_telegram_export_and_says_so(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = ingest(str(CHANNEL), "--rejects", str(tmp_path / "rejects.jsonl"))

    assert result.exit_code == 0, result.stderr
    logs = log_lines(result)
    assert logs[0] == {"time": logs[0]["time"], "event": "format", "file": str(CHANNEL), "format": "telegram"}
    assert logs[-1]["formats"] == {str(CHANNEL): "telegram"}
    assert (logs[-1]["read"], logs[-1]["accepted"]) == (4, 4)
    assert adverts(empty_graph, neo4j_settings) == [
        f"advert:telegram:-1001234567890/{n}" for n in (4412, 4413, 4415, 4416)
    ]


def test_a_link_hidden_behind_entity_text_reaches_identifier_extraction(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = ingest(str(CHANNEL), "--rejects", str(tmp_path / "rejects.jsonl"))

    assert result.exit_code == 0, result.stderr
    mentioned = query(
        empty_graph,
        neo4j_settings,
        "MATCH (:Advert {key: $key})-[:MENTIONS]->(n) RETURN n.key AS key",
        key="advert:telegram:-1001234567890/4413",
    )
    # The wa.me link behind "click here" gives the phone number it dials.
    assert "phone:+447957500418" in {row["key"] for row in mentioned}


def test_the_same_post_in_two_telegram_exports_is_one_advert(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = ingest(str(CHANNEL), str(ACCOUNT), "--rejects", str(tmp_path / "rejects.jsonl"))

    assert result.exit_code == 0, result.stderr
    final = log_lines(result)[-1]
    assert (final["accepted"], final["created"], final["duplicates"]) == (8, 7, 1)
    assert adverts(empty_graph, neo4j_settings).count("advert:telegram:-1001234567890/4412") == 1


def test_the_same_post_as_a_telegram_message_and_a_csv_row_is_one_advert(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    first = ingest(str(CHANNEL), "--rejects", str(tmp_path / "r1.jsonl"))
    second = ingest(str(CP1252), "--map", FRENCH_MAP, "--rejects", str(tmp_path / "r2.jsonl"))

    assert first.exit_code == 0, first.stderr
    assert second.exit_code == 3, second.stderr  # two bad rows
    rows = query(
        empty_graph,
        neo4j_settings,
        "MATCH (a:Advert {post_id: $post}) "
        "RETURN a.platform AS platform, a.first_run <> a.last_run AS rewritten",
        post="-1001234567890/4412",
    )
    # The CSV row names the author differently, so the second run updates the one advert.
    assert rows == [{"platform": "telegram", "rewritten": True}]
    final = log_lines(second)[-1]
    assert (final["created"], final["updated"]) == (2, 1)


def test_a_csv_file_with_bad_rows_exits_3_and_its_rejects_name_the_rows(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    rejects = tmp_path / "rejects.jsonl"
    result = ingest(str(CP1252), "--format", "csv", "--map", FRENCH_MAP, "--rejects", str(rejects))

    assert result.exit_code == 3, result.stderr
    got = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["file"], r["line"], r["reason"]) for r in got] == [
        (str(CP1252), 6, "posted_at: not an ISO 8601 date: '32/13/2026'"),
        (str(CP1252), 7, "the row has 7 cells, the header 6 columns"),
    ]
    assert "advert:facebook:100094431_88812" in adverts(empty_graph, neo4j_settings)


def test_csv_options_read_a_utf16_tab_file_with_a_constant_platform(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = ingest(
        str(UTF16),
        "--map",
        "post_id=post,posted_at=posted",
        "--map",
        "handle=user,text=caption",
        "--encoding",
        "utf-16",
        "--delimiter",
        "tab",
        "--platform",
        "Facebook",
        "--rejects",
        str(tmp_path / "rejects.jsonl"),
    )

    assert result.exit_code == 0, result.stderr
    assert adverts(empty_graph, neo4j_settings) == [f"advert:facebook:20011{n}" for n in (1, 2, 3)]


def test_a_file_in_the_wrong_layout_exits_1_before_any_run(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = ingest(str(CP1252), str(CHANNEL), "--format", "telegram", "--rejects", str(tmp_path / "r.jsonl"))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"crosslink: {CP1252} is not a Telegram Desktop JSON export: found text")
    assert query(empty_graph, neo4j_settings, "MATCH (r:IngestRun) RETURN count(r) AS n") == [{"n": 0}]


def test_a_missing_mapped_column_exits_1_naming_it_and_the_columns(
    empty_graph: neo4j.Driver, tmp_path: Path
) -> None:
    result = ingest(str(CP1252), "--map", "text=Texte", "--rejects", str(tmp_path / "r.jsonl"))

    assert result.exit_code == 1
    assert f"crosslink: {CP1252} has no column 'Texte' (for text); its columns are: 'Plateforme'" in (
        result.stderr
    )


def test_an_export_that_breaks_off_exits_1_and_keeps_every_advert_read_before(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    data = CHANNEL.read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(data[: data.index(b'"id": 4416')])

    # The first two adverts fill a batch and are written; the third was still being gathered when
    # the file broke off, and is written too: nothing read is lost.
    result = ingest(str(cut), "--batch", "2", "--workers", "0", "--rejects", str(tmp_path / "r.jsonl"))

    assert result.exit_code == 1
    assert f"crosslink: {cut} breaks off after message 5: not valid JSON" in result.stderr
    assert "The adverts read before it are in the graph." in result.stderr
    assert adverts(empty_graph, neo4j_settings) == [
        "advert:telegram:-1001234567890/4412",
        "advert:telegram:-1001234567890/4413",
        "advert:telegram:-1001234567890/4415",
    ]
    runs = query(
        empty_graph, neo4j_settings, "MATCH (r:IngestRun) RETURN r.status AS status, r.error AS error"
    )
    assert runs[0]["status"] == "failed" and "breaks off" in runs[0]["error"]


@pytest.mark.usefixtures("empty_graph")
def test_standard_input_stays_json_lines_unless_told(tmp_path: Path) -> None:
    export = CHANNEL.read_bytes()

    as_jsonl = ingest("-", "--rejects", str(tmp_path / "r1.jsonl"), input=export)
    as_telegram = ingest("--format", "telegram", "--rejects", str(tmp_path / "r2.jsonl"), input=export)

    assert as_jsonl.exit_code == 1
    assert "crosslink: <stdin> is not Crosslink JSON Lines" in as_jsonl.stderr
    assert as_telegram.exit_code == 0, as_telegram.stderr
    assert log_lines(as_telegram)[-1]["accepted"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "x", "--map", "text=Message"], "are for CSV files, not --format x"),
        (["--map", "body=Message"], "'body' is no advert field"),
        (["--map", "text"], "'text' is not field=Column"),
        (["--encoding", "klingon"], "'klingon' is no encoding"),
        (["--delimiter", ";;"], "is not one character"),
        (["--platform", "myspace"], "'myspace' is no platform"),
    ],
)
def test_bad_format_options_are_usage_errors(args: list[str], message: str) -> None:
    result = ingest(str(CP1252), *args)

    assert result.exit_code == 2
    assert message in result.stderr
