"""Ingest against the real Neo4j: what a run writes, and that re-runs, crashes and edits never double or lose.

The central check is a dump of every node and relationship with its properties (run stamps and IngestRun
nodes left out): a re-run, or a crashed run finished by a re-run, must give exactly the dump of one clean run.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import neo4j
import pytest

from graph.advert import Advert, AdvertError, Line, parse_line
from graph.config import REPO_ROOT, Settings
from graph.ingest import SAMPLE_ADVERTS, IngestFailed, IngestInterrupted, RunReport, ingest, read_files

RUN_STAMPS = {"first_run", "last_run"}

ADVERTS = [
    {
        "platform": "facebook",
        "post_id": "1",
        "author": {"handle": "boat.uk", "id": "1001", "name": "Boat UK"},
        "text": "UK crossing. WhatsApp +44 7957 500418 or Telegram @dunkirk_crossing",
        "posted_at": "2024-03-01T10:00:00Z",
        "region": "FR",
    },
    {
        "platform": "tiktok",
        "post_id": "2",
        "author": {"handle": "kurd_uk_way"},
        "text": "Call 0044 7957 500418, deposit GB02 NWBK 6016 1331 9268 20",
        "posted_at": "2024-03-02T10:00:00Z",
        "region": "IQ",
    },
    {
        "platform": "facebook",
        "post_id": "3",
        "author": {"handle": "Boat.UK", "id": 1001},
        "text": "Last places! +447957500418 / +44 7957 500418",
        "posted_at": "2024-03-05T10:00:00+01:00",
    },
    {
        "platform": "whatsapp",
        "post_id": "g1/4",
        "text": "No numbers here",
        "posted_at": "2024-03-06T10:00:00Z",
    },
]


def lines(records: Iterable[dict[str, Any]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def run(driver: neo4j.Driver, database: str, items: Iterable[Any], **options: Any) -> RunReport:
    options.setdefault("source", "test")
    return ingest(driver, database, items, **options)


def query(driver: neo4j.Driver, database: str, text: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(text, parameters, database_=database)
    return [r.data() for r in records]


def dump(driver: neo4j.Driver, database: str) -> tuple[list[str], list[str]]:
    """Every node and relationship with its properties, run stamps and runs left out, in a stable order."""
    nodes = query(
        driver,
        database,
        "MATCH (n) WHERE NOT n:IngestRun RETURN labels(n) AS labels, properties(n) AS properties",
    )
    relationships = query(
        driver,
        database,
        "MATCH (a)-[r]->(b) WHERE NOT a:IngestRun AND NOT b:IngestRun "
        "RETURN a.key AS start, type(r) AS type, b.key AS end, properties(r) AS properties",
    )

    def shown(row: dict[str, Any]) -> str:
        if "properties" in row:
            row["properties"] = {k: v for k, v in sorted(row["properties"].items()) if k not in RUN_STAMPS}
        return repr(row)

    return sorted(shown(n) for n in nodes), sorted(shown(r) for r in relationships)


def interrupted(items: Iterable[Any], after: int) -> Iterator[Any]:
    """The items, until the feed breaks after `after` of them."""
    for i, item in enumerate(items):
        if i == after:
            raise RuntimeError("the feed broke")
        yield item


def test_a_fresh_ingest_writes_adverts_accounts_identifiers_and_evidence(graph: neo4j.Driver, database: str):
    report = run(graph, database, lines(ADVERTS), files=["hand-made.jsonl"])

    assert (report.status, report.read, report.accepted, report.rejected) == ("completed", 4, 4, 0)
    assert (report.created, report.updated, report.unchanged, report.batches) == (4, 0, 0, 1)
    labels = query(graph, database, "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label")
    assert {r["label"]: r["n"] for r in labels} == {
        "Account": 3,  # two authors and the Telegram handle
        "Advert": 4,
        "Country": 3,  # FR and IQ (advert regions), GB (the phone's and the IBAN's)
        "IngestLock": 1,  # taken by each batch, so that overlapping runs write one batch at a time
        "IngestRun": 1,
        "PaymentTag": 1,
        "Phone": 1,
    }
    advert = query(graph, database, "MATCH (a:Advert {key: 'advert:facebook:3'}) RETURN properties(a) AS p")[
        0
    ]["p"]
    assert advert["posted_at"] == neo4j.time.DateTime(2024, 3, 5, 9, 0, 0, tzinfo=UTC)
    assert advert["first_run"] == advert["last_run"] == report.run_id
    assert advert["source"] == "test" and len(advert["content_hash"]) == 64
    author = query(
        graph, database, "MATCH (a:Account {key: 'handle:facebook:boatuk'}) RETURN properties(a) AS p"
    )
    assert author[0]["p"] == {
        "key": "handle:facebook:boatuk",
        "platform": "facebook",
        "handle": "boatuk",
        "account_id": "1001",
        "name": "Boat UK",
    }

    posted = query(
        graph, database, "MATCH (a:Account)-[:POSTED]->(d:Advert) RETURN a.key AS a, d.key AS d ORDER BY d"
    )
    assert [(r["a"], r["d"]) for r in posted] == [
        ("handle:facebook:boatuk", "advert:facebook:1"),
        ("handle:facebook:boatuk", "advert:facebook:3"),
        ("handle:tiktok:kurd_uk_way", "advert:tiktok:2"),
    ]
    countries = query(
        graph, database, "MATCH (n)-[:IN_COUNTRY]->(c:Country) RETURN n.key AS n, c.key AS c ORDER BY n"
    )
    assert [(r["n"], r["c"]) for r in countries] == [
        ("advert:facebook:1", "FR"),
        ("advert:tiktok:2", "IQ"),
        ("payment:iban:GB02NWBK60161331926820", "GB"),
        ("phone:+447957500418", "GB"),
    ]

    mention = query(
        graph,
        database,
        "MATCH (:Advert {key: 'advert:facebook:3'})-[m:MENTIONS]->(:Phone) RETURN properties(m) AS p",
    )
    text = ADVERTS[2]["text"]
    evidence = mention[0]["p"]
    assert evidence["count"] == 2
    spans = evidence["spans"]
    assert [text[spans[i] : spans[i + 1]] for i in (0, 2)] == ["+447957500418", "+44 7957 500418"]
    assert evidence["values"] == ["+447957500418", "+44 7957 500418"]
    assert evidence["rules"] == ["text", "text"]
    assert evidence["first_seen"] == evidence["last_seen"] == advert["posted_at"]

    uses = query(
        graph,
        database,
        "MATCH (a:Account)-[u:USES]->(n) RETURN a.key AS a, n.key AS n, u.count AS count, "
        "u.first_seen AS first, u.last_seen AS last ORDER BY a, n",
    )
    assert [(r["a"], r["n"], r["count"], r["first"].day, r["last"].day) for r in uses] == [
        ("handle:facebook:boatuk", "handle:telegram:dunkirk_crossing", 1, 1, 1),
        ("handle:facebook:boatuk", "phone:+447957500418", 2, 1, 5),
        ("handle:tiktok:kurd_uk_way", "payment:iban:GB02NWBK60161331926820", 1, 2, 2),
        ("handle:tiktok:kurd_uk_way", "phone:+447957500418", 1, 2, 2),
    ]


def test_one_phone_written_two_ways_on_two_platforms_is_one_node(graph: neo4j.Driver, database: str):
    run(graph, database, lines(ADVERTS[:2]))

    rows = query(
        graph,
        database,
        "MATCH (p:Phone)<-[m:MENTIONS]-(a:Advert) RETURN p.key AS key, p.e164 AS e164, p.country AS country, "
        "a.platform AS platform, m.values AS values ORDER BY platform",
    )
    assert [(r["key"], r["e164"], r["country"]) for r in rows] == [
        ("phone:+447957500418", "+447957500418", "GB")
    ] * 2
    assert [(r["platform"], r["values"]) for r in rows] == [
        ("facebook", ["+44 7957 500418"]),
        ("tiktok", ["0044 7957 500418"]),
    ]


def test_running_the_same_file_again_changes_nothing_but_the_run(graph: neo4j.Driver, database: str):
    first = run(graph, database, lines(ADVERTS))
    before = dump(graph, database)

    again = run(graph, database, lines(ADVERTS))

    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert dump(graph, database) == before
    stamps = query(graph, database, "MATCH (a:Advert) RETURN DISTINCT a.first_run AS f, a.last_run AS l")
    assert stamps == [{"f": first.run_id, "l": first.run_id}]  # nothing was written, not even a stamp
    runs = query(
        graph, database, "MATCH (r:IngestRun) RETURN r.key AS key, r.status AS status, r.unchanged AS u"
    )
    assert {r["key"]: (r["status"], r["u"]) for r in runs} == {
        first.run_id: ("completed", 0),
        again.run_id: ("completed", 4),
    }
    uses = query(
        graph,
        database,
        "MATCH (:Account {key: 'handle:facebook:boatuk'})-[u:USES]->(:Phone) RETURN u.count AS n",
    )
    assert uses == [{"n": 2}]


def test_rewrite_writes_unchanged_adverts_again_to_the_same_graph(graph: neo4j.Driver, database: str):
    run(graph, database, lines(ADVERTS))
    before = dump(graph, database)

    again = run(graph, database, lines(ADVERTS), rewrite=True)

    assert (again.created, again.updated, again.unchanged) == (0, 4, 0)
    assert dump(graph, database) == before


def clean_dump(
    graph: neo4j.Driver, database: str, items: list[Any], **options: Any
) -> tuple[list[str], list[str]]:
    """The dump after one clean run of `items` on an empty graph (the graph is emptied again after)."""
    run(graph, database, items, **options)
    result = dump(graph, database)
    graph.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    return result


def sample_lines() -> list[bytes]:
    return SAMPLE_ADVERTS.read_bytes().splitlines(keepends=True)


def distinct_adverts(items: list[bytes]) -> int:
    parsed = (parse_line(Line(None, number, item)) for number, item in enumerate(items, start=1))
    return len({advert.key for advert in parsed if isinstance(advert, Advert)})


@pytest.mark.parametrize("workers", [0, 1])
def test_a_run_that_breaks_midway_and_is_run_again_ends_like_one_clean_run(
    graph: neo4j.Driver, database: str, workers: int
):
    items = sample_lines()
    expected = clean_dump(graph, database, items, batch_size=5)

    with pytest.raises(RuntimeError, match="the feed broke"):
        run(graph, database, interrupted(items, after=23), batch_size=5, workers=workers)
    failed = query(graph, database, "MATCH (r:IngestRun) RETURN r.status AS status, r.batches AS batches")
    assert failed[0]["status"] == "failed"
    written = query(graph, database, "MATCH (a:Advert) RETURN count(a) AS n")[0]["n"]
    # Every advert read before the break is written, the part-filled last batch included.
    assert written == distinct_adverts(items[:23]) and written % 5 != 0
    assert 0 < written < 37

    report = run(graph, database, items, batch_size=5)

    assert report.unchanged == written and report.created == 37 - written
    assert dump(graph, database) == expected


def test_a_changed_advert_replaces_its_evidence(graph: neo4j.Driver, database: str):
    other = {**ADVERTS[1], "text": "Call 0044 7957 500418"}
    original = {
        **ADVERTS[0],
        "text": "WhatsApp +44 7957 500418, pay GB02 NWBK 6016 1331 9268 20, or Telegram @dunkirk_crossing. "
        "Book at https://www.boat-uk.co.uk/book",
    }
    edited = {**original, "text": "New number: +44 7404 689231"}
    expected = clean_dump(graph, database, lines([other, edited]))

    run(graph, database, lines([other, original]))
    report = run(graph, database, lines([other, edited]))

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    mentioned = query(
        graph, database, "MATCH (:Advert {key: 'advert:facebook:1'})-[:MENTIONS]->(n) RETURN n.key AS key"
    )
    assert mentioned == [{"key": "phone:+447404689231"}]
    uses = query(graph, database, "MATCH (a:Account)-[u:USES]->(n) RETURN a.key AS a, n.key AS n ORDER BY a")
    assert [(r["a"], r["n"]) for r in uses] == [
        ("handle:facebook:boatuk", "phone:+447404689231"),
        ("handle:tiktok:kurd_uk_way", "phone:+447957500418"),  # the other account still uses the old phone
    ]
    # The IBAN, the handle, the link and its domain were only in the old text: they are gone, as after a
    # clean run of the edited file.
    assert dump(graph, database) == expected
    assert query(graph, database, "MATCH (n) WHERE n:Link OR n:Domain OR n:PaymentTag RETURN n") == []


def test_an_advert_that_changes_author_moves_its_evidence(graph: neo4j.Driver, database: str):
    original = ADVERTS[0]
    edited = {**original, "author": {"handle": "new.owner.uk"}}
    expected = clean_dump(graph, database, lines([edited]))

    run(graph, database, lines([original]))
    run(graph, database, lines([edited]))

    assert dump(graph, database) == expected
    assert query(graph, database, "MATCH (a:Account {key: 'handle:facebook:boatuk'}) RETURN a") == []


# Telegram adverts as a Bot API feed writes them: the chat they were posted in, where one was forwarded from.
CHANNEL = {"handle": "Crossing_Now", "id": -1001234567890, "name": "Crossing Now"}
GROUP = {"id": "-1001987654321", "name": "Calais rides", "type": "supergroup"}
IN_CHATS = [
    {
        "platform": "telegram",
        "post_id": "-1001987654321/3",
        "author": {"id": 6660001, "name": "Ali"},
        "chat": GROUP,
        "forwarded_from": CHANNEL,
        "text": "Boat to UK this week, call +44 7400 123456",
        "posted_at": "2026-10-03T12:10:10Z",
    },
    {
        "platform": "telegram",
        "post_id": "-1001987654321/4",
        "author": {"id": 6660002},
        "chat": GROUP,
        "forwarded_from": {"id": "-1005550001", "name": "Dunkirk Boats"},
        "text": "Places left, pay by https://paypal.me/dovertrips",
        "posted_at": "2026-10-03T12:20:00Z",
    },
]


def context(driver: neo4j.Driver, database: str) -> list[tuple[str, str, str]]:
    rows = query(
        driver,
        database,
        "MATCH (a:Advert)-[r:IN_CHAT|FORWARDED_FROM]->(acc:Account) "
        "RETURN a.post_id AS post, type(r) AS type, acc.key AS account ORDER BY post, type",
    )
    return [(r["post"], r["type"], r["account"]) for r in rows]


def test_the_chat_and_the_forwarded_from_of_json_lines_are_accounts_linked_from_the_advert(
    graph: neo4j.Driver, database: str
):
    report = run(graph, database, lines(IN_CHATS))

    assert report.created == 2
    assert context(graph, database) == [
        ("-1001987654321/3", "FORWARDED_FROM", "handle:telegram:crossing_now"),
        ("-1001987654321/3", "IN_CHAT", "account:telegram:-1001987654321"),
        ("-1001987654321/4", "FORWARDED_FROM", "account:telegram:-1005550001"),
        ("-1001987654321/4", "IN_CHAT", "account:telegram:-1001987654321"),
    ]
    accounts = query(
        graph,
        database,
        "MATCH (acc:Account) WHERE acc.key IN $keys RETURN properties(acc) AS p ORDER BY acc.key",
        keys=["account:telegram:-1001987654321", "handle:telegram:crossing_now"],
    )
    assert [r["p"] for r in accounts] == [
        {
            "key": "account:telegram:-1001987654321",
            "platform": "telegram",
            "account_id": "-1001987654321",
            "name": "Calais rides",  # the chat's type is not stored
        },
        {
            "key": "handle:telegram:crossing_now",
            "platform": "telegram",
            "handle": "crossing_now",
            "account_id": "-1001234567890",
            "name": "Crossing Now",
        },
    ]
    # Context, not evidence: no USES from the chat or the origin to what the adverts mention.
    users = query(graph, database, "MATCH (acc:Account)-[:USES]->() RETURN DISTINCT acc.key AS key")
    assert {r["key"] for r in users} == {"account:telegram:6660001", "account:telegram:6660002"}
    again = run(graph, database, lines(IN_CHATS))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_a_rewritten_advert_keeps_nothing_of_its_old_context(graph: neo4j.Driver, database: str):
    """An advert written again without its forward loses FORWARDED_FROM, and the origin's Account goes
    with it when nothing else refers to it; a chat still holding another advert stays."""
    first, second = IN_CHATS
    edited = [
        {k: v for k, v in first.items() if k != "forwarded_from"},
        {**second, "chat": {"id": "-1009990001", "name": "Another group"}},
    ]
    expected = clean_dump(graph, database, lines(edited))

    run(graph, database, lines(IN_CHATS))
    report = run(graph, database, lines(edited))

    assert (report.created, report.updated) == (0, 2)
    assert context(graph, database) == [
        ("-1001987654321/3", "IN_CHAT", "account:telegram:-1001987654321"),
        ("-1001987654321/4", "FORWARDED_FROM", "account:telegram:-1005550001"),
        ("-1001987654321/4", "IN_CHAT", "account:telegram:-1009990001"),
    ]
    gone = query(graph, database, "MATCH (acc:Account {key: 'handle:telegram:crossing_now'}) RETURN acc")
    assert gone == []
    assert dump(graph, database) == expected

    # The last advert leaves the group: its Account, referred to by nothing now, is removed too.
    run(graph, database, lines([{**edited[0], "chat": None}, edited[1]]))
    assert (
        query(graph, database, "MATCH (acc:Account {key: 'account:telegram:-1001987654321'}) RETURN acc")
        == []
    )


def test_an_account_still_referred_to_as_a_chat_or_origin_is_not_pruned(graph: neo4j.Driver, database: str):
    # The channel posts an advert of its own, another advert forwards it, and then the channel's own
    # advert is written by someone else: the channel's Account loses its POSTED, not its FORWARDED_FROM.
    own = {**IN_CHATS[0], "post_id": "-1001234567890/1", "author": CHANNEL, "chat": CHANNEL}
    own.pop("forwarded_from")
    run(graph, database, lines([own, IN_CHATS[0]]))

    run(graph, database, lines([{**own, "author": {"id": 777}, "chat": None}]))

    assert query(
        graph,
        database,
        "MATCH (acc:Account {key: 'handle:telegram:crossing_now'}) "
        "RETURN COUNT { (acc)-[:POSTED]->() } AS posted, COUNT { (acc)<-[:FORWARDED_FROM]-() } AS forwards",
    ) == [{"posted": 0, "forwards": 1}]


def test_a_bad_chat_id_is_a_reject_naming_the_field(graph: neo4j.Driver, database: str):
    rejects = []
    bad = [{**IN_CHATS[0], "chat": {"id": 1.5e12}}, {**IN_CHATS[1], "forwarded_from": {"id": [1]}}]

    report = run(graph, database, lines(bad), rejects=rejects.append)

    assert (report.accepted, report.rejected) == (0, 2)
    assert [r.reason for r in rejects] == [
        "chat.id: must be a string or an integer, not a number: 1500000000000.0",
        "forwarded_from.id: must be a string or an integer, not an array: [1]",
    ]


def test_rejects_are_reported_with_line_numbers_and_the_run_goes_on(
    graph: neo4j.Driver, database: str, tmp_path
):
    items = lines(ADVERTS[:2])
    items[1:1] = ["{broken", "", '{"platform": "x", "post_id": "9", "text": "t", "posted_at": "32/13/2024"}']
    rejects = []

    report = run(graph, database, items, rejects=rejects.append)

    assert (report.read, report.accepted, report.rejected, report.created) == (4, 2, 2, 2)
    assert [(r.line, r.reason) for r in rejects] == [
        (2, "not valid JSON: Expecting property name enclosed in double quotes at column 2"),
        (4, "posted_at: not an ISO 8601 date: '32/13/2024'"),
    ]


def test_repeated_adverts_are_counted_once_and_the_last_version_wins(graph: neo4j.Driver, database: str):
    first, second = ADVERTS[0], ADVERTS[1]
    newer = {**first, "text": "Edited: +44 7404 689231"}
    items = lines([first, second, first, second, newer, first])

    report = run(graph, database, items, batch_size=2)

    assert report.accepted == 6
    assert report.created + report.updated + report.unchanged + report.duplicates == 6
    assert query(graph, database, "MATCH (a:Advert) RETURN count(a) AS n") == [{"n": 2}]
    text = query(graph, database, "MATCH (a:Advert {key: 'advert:facebook:1'}) RETURN a.text AS text")
    assert text == [{"text": first["text"]}]  # the last line is the first version again
    evidence = query(
        graph, database, "MATCH (:Advert {key: 'advert:facebook:1'})-[m:MENTIONS]->() RETURN count(m) AS n"
    )
    assert evidence == [{"n": 2}]


def test_the_default_region_fills_adverts_without_one(graph: neo4j.Driver, database: str):
    record = {
        "platform": "whatsapp",
        "post_id": "5",
        "text": "Appelle le 06 12 45 78 90",
        "posted_at": "2024-03-01",
    }

    run(graph, database, lines([record]), region="fr")

    rows = query(
        graph, database, "MATCH (a:Advert)-[:MENTIONS]->(p:Phone) RETURN a.region AS region, p.key AS key"
    )
    assert rows == [{"region": "FR", "key": "phone:+33612457890"}]


def test_an_unknown_default_region_is_refused_before_anything_is_written(graph: neo4j.Driver, database: str):
    with pytest.raises(AdvertError, match="the United Kingdom is 'GB'"):
        run(graph, database, lines(ADVERTS), region="uk")
    written = query(graph, database, "MATCH (n) WHERE n:Advert OR n:IngestRun RETURN count(n) AS n")
    assert written == [{"n": 0}]


class Proxy:
    """A TCP forwarder to Neo4j that can be cut, to play a server that goes away in the middle of a run."""

    def __init__(self, uri: str) -> None:
        parts = urlsplit(uri)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 7687)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.uri = f"bolt://127.0.0.1:{self.listener.getsockname()[1]}"
        self.sockets: list[socket.socket] = []
        self.is_cut = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.is_cut:
                client.close()
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass

    def cut(self) -> None:
        self.is_cut = True
        for s in [self.listener, *self.sockets]:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()


def test_when_neo4j_goes_away_the_run_fails_naming_the_batch_and_a_rerun_finishes(
    graph: neo4j.Driver, database: str, neo4j_settings: Settings
):
    items = sample_lines()
    expected = clean_dump(graph, database, items, batch_size=5)
    proxy = Proxy(neo4j_settings.uri)
    auth = (neo4j_settings.user, neo4j_settings.password)

    def cut_after_two_batches(report: RunReport) -> None:
        if report.batches == 2:
            proxy.cut()

    flaky = neo4j.GraphDatabase.driver(proxy.uri, auth=auth, max_transaction_retry_time=0.5)
    with flaky, pytest.raises(IngestFailed) as failed:
        run(flaky, database, items, batch_size=5, progress=cut_after_two_batches)

    message = str(failed.value)
    assert message.startswith("batch 3 (lines ")
    assert "could not be written" in message and "2 batches before it are in the graph" in message
    assert failed.value.report.status == "failed"
    assert query(graph, database, "MATCH (a:Advert) RETURN count(a) AS n") == [{"n": 10}]

    run(graph, database, items, batch_size=5)
    assert dump(graph, database) == expected


def generated_file(path: Path, copies: int) -> Path:
    """The sample adverts `copies` times over, each copy with its own post ids."""
    records = [
        json.loads(line) for line in SAMPLE_ADVERTS.read_bytes().splitlines() if line.strip().endswith(b"}")
    ]
    records = [r for r in records if r.get("posted_at", "").startswith("2024") and r["platform"] != "myspace"]
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in records:
                out.write(
                    json.dumps({**record, "post_id": f"{record['post_id']}-{copy}"}, ensure_ascii=False)
                    + "\n"
                )
    return path


def test_a_run_killed_with_sigkill_and_run_again_ends_like_one_clean_run(
    graph: neo4j.Driver, database: str, tmp_path: Path
):
    adverts = generated_file(tmp_path / "adverts.jsonl", copies=20)
    expected = clean_dump(graph, database, list(read_files([str(adverts)])), batch_size=10)
    command = [sys.executable, "-m", "api.cli", "ingest", str(adverts), "--source", "test", "--batch", "10"]

    process = subprocess.Popen(command, cwd=REPO_ROOT, stderr=subprocess.DEVNULL, env=os.environ.copy())
    deadline = time.monotonic() + 60
    batches = 0
    while batches < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        rows = query(graph, database, "MATCH (r:IngestRun) RETURN r.batches AS b")
        batches = rows[0]["b"] if rows else 0
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert workers, "the CLI runs extraction in a worker process by default"
    gone_by = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < gone_by:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "a worker outlived its killed run"
    killed = query(graph, database, "MATCH (r:IngestRun) RETURN r.status AS status, r.batches AS batches")[0]
    assert killed["status"] == "running"  # a killed process cannot say so; its batches are all in
    assert query(graph, database, "MATCH (a:Advert) RETURN count(a) AS n") == [{"n": killed["batches"] * 10}]

    report = run(graph, database, read_files([str(adverts)]), batch_size=10)

    assert report.unchanged == killed["batches"] * 10
    assert dump(graph, database) == expected


def _children(pid: int) -> list[int]:
    """The live child processes of `pid` (Linux /proc)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def test_the_run_node_records_the_run(graph: neo4j.Driver, database: str):
    started = datetime.now(UTC)
    report = run(
        graph, database, [*lines(ADVERTS), "oops"], source="nightly", files=["a.jsonl"], batch_size=3
    )

    [node] = query(graph, database, "MATCH (r:IngestRun) RETURN properties(r) AS p")
    p = node["p"]
    assert p["key"] == report.run_id and p["source"] == "nightly" and p["files"] == ["a.jsonl"]
    assert p["status"] == "completed"
    assert (p["read"], p["accepted"], p["rejected"], p["created"], p["batches"]) == (5, 4, 1, 4, 2)
    assert started <= p["started_at"].to_native() <= p["finished_at"].to_native()


