"""ingestAdverts' text budget: per request and per key a minute, refused whole with INGEST_BUDGET_EXCEEDED,
nothing of a refused push written, and the minute's count shared by API processes over one graph."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from planted import Api

from api.app import create_app
from api.audit import AuditLog
from api.graphql.limits import Limits
from graph import apikeys, ingest_budget
from graph.config import Settings

LIMITS = Limits(ingest_chars=1000, ingest_chars_per_minute=1500)
MINUTE = 1_700_000_040.0  # the start of a minute: every push of a test is counted in this one
PUSH = """mutation Push($adverts: [AdvertInput!]!) {
  ingestAdverts(adverts: $adverts, source: "budget-test") { accepted advertIds }
}"""


def app_over(driver: neo4j.Driver, settings: Settings, audit: Path) -> TestClient:
    return TestClient(
        create_app(driver, settings.database, audit=AuditLog(audit), limits=LIMITS, settings=settings)
    )


@pytest.fixture(scope="module")
def servers(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, TestClient, Path]]:
    """Two API servers over one graph, as `crosslink serve --workers 2` runs them, sharing an audit log."""
    audit = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    with (
        neo4j.GraphDatabase.driver(
            neo4j_settings.uri, auth=(neo4j_settings.user, neo4j_settings.password)
        ) as other_driver,
        app_over(neo4j_driver, neo4j_settings, audit) as first,
        app_over(other_driver, neo4j_settings, audit) as second,
    ):
        yield first, second, audit


@pytest.fixture
def key(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    """A new ingest key (its id and secret), its minute fixed."""
    monkeypatch.setattr(ingest_budget, "clock", lambda: MINUTE + 1)
    created, secret = apikeys.create_key(neo4j_driver, neo4j_settings.database, role="ingest", name="budget")
    return created.id, secret


def adverts(*lengths: int) -> list[dict[str, str]]:
    """Adverts with texts of these lengths, under post ids never used before."""
    return [
        {"platform": "x", "postId": uuid.uuid4().hex, "text": "b" * n, "postedAt": "2024-06-01T10:00:00Z"}
        for n in lengths
    ]


def push(client: TestClient, secret: str, sent: list[dict[str, str]]) -> Any:
    headers = {"Authorization": f"Bearer {secret}"}
    return client.post(
        "/graphql", json={"query": PUSH, "variables": {"adverts": sent}}, headers=headers
    ).json()


def written(client: TestClient, secret: str, sent: list[dict[str, str]]) -> list[bool]:
    """For each advert sent, whether the graph holds it."""
    headers = {"Authorization": f"Bearer {secret}"}
    found = []
    for advert in sent:
        query = {
            "query": "query ($id: ID!) { advert(id: $id) { id } }",
            "variables": {"id": f"x:{advert['postId']}"},
        }
        answer = client.post("/graphql", json=query, headers=headers).json()
        found.append(bool((answer.get("data") or {}).get("advert")))
    return found


def refusal(answer: Any) -> str:
    """The message of an answer refused with INGEST_BUDGET_EXCEEDED (and nothing else)."""
    assert answer["data"] is None
    assert [e["extensions"]["code"] for e in answer["errors"]] == ["INGEST_BUDGET_EXCEEDED"]
    return answer["errors"][0]["message"]


def test_a_push_over_the_request_budget_is_refused_whole(
    servers: tuple[TestClient, TestClient, Path], key: tuple[str, str]
) -> None:
    client, _, _ = servers
    _, secret = key
    sent = adverts(600, 401)

    message = refusal(push(client, secret, sent))

    assert "1,001 characters" in message and "at most 1,000" in message
    assert written(client, secret, sent) == [False, False]
    fits = adverts(600, 400)
    assert push(client, secret, fits)["data"]["ingestAdverts"]["accepted"] == 2
    assert written(client, secret, fits) == [True, True]


def test_a_key_over_its_minute_is_refused_and_the_refused_push_is_not_counted(
    servers: tuple[TestClient, TestClient, Path], key: tuple[str, str]
) -> None:
    client, _, _ = servers
    _, secret = key
    first, over, rest = adverts(900), adverts(700), adverts(600)

    assert push(client, secret, first)["data"]["ingestAdverts"]["accepted"] == 1
    message = refusal(push(client, secret, over))
    assert push(client, secret, rest)["data"]["ingestAdverts"]["accepted"] == 1

    assert "1,500 characters of advert text a minute" in message
    assert "has pushed 900" in message and "these 700 more" in message and "again in 59 s" in message
    assert written(client, secret, over) == [False]
    refusal(push(client, secret, adverts(1)))


def test_servers_over_one_graph_share_a_keys_minute(
    servers: tuple[TestClient, TestClient, Path], key: tuple[str, str]
) -> None:
    """Two processes of the API do not give a key twice its budget: the count is in the graph."""
    first_server, second_server, _ = servers
    _, secret = key

    assert push(first_server, secret, adverts(1000))["data"]["ingestAdverts"]["accepted"] == 1
    message = refusal(push(second_server, secret, adverts(501)))

    assert "has pushed 1,000" in message
    assert push(second_server, secret, adverts(500))["data"]["ingestAdverts"]["accepted"] == 1


@pytest.mark.parametrize(
    "document",
    [
        'mutation ($a: [AdvertInput!]!, $b: [AdvertInput!]!) { a: ingestAdverts(adverts: $a, source: "s") '
        '{ accepted } b: ingestAdverts(adverts: $b, source: "s") { accepted } }',
        'mutation ($a: [AdvertInput!]!, $b: [AdvertInput!]!) { a: ingestAdverts(adverts: $a, source: "s") '
        '{ accepted } ...More } fragment More on Mutation { b: ingestAdverts(adverts: $b, source: "s") '
        "{ accepted } }",
    ],
    ids=["aliases", "through-a-fragment"],
)
def test_one_request_pushes_once(
    servers: tuple[TestClient, TestClient, Path], key: tuple[str, str], document: str
) -> None:
    """Aliases would multiply the request's budget (and leave the first push written when the second is
    refused): an operation asking for ingestAdverts twice is refused before either runs."""
    client, _, _ = servers
    _, secret = key
    first, second = adverts(600), adverts(600)
    headers = {"Authorization": f"Bearer {secret}"}

    answer = client.post(
        "/graphql", json={"query": document, "variables": {"a": first, "b": second}}, headers=headers
    ).json()

    assert "ingestAdverts 2 times" in refusal(answer)
    assert written(client, secret, first + second) == [False, False]


def test_a_refused_push_is_audited_with_its_key_and_operation(
    servers: tuple[TestClient, TestClient, Path], key: tuple[str, str]
) -> None:
    client, _, audit = servers
    id, secret = key

    refusal(push(client, secret, adverts(1001)))

    record = Api(client, {}, {}, audit).audit()[-1]
    assert (record["key_id"], record["operation"], record["type"]) == (id, "Push", "mutation")
    assert record["errors"] == ["INGEST_BUDGET_EXCEEDED"]
    assert record["fields"][0]["field"] == "ingestAdverts"


def test_the_budget_is_set_from_the_environment() -> None:
    limits = Limits.from_env(
        {"CROSSLINK_MAX_INGEST_CHARS": "5000", "CROSSLINK_MAX_INGEST_CHARS_PER_MINUTE": "9000"}
    )

    assert (limits.ingest_chars, limits.ingest_chars_per_minute) == (5000, 9000)
    with pytest.raises(ValueError, match="CROSSLINK_MAX_INGEST_CHARS must be a positive whole number"):
        Limits.from_env({"CROSSLINK_MAX_INGEST_CHARS": "lots"})
