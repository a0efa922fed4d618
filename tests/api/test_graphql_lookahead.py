"""An identifier's or a network's fields are read while the node itself is: their reads start before any
read ends, nothing is read twice, and reads nobody will wait for are cancelled or left unreported."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from typing import Any

import pytest
import strawberry
from planted import Api

from api.graphql import lookahead
from api.graphql import types as t
from api.graphql.loaders import KeyedRead
from api.graphql.schema import build_schema
from graph.read.reader import AsyncReader, Unavailable

PHONE = "+44 7400 123456"
MISSING_PHONE = "+44 7400 765432"
NETWORK_READS = [
    "read_network_evidence",
    "read_network_identifiers",
    "read_network_members",
    "read_network_timeline",
]


class Reads:
    """Wraps AsyncReader.rows: notes, as each read starts, how many reads have already ended; can make
    reads of some names fail, or wait until cancelled."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, *, fail: tuple[str, ...] = (), hold: tuple[str, ...] = ()
    ) -> None:
        self.started: list[tuple[str, int]] = []
        self.ended = 0
        self.cancelled: list[str] = []
        original = AsyncReader.rows
        reads = self

        async def rows(reader: AsyncReader, name: str, **parameters: Any) -> list[dict[str, Any]]:
            reads.started.append((name, reads.ended))
            try:
                if name in fail:
                    raise Unavailable("the graph database did not answer; try again shortly")
                if name in hold:
                    await asyncio.sleep(3600)
                return await original(reader, name, **parameters)
            except asyncio.CancelledError:
                reads.cancelled.append(name)
                raise
            finally:
                reads.ended += 1

        monkeypatch.setattr(AsyncReader, "rows", rows)

    def first_started(self) -> dict[str, int]:
        """Per read name, how many reads had ended when the first of that name started."""
        return {name: ended for name, ended in reversed(self.started)}


def ask(api: Api, query: str, variables: dict[str, Any] | None = None) -> Any:
    api.queries.clear()
    return api.post(query, variables)


def codes(answer: Any) -> list[tuple[str, list[Any]]]:
    return [(e["extensions"]["code"], e["path"]) for e in answer.get("errors", [])]


IDENTIFIER = (
    "query ($v: String!) { identifier(value: $v) { id adverts { id } accounts { adverts } networks { id } } }"
)