def test_the_objects_frozen_for_the_collector_during_a_run_are_handed_back(
    graph: neo4j.Driver, database: str
):
    gc.unfreeze()  # whatever an earlier test froze
    run(graph, database, lines(ADVERTS), source="t")
    assert gc.get_freeze_count() == 0
    with pytest.raises(IngestFailed):
        run(graph, database, lines(ADVERTS), source="t", progress=_fail_progress)
    assert gc.get_freeze_count() == 0


def test_a_run_leaves_what_the_process_froze_itself_frozen(graph: neo4j.Driver, database: str):
    """The API server freezes what start-up made; an ingestAdverts push must not hand it back."""
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        run(graph, database, lines(ADVERTS), source="t")
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def _fail_progress(report: RunReport) -> None:
    raise IngestFailed("stopped by the test", report)


def test_a_stop_request_ends_the_run_between_batches(graph: neo4j.Driver, database: str):
    items = sample_lines()
    expected = clean_dump(graph, database, items, batch_size=5)
    stop = threading.Event()

    def stop_after_three_batches(report: RunReport) -> None:
        if report.batches == 3:
            stop.set()

    with pytest.raises(IngestInterrupted, match="stopped on request before line"):
        run(graph, database, items, batch_size=5, progress=stop_after_three_batches, stop=stop)

    [node] = query(graph, database, "MATCH (r:IngestRun) RETURN r.status AS status, r.batches AS batches")
    assert node == {"status": "interrupted", "batches": 3}
    run(graph, database, items, batch_size=5)
    assert dump(graph, database) == expected


