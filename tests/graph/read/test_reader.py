"""The readers: what the driver returns made Python (plain values kept, dates converted, nodes refused), the
blocking and the asyncio reader answering alike, and their errors."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import socket
from datetime import UTC, datetime

import neo4j
import pytest

from graph import cypher
from graph.config import Settings
from graph.db import connect_async
from graph.read import batch, queries
from graph.read import reader as reader_module
from graph.read.reader import AsyncReader, BadInput, Reader, ReaderBase, Unavailable, complete, native

VALUES = """
RETURN 'text' AS text, 7 AS count, 0.5 AS share, true AS flag, null AS nothing,
       datetime('2026-03-01T02:03:04Z') AS at,
       {name: 'x', days: [date('2026-03-01'), 2], inner: {at: datetime('2026-03-02T00:00:00Z')}} AS nested
"""


def test_values_come_back_as_python_values(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> None:
    (record,) = neo4j_driver.execute_query(VALUES, database_=neo4j_settings.database).records
    values = {key: native(value) for key, value in record.items()}

    assert values["text"] == "text" and values["count"] == 7 and values["share"] == 0.5
    assert values["flag"] is True and values["nothing"] is None
    assert values["at"] == datetime(2026, 3, 1, 2, 3, 4, tzinfo=UTC)
    nested = values["nested"]
    assert nested["name"] == "x" and nested["days"][1] == 2
    assert nested["days"][0].isoformat() == "2026-03-01" and type(nested["days"][0]).__module__ == "datetime"
    assert nested["inner"]["at"] == datetime(2026, 3, 2, tzinfo=UTC)


def test_a_node_is_refused(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> None:
    (record,) = empty_graph.execute_query(
        "CREATE (n:Scratch {key: 'x'}) RETURN n, [n] AS listed", database_=neo4j_settings.database
    ).records

    with pytest.raises(TypeError, match="maps, not a Node"):
        native(record["n"])
    with pytest.raises(TypeError, match="maps, not a Node"):
        native(record["listed"])


def test_both_readers_answer_the_same_rows(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_load = cypher.load  # VALUES read as if it were a file of cypher/
    monkeypatch.setattr(cypher, "load", lambda name: VALUES if name == "values" else real_load(name))
    database = neo4j_settings.database
    names: list[str] = []
    blocking = Reader(neo4j_driver, database, listener=names.append).call(_values)

    async def awaited() -> list[dict[str, object]]:
        driver = await connect_async(neo4j_settings)
        try:
            return await _values(AsyncReader(driver, database, listener=names.append))
        finally:
            await driver.close()

    assert asyncio.run(awaited()) == blocking
    assert blocking[0]["at"] == datetime(2026, 3, 1, 2, 3, 4, tzinfo=UTC)  # made Python by both alike
    assert names == ["read_stats", "values", "read_stats", "values"]


async def _values(reader: ReaderBase) -> list[dict[str, object]]:
    await reader.rows("read_stats")
    return await reader.rows("values")


def test_an_async_read_of_a_server_that_is_gone_is_unavailable(neo4j_settings: Settings) -> None:
    async def read() -> None:
        # Retrying for the default 30 s would only slow the test down.
        driver = neo4j.AsyncGraphDatabase.driver(
            f"bolt://127.0.0.1:{_closed_port()}", auth=("neo4j", "x"), max_transaction_retry_time=0.5
        )
        try:
            await AsyncReader(driver, neo4j_settings.database).rows("read_stats")
        finally:
            await driver.close()

    with pytest.raises(Unavailable, match="did not answer"):
        asyncio.run(read())


def test_an_async_read_of_a_server_that_stopped_answering_is_unavailable(
    neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that takes the connection and then says nothing (a host gone silent): the read's own
    bound gives up on it, however long the driver would wait to connect (60 s here)."""
    monkeypatch.setattr(reader_module, "RETRY_SECONDS", 0.3)

    async def read() -> None:
        with socket.socket() as silent:
            silent.bind(("127.0.0.1", 0))
            silent.listen()
            driver = neo4j.AsyncGraphDatabase.driver(
                f"bolt://127.0.0.1:{silent.getsockname()[1]}", auth=("neo4j", "x"), connection_timeout=60
            )
            try:
                await AsyncReader(driver, neo4j_settings.database, timeout=0.2).rows("read_stats")
            finally:
                await driver.close()

    with pytest.raises(Unavailable, match=r"did not finish the read within 0\.5s"):
        asyncio.run(read())


