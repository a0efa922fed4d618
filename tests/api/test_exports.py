"""The download endpoints over HTTP: keys, errors, audit records, and files their own readers parse."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import networkx
import pytest
from planted import HUB_EMAIL, PHONE_A, PHONE_B, Api

from api.audit import AuditLog


def get(api: Api, path: str, *, role: str | None = "reader", **params: str):
    headers = {"Authorization": f"Bearer {api.keys[role]}"} if role else {}
    return api.client.get(path, params=params, headers=headers)


def network_id(api: Api, phone: str) -> str:
    found = api.data(
        f'{{ networks(filter: {{containsIdentifier: "{phone}"}}) {{ edges {{ node {{ id }} }} }} }}'
    )
    return found["networks"]["edges"][0]["node"]["id"]


def test_a_download_needs_a_valid_key(api: Api) -> None:
    for role in (None, "revoked", "forged"):
        answer = get(api, f"/export/networks/{network_id(api, PHONE_A)}", role=role, format="graphml")
        assert answer.status_code == 401
        assert answer.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_network_downloads_as_graphml_that_networkx_reads(api: Api) -> None:
    id = network_id(api, PHONE_A)
    answer = get(api, f"/export/networks/{id}", format="graphml")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/graphml+xml")
    assert answer.headers["content-disposition"] == f'attachment; filename="network-{id}.graphml"'
    graph = networkx.read_graphml(io.BytesIO(answer.content))
    assert {PHONE_A, HUB_EMAIL, "advert:facebook:a1"} <= set(graph.nodes)
    assert graph.nodes[HUB_EMAIL]["hub"] is True
    drawn = api.data(
        "query($id: ID!) { network(id: $id) { graph(limit: 5000) { nodes { id } edges { id } } } }",
        {"id": id},
    )["network"]["graph"]
    assert set(graph.nodes) == {n["id"] for n in drawn["nodes"]}
    assert {d["id"] for _, _, d in graph.edges(data=True)} == {e["id"] for e in drawn["edges"]}


def test_by_identifier_several_networks_and_a_neighbourhood(api: Api) -> None:
    by_phone = get(api, "/export/networks/+44 7400 123456", format="gexf")
    assert by_phone.status_code == 200, by_phone.text
    assert PHONE_A in networkx.read_gexf(io.BytesIO(by_phone.content)).nodes
    ids = f"{network_id(api, PHONE_A)},{network_id(api, PHONE_B)}"
    both = get(api, "/export/networks", ids=ids, format="csv")
    assert both.status_code == 200 and both.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(both.content)) as archive:
        nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8-sig"))))
        networks = list(csv.DictReader(io.StringIO(archive.read("networks.csv").decode("utf-8-sig"))))
    assert {PHONE_A, PHONE_B} <= {row["id"] for row in nodes} and len(networks) == 2
    around = get(api, "/export/identifier", value="+44 7400 123456", depth="1", format="graphml")
    assert around.status_code == 200, around.text
    assert "advert:tiktok:a4" in networkx.read_graphml(io.BytesIO(around.content)).nodes


def test_bad_requests_are_clear_json_errors(api: Api) -> None:
    id = network_id(api, PHONE_A)
    cases = [
        (f"/export/networks/{id}", {"format": "pdf"}, 400, "BAD_USER_INPUT", "graphml"),
        (f"/export/networks/{id}", {}, 400, "BAD_USER_INPUT", "format"),
        (f"/export/networks/{id}", {"format": "gexf", "limit": "lots"}, 400, "BAD_USER_INPUT", "limit"),
        (f"/export/networks/{id}", {"format": "gexf", "limit": "900000"}, 400, "LIMIT_EXCEEDED", "limit"),
        ("/export/networks/n-nosuchnetwork", {"format": "gexf"}, 404, "NOT_FOUND", "n-nosuchnetwork"),
        ("/export/networks", {"format": "gexf"}, 400, "BAD_USER_INPUT", "ids"),
        (
            "/export/networks",
            {"ids": ",".join(["n-x"] * 101), "format": "gexf"},
            400,
            "LIMIT_EXCEEDED",
            "100",
        ),
        ("/export/networks", {"ids": f"{id},n-gone", "format": "csv"}, 404, "NOT_FOUND", "n-gone"),
        ("/export/identifier", {"format": "csv"}, 400, "BAD_USER_INPUT", "value"),
        (
            "/export/identifier",
            {"value": "+44 7400 654321", "format": "csv"},
            404,
            "NOT_FOUND",
            "+447400654321",
        ),
        (
            "/export/identifier",
            {"value": PHONE_A, "depth": "9", "format": "csv"},
            400,
            "LIMIT_EXCEEDED",
            "depth",
        ),
    ]
    for path, params, status, code, said in cases:
        answer = get(api, path, **params)
        assert answer.status_code == status, (path, params, answer.text)
        (error,) = answer.json()["errors"]
        assert error["extensions"]["code"] == code and said in error["message"], (path, params, error)


def test_each_download_is_audited_with_its_key(api: Api) -> None:
    id = network_id(api, PHONE_A)
    before = len(api.audit())
    get(api, f"/export/networks/{id}", format="graphml")
    get(api, "/export/networks/n-nosuchnetwork", format="graphml")
    ok, missing = api.audit()[before:]
    for record in (ok, missing):
        assert record["key_id"] == api.key_ids["reader"] and record["type"] == "download"
    assert ok["outcome"] == "ok" and ok["fields"] == [
        {"field": "export.network", "args": {"id": id, "format": "graphml"}}
    ]
    assert missing["outcome"] == "error" and missing["errors"] == ["NOT_FOUND"]
    assert api.keys["reader"] not in json.dumps(ok)


def test_a_download_whose_record_cannot_be_written_is_not_answered(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: AuditLog, record: object) -> None:
        raise OSError(28, "No space left on device")

    id = network_id(api, PHONE_A)
    monkeypatch.setattr(AuditLog, "write", full)
    answer = get(api, f"/export/networks/{id}", format="graphml")
    assert answer.status_code == 500 and "content-disposition" not in answer.headers
    (error,) = answer.json()["errors"]
    assert error["extensions"]["code"] == "INTERNAL" and "audit log" in error["message"]
