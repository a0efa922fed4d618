"""`Crosslink`, the object a Python user holds: connected as the CLI connects, ingesting as `crosslink
ingest` does, and answering each question with the record the GraphQL API serves for the same graph.

The graph is the API tests' planted one (tests/api/planted_adverts.jsonl: network A across four platforms
and three countries, network B on X, a help-desk email that is a hub between them), ingested here through
the object; the API is the real app over the same driver, asked over HTTP.
"""

from __future__ import annotations

import asyncio
import io
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import DriverError

from api.app import create_app
from api.audit import AuditLog
from graph import AsyncCrosslink, Crosslink
from graph.config import Settings, SettingsError
from graph.db import GraphUnavailable, connect_async
from graph.ingest import RunReport
from graph.read import AsyncReader, NotFound
from graph.read.queries import NetworkFilter
from tests.api.planted import HUB_EMAIL, HUB_RULE, IBAN_A, PHONE_A, PLANTED

# The fields each record shares with its GraphQL type, in the API's names.
IDENTIFIER = "id kind value country scheme platform hub hubReason advertCount"
NETWORK = (
    "id key size advertCount accountCount platforms countries firstSeen lastSeen score scoreCrossPlatform "
    "scoreCrossBorder scoreSize scoreRecency scoreExplanation updatedAt"
)
ACCOUNT = "id platform handle accountId name takenDownAt hub hubReason advertCount mentionedBy"
ADVERT = "id platform postId url text postedAt lang region source"
WATCH = "identifier kind note createdAt createdBy"
SPANS = "spans { start end text }"


def api_fields(record: Any, names: str, **renamed: str) -> dict[str, Any]:
    """`record` as the API answers the fields `names`: each from the attribute of the same name in
    snake_case (or as `renamed`), a date in ISO 8601, a span as {start, end, text}."""
    answer = {}
    for name in names.split():
        value = getattr(
            record, renamed.get(name) or "".join(f"_{c.lower()}" if c.isupper() else c for c in name)
        )
        answer[name] = value.isoformat() if isinstance(value, datetime) else value
    return answer


def identifier_fields(record: Any) -> dict[str, Any]:
    return {
        **api_fields(record, IDENTIFIER, id="key", advertCount="mentioned_by"),
        "kind": record.kind.upper(),
    }


def spans(record: Any) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in record.spans]


class Api:
    """The GraphQL API over the same graph, asked with an admin key made through the object."""

    def __init__(self, client: TestClient, key: str) -> None:
        self.client, self.key = client, key

    def post(self, query: str, variables: dict[str, Any] | None = None, key: str | None = None) -> Any:
        headers = {"Authorization": f"Bearer {key or self.key}"}
        return self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )

    def data(self, query: str, **variables: Any) -> Any:
        answer = self.post(query, variables).json()
        assert "errors" not in answer, answer["errors"]
        return answer["data"]


