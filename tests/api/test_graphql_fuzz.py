"""The API under hostile clients: operations drawn from the schema by Schemathesis, valid and invalid,
sent with each role's key, no key and a forged one, to the app over the planted graph; then bodies no
client should send (documents cut short, JSON of any shape, bytes that are not JSON).

Whatever is sent, the answer is JSON, never a server error, never a trace or an internal name, and every
error carries a code; a role refused a field is told so with FORBIDDEN, a caller without a valid key with
UNAUTHENTICATED; and each request leaves one audit record naming the key. The number of requests follows
the Hypothesis profile (tests/conftest.py): a few hundred in all under `ci`, a hundred thousand with
HYPOTHESIS_PROFILE=thorough.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from planted import Api
from schemathesis import GenerationMode

from api.graphql.errors import (
    BAD_USER_INPUT,
    CODES,
    FORBIDDEN,
    INGEST_BUDGET_EXCEEDED,
    INTERNAL,
    LIMIT_EXCEEDED,
    UNAUTHENTICATED,
)

SCHEMA = schemathesis.graphql.from_path(Path(__file__).resolve().parents[2] / "schema.graphql")
CASES = st.one_of(SCHEMA.as_strategy(GenerationMode.POSITIVE), SCHEMA.as_strategy(GenerationMode.NEGATIVE))
# Who sends: each role's key, no key at all, and a key of the right shape that was never issued.
SENDERS = ("reader", "ingest", "admin", None, "forged")
# The profile's examples shared out: one share per sender, and one for the hostile bodies.
PER_TEST = max(10, settings.default.max_examples // (len(SENDERS) + 1))
SETTINGS = settings(
    max_examples=PER_TEST,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# The root fields each role may not ask for (the schema's permission classes).
ADMIN_ONLY = frozenset(
    {"watchlist", "apiKeys", "tag", "markTakenDown", "watch", "unwatch", "createApiKey", "revokeApiKey"}
)
REFUSED = {"reader": ADMIN_ONLY | {"ingestAdverts"}, "ingest": ADMIN_ONLY, "admin": frozenset()}
# The codes of a request refused whole before any field runs: a limit, or a document that cannot run.
BEFORE_RUNNING = {LIMIT_EXCEEDED, BAD_USER_INPUT, INGEST_BUDGET_EXCEEDED}
# What no answer may show: a Python trace, source files, the driver's or the database's own errors.
INTERNALS = re.compile(
    r"Traceback|File \"|\.py\b|neo4j\.|Neo\.ClientError|Neo\.TransientError|Neo\.DatabaseError"
    r"|strawberry\.|graphql\.error|Exception\b|object at 0x",
)


class Sent:
    """One request's answer and the audit records it left (read from where the file ended before)."""

    def __init__(self, api: Api, sender: str | None, **request: Any) -> None:
        before = api.audit_path.stat().st_size if api.audit_path.exists() else 0
        headers = {"Authorization": f"Bearer {api.keys[sender]}"} if sender else {}
        headers.update(request.pop("headers", {}))
        response = api.client.request(request.pop("method", "POST"), "/graphql", headers=headers, **request)
        self.status, self.text = response.status_code, response.text
        self.answer = response.json()
        with api.audit_path.open("rb") as log:
            log.seek(before)
            self.records = [json.loads(line) for line in log.read().splitlines()]

    def codes(self) -> list[str]:
        """The answer's error codes, once it is checked to be a GraphQL answer with no internals in it."""
        assert self.status < 500, self.text
        assert INTERNALS.search(self.text) is None, self.text
        assert isinstance(self.answer, dict) and ("data" in self.answer or "errors" in self.answer), self.text
        codes = [(e.get("extensions") or {}).get("code") for e in self.answer.get("errors") or []]
        assert all(code in CODES for code in codes), self.text
        assert INTERNAL not in codes, self.text
        return codes

    def assert_audited(self, api: Api, sender: str | None) -> None:
        """One record, naming the key that was accepted, or the id a refused key named."""
        assert len(self.records) == 1, self.records
        record = self.records[0]
        if sender in REFUSED:
            assert record["key_id"] == api.key_ids[sender], record
        else:
            assert record["key_id"] is None, record
            claimed = api.keys[sender].split("_")[1] if sender else None
            assert record["presented_key_id"] == claimed, record


@pytest.mark.parametrize("sender", SENDERS, ids=lambda s: s or "no-key")
@SETTINGS
@given(case=CASES)
def test_any_operation_from_the_schema_is_answered_with_codes(
    api: Api, sender: str | None, case: Any
) -> None:
    sent = Sent(api, sender, json=case.as_transport_kwargs(base_url="http://testserver")["json"])
    codes = sent.codes()
    sent.assert_audited(api, sender)

    if sender not in REFUSED:
        assert sent.status == 401 and codes == [UNAUTHENTICATED], sent.text
        return
    field = case.operation.label.split(".", 1)[1]
    mode = case.meta.generation.mode if case.meta else GenerationMode.POSITIVE
    data = sent.answer.get("data")
    if field in REFUSED[sender] and mode == GenerationMode.POSITIVE:
        # Refused for the role, or with the whole request before it runs (over a limit).
        assert FORBIDDEN in codes or (data is None and set(codes) <= BEFORE_RUNNING), sent.text
        assert (data or {}).get(field) is None, sent.text
    if FORBIDDEN in codes:
        assert field in REFUSED[sender], sent.text


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def hostile_requests(draw: st.DrawFn) -> dict[str, Any]:
    """A request no well-behaved client sends: a drawn document cut anywhere, JSON of any shape in the
    fields GraphQL reads, bytes that are not JSON, or a GET with any parameters."""
    kind = draw(st.sampled_from(["cut", "fields", "json", "bytes", "get"]))
    if kind == "cut":
        query = draw(CASES).as_transport_kwargs(base_url="http://testserver")["json"]["query"]
        return {"json": {"query": query[: draw(st.integers(0, len(query)))]}}
    if kind == "fields":
        keys = st.sampled_from(["query", "variables", "operationName", "extensions"])
        return {"json": draw(st.dictionaries(keys, JSON_VALUES, max_size=4))}
    if kind == "json":
        return {
            "content": json.dumps(draw(JSON_VALUES)).encode(),
            "headers": {"content-type": "application/json"},
        }
    if kind == "bytes":
        return {"content": draw(st.binary(max_size=200)), "headers": {"content-type": "application/json"}}
    params = st.dictionaries(st.sampled_from(["query", "variables", "operationName"]), st.text(max_size=60))
    return {"method": "GET", "params": draw(params)}


@SETTINGS
@given(request=hostile_requests())
def test_a_request_no_client_should_send_is_refused_with_a_code(api: Api, request: dict[str, Any]) -> None:
    sent = Sent(api, "admin", **request)

    sent.codes()
    sent.assert_audited(api, "admin")
