"""The audit log's file: records whole, one per line, from many threads, in a directory made on demand."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from pathlib import Path

import pytest
from planted import Api

from api.audit import AuditLog


def test_the_directory_is_made_when_missing_and_the_file_is_private(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "not" / "yet" / "audit.jsonl")
    log.write({"operation": "first"})
    log.write({"operation": "second"})
    lines = [json.loads(line) for line in log.path.read_text(encoding="utf-8").splitlines()]
    assert [r["operation"] for r in lines] == ["first", "second"]
    assert (log.path.stat().st_mode & 0o777) == 0o600


def _write_records(path: Path, number: int) -> None:
    log = AuditLog(path)  # a log of its own: no lock shared with the other processes
    for i in range(50):
        log.write({"process": number, "i": i, "text": "y" * 20_000})


def test_records_written_by_several_processes_are_each_whole(tmp_path: Path) -> None:
    """Servers writing one file, each record one write on a file opened for appending: records of 20 KB
    from four processes, sharing no lock, do not interleave."""
    path = tmp_path / "audit.jsonl"
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_records, args=(path, n)) for n in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {(r["process"], r["i"]) for r in lines} == {(n, i) for n in range(4) for i in range(50)}
    assert len(lines) == 200


def test_a_failed_write_is_raised_and_leaves_no_file_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    log.write({"operation": "first"})
    open_before = len(os.listdir("/proc/self/fd"))

    def full(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("api.audit.os.write", full)
    with pytest.raises(OSError, match="No space"):
        log.write({"operation": "second"})
    assert len(os.listdir("/proc/self/fd")) == open_before


def test_records_written_from_many_threads_are_each_whole(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    long = "x" * 20_000

    def writer(number: int) -> None:
        for i in range(50):
            log.write({"thread": number, "i": i, "text": long})

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = [json.loads(line) for line in log.path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 400
    assert {(r["thread"], r["i"]) for r in lines} == {(n, i) for n in range(8) for i in range(50)}
    assert all(r["text"] == long for r in lines)


def test_a_lone_surrogate_is_escaped_not_refused(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    log.write({"args": "half \ud83d an emoji"})
    raw = log.path.read_bytes()
    assert b"\\ud83d" in raw
    assert json.loads(raw)["args"] == "half \ud83d an emoji"  # valid JSON, the text as it was sent


def test_unicode_line_breaks_in_a_value_leave_the_record_one_line(tmp_path: Path) -> None:
    """A pushed text may hold NEL or LINE SEPARATOR: a reader splitting on every Unicode line break
    (Python's str.splitlines) still reads one record per line."""
    log = AuditLog(tmp_path / "audit.jsonl")
    text = "first\u2028second\x85third\u2029fourth"
    log.write({"args": text})
    log.write({"args": "next"})

    lines = log.path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["args"] for line in lines] == [text, "next"]


