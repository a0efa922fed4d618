"""Who may do what: keys and roles, refusals with codes, and the audit trail of every operation."""

from __future__ import annotations

import pytest
from planted import PHONE_A, Api

INGEST = """mutation ($adverts: [AdvertInput!]!) {
  ingestAdverts(adverts: $adverts, source: "access-test") { accepted }
}"""
ONE_ADVERT = [
    {"platform": "x", "postId": "acc1", "text": "call +44 7400 123456", "postedAt": "2024-06-01T10:00:00Z"}
]
TAG = f'mutation {{ tag(id: "{PHONE_A}", label: "watch", note: "seen in Calais") {{ id label createdBy }} }}'


def codes(answer: dict) -> list[str]:
    return [e["extensions"]["code"] for e in answer.get("errors", [])]


@pytest.mark.parametrize("role", [None, "revoked", "forged"])
def test_a_missing_revoked_or_forged_key_is_unauthenticated(api: Api, role: str | None) -> None:
    headers = {"Authorization": f"Bearer {api.keys[role]}"} if role else {}
    response = api.client.post("/graphql", json={"query": "{ stats { adverts } }"}, headers=headers)

    assert response.status_code == 401
    assert codes(response.json()) == ["UNAUTHENTICATED"]
    assert "data" not in response.json()
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_key_sent_another_way_is_unauthenticated(api: Api) -> None:
    for headers in ({"Authorization": api.keys["reader"]}, {"Authorization": f"Basic {api.keys['reader']}"}):
        response = api.client.post("/graphql", json={"query": "{ stats { adverts } }"}, headers=headers)
        assert response.status_code == 401


@pytest.mark.parametrize("method", ["HEAD", "PUT", "DELETE", "PATCH"])
def test_graphql_answers_get_and_post_only(api: Api, method: str) -> None:
    api.queries.clear()
    headers = {"Authorization": f"Bearer {api.keys['admin']}"}
    response = api.client.request(
        method, "/graphql", params={"query": "{ stats { adverts } }"}, headers=headers
    )

    assert response.status_code == 405
    assert set(response.headers["allow"].replace(" ", "").split(",")) <= {"GET", "POST", "HEAD"}
    assert api.queries == []


def test_the_health_check_needs_no_key(api: Api) -> None:
    response = api.client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "graph": "ok"}


def test_a_reader_queries_but_cannot_ingest_tag_or_manage_keys(api: Api) -> None:
    assert api.data("{ stats { adverts } }", role="reader")["stats"]["adverts"] >= 13
    assert codes(api.post(INGEST, {"adverts": ONE_ADVERT}, role="reader")) == ["FORBIDDEN"]
    assert codes(api.post(TAG, role="reader")) == ["FORBIDDEN"]
    assert codes(api.post("{ apiKeys { id } }", role="reader")) == ["FORBIDDEN"]
    assert codes(api.post('mutation { createApiKey(role: ADMIN, name: "me") { key } }', role="reader")) == [
        "FORBIDDEN"
    ]


def test_an_ingest_key_pushes_adverts_but_cannot_tag(api: Api) -> None:
    pushed = api.post(INGEST, {"adverts": ONE_ADVERT}, role="ingest")

    assert "errors" not in pushed
    assert pushed["data"]["ingestAdverts"]["accepted"] == 1
    assert codes(api.post(TAG, role="ingest")) == ["FORBIDDEN"]
    assert codes(
        api.post('mutation { markTakenDown(account: "handle:x:lorryroutes") { id } }', role="ingest")
    ) == ["FORBIDDEN"]
    assert codes(api.post('mutation { watch(identifier: "+447400123456") { kind } }', role="ingest")) == [
        "FORBIDDEN"
    ]


def test_an_admin_tags_and_manages_keys(api: Api) -> None:
    tagged = api.data(TAG, role="admin")["tag"]
    created = api.data(
        'mutation { createApiKey(role: READER, name: "new analyst") { key apiKey { id } } }', role="admin"
    )
    new_key = created["createApiKey"]["key"]
    works = api.client.post(
        "/graphql", json={"query": "{ stats { adverts } }"}, headers={"Authorization": f"Bearer {new_key}"}
    )
    revoked = api.data(
        "mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }",
        {"id": created["createApiKey"]["apiKey"]["id"]},
        role="admin",
    )
    refused = api.client.post(
        "/graphql", json={"query": "{ stats { adverts } }"}, headers={"Authorization": f"Bearer {new_key}"}
    )

    assert tagged["label"] == "watch" and tagged["createdBy"] == api.key_ids["admin"]
    assert works.status_code == 200
    assert revoked["revokeApiKey"]["revokedAt"]
    assert refused.status_code == 401
    listed = api.data("{ apiKeys { id role name revokedAt } }", role="admin")["apiKeys"]
    assert {k["id"] for k in listed} >= set(api.key_ids.values())
    assert all("key" not in k for k in listed)
    unknown = api.post('mutation { revokeApiKey(id: "000000000000") { revokedAt } }', role="admin")
    assert unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_the_audit_log_records_who_asked_what_and_how_it_ended(api: Api) -> None:
    api.post(
        "query Lookup($v: String!) { identifier(value: $v) { id } }", {"v": "+44 7400 123456"}, role="reader"
    )
    api.post(TAG, role="reader")
    api.client.post("/graphql", json={"query": "{ stats { adverts } }"})
    lines = api.audit()
    text = api.audit_path.read_text(encoding="utf-8")

    lookup = next(r for r in lines if r.get("operation") == "Lookup")
    assert lookup["key_id"] == api.key_ids["reader"]
    assert lookup["role"] == "reader"
    assert lookup["type"] == "query"
    assert lookup["fields"] == [{"field": "identifier", "args": {"value": "+44 7400 123456"}}]
    assert lookup["outcome"] == "ok" and lookup["errors"] == []
    assert lookup["time"].endswith("+00:00")
    refused_tag = [
        r for r in lines if r.get("fields") and r["fields"][0]["field"] == "tag" and r["role"] == "reader"
    ]
    assert refused_tag[-1]["outcome"] == "error" and refused_tag[-1]["errors"] == ["FORBIDDEN"]
    assert refused_tag[-1]["fields"][0]["args"] == {"id": PHONE_A, "label": "watch", "note": "seen in Calais"}
    assert lines[-1]["outcome"] == "refused" and lines[-1]["errors"] == ["UNAUTHENTICATED"]
    for secret in api.keys.values():  # never the key itself
        assert secret not in text
    assert (api.audit_path.stat().st_mode & 0o777) == 0o600
