"""GET /metrics over the real app and graph: operations by name and outcome, latency, refusals by reason,
Neo4j errors, downloads; label values bounded whatever clients send; a token when one is set."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import neo4j
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from neo4j.exceptions import ClientError
from planted import PHONE_A, Api
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from api.app import create_app
from api.audit import AuditLog
from api.graphql.errors import CODES
from api.graphql.limits import MAX_BODY_BYTES, MAX_DEPTH
from api.metrics import (
    BUCKETS,
    MAX_OPERATIONS,
    REFUSED_BEFORE,
    REFUSED_BY_OPERATION,
    ApiMetrics,
    neo4j_kind,
)
from graph import apikeys
from graph.config import REPO_ROOT, Settings

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def own_app(driver: neo4j.Driver, settings: Settings, tmp_path: Path) -> FastAPI:
    """An app of the test's own, over the graph as it is, for a test that changes the app."""
    return create_app(driver, settings.database, audit=AuditLog(tmp_path / "audit.jsonl"), settings=settings)


def closed_port() -> int:
    """A local port nothing listens on (bound for a moment, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scrape(client: TestClient, headers: dict[str, str] | None = None) -> Samples:
    response = client.get("/metrics", headers=headers or {})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    found: Samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            found[sample.name, frozenset(sample.labels.items())] = sample.value
    return found


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def labels_of(samples: Samples, name: str, label: str) -> set[str]:
    return {dict(labels)[label] for sample, labels in samples if sample == name and label in dict(labels)}


def test_an_answered_query_is_counted_with_its_name_and_latency(api: Api) -> None:
    before = scrape(api.client)
    for _ in range(2):
        api.data("query CountAdverts { stats { adverts } }")
    after = scrape(api.client)

    ok = ("crosslink_api_operations_total", {"operation": "CountAdverts", "outcome": "ok"})
    assert value(after, ok[0], **ok[1]) - value(before, ok[0], **ok[1]) == 2
    histogram = "crosslink_api_operation_duration_seconds"
    assert (
        value(after, f"{histogram}_count", operation="CountAdverts")
        - value(before, f"{histogram}_count", operation="CountAdverts")
        == 2
    )
    assert value(after, f"{histogram}_sum", operation="CountAdverts") > 0
    bounds = labels_of(after, f"{histogram}_bucket", "le")
    assert bounds == {str(bound) for bound in BUCKETS} | {"+Inf"}
    assert value(after, f"{histogram}_bucket", operation="CountAdverts", le="+Inf") == value(
        after, f"{histogram}_count", operation="CountAdverts"
    )
    http = value(after, "crosslink_http_requests_total", route="graphql", status="200")
    assert http - value(before, "crosslink_http_requests_total", route="graphql", status="200") == 2
    assert value(after, "crosslink_http_request_duration_seconds_count", route="graphql") >= 2


def test_a_failed_query_is_an_error_not_a_refusal(api: Api) -> None:
    before = scrape(api.client)
    answer = api.post("query Misspelt { stats { advertz } }")
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    after = scrape(api.client)

    name = "crosslink_api_operations_total"
    assert value(after, name, operation="Misspelt", outcome="error") == 1 + value(
        before, name, operation="Misspelt", outcome="error"
    )
    assert value(after, name, operation="Misspelt", outcome="refused") == 0
    refusals = "crosslink_api_refusals_total"
    assert sum(v for (n, _), v in after.items() if n == refusals) == sum(
        v for (n, _), v in before.items() if n == refusals
    )


def refusals(samples: Samples, reason: str) -> float:
    return value(samples, "crosslink_api_refusals_total", reason=reason)


def test_each_kind_of_refusal_is_counted_under_its_reason(api: Api) -> None:
    before = scrape(api.client)
    api.post("query NoKey { stats { adverts } }", role=None)  # no key
    api.post("query Revoked { stats { adverts } }", role="revoked")
    api.post('mutation Tagging { tag(id: "x", label: "y") { id } }', role="reader")  # not an admin
    nested = "id"
    for _ in range(MAX_DEPTH):
        nested = f"network {{ adverts {{ {nested} }} }}"
    api.post(f'query TooDeep {{ advert(id: "facebook:a1") {{ {nested} }} }}')
    headers = {"Authorization": f"Bearer {api.keys['reader']}", "Content-Type": "application/json"}
    too_large = api.client.post("/graphql", content=b" " * (MAX_BODY_BYTES + 1), headers=headers)
    assert too_large.status_code == 413
    after = scrape(api.client)

    assert refusals(after, "auth") - refusals(before, "auth") == 2
    assert refusals(after, "role") - refusals(before, "role") == 1
    assert refusals(after, "query_limit") - refusals(before, "query_limit") == 1
    assert refusals(after, "body_size") - refusals(before, "body_size") == 1
    name = "crosslink_api_operations_total"
    assert value(after, name, operation="TooDeep", outcome="refused") == 1
    assert value(after, name, operation="Tagging", outcome="refused") == 1
    # The refused callers had no accepted key: their names did not become labels.
    assert {"NoKey", "Revoked"}.isdisjoint(labels_of(after, name, "operation"))
    assert value(after, "crosslink_http_requests_total", route="graphql", status="401") >= 2
    assert value(after, "crosslink_http_requests_total", route="graphql", status="413") >= 1


def test_hostile_operation_names_do_not_grow_the_labels_without_bound(api: Api) -> None:
    for number in range(MAX_OPERATIONS + 20):
        api.data(f"query Flood{number} {{ __typename }}")
    api.data("query Strange { __typename }", None)
    for name in ("ünïcode", "a" * 200, "x-y"):  # not GraphQL names: sent as the operation name
        headers = {"Authorization": f"Bearer {api.keys['reader']}"}
        api.client.post("/graphql", json={"query": "{ __typename }", "operationName": name}, headers=headers)
    api.data("{ __typename }")
    samples = scrape(api.client)

    names = labels_of(samples, "crosslink_api_operations_total", "operation")
    assert len(names) <= MAX_OPERATIONS + 2  # the first names seen, `other` and `anonymous`
    assert {"other", "anonymous"} <= names
    assert not any(name.startswith(("ünï", "aaaa", "x-y")) for name in names)
    flooded = sum(
        v
        for (n, labels), v in samples.items()
        if n == "crosslink_api_operations_total" and "Flood" in str(labels)
    )
    assert flooded < MAX_OPERATIONS + 20
    assert value(samples, "crosslink_api_operations_total", operation="other", outcome="ok") >= 20


def test_a_download_is_counted_by_export_format_and_outcome(api: Api) -> None:
    headers = {"Authorization": f"Bearer {api.keys['reader']}"}
    before = scrape(api.client)
    ok = api.client.get("/export/identifier", params={"value": PHONE_A, "format": "csv"}, headers=headers)
    bad = api.client.get("/export/identifier", params={"value": PHONE_A, "format": "pdf"}, headers=headers)
    assert (ok.status_code, bad.status_code) == (200, 400)
    after = scrape(api.client)

    name = "crosslink_api_exports_total"
    assert (
        value(after, name, export="identifier", format="csv", outcome="ok")
        - value(before, name, export="identifier", format="csv", outcome="ok")
        == 1
    )
    assert (
        value(after, name, export="identifier", format="other", outcome="error")
        - value(before, name, export="identifier", format="other", outcome="error")
        == 1
    )


def test_metrics_need_no_api_key_and_reveal_no_data(api: Api) -> None:
    response = api.client.get("/metrics")
    assert response.status_code == 200
    assert PHONE_A not in response.text and "+44" not in response.text
    assert not [r for r in api.audit() if r.get("path") == "/metrics"]  # not a refusal either


def test_the_refusal_codes_are_the_apis_error_codes() -> None:
    assert set(REFUSED_BEFORE) <= set(CODES)
    assert set(REFUSED_BY_OPERATION) <= set(CODES)


def test_a_graph_that_stops_answering_counts_neo4j_errors(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    app = own_app(neo4j_driver, neo4j_settings, tmp_path)
    with TestClient(app) as client:
        _, key = apikeys.create_key(neo4j_driver, neo4j_settings.database, role="reader", name="metrics")
        working = app.state.reads
        gone = neo4j.AsyncGraphDatabase.driver(
            f"bolt://127.0.0.1:{closed_port()}",
            auth=(neo4j_settings.user, neo4j_settings.password),
            max_transaction_retry_time=0,
            connection_timeout=2,
        )
        app.state.reads = gone
        try:
            answer = client.post(
                "/graphql",
                json={"query": "query Stats { stats { adverts } }"},
                headers={"Authorization": f"Bearer {key}"},
            ).json()
        finally:
            app.state.reads = working
        samples = scrape(client)

    assert answer["errors"][0]["extensions"]["code"] == "GRAPH_UNAVAILABLE"
    assert value(samples, "crosslink_api_neo4j_errors_total", kind="unavailable") == 1
    assert value(samples, "crosslink_api_operations_total", operation="Stats", outcome="error") == 1


def test_neo4j_errors_are_told_apart_by_kind(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> None:
    with pytest.raises(ClientError) as raised:
        neo4j_driver.execute_query("RETURN $missing", database_=neo4j_settings.database)
    wrapped = RuntimeError("a read failed")
    wrapped.__cause__ = raised.value

    assert neo4j_kind(raised.value) == "client"
    assert neo4j_kind(wrapped) == "client"
    assert neo4j_kind(ValueError("not the graph")) is None


def test_a_token_guards_the_metrics_when_set(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROSSLINK_METRICS_TOKEN", "scraper-token")
    app = own_app(neo4j_driver, neo4j_settings, tmp_path)
    with TestClient(app) as client:
        assert client.get("/metrics").status_code == 401
        assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
        samples = scrape(client, {"Authorization": "Bearer scraper-token"})
    assert value(samples, "crosslink_http_requests_total", route="metrics", status="401") == 2


def test_apps_in_one_process_count_apart() -> None:
    first, second = ApiMetrics(), ApiMetrics()
    first.record({"operation": "Lookup", "key_id": "k", "outcome": "ok", "errors": [], "ms": 3.0})

    def count(metrics: ApiMetrics) -> float:
        text = generate_latest(metrics.registry).decode()
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == "crosslink_api_operations_total" and sample.labels["operation"] == "Lookup":
                    return sample.value
        return 0.0

    assert (count(first), count(second)) == (1.0, 0.0)


def test_several_workers_answer_the_totals_of_all(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    """`crosslink serve --workers 2`: whichever worker answers a scrape, it counts the requests of both."""
    _, key = apikeys.create_key(neo4j_driver, neo4j_settings.database, role="reader", name="workers metrics")
    port = closed_port()
    audit = tmp_path / "audit.jsonl"
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--workers", "2", "--port", str(port)],
        cwd=REPO_ROOT,
        env={**env, "CROSSLINK_AUDIT_LOG": str(audit)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(process, url)
        sent = 0
        # Until both workers have answered some (the audit log names each request's process).
        while sent < 400 and len({json.loads(line)["pid"] for line in _lines(audit)}) < 2:
            answer = httpx2.post(
                f"{url}/graphql",
                json={"query": "query Spread { __typename }"},
                headers={"Authorization": f"Bearer {key}", "Connection": "close"},
                timeout=30,
            )
            assert answer.status_code == 200
            sent += 1
        assert len({json.loads(line)["pid"] for line in _lines(audit)}) == 2
        scrapes = []
        for _ in range(8):
            text = httpx2.get(f"{url}/metrics", headers={"Connection": "close"}, timeout=30).text
            found = {
                (s.name, frozenset(s.labels.items())): s.value
                for family in text_string_to_metric_families(text)
                for s in family.samples
            }
            scrapes.append(value(found, "crosslink_api_operations_total", operation="Spread", outcome="ok"))
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
    assert scrapes == [sent] * 8


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _wait_until_ready(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "crosslink serve --workers 2 ended before it answered"
        try:
            if httpx2.get(f"{url}/ready", timeout=5).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail("crosslink serve --workers 2 did not answer within 120 s")