def test_a_request_whose_record_cannot_be_written_is_not_answered(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An analyst's lookup is never answered unrecorded: a full disk fails the request instead."""

    def full(self: AuditLog, record: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(AuditLog, "write", full)
    response = api.client.post(
        "/graphql",
        json={"query": "{ stats { adverts } }"},
        headers={"Authorization": f"Bearer {api.keys['reader']}"},
    )
    answer = response.json()
    assert answer["data"] is None
    assert [e["extensions"]["code"] for e in answer["errors"]] == ["INTERNAL"]
    assert "audit log" in answer["errors"][0]["message"]
    assert "No space" not in response.text


def last_record(api: Api) -> dict:
    return api.audit()[-1]


DEEP = 'query Deep { advert(id: "facebook:a1") { ' + "network { adverts { " * 6 + "id" + " } }" * 6 + " } }"


@pytest.mark.parametrize(
    ("role", "query", "operation", "kind", "code"),
    [
        ("reader", "query Keys { apiKeys { id } }", "Keys", "query", "FORBIDDEN"),
        ("ingest", 'mutation Note { tag(id: "x", label: "y") { id } }', "Note", "mutation", "FORBIDDEN"),
        ("reader", DEEP, "Deep", "query", "LIMIT_EXCEEDED"),
        (
            "reader",
            "query Many { networks(first: 500) { edges { node { adverts(first: 500) { id } } } } }",
            "Many",
            "query",
            "LIMIT_EXCEEDED",
        ),
        ("reader", "query Broken { stats { adverts ", "Broken", "query", "BAD_USER_INPUT"),
        ("admin", "mutation Half { unwatch(identifier: ", "Half", "mutation", "BAD_USER_INPUT"),
        ("reader", "{ nope }", None, "query", "BAD_USER_INPUT"),
    ],
)
def test_a_refused_operation_is_recorded_with_its_key_and_name(
    api: Api, role: str, query: str, operation: str | None, kind: str, code: str
) -> None:
    """Refused for the role, over a limit, or not even parsed: the record still names who and what."""
    answer = api.post(query, role=role)
    record = last_record(api)

    assert code in [e["extensions"]["code"] for e in answer["errors"]]
    assert record["key_id"] == api.key_ids[role]
    assert record["role"] == role
    assert (record["operation"], record["type"]) == (operation, kind)
    assert record["outcome"] == "error" and code in record["errors"]


def test_a_malformed_document_is_recorded_under_the_name_the_client_gave(api: Api) -> None:
    api.client.post(
        "/graphql",
        json={"query": "}{ query", "operationName": "Lookup"},
        headers={"Authorization": f"Bearer {api.keys['reader']}"},
    )

    record = last_record(api)
    assert (record["key_id"], record["operation"], record["errors"]) == (
        api.key_ids["reader"],
        "Lookup",
        ["BAD_USER_INPUT"],
    )


@pytest.mark.parametrize(
    ("request_", "status", "code", "operation"),
    [
        ({"content": b"{not json", "headers_": "json"}, 400, "BAD_USER_INPUT", None),
        (
            {"method": "GET", "params": {"query": 'mutation Drop { unwatch(identifier: "x") }'}},
            400,
            "BAD_USER_INPUT",
            "Drop",
        ),
        ({"content": b"x" * (3 * 1024 * 1024), "headers_": "json"}, 413, "LIMIT_EXCEEDED", None),
        (
            {"method": "GET", "params": {"query": "{ stats { adverts } }" + " " * 20_000}},
            414,
            "LIMIT_EXCEEDED",
            None,
        ),
    ],
)
def test_a_request_refused_before_graphql_runs_is_recorded_with_its_key(
    api: Api, request_: dict, status: int, code: str, operation: str | None
) -> None:
    """Not JSON, a mutation sent by GET, a body or query string over the limit: GraphQL never ran, and the
    record is written all the same, with the key's id (and the operation, when a GET names it)."""
    request = dict(request_)
    headers = {"Authorization": f"Bearer {api.keys['admin']}"}
    if request.pop("headers_", None):
        headers["Content-Type"] = "application/json"
    answered = api.client.request(request.pop("method", "POST"), "/graphql", headers=headers, **request)
    record = last_record(api)

    assert answered.status_code == status
    assert [e["extensions"]["code"] for e in answered.json()["errors"]] == [code]
    assert (record["key_id"], record["role"]) == (api.key_ids["admin"], "admin")
    assert record["operation"] == operation
    assert record["outcome"] == "refused" and record["errors"] == [code]


@pytest.mark.parametrize("role", ["revoked", "forged"])
def test_a_refused_key_is_recorded_by_the_id_it_names_never_by_itself(api: Api, role: str) -> None:
    api.client.get(
        "/graphql",
        params={"query": "query Who { stats { adverts } }"},
        headers={"Authorization": f"Bearer {api.keys[role]}"},
    )
    record = last_record(api)

    assert record["key_id"] is None
    assert record["presented_key_id"] == api.keys[role].split("_")[1]
    assert (record["operation"], record["errors"]) == ("Who", ["UNAUTHENTICATED"])
    assert api.keys[role] not in api.audit_path.read_text(encoding="utf-8")


def test_a_request_without_a_key_is_recorded_without_one(api: Api) -> None:
    api.client.post("/graphql", json={"query": "query Who { stats { adverts } }"})
    record = last_record(api)

    assert record["key_id"] is None and record["presented_key_id"] is None
    assert record["errors"] == ["UNAUTHENTICATED"]