class _Mute:
    """A TCP relay to the real server that can stop passing on the server's answers: a host that goes
    silent in the middle of a read, its connection left open."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.muted = False
        self.server: asyncio.Server | None = None
        self.writers: list[asyncio.StreamWriter] = []

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _relay(self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter) -> None:
        server_in, server_out = await asyncio.open_connection(*self.target)

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter, mutable: bool) -> None:
            while data := await source.read(65536):
                if not (mutable and self.muted):
                    sink.write(data)
                    await sink.drain()

        self.writers += [client_out, server_out]
        with contextlib.suppress(asyncio.CancelledError, ConnectionError):
            await asyncio.gather(pipe(client_in, server_out, False), pipe(server_in, client_out, True))

    async def close(self) -> None:
        for writer in self.writers:
            writer.close()
        if self.server is not None:
            self.server.close()


def test_an_async_read_of_a_server_gone_silent_mid_read_is_unavailable(
    neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Connected and answering, then silent: the read's bound gives up after its timeout plus the
    retry allowance (0.5 s here), where each socket read of it would have waited Neo4j's 120 s."""
    monkeypatch.setattr(reader_module, "RETRY_SECONDS", 0.3)
    host, port = neo4j_settings.uri.rpartition("://")[2].rsplit(":", 1)

    async def read() -> None:
        mute = _Mute(host, int(port))
        relay = await mute.start()
        driver = neo4j.AsyncGraphDatabase.driver(
            f"bolt://127.0.0.1:{relay}", auth=(neo4j_settings.user, neo4j_settings.password)
        )
        reader = AsyncReader(driver, neo4j_settings.database, timeout=0.2)
        try:
            assert await reader.rows("read_stats")  # answered through the relay
            mute.muted = True
            await reader.rows("read_stats")
        finally:
            await driver.close()
            await mute.close()

    with pytest.raises(Unavailable, match=r"did not finish the read within 0\.5s"):
        asyncio.run(read())


def test_a_bad_search_through_the_async_reader_is_bad_input(neo4j_settings: Settings) -> None:
    async def search() -> None:
        driver = await connect_async(neo4j_settings)
        try:
            await queries.search(AsyncReader(driver, neo4j_settings.database), "crossing AND (")
        finally:
            await driver.close()

    with pytest.raises(BadInput, match="Lucene"):
        asyncio.run(search())


def test_a_blocking_reader_refuses_a_read_that_waits_on_an_event_loop() -> None:
    async def waits() -> int:
        await asyncio.sleep(0)
        return 1

    with pytest.raises(RuntimeError, match="use an AsyncReader"):
        complete(waits())


class _Traced(AsyncReader):
    """An AsyncReader noting when each read starts and ends."""

    events: list[str]

    async def rows(self, name: str, **parameters: object) -> list[dict[str, object]]:
        self.events.append(f"start {name}")
        try:
            return await super().rows(name, **parameters)
        finally:
            self.events.append(f"end {name}")


def test_reads_together_run_at_once_on_the_async_reader(neo4j_settings: Settings) -> None:
    async def both() -> tuple[list[str], list[object]]:
        driver = await connect_async(neo4j_settings)
        try:
            reader = _Traced(driver, neo4j_settings.database)
            reader.events = []
            results = await reader.together(reader.rows("read_stats"), batch.nodes(reader, ["phone:+4400"]))
            return reader.events, results
        finally:
            await driver.close()

    events, (stats, nodes) = asyncio.run(both())
    assert events[:2] == ["start read_stats", "start read_nodes"]  # the second began before either ended
    assert isinstance(stats[0]["adverts"], int) and nodes == [None]


def test_reads_together_run_in_turn_on_the_blocking_reader(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings
) -> None:
    names: list[str] = []
    reader = Reader(neo4j_driver, neo4j_settings.database, listener=names.append)

    async def both() -> list[object]:
        return await reader.together(batch.nodes(reader, ["phone:+4400"]), reader.one("read_stats"))

    nodes, stats = complete(both())
    assert names == ["read_nodes", "read_stats"] and nodes == [None] and stats is not None

    after = reader.one("read_stats")

    async def failing() -> list[object]:
        return await reader.together(reader.rows("read_search", query="AND (", skip=0, limit=1), after)

    with pytest.raises(BadInput):  # the first error is raised, and the read after it never runs
        complete(failing())
    assert names[2:] == ["read_search"]
    assert inspect.getcoroutinestate(after) == inspect.CORO_CLOSED


def test_when_a_read_together_fails_the_others_are_cancelled() -> None:
    started = asyncio.Event()
    cancelled = []

    async def fails() -> None:
        await started.wait()
        raise BadInput("no")

    async def waits() -> None:
        started.set()
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    async def both() -> None:
        await AsyncReader(None, "neo4j").together(fails(), waits())

    with pytest.raises(BadInput):
        asyncio.run(asyncio.wait_for(both(), timeout=10))
    assert cancelled == [True]


def _closed_port() -> int:
    """A local port with nothing listening on it (bound, read, released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
