"""The garbage collector runs between requests: after an answer is sent, never while one is awaited."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.types import Receive, Scope, Send

from api.collector import BACKSTOP, IdleCollection, due_generation, serving_thresholds

HTTP: Scope = {"type": "http", "path": "/graphql"}


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def events() -> Iterator[list[str]]:
    """What happened, in order: answers sent and collections started. Automatic collections are held
    off (a threshold no test reaches), so every collection seen is the middleware's."""
    seen: list[str] = []

    def callback(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(f"collect {info['generation']}")

    gc.collect()
    with serving_thresholds(10**9):
        gc.callbacks.append(callback)
        try:
            yield seen
        finally:
            gc.callbacks.remove(callback)


def cyclic_app(held: asyncio.Event | None = None) -> Any:
    """An app leaving 2,000 objects in cycles per request; a request for /slow is answered once `held`
    is set."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        garbage = [Cycle() for _ in range(2000)]
        del garbage
        if scope["path"] == "/slow" and held is not None:
            await held.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    return app


def recording(events: list[str], name: str) -> Send:
    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            events.append(f"sent {name}")

    return send


async def nothing() -> dict[str, Any]:
    return {"type": "http.request", "body": b""}


def test_the_garbage_of_a_request_is_collected_after_its_answer(events: list[str]) -> None:
    async def one_request() -> None:
        await IdleCollection(cyclic_app())(HTTP, nothing, recording(events, "a"))
        await asyncio.sleep(0)  # the loop's next turn

    asyncio.run(one_request())
    assert events == ["sent a", "collect 0"]
    assert due_generation() is None


def test_nothing_is_collected_while_another_request_is_awaited(events: list[str]) -> None:
    async def two_requests() -> None:
        held = asyncio.Event()
        middleware = IdleCollection(cyclic_app(held))
        slow = asyncio.ensure_future(
            middleware({**HTTP, "path": "/slow"}, nothing, recording(events, "slow"))
        )
        await asyncio.sleep(0)
        await middleware(HTTP, nothing, recording(events, "quick"))
        await asyncio.sleep(0.01)
        events.append("slow still waiting")
        held.set()
        await slow
        await asyncio.sleep(0)

    asyncio.run(two_requests())
    assert events[: events.index("slow still waiting")] == ["sent quick"]
    assert events[-2:] == ["sent slow", "collect 0"]


def test_older_generations_are_collected_when_due(events: list[str]) -> None:
    async def requests() -> None:
        middleware = IdleCollection(cyclic_app())
        for number in range(12):
            await middleware(HTTP, nothing, recording(events, str(number)))
            await asyncio.sleep(0)

    asyncio.run(requests())
    collections = [e for e in events if e.startswith("collect")]
    assert "collect 1" in collections  # every tenth, as Python's default thresholds would have it
    assert collections.count("collect 0") >= 10


def test_other_traffic_passes_untouched(events: list[str]) -> None:
    async def lifespan() -> None:
        called: list[str] = []

        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            called.append(scope["type"])

        await IdleCollection(app)({"type": "lifespan"}, nothing, recording(events, "x"))
        assert called == ["lifespan"]

    asyncio.run(lifespan())
    assert events == []


def test_serving_thresholds_are_restored() -> None:
    before = gc.get_threshold()
    with serving_thresholds():
        assert gc.get_threshold() == (BACKSTOP, *before[1:])
    assert gc.get_threshold() == before