def test_several_files_are_one_run_and_rejects_name_their_file(
    graph: neo4j.Driver, database: str, tmp_path: Path
):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(lines(ADVERTS[:2])) + "\n", encoding="utf-8")
    second.write_text("\n".join([*lines(ADVERTS[2:]), "[]"]) + "\n", encoding="utf-8")
    rejects = []

    report = run(graph, database, read_files([str(first), str(second)]), rejects=rejects.append, batch_size=3)

    assert (report.created, report.rejected, report.batches) == (4, 1, 2)
    assert [(r.file, r.line, r.reason) for r in rejects] == [
        (str(second), 3, "not a JSON object but an array")
    ]


def test_extraction_in_worker_processes_writes_the_same_graph(graph: neo4j.Driver, database: str):
    run(graph, database, lines(ADVERTS), batch_size=2)
    in_process = dump(graph, database)
    graph.execute_query("MATCH (n) DETACH DELETE n", database_=database)

    report = run(graph, database, lines(ADVERTS), batch_size=2, workers=1)

    assert report.created == len(ADVERTS)
    assert dump(graph, database) == in_process
    again = run(graph, database, lines(ADVERTS), batch_size=2, workers=1)
    assert (again.created, again.unchanged) == (0, len(ADVERTS))
    assert dump(graph, database) == in_process


def test_a_worker_that_dies_fails_the_run_with_a_reason_and_keeps_what_was_written(
    graph: neo4j.Driver, database: str
):
    import multiprocessing

    many = [
        {**ADVERTS[0], "post_id": str(i), "text": f"Boat {i}: WhatsApp +44 7957 500418"} for i in range(4000)
    ]

    def kill_a_worker_after_the_first_batch(report: RunReport) -> None:
        if report.batches == 1:
            for child in multiprocessing.active_children():
                os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(IngestFailed, match="extraction worker stopped unexpectedly") as failed:
        run(
            graph,
            database,
            lines(many),
            batch_size=20,
            workers=1,
            progress=kill_a_worker_after_the_first_batch,
        )

    written = failed.value.report.batches
    assert written >= 1
    assert query(graph, database, "MATCH (a:Advert) RETURN count(a) AS n") == [{"n": written * 20}]
    assert query(graph, database, "MATCH (r:IngestRun) RETURN r.status AS s") == [{"s": "failed"}]