def test_an_identifiers_fields_are_read_while_it_is_read(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    found = ask(api, IDENTIFIER, {"v": PHONE})["data"]["identifier"]

    assert found["adverts"] and found["accounts"] and found["networks"]
    assert sorted(api.queries) == ["read_accounts_of", "read_adverts_of", "read_networks_of", "read_nodes"]
    # All four started before the first ended: the fields did not wait for the identifier's own read.
    assert [ended for _, ended in reads.started] == [0, 0, 0, 0], reads.started


def test_fields_in_fragments_and_under_aliases_are_read_ahead(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = Reads(monkeypatch)
    found = ask(
        api,
        "query ($v: String!) { identifier(value: $v) { ...Seen more: adverts(first: 1) { id } } }"
        " fragment Seen on Identifier { adverts(first: 2) { id } ... on Identifier { networks { id } } }",
        {"v": PHONE},
    )["data"]["identifier"]

    assert len(found["more"]) == 1 and len(found["adverts"]) == 2 and found["networks"]
    # One read per page size of adverts, which the adverts loader runs in turn; its first, like the
    # networks' read, started before the identifier's own read ended.
    assert sorted(api.queries) == ["read_adverts_of", "read_adverts_of", "read_networks_of", "read_nodes"]
    assert reads.first_started() == {"read_nodes": 0, "read_adverts_of": 0, "read_networks_of": 0}


def test_a_page_size_from_a_variable_left_out_is_the_fields_default(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = Reads(monkeypatch)
    query = "query ($v: String!, $n: Int) { identifier(value: $v) { adverts(first: $n) { id } } }"
    found = ask(api, query, {"v": PHONE})["data"]["identifier"]

    assert found["adverts"]
    assert sorted(api.queries) == ["read_adverts_of", "read_nodes"]
    assert reads.first_started() == {"read_nodes": 0, "read_adverts_of": 0}
    # A null page size is the field's own error, as it was (read ahead at the default, as a left-out
    # variable looks the same from the selection, which costs that read for nothing).
    answer = ask(api, query, {"v": PHONE, "n": None})
    assert codes(answer) == [("BAD_USER_INPUT", ["identifier", "adverts"])]
    assert sorted(api.queries) == ["read_adverts_of", "read_nodes"]


def test_a_page_size_out_of_bounds_is_left_to_its_field(api: Api) -> None:
    answer = ask(api, f'{{ identifier(value: "{PHONE}") {{ id adverts(first: 5000) {{ id }} }} }}')

    assert codes(answer) == [("LIMIT_EXCEEDED", ["identifier", "adverts"])]
    assert api.queries == ["read_nodes"]  # the identifier read, nothing for the refused page


def test_fields_skipped_or_not_included_are_not_read(api: Api) -> None:
    found = ask(
        api,
        "query ($v: String!, $b: Boolean!) { identifier(value: $v) { id adverts @skip(if: true) { id }"
        "  networks @include(if: $b) { id } ... @include(if: false) { accounts { adverts } } } }",
        {"v": PHONE, "b": False},
    )["data"]["identifier"]

    assert found == {"id": "phone:+447400123456"}
    assert api.queries == ["read_nodes"]


def test_a_failed_read_ahead_is_its_fields_error(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    Reads(monkeypatch, fail=("read_adverts_of",))
    answer = ask(api, IDENTIFIER, {"v": PHONE})

    assert codes(answer) == [("GRAPH_UNAVAILABLE", ["identifier", "adverts"])]


def test_an_identifier_not_there_is_not_found_and_its_reads_ahead_are_cancelled(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = Reads(monkeypatch, hold=("read_adverts_of", "read_accounts_of", "read_networks_of"))
    answer = ask(api, IDENTIFIER, {"v": MISSING_PHONE})

    assert codes(answer) == [("NOT_FOUND", ["identifier"])]
    # Held until cancelled: without the cancelling they would wait for an hour, each with a connection.
    assert wait_for(lambda: len(reads.cancelled) == 3), reads.cancelled
    assert sorted(reads.cancelled) == ["read_accounts_of", "read_adverts_of", "read_networks_of"]


def test_a_networks_fields_are_read_while_it_is_read(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    (network,) = api.data(f'{{ identifier(value: "{PHONE}") {{ networks {{ id }} }} }}')["identifier"][
        "networks"
    ]
    reads = Reads(monkeypatch)
    found = ask(
        api,
        "query ($id: ID!) { network(id: $id) { id adverts(first: 3) { id } accounts(first: 3) { id }"
        "  identifiers { kind } timeline { day } evidence(advertsPerIdentifier: 2) { advertCount } } }",
        {"id": network["id"]},
    )["data"]["network"]

    assert found["adverts"] and found["accounts"] and found["identifiers"] and found["timeline"]
    assert found["evidence"]
    # The network's own read and its four keyed reads (adverts and accounts share the members' read)
    # all started before the first ended; the adverts and accounts are then read whole, once.
    assert sorted(name for name, ended in reads.started if ended == 0) == sorted(
        [*NETWORK_READS, "read_nodes"]
    )
    assert sorted(api.queries) == sorted([*NETWORK_READS, "read_nodes", "read_nodes"])


def test_a_network_not_there_is_not_found_and_its_reads_ahead_are_cancelled(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = Reads(monkeypatch, hold=tuple(NETWORK_READS))
    answer = ask(
        api,
        '{ network(id: "n-notthere") {'
        "  id adverts { id } identifiers { kind } timeline { day } evidence { advertCount } } }",
    )

    assert codes(answer) == [("NOT_FOUND", ["network"])]
    assert wait_for(lambda: len(reads.cancelled) == 4), reads.cancelled
    assert sorted(reads.cancelled) == NETWORK_READS


def wait_for(condition: Any, seconds: float = 5.0) -> bool:
    """Whether `condition()` came true within `seconds` (the app's event loop runs in its own thread)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_failed_read_ahead_that_nobody_awaits_is_not_reported(caplog: pytest.LogCaptureFixture) -> None:
    def fail_unawaited(*, retrieved: bool) -> None:
        async def run() -> None:
            future = asyncio.get_running_loop().create_future()
            if retrieved:
                future.add_done_callback(lookahead._retrieved)
            future.set_exception(Unavailable("the graph database did not answer"))
            await asyncio.sleep(0)  # the done callbacks run

        asyncio.run(run())
        gc.collect()

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        fail_unawaited(retrieved=False)
        assert "never retrieved" in caplog.text  # what asyncio says of such a future otherwise
        caplog.clear()
        fail_unawaited(retrieved=True)
    assert "never retrieved" not in caplog.text


PATH = """{ path(from: "@calais_crossing_a", to: "GB33BUKB20201555555555", maxHops: 4, platform: "telegram") {
  length nodes { id } hops { relation advert { id postedAt } } } }"""
PATH_ENDS = ["handle:telegram:calais_crossing_a", "payment:iban:GB33BUKB20201555555555"]


def test_a_paths_adverts_are_read_as_soon_as_it_is_found(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check of the path's ends is held back here (until another read starts, or 3 s): the hops'
    adverts and the path's nodes are read, in one batch, once the search ends, without waiting for it."""
    started: list[tuple[str, list[str], int]] = []
    ended: list[str] = []
    original = AsyncReader.rows
    other_read: list[asyncio.Event] = []

    async def rows(reader: AsyncReader, name: str, **parameters: Any) -> list[dict[str, Any]]:
        keys = list(parameters.get("keys", []))
        is_ends = sorted(keys) == sorted(PATH_ENDS)
        started.append((name, keys, len(ended)))
        if not is_ends and other_read:
            other_read[0].set()
        try:
            if is_ends:
                other_read.append(asyncio.Event())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(other_read[0].wait(), 3.0)
            return await original(reader, name, **parameters)
        finally:
            ended.append("ends" if is_ends else name)

    monkeypatch.setattr(AsyncReader, "rows", rows)
    found = ask(api, PATH)["data"]["path"]

    assert found["length"] == 2 and all(h["advert"]["postedAt"] for h in found["hops"])
    assert [n["id"] for n in found["nodes"]][1] == "advert:telegram:calais_crossing_a/7"
    assert sorted(api.queries) == ["read_nodes", "read_nodes", "read_path"]  # nothing read twice
    (ahead,) = [
        (keys, before)
        for name, keys, before in started
        if name == "read_nodes" and sorted(keys) != sorted(PATH_ENDS)
    ]
    assert "advert:telegram:calais_crossing_a/7" in ahead[0] and PATH_ENDS[0] in ahead[0]
    # It started once the search had ended, while the ends' check was still held.
    assert ended[: ahead[1]] == ["read_path"] and "ends" not in ended[: ahead[1]], (started, ended)


def test_a_paths_adverts_read_is_left_to_end_unreported_when_the_check_of_its_ends_fails(
    api: Api, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """As `read_ahead` on a failure other than NotFound: not cancelled (a loader's answer is shared by
    every field asking for the same key), its result kept out of the log."""
    original = AsyncReader.rows
    adverts_started = asyncio.Event()
    ends_failed = asyncio.Event()
    outcome: list[str] = []

    async def rows(reader: AsyncReader, name: str, **parameters: Any) -> list[dict[str, Any]]:
        keys = sorted(parameters.get("keys", []))
        if keys == sorted(PATH_ENDS):  # the check: fails once the adverts' read is under way
            await asyncio.wait_for(adverts_started.wait(), 3.0)
            ends_failed.set()
            raise Unavailable("the graph database did not answer; try again shortly")
        if name == "read_nodes":  # the adverts' read ahead: goes on once the check has failed
            adverts_started.set()
            try:
                await asyncio.wait_for(ends_failed.wait(), 3.0)
                found = await original(reader, name, **parameters)
            except asyncio.CancelledError:
                outcome.append("cancelled")
                raise
            outcome.append("ended")
            return found
        return await original(reader, name, **parameters)

    monkeypatch.setattr(AsyncReader, "rows", rows)
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        answer = ask(api, PATH)
        assert wait_for(lambda: outcome != []), outcome
        gc.collect()

    assert codes(answer) == [("GRAPH_UNAVAILABLE", ["path"])]
    assert outcome == ["ended"]
    assert "never retrieved" not in caplog.text


def test_a_path_whose_nodes_were_not_read_with_it_reads_them_field_by_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the read ahead, each hop's advert and the path's nodes come from the loader: the same
    answer, the same reads (the loader batches them), only later."""
    expected = ask(api, PATH)
    monkeypatch.setattr(lookahead.PathReads, "start", lambda self, found: None)
    answer = ask(api, PATH)
    assert answer == expected and "errors" not in answer
    assert sorted(api.queries) == ["read_nodes", "read_nodes", "read_path"]


def test_a_failed_read_of_a_paths_adverts_is_each_hops_error(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path is still answered; each field that needed the failed read tries it once more, in one
    batch for all hops, and says it failed."""
    original = AsyncReader.rows
    failed: list[list[str]] = []

    async def rows(reader: AsyncReader, name: str, **parameters: Any) -> list[dict[str, Any]]:
        if name == "read_nodes" and sorted(parameters["keys"]) != sorted(PATH_ENDS):
            failed.append(sorted(parameters["keys"]))
            raise Unavailable("the graph database did not answer; try again shortly")
        return await original(reader, name, **parameters)

    monkeypatch.setattr(AsyncReader, "rows", rows)
    answer = ask(api, PATH.replace("length nodes { id }", "length"))
    assert len(failed) == 2 and failed[0] == failed[1]  # the read ahead, then the hops' own batch
    found = answer["data"]["path"]
    assert found["length"] == 2 and [h["advert"] for h in found["hops"]] == [None, None]
    assert sorted(codes(answer)) == [
        ("GRAPH_UNAVAILABLE", ["path", "hops", 0, "advert"]),
        ("GRAPH_UNAVAILABLE", ["path", "hops", 1, "advert"]),
    ]
    # The path's nodes may not be null: without them there is no path to show, only the error.
    answer = ask(api, PATH)
    assert answer["data"] == {"path": None}
    assert ("GRAPH_UNAVAILABLE", ["path", "nodes"]) in codes(answer)


def test_the_reads_ahead_are_those_the_types_declare() -> None:
    """Derived from the types: each field that reads through a loader, with its page size's default."""
    schema = build_schema()
    identifier = lookahead.declared_reads(schema, "Identifier")
    network = lookahead.declared_reads(schema, "Network")

    assert set(identifier) == {"adverts", "accounts", "networks"}
    assert identifier["adverts"] == (t.ADVERTS_OF, t.IDENTIFIER_ADVERTS)
    assert identifier["networks"] == (t.NETWORKS_OF, None)
    assert set(network) == {"adverts", "accounts", "identifiers", "timeline", "evidence"}
    assert network["evidence"] == (t.EVIDENCE, t.EVIDENCE_ADVERTS)  # by the name a query writes


@strawberry.type
class Box:
    @strawberry.field(metadata=KeyedRead("members", page="size").metadata)
    def items(self, first: int = 3) -> int:
        return first


@strawberry.type
class BoxQuery:
    box: Box


def test_a_read_declared_with_a_page_size_its_field_lacks_is_refused() -> None:
    with pytest.raises(ValueError, match="'size'"):
        lookahead.declared_reads(strawberry.Schema(BoxQuery), "Box")
