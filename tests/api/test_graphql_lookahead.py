"""An identifier's or a network's fields are read while the node itself is: their reads start before any
read ends, and nothing is read twice or left unretrieved."""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Any

import pytest
from planted import Api

from api.graphql import lookahead
from graph.read.reader import AsyncReader, Unavailable

PHONE = "+44 7400 123456"


class InFlight:
    """Wraps AsyncReader.rows to note, as each read starts, how many reads have already ended."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[tuple[str, int]] = []
        self.ended = 0
        original = AsyncReader.rows
        watch = self

        async def rows(reader: AsyncReader, name: str, **parameters: Any) -> list[dict[str, Any]]:
            watch.started.append((name, watch.ended))
            try:
                return await original(reader, name, **parameters)
            finally:
                watch.ended += 1

        monkeypatch.setattr(AsyncReader, "rows", rows)


def test_an_identifiers_fields_are_read_while_it_is_read(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    watch = InFlight(monkeypatch)
    api.queries.clear()
    found = api.data(
        "query ($v: String!) { identifier(value: $v) {"
        "  id adverts { id } accounts { adverts } networks { id } } }",
        {"v": PHONE},
    )["identifier"]

    assert found["adverts"] and found["accounts"] and found["networks"]
    assert sorted(api.queries) == ["read_accounts_of", "read_adverts_of", "read_networks_of", "read_nodes"]
    # All four started before the first ended: the fields did not wait for the identifier's own read.
    assert [ended for _, ended in watch.started] == [0, 0, 0, 0], watch.started


def test_fields_in_fragments_and_under_aliases_are_read_ahead(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = InFlight(monkeypatch)
    api.queries.clear()
    found = api.data(
        "query ($v: String!) { identifier(value: $v) { ...Seen more: adverts(first: 1) { id } } }"
        " fragment Seen on Identifier { adverts(first: 2) { id } ... on Identifier { networks { id } } }",
        {"v": PHONE},
    )["identifier"]

    assert len(found["more"]) == 1 and len(found["adverts"]) == 2 and found["networks"]
    # One read per page size of adverts, which the adverts loader runs in turn; its first, like the
    # networks' read, started before the identifier's own read ended.
    assert sorted(api.queries) == ["read_adverts_of", "read_adverts_of", "read_networks_of", "read_nodes"]
    first_of = {name: ended for name, ended in reversed(watch.started)}
    assert first_of == {"read_nodes": 0, "read_adverts_of": 0, "read_networks_of": 0}, watch.started


def test_a_page_size_out_of_bounds_is_left_to_its_field(api: Api) -> None:
    api.queries.clear()
    answer = api.post(f'{{ identifier(value: "{PHONE}") {{ id adverts(first: 5000) {{ id }} }} }}')

    assert [e["extensions"]["code"] for e in answer["errors"]] == ["LIMIT_EXCEEDED"]
    assert api.queries == ["read_nodes"]  # the identifier read, nothing for the refused page


def test_an_identifier_not_there_is_not_found_with_its_reads_ahead_bounded(api: Api) -> None:
    api.queries.clear()
    answer = api.post('{ identifier(value: "+44 7400 765432") { id adverts { id } networks { id } } }')

    assert [e["extensions"]["code"] for e in answer["errors"]] == ["NOT_FOUND"]
    assert sorted(api.queries) == ["read_adverts_of", "read_networks_of", "read_nodes"]


def test_a_networks_fields_are_read_while_it_is_read(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    (network,) = api.data(f'{{ identifier(value: "{PHONE}") {{ networks {{ id }} }} }}')["identifier"][
        "networks"
    ]
    watch = InFlight(monkeypatch)
    api.queries.clear()
    found = api.data(
        "query ($id: ID!) { network(id: $id) { id adverts(first: 3) { id } accounts(first: 3) { id }"
        "  identifiers { kind } timeline { day } evidence(advertsPerIdentifier: 2) { advertCount } } }",
        {"id": network["id"]},
    )["network"]

    assert found["adverts"] and found["accounts"] and found["identifiers"] and found["timeline"]
    assert found["evidence"]
    # The network's own read and its four keyed reads (adverts and accounts share the members' read)
    # all started before the first ended; the adverts and accounts are then read whole, once.
    ahead = [
        "read_network_evidence",
        "read_network_identifiers",
        "read_network_members",
        "read_network_timeline",
    ]
    assert sorted(name for name, ended in watch.started if ended == 0) == sorted([*ahead, "read_nodes"])
    assert sorted(api.queries) == sorted([*ahead, "read_nodes", "read_nodes"])


def test_a_network_not_there_is_not_found(api: Api) -> None:
    answer = api.post('{ network(id: "n-notthere") { id adverts { id } timeline { day } } }')

    assert [e["extensions"]["code"] for e in answer["errors"]] == ["NOT_FOUND"]


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
