"""Facebook Graph API post pages read into adverts, from the samples in tests/data/formats, and the graph."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.advert import Advert, Record, Reject
from graph.formats import FormatError, detect, read_file
from graph.formats import facebook as facebook_format
from graph.ingest import ingest

DATA = Path(__file__).resolve().parents[2] / "data" / "formats"
FEED = DATA / "facebook_feed.json"  # one response, pretty-printed
PAGES = DATA / "facebook_pages.ndjson"  # one response a line


def read(path: Path) -> list[Record]:
    with path.open("rb") as stream:
        return list(facebook_format.records(stream, path.name))


def adverts(path: Path) -> dict[str, Advert]:
    parsed = [r.parse() for r in read(path)]
    return {a.post_id: a for a in parsed if isinstance(a, Advert)}


def test_the_sniffer_knows_graph_api_responses_and_no_other_layout():
    for path in sorted(DATA.iterdir()):
        assert facebook_format.sniff(path.read_bytes()[:65536]) == path.name.startswith("facebook_"), (
            path.name
        )
    assert detect(FEED) == "facebook" and detect(PAGES) == "facebook"


def test_a_post_keeps_the_graph_api_id_its_author_and_its_time_read_from_the_offset():
    post = adverts(FEED)["104512345678901_871234567890123"]
    assert post.key == "advert:facebook:104512345678901_871234567890123"
    assert post.author is not None
    assert (post.author.id, post.author.name, post.author.handle) == ("104512345678901", "Crossing UK", None)
    assert post.account_key == "account:facebook:104512345678901"
    assert post.url == "https://www.facebook.com/104512345678901/posts/871234567890123"
    assert post.posted_at.isoformat() == "2026-11-02T19:12:00+00:00"
    assert (
        adverts(FEED)["104512345678901_871234567890126"].posted_at.isoformat() == "2026-11-03T21:30:45+00:00"
    )


@pytest.mark.parametrize(
    ("created", "posted_at"),
    [
        ("2026-11-02T19:12:00+0000", "2026-11-02T19:12:00+00:00"),
        ("2026-11-02T19:12:00+0530", "2026-11-02T19:12:00+05:30"),
        ("2026-11-02T19:12:00-0800\n", "2026-11-02T19:12:00-08:00\n"),  # `$` also before a last newline
        ("2026-11-02T19:12:00+00:00", "2026-11-02T19:12:00+00:00"),
        ("2026-11-02T19:12:00Z", "2026-11-02T19:12:00Z"),
        ("2026-11-02 +0000 later", "2026-11-02 +0000 later"),  # an offset only at the end
    ],
)
def test_the_graph_api_offset_is_given_its_colon_and_nothing_else_changes(created: str, posted_at: str):
    response = {"data": [{"id": "1_2", "message": "Boat", "created_time": created}]}
    stream = io.BytesIO(json.dumps(response).encode())
    [record] = list(facebook_format.records(stream, "feed.json"))
    assert record.value is not None and record.value["posted_at"] == posted_at


def test_posts_without_a_message_are_skipped_and_keep_their_place_in_the_numbering():
    records = read(FEED)
    # 2 is a photo without caption, 3 a story ("updated their cover photo"): no text, no record.
    assert [r.number for r in records] == [1, 4, 5, 6]
    empty = [r.number for r in read(PAGES)]
    assert empty == [1, 2, 3]  # the empty message on the last line is skipped too


def test_a_post_without_created_time_is_rejected_naming_the_field_to_ask_for():
    reject = read(FEED)[2].parse()
    assert isinstance(reject, Reject) and reject.line == 5 and reject.file == "facebook_feed.json"
    assert "created_time: missing" in reject.reason and "fields=created_time" in reject.reason


def test_pages_nested_under_the_page_are_read_and_an_error_page_is_rejected():
    records = read(PAGES)
    nested = records[0].parse()
    assert isinstance(nested, Advert) and nested.post_id == "104512345678901_871234567890129"
    error = records[1]
    assert error.value is None and "line 2 is an API error response" in error.problem
    assert "(#4) Application request limit reached" in error.problem and "code 4" in error.problem
    assert records[2].parse().post_id == "104512345678901_871234567890123"


def test_one_post_read_by_its_id_is_a_response_too(tmp_path: Path):
    post = json.loads(FEED.read_text(encoding="utf-8"))["data"][0]
    single = tmp_path / "post.json"
    single.write_text(json.dumps(post, ensure_ascii=False), encoding="utf-8")
    assert facebook_format.sniff(single.read_bytes())
    assert [r.parse().post_id for r in read(single)] == [post["id"]]


def test_a_file_that_is_only_a_graph_api_error_is_refused_with_its_message():
    with pytest.raises(FormatError) as raised:
        list(read_file(DATA / "facebook_error.json", "facebook"))
    message = str(raised.value)
    assert "facebook_error.json holds an API error response" in message
    assert "Session has expired" in message and "OAuthException" in message and "code 190" in message


def test_an_x_response_read_as_facebook_names_what_was_found():
    with pytest.raises(FormatError) as raised:
        list(read_file(DATA / "x_search.json", "facebook"))
    assert "x_search.json is not a Facebook Graph API response" in str(raised.value)


def query(driver: neo4j.Driver, database: str, text: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(text, parameters, database_=database)
    return [r.data() for r in records]


def test_the_sample_ingests_with_its_author_and_identifiers(graph: neo4j.Driver, database: str):
    report = ingest(graph, database, read_file(FEED), source="facebook")
    assert (report.read, report.accepted, report.rejected, report.created) == (4, 3, 1, 3)
    rows = query(
        graph,
        database,
        "MATCH (acc:Account)-[:POSTED]->(a:Advert {key: $key})-[:MENTIONS]->(p:Phone) "
        "RETURN acc.key AS account, p.key AS phone",
        key="advert:facebook:104512345678901_871234567890123",
    )
    assert rows == [{"account": "account:facebook:104512345678901", "phone": "phone:+447957500418"}]


def test_the_same_post_as_a_json_lines_line_is_the_same_advert(graph: neo4j.Driver, database: str):
    ingest(graph, database, read_file(FEED), source="facebook")
    post = adverts(FEED)["104512345678901_871234567890123"]
    line = json.dumps({**post.canonical(), "posted_at": "2026-11-02T19:12:00Z"}, ensure_ascii=False)
    again = ingest(graph, database, [line], source="jsonl")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    # A partner's line for the same post without its permalink differs in content: the advert is updated.
    partner = json.dumps({**post.canonical(), "url": None}, ensure_ascii=False)
    changed = ingest(graph, database, [partner], source="partner")
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 0)
    count = query(graph, database, "MATCH (a:Advert {key: $key}) RETURN count(a) AS n", key=post.key)
    assert count == [{"n": 1}]


def test_the_pages_ingest_and_the_error_page_goes_to_the_rejects(graph: neo4j.Driver, database: str):
    rejects: list[Reject] = []
    report = ingest(graph, database, read_file(PAGES), source="facebook", rejects=rejects.append)
    assert (report.read, report.accepted, report.rejected, report.created) == (3, 2, 1, 2)
    assert [(r.file, r.line) for r in rejects] == [(str(PAGES), 2)]
    assert "Application request limit reached" in rejects[0].reason