@pytest.fixture(scope="module")
def planted(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> Iterator[tuple[Crosslink, RunReport]]:
    """The planted adverts ingested through a Crosslink over the tests' driver (networks updated as the
    ingest does by default), and the run's report."""
    with pytest.MonkeyPatch.context() as env:
        for name, value in HUB_RULE.items():
            env.setenv(name, value)
        with neo4j_driver.session(database=neo4j_settings.database) as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        graph = Crosslink(neo4j_driver, neo4j_settings.database)
        yield graph, graph.ingest(PLANTED, source="planted")


@pytest.fixture(scope="module")
def graph(planted: tuple[Crosslink, RunReport]) -> Crosslink:
    return planted[0]


@pytest.fixture(scope="module")
def api(
    graph: Crosslink, neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Api]:
    _, key = graph.create_key(role="admin", name="test_crosslink")
    audit = AuditLog(tmp_path_factory.mktemp("audit") / "audit.jsonl")
    with TestClient(create_app(graph.driver, graph.database, audit=audit, settings=neo4j_settings)) as client:
        yield Api(client, key)


# --- connecting ---


def test_connect_takes_the_clis_settings_and_closes_the_driver_it_opened(neo4j_settings: Settings) -> None:
    with Crosslink.connect() as graph:
        assert graph.database == neo4j_settings.database
        assert graph.stats().counts.keys() >= {"adverts", "networks"}

    with pytest.raises(DriverError, match="closed"):
        graph.driver.execute_query("RETURN 1")


def test_what_connect_is_given_wins_over_the_environment(
    neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # nothing listens there
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("NEO4J_HOME_DIR", str(tmp_path))  # and no password file

    s = neo4j_settings
    with Crosslink.connect(s.uri, user=s.user, password=s.password, database=s.database) as graph:
        assert graph.stats().counts["adverts"] >= 0
    with Crosslink.connect(settings=s) as graph:
        assert graph.database == s.database
    with pytest.raises(SettingsError, match="NEO4J_PASSWORD"):
        Crosslink.connect(s.uri)


def test_a_bad_uri_or_password_is_graph_unavailable(neo4j_settings: Settings) -> None:
    with pytest.raises(GraphUnavailable) as unreachable:
        Crosslink.connect("bolt://127.0.0.1:1", settings=neo4j_settings, timeout=5)
    assert unreachable.value.uri == "bolt://127.0.0.1:1"
    assert "scripts/neo4j start" in str(unreachable.value)

    with pytest.raises(GraphUnavailable, match="was refused") as refused:
        Crosslink.connect(settings=neo4j_settings, password="not-the-password")
    assert "not-the-password" not in str(refused.value)


def test_a_borrowed_driver_is_left_open(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> None:
    with Crosslink(neo4j_driver, neo4j_settings.database) as graph:
        graph.stats()

    records, _, _ = neo4j_driver.execute_query("RETURN 1 AS one", database_=neo4j_settings.database)
    assert records[0]["one"] == 1


# --- ingesting ---


def test_an_ingested_file_is_in_networks_at_once(planted: tuple[Crosslink, RunReport]) -> None:
    graph, report = planted

    assert (report.status, report.accepted, report.rejected, report.created) == ("completed", 13, 0, 13)
    assert report.files == [str(PLANTED)]
    (network,) = graph.networks(min_platforms=2, min_countries=2).items
    assert network.platforms == ["facebook", "instagram", "telegram", "tiktok"]
    assert [n.key for n in graph.networks(contains_identifier="+44 7400 123456").items] == [network.key]
    assert graph.identifier(HUB_EMAIL).hub


def test_records_a_stream_and_standard_input_are_ingested_as_files_are(
    graph: Crosslink, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = PLANTED.read_bytes()
    records = [json.loads(line) for line in lines.splitlines()]

    again = [
        graph.ingest(records, source="planted"),
        graph.ingest(io.BytesIO(lines), source="planted"),
        graph.ingest(PLANTED, source="planted", update_networks=False),
    ]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    again.append(graph.ingest("-", source="planted"))

    assert [(r.accepted, r.unchanged, r.created) for r in again] == [(13, 13, 0)] * 4
    assert again[-1].files == ["<stdin>"]
    rejected: list[Any] = []
    report = graph.ingest([{"platform": "x"}], source="planted", rejects=rejected.append)
    assert (report.rejected, len(rejected)) == (1, 1)


# --- questions: the records the API serves ---


@pytest.mark.parametrize("typed", ["+44 7400 123456", "wa.me/447400123456", "00447400123456"])
def test_identifier_is_the_apis(graph: Crosslink, api: Api, typed: str) -> None:
    found = graph.identifier(typed)

    answer = api.data(f"query ($v: String!) {{ identifier(value: $v) {{ {IDENTIFIER} }} }}", v=typed)
    assert identifier_fields(found) == answer["identifier"]
    assert found.key == PHONE_A
    assert graph.identifier_at(PHONE_A) == found
    assert graph.identifier("07400 123456", region="GB") == found
    with pytest.raises(NotFound, match=r"phone:\+447400999999"):
        graph.identifier("+44 7400 999999")


def test_a_page_of_networks_is_the_apis(graph: Crosslink, api: Api) -> None:
    query = f"""query ($after: String) {{ networks(filter: {{minCountries: 2}}, first: 1, after: $after) {{
        totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ {NETWORK} }} }} }} }}"""

    after = None
    for _ in range(2):
        page = graph.networks(min_countries=2, first=1, after=after)
        answer = api.data(query, after=after)["networks"]
        assert answer["totalCount"] == page.total == 2
        assert answer["pageInfo"]["hasNextPage"] == page.has_next
        assert [e["cursor"] for e in answer["edges"]] == page.cursors
        assert [e["node"] for e in answer["edges"]] == [api_fields(n, NETWORK) for n in page.items]
        after = page.cursors[-1]
    assert graph.networks(NetworkFilter(min_countries=2), order="SIZE") == graph.networks(
        min_countries=2, order="SIZE"
    )


def test_network_account_and_advert_are_the_apis(graph: Crosslink, api: Api) -> None:
    network = graph.networks(contains_identifier=PHONE_A).items[0]
    account = graph.account("telegram", "@calais_crossing_a")
    advert = graph.advert("facebook:a1")

    answer = api.data(
        f"""query ($id: ID!) {{ network(id: $id) {{ {NETWORK} }}
            account(platform: "telegram", handle: "@calais_crossing_a") {{ {ACCOUNT} }}
            advert(id: "facebook:a1") {{ {ADVERT} }} }}""",
        id=network.id,
    )
    assert answer["network"] == api_fields(graph.network(network.id), NETWORK)
    assert graph.network(network.key) == graph.network(network.id)
    assert answer["account"] == api_fields(account, ACCOUNT, id="key", advertCount="posted")
    assert answer["advert"] == api_fields(advert, ADVERT, id="key")


def test_search_path_and_neighbourhood_are_the_apis(graph: Crosslink, api: Api) -> None:
    hits = graph.search("lorry OR boat")
    path = graph.path("+44 7400 123456", IBAN_A)
    around = graph.neighbourhood(PHONE_A, depth=2, limit=50)

    answer = api.data(
        f"""query ($a: String!, $b: String!) {{
            search(text: "lorry OR boat") {{ totalCount edges {{ cursor score node {{ id }} }} }}
            path(from: $a, to: $b) {{ nodeIds hops {{ source target relation {SPANS} advert {{ id }} }} }}
            neighbourhood(id: $a, depth: 2, limit: 50) {{
                center truncated nodes {{ id hub }} edges {{ source target relation }} }} }}""",
        a="+44 7400 123456",
        b=IBAN_A,
    )
    assert answer["search"]["totalCount"] == hits.total >= 2
    assert [(e["node"]["id"], e["score"], e["cursor"]) for e in answer["search"]["edges"]] == [
        (key, score, cursor) for (key, score), cursor in zip(hits.items, hits.cursors, strict=True)
    ]
    adverts = graph.nodes([key for key, _ in hits.items])
    assert [a.key if a else None for a in adverts] == [key for key, _ in hits.items]
    assert path is not None and path.nodes[0] == PHONE_A and path.nodes[-1] == IBAN_A
    assert answer["path"] == {
        "nodeIds": path.nodes,
        "hops": [
            {
                "source": h.source,
                "target": h.target,
                "relation": h.relation,
                "spans": spans(h),
                "advert": {"id": h.advert},
            }
            for h in path.hops
        ],
    }
    assert graph.path(PHONE_A, "+32 470 12 34 56") is None  # only the hub joins them
    assert answer["neighbourhood"] == {
        "center": around.center,
        "truncated": around.truncated,
        "nodes": [{"id": n.key, "hub": getattr(n, "hub", False)} for n in around.nodes],
        "edges": [{"source": e.source, "target": e.target, "relation": e.relation} for e in around.edges],
    }


def test_stats_are_the_apis_and_the_summary_the_clis(graph: Crosslink, api: Api) -> None:
    stats = graph.stats()

    answer = api.data(
        "{ stats { adverts networks crossBorderNetworks platforms { name adverts } lastRun { id } } }"
    )
    assert answer["stats"] == {
        "adverts": stats.counts["adverts"],
        "networks": stats.counts["networks"],
        "crossBorderNetworks": stats.counts["cross_border_networks"],
        "platforms": [{"name": name, "adverts": n} for name, n in stats.platforms],
        "lastRun": {"id": stats.last_run},
    }
    summary = graph.summary(limit=5)
    assert summary.counts["adverts"] == stats.counts["adverts"]
    assert PHONE_A in {s.key for s in summary.shared}
    network = graph.networks(contains_identifier=PHONE_A).items[0]
    shown = graph.network_summary(network.id)
    assert shown is not None and shown["network"]["key"] == network.key
    assert graph.network_summary("n-nosuchnetwork") is None


# --- networks ---


def test_rebuild_and_update_networks(graph: Crosslink) -> None:
    rebuilt = graph.rebuild_networks()
    assert rebuilt.kind == "rebuild"
    assert rebuilt.networks == graph.stats().counts["networks"] == 2
    assert HUB_EMAIL in {hub.key for hub in rebuilt.hubs}

    # A new advert sharing network A's phone, its networks left for later, then caught up.
    advert = {
        "platform": "x",
        "post_id": "a9",
        "author": {"handle": "uk_trip_x", "id": "9009"},
        "text": "Boat tonight, WhatsApp +44 7400 123456",
        "posted_at": "2024-05-20T08:00:00Z",
        "region": "BE",
    }
    report = graph.ingest([advert], source="later", update_networks=False)
    assert graph.advert("x:a9").network is None
    done = graph.update_networks()
    assert done.runs == [report.run_id]
    assert done.report is not None and done.report.kind == "update"
    network = graph.networks(contains_identifier=PHONE_A).items[0]
    assert graph.advert("x:a9").network == network.key
    assert "x" in network.platforms
    assert graph.update_networks().runs == []
    assert graph.apply_schema() == []


# --- case work and keys ---


def test_case_work_through_the_object_is_what_the_api_shows(graph: Crosslink, api: Api) -> None:
    since = datetime.now(UTC)
    network = graph.networks(contains_identifier=PHONE_A).items[0]
    tag = graph.tag(network.key, "priority", "four platforms", by="analyst 1")
    watch = graph.watch("+32 470 12 34 56", note="network B's phone", by="analyst 1")
    account = graph.mark_taken_down("handle:x:lorryroutes", datetime(2024, 6, 1, tzinfo=UTC))
    hit = {
        "platform": "facebook",
        "post_id": "b9",
        "author": {"handle": "lorry.routes.fb", "id": "8009"},
        "text": "Lorry tonight, call +32470123456",
        "posted_at": "2024-06-02T08:00:00Z",
        "region": "BE",
    }
    graph.ingest([hit], source="later")

    answer = api.data(
        f"""query ($id: ID!, $since: DateTime!) {{
            network(id: $id) {{ tags {{ id target label note createdBy }} }}
            watchlist {{ {WATCH} }}
            watchHits(since: $since) {{ identifier run relation {SPANS} advert {{ id }} }}
            account(platform: "x", handle: "LorryRoutes") {{ takenDownAt }} }}""",
        id=network.id,
        since=since.isoformat(),
    )
    shown = {"id": tag.id, "target": network.key, "label": "priority", "note": "four platforms"}
    assert {**shown, "createdBy": "analyst 1"} in answer["network"]["tags"]
    assert answer["watchlist"] == [api_fields(w, WATCH) for w in graph.watchlist()]
    assert watch.identifier == "phone:+32470123456" and watch.created_by == "analyst 1"
    hits = graph.watch_hits(since)
    assert [h.advert for h in hits] == ["advert:facebook:b9"]
    assert answer["watchHits"] == [
        {
            "identifier": h.identifier,
            "run": h.run,
            "relation": h.relation,
            "spans": spans(h),
            "advert": {"id": h.advert},
        }
        for h in hits
    ]
    assert account.taken_down_at == datetime(2024, 6, 1, tzinfo=UTC)
    assert answer["account"]["takenDownAt"] == account.taken_down_at.isoformat()
    assert graph.unwatch("+32470123456") is True
    assert graph.unwatch("+32470123456") is False
    assert graph.watchlist() == []


def test_keys_made_through_the_object_open_and_close_the_api(graph: Crosslink, api: Api) -> None:
    key, secret = graph.create_key(role="reader", name="notebook")

    assert key in graph.list_keys()
    assert api.post("{ stats { adverts } }", key=secret).status_code == 200
    revoked = graph.revoke_key(key.id)
    assert revoked.revoked_at is not None
    assert api.post("{ stats { adverts } }", key=secret).status_code == 401
    listed = api.data("{ apiKeys { id revokedAt } }")["apiKeys"]
    assert {"id": key.id, "revokedAt": revoked.revoked_at.isoformat()} in listed


# --- the asyncio face ---


def test_the_asyncio_face_answers_as_the_blocking_one(graph: Crosslink, neo4j_settings: Settings) -> None:
    async def ask() -> tuple[Any, ...]:
        driver = await connect_async(neo4j_settings)
        try:
            reader = AsyncReader(driver, graph.database)
            face = AsyncCrosslink(graph, reader)
            found = await face.identifier("+44 7400 123456")
            page, path = await asyncio.gather(face.networks(min_countries=2), face.path(PHONE_A, IBAN_A))
            watched = await face.watch(IBAN_A)  # a change: the blocking core, in a worker thread
            return found, page, path, watched, await face.unwatch(IBAN_A), reader.queries
        finally:
            await driver.close()

    found, page, path, watched, unwatched, queries = asyncio.run(ask())

    assert (found, page, path) == (
        graph.identifier("+44 7400 123456"),
        graph.networks(min_countries=2),
        graph.path(PHONE_A, IBAN_A),
    )
    assert (watched.identifier, unwatched) == (IBAN_A, True)
    assert queries >= 4  # the face reads through the reader it was given


def test_prepare_api_makes_the_schemas_the_api_needs(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    """What the API's start-up runs: the constraints of keys and case work and the networks' indexes,
    made again when missing."""
    names = ("api_key_key", "tag_key", "watch_key")
    for name in names:
        neo4j_driver.execute_query(f"DROP CONSTRAINT {name} IF EXISTS", database_=neo4j_settings.database)

    Crosslink(neo4j_driver, neo4j_settings.database).prepare_api()

    records, _, _ = neo4j_driver.execute_query("SHOW INDEXES YIELD name", database_=neo4j_settings.database)
    present = {record["name"] for record in records}
    assert set(names) <= present
    assert "network_filter_counts" in present
