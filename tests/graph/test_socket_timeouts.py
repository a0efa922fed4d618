"""The asyncio driver's socket timeouts without a Task per read: still a timeout, still cancellable."""

from __future__ import annotations

import asyncio
import sys

import neo4j
import pytest
from neo4j.exceptions import DriverError, Neo4jError

from graph import socket_timeouts
from graph.config import Settings
from graph.db import connect_async

# Counting to this many takes Neo4j several seconds: a read that a short socket timeout must cut off.
SLOW = "UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n"


def test_the_asyncio_driver_uses_it_on_python_3_11(neo4j_settings: Settings) -> None:
    """Fails when a new driver moves its private `wait_for`: then `install` must follow it or go."""

    async def opened() -> bool:
        driver = await connect_async(neo4j_settings)
        await driver.close()
        return socket_timeouts.installed()

    assert asyncio.run(opened()) is (sys.version_info < (3, 12))


def test_a_result_comes_through() -> None:
    async def answer() -> int:
        await asyncio.sleep(0)
        return 42

    assert asyncio.run(socket_timeouts.wait_for(answer(), 5.0)) == 42
    assert asyncio.run(socket_timeouts.wait_for(answer(), None)) == 42


def test_the_timeout_fires_as_timeout_error() -> None:
    async def waits() -> None:
        await socket_timeouts.wait_for(asyncio.sleep(10), 0.05)

    with pytest.raises(TimeoutError):
        asyncio.run(waits())


def test_a_cancellation_from_outside_goes_through() -> None:
    async def cancelled() -> bool:
        task = asyncio.ensure_future(socket_timeouts.wait_for(asyncio.sleep(10), 5.0))
        await asyncio.sleep(0.01)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            return True
        return False

    assert asyncio.run(cancelled())


def test_a_read_past_the_servers_timeout_is_cut_off(neo4j_settings: Settings) -> None:
    """Against the real server: the socket's read timeout (set short here in place of Neo4j's 120 s)
    stops a query that runs longer, with the driver's own error, rather than waiting it out."""

    async def slow_read() -> BaseException | int:
        driver = await connect_async(neo4j_settings)
        try:
            async with driver.session(database=neo4j_settings.database) as session:
                await (await session.run("RETURN 1")).consume()
            for connections in driver._pool.connections.values():  # the driver keeps its sockets private
                for connection in connections:
                    connection.socket.set_read_timeout(0.2)
            async with driver.session(
                database=neo4j_settings.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                try:
                    record = await (await session.run(SLOW)).single()
                except (DriverError, Neo4jError) as error:
                    return error
                return record["n"] if record else -1
        finally:
            await driver.close()

    outcome = asyncio.run(slow_read())
    assert isinstance(outcome, BaseException), f"the slow read finished ({outcome}) instead of timing out"
    assert "timed out" in str(outcome) or isinstance(outcome.__cause__, TimeoutError)


def test_inside_a_bound_socket_operations_set_no_timers_of_their_own(
    neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[float | None] = []
    original = asyncio.timeout

    def counted(delay: float | None) -> asyncio.Timeout:
        made.append(delay)
        return original(delay)

    async def read(bound: bool) -> int:
        driver = await connect_async(neo4j_settings)
        try:
            made.clear()
            if bound:
                async with socket_timeouts.bounded(30.0):
                    await driver.execute_query("RETURN 1", database_=neo4j_settings.database)
            else:
                await driver.execute_query("RETURN 1", database_=neo4j_settings.database)
            return len(made)
        finally:
            await driver.close()

    monkeypatch.setattr(asyncio, "timeout", counted)
    assert asyncio.run(read(bound=False)) > 3  # one per socket read and write: Neo4j's 120 s each
    assert asyncio.run(read(bound=True)) == 1  # the bound's own


def test_a_bound_stops_a_read_that_runs_past_it(neo4j_settings: Settings) -> None:
    async def slow_read() -> None:
        driver = await connect_async(neo4j_settings)
        try:
            async with socket_timeouts.bounded(0.2):
                await driver.execute_query(SLOW, database_=neo4j_settings.database)
        finally:
            await driver.close()

    with pytest.raises(TimeoutError):
        asyncio.run(slow_read())
