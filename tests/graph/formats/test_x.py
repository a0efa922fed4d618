"""X API v2 responses read into adverts, from the samples in tests/data/formats, and into the real graph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.advert import Advert, Record, Reject
from graph.formats import FormatError, detect, read_file
from graph.formats import x as x_format
from graph.ingest import ingest

DATA = Path(__file__).resolve().parents[2] / "data" / "formats"
SEARCH = DATA / "x_search.json"  # one response, pretty-printed
PAGES = DATA / "x_pages.ndjson"  # one response a line


def read(path: Path) -> list[Record]:
    with path.open("rb") as stream:
        return list(x_format.records(stream, path.name))


def adverts(path: Path) -> dict[str, Advert]:
    parsed = [r.parse() for r in read(path)]
    return {a.post_id: a for a in parsed if isinstance(a, Advert)}


def test_the_sniffer_knows_x_responses_and_no_other_layout():
    for path in sorted(DATA.iterdir()):
        assert x_format.sniff(path.read_bytes()[:65536]) == path.name.startswith("x_"), path.name
    assert detect(SEARCH) == "x" and detect(PAGES) == "x"


def test_t_co_links_are_expanded_so_the_identifiers_behind_them_are_found():
    first = adverts(SEARCH)["1853012345678901001"]
    assert "https://t.co/" not in first.text
    assert "https://wa.me/447400123456" in first.text and "https://paypal.me/crossingnow" in first.text
    assert "& send" in first.text and "<no refunds>" in first.text  # X's &amp; &lt; &gt; read back
    assert first.author is not None and first.author.handle == "crossing_now"
    assert first.author.name == "Crossing Now" and first.author.id == "1500000000000000001"
    assert first.url == "https://x.com/crossing_now/status/1853012345678901001"
    assert first.posted_at.isoformat() == "2026-11-02T18:20:00+00:00"


def test_a_long_post_is_read_from_note_tweet_with_its_own_links_expanded():
    long = adverts(SEARCH)["1853012345678901002"]
    raw = json.loads(SEARCH.read_text(encoding="utf-8"))["data"][1]
    assert raw["text"].endswith("https://t.co/Nt0Lg1Cut9")  # the cut text, linking to the whole post
    assert long.text.startswith(raw["note_tweet"]["text"][:40])
    assert "https://t.me/calais_trips" in long.text and "+44 7400 654321" in long.text
    assert "t.co" not in long.text and long.lang == "ar"


def test_a_tweet_whose_author_is_not_in_includes_is_kept_with_the_author_id():
    orphan = adverts(SEARCH)["1853012345678901003"]
    assert orphan.author is not None
    assert (orphan.author.id, orphan.author.handle, orphan.author.name) == ("1599999999999999999", None, None)
    assert orphan.account_key == "account:x:1599999999999999999"
    assert orphan.url == "https://x.com/i/web/status/1853012345678901003"


def test_x_codes_for_no_language_are_dropped():
    found = adverts(SEARCH)
    assert found["1853012345678901003"].lang is None  # und
    assert found["1853012345678901007"].lang is None  # qme, media only
    assert found["1853012345678901008"].lang == "fr"
    assert adverts(PAGES)["1853100000000000102"].lang is None  # zxx


def test_a_retweet_is_read_as_the_tweet_it_retweets_and_skipped_without_it():
    records = read(SEARCH)
    numbers = [r.number for r in records]
    assert numbers == [1, 2, 3, 4, 6, 7, 8]  # tweet 5 retweets a tweet the response does not include
    retweet = records[3].parse()
    assert isinstance(retweet, Advert)
    assert retweet.post_id == "1853012345678901002" and retweet.author.handle == "calais_trips"
    assert retweet.content_hash() == adverts(SEARCH)["1853012345678901002"].content_hash()


def test_a_quote_keeps_its_own_text():
    quote = adverts(SEARCH)["1853012345678901008"]
    assert quote.text.startswith("Encore deux places samedi")
    assert "https://x.com/crossing_now/status/1853012345678901001" in quote.text


def test_a_tweet_without_created_at_is_rejected_naming_the_field_to_ask_for():
    reject = read(SEARCH)[4].parse()
    assert isinstance(reject, Reject)
    assert reject.line == 6 and reject.file == "x_search.json"
    assert "created_at: missing" in reject.reason and "tweet.fields=created_at" in reject.reason
    assert '"id": "1853012345678901006"' in reject.raw


def test_one_response_a_line_rejects_bad_lines_and_reads_on():
    records = read(PAGES)
    assert [r.number for r in records] == [1, 2, 3, 4, 5]
    broken, limited = records[2], records[3]
    assert broken.value is None and broken.problem.startswith("line 3: not valid JSON")
    assert limited.value is None and "line 4 is an API error response" in limited.problem
    assert "Too Many Requests" in limited.problem
    last = records[4].parse()
    assert isinstance(last, Advert) and last.author.id == "1500000000000000004"  # partial error beside it


def test_a_file_that_is_only_an_x_error_is_refused_with_what_x_said():
    with pytest.raises(FormatError) as raised:
        list(read_file(DATA / "x_error.json", "x"))
    message = str(raised.value)
    assert "x_error.json holds an API error response" in message
    assert "Invalid Request" in message and "tweet.fields" in message


def test_another_layout_read_as_x_names_what_was_found(tmp_path: Path):
    telegram = tmp_path / "result.json"
    telegram.write_text(json.dumps({"name": "Channel", "type": "public_channel", "id": 1, "messages": []}))
    with pytest.raises(FormatError) as raised, telegram.open("rb") as stream:
        list(x_format.records(stream, "result.json"))
    assert "result.json is not an X API v2 response" in str(raised.value)
    assert "messages" in str(raised.value)


def test_a_single_response_cut_short_is_refused(tmp_path: Path):
    cut = tmp_path / "cut.json"
    cut.write_bytes(SEARCH.read_bytes()[:2000])
    with pytest.raises(FormatError) as raised:
        list(read_file(cut, "x"))
    assert "cut.json is not an X API v2 response: not valid JSON" in str(raised.value)


def query(driver: neo4j.Driver, database: str, text: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(text, parameters, database_=database)
    return [r.data() for r in records]


def test_the_sample_ingests_and_its_links_become_identifiers(graph: neo4j.Driver, database: str):
    rejects: list[Reject] = []
    report = ingest(graph, database, read_file(SEARCH), source="x", rejects=rejects.append)
    assert (report.read, report.accepted, report.rejected, report.duplicates) == (7, 6, 1, 1)
    assert report.created == 5 and [r.line for r in rejects] == [6]
    mentioned = query(
        graph,
        database,
        "MATCH (:Advert {key: $key})-[:MENTIONS]->(n) RETURN n.key AS key",
        key="advert:x:1853012345678901001",
    )
    assert {"phone:+447400123456", "payment:paypal:crossingnow"} <= {r["key"] for r in mentioned}


def test_the_same_tweet_as_a_json_lines_line_is_the_same_advert(graph: neo4j.Driver, database: str):
    first = ingest(graph, database, read_file(SEARCH), source="x")
    tweet = adverts(SEARCH)["1853012345678901001"]
    line = json.dumps({**tweet.canonical(), "posted_at": "2026-11-02T18:20:00Z"}, ensure_ascii=False)
    again = ingest(graph, database, [line], source="jsonl")
    assert first.created == 5
    # Same platform and post id, and the same content: the advert is left as it is.
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    count = query(graph, database, "MATCH (a:Advert {key: $key}) RETURN count(a) AS n", key=tweet.key)
    assert count == [{"n": 1}]


def test_the_pages_ingest_and_the_bad_lines_go_to_the_rejects(graph: neo4j.Driver, database: str):
    rejects: list[Reject] = []
    report = ingest(graph, database, read_file(PAGES), source="x", rejects=rejects.append)
    assert (report.read, report.accepted, report.rejected, report.created) == (5, 3, 2, 3)
    assert [(r.line, r.reason.split(" ", 2)[:2]) for r in rejects] == [
        (3, ["line", "3:"]),
        (4, ["line", "4"]),
    ]
