"""TikTok Research API video query responses read into adverts, from the samples, and into the real graph."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.advert import Advert, Record, Reject
from graph.formats import FormatError, detect, read_file
from graph.formats import tiktok as tiktok_format
from graph.ingest import ingest

DATA = Path(__file__).resolve().parents[2] / "data" / "formats"
VIDEOS = DATA / "tiktok_videos.json"  # one response, pretty-printed
PAGES = DATA / "tiktok_pages.ndjson"  # one response a line


def read(path: Path) -> list[Record]:
    with path.open("rb") as stream:
        return list(tiktok_format.records(stream, path.name))


def adverts(path: Path) -> dict[str, Advert]:
    parsed = [r.parse() for r in read(path)]
    return {a.post_id: a for a in parsed if isinstance(a, Advert)}


def test_the_sniffer_knows_research_api_responses_and_no_other_layout():
    for path in sorted(DATA.iterdir()):
        assert tiktok_format.sniff(path.read_bytes()[:65536]) == path.name.startswith("tiktok_"), path.name
    assert detect(VIDEOS) == "tiktok" and detect(PAGES) == "tiktok"


def test_a_video_becomes_an_advert_with_its_region_time_and_public_url():
    raw = json.loads(VIDEOS.read_text(encoding="utf-8"))["data"]["videos"][0]
    video = adverts(VIDEOS)[str(raw["id"])]  # TikTok gives the id as a JSON number
    assert video.text == raw["video_description"]
    assert video.posted_at == datetime.fromtimestamp(raw["create_time"], UTC)
    assert video.author is not None and video.author.handle == "calais_boat_uk"
    assert video.account_key == "handle:tiktok:calais_boat_uk"
    assert video.region == "FR"
    assert video.url == f"https://www.tiktok.com/@calais_boat_uk/video/{raw['id']}"


def test_a_video_without_a_username_has_no_author_and_no_url():
    video = adverts(VIDEOS)["7433210982214518024"]
    assert video.author is None and video.url is None and video.region == "GB"


def test_videos_without_a_description_are_skipped_and_keep_their_place():
    assert [r.number for r in read(VIDEOS)] == [1, 3, 4, 5]


def test_a_video_without_create_time_is_rejected_naming_the_field():
    reject = read(VIDEOS)[3].parse()
    assert isinstance(reject, Reject) and reject.line == 5
    assert "create_time: missing" in reject.reason


def test_an_error_page_among_pages_is_rejected_and_the_pages_after_it_are_read():
    records = read(PAGES)
    assert [r.number for r in records] == [1, 2, 3]
    error = records[1]
    assert error.value is None and "line 2 is an API error response" in error.problem
    assert "rate_limit_exceeded" in error.problem and "log_id 20261104102346BB" in error.problem
    assert isinstance(records[2].parse(), Advert)


def test_a_response_whose_error_code_is_not_ok_is_refused():
    with pytest.raises(FormatError) as raised:
        list(read_file(DATA / "tiktok_error.json", "tiktok"))
    message = str(raised.value)
    assert "tiktok_error.json holds an API error response" in message
    assert "code invalid_params" in message and "at most 30 days apart" in message


def test_a_one_line_file_of_a_non_ok_response_is_refused_too(tmp_path: Path):
    line = (PAGES.read_text(encoding="utf-8").splitlines())[1]
    single = tmp_path / "page.ndjson"
    single.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match="rate_limit_exceeded"):
        list(read_file(single, "tiktok"))


def test_a_facebook_response_read_as_tiktok_names_what_was_found():
    with pytest.raises(FormatError) as raised:
        list(read_file(DATA / "facebook_feed.json", "tiktok"))
    assert "facebook_feed.json is not a TikTok Research API video query response" in str(raised.value)


def query(driver: neo4j.Driver, database: str, text: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(text, parameters, database_=database)
    return [r.data() for r in records]


def test_the_pages_ingest_and_the_error_page_goes_to_the_rejects(graph: neo4j.Driver, database: str):
    rejects: list[Reject] = []
    report = ingest(graph, database, read_file(PAGES), source="tiktok", rejects=rejects.append)
    assert (report.read, report.accepted, report.rejected, report.created) == (3, 2, 1, 2)
    assert [(r.file, r.line) for r in rejects] == [(str(PAGES), 2)]
    rows = query(
        graph,
        database,
        "MATCH (a:Advert {key: $key})-[:IN_COUNTRY]->(c:Country) RETURN c.key AS country",
        key="advert:tiktok:7433210982214518031",
    )
    assert rows == [{"country": "BE"}]


def test_the_same_video_as_a_json_lines_line_is_the_same_advert(graph: neo4j.Driver, database: str):
    ingest(graph, database, read_file(VIDEOS), source="tiktok")
    video = adverts(VIDEOS)["7433210982214518021"]
    line = json.dumps({**video.canonical(), "post_id": 7433210982214518021}, ensure_ascii=False)
    again = ingest(graph, database, [line], source="jsonl")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    count = query(graph, database, "MATCH (a:Advert {key: $key}) RETURN count(a) AS n", key=video.key)
    assert count == [{"n": 1}]
