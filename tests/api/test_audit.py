"""The audit log's file: records whole, one per line, from many threads, in a directory made on demand."""

from __future__ import annotations

import json
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


def test_records_written_from_many_threads_are_each_whole(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    long = "x" * 20_000  # past a pipe's atomic size: one write each must still keep it whole

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
