"""GET /ready: whether this API can answer now, that is whether Neo4j runs a query within a short time.

/health says the process is up and the driver can reach the server; /ready runs a query through the
asyncio driver that the API's reads use, bounded by READY_SECONDS, so that a load balancer or Kubernetes
sends requests only to an API whose graph answers. A 503 says why in a JSON body naming the kind of
failure, never the driver's message (which may name hosts and users) nor a trace.
"""

from __future__ import annotations

import asyncio

import neo4j
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph import cypher

# Long enough for a busy server to run `RETURN 1`, short enough for a probe that runs every few seconds.
READY_SECONDS = 2.0


async def check(driver: neo4j.AsyncDriver, database: str, *, timeout: float = READY_SECONDS) -> str | None:
    """None when `database` answered `cypher/ready.cypher` within `timeout` seconds; else why not, in a
    sentence fit for a probe's log."""
    query = neo4j.Query(cypher.load("ready"), timeout=timeout)
    try:
        async with asyncio.timeout(timeout):
            async with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
                result = await session.run(query)
                await result.consume()
    except TimeoutError:
        return f"the graph database did not answer within {timeout:g} s"
    except (ServiceUnavailable, SessionExpired, OSError):
        return "the graph database cannot be reached"
    except Neo4jError as error:
        return f"the graph database refused the readiness query ({error.code})"
    except DriverError as error:
        return f"the graph database driver failed ({type(error).__name__})"
    return None


def register(app: FastAPI) -> None:
    """Add GET /ready to `app` (its state holds the asyncio driver and the database at start-up)."""

    @app.get("/ready")
    async def ready(request: Request) -> JSONResponse:
        """200 when the graph answers a query within READY_SECONDS, 503 with the reason otherwise;
        needs no key and says nothing about the data."""
        state = request.app.state
        reason = await check(state.reads, state.database)
        if reason is not None:
            return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
        return JSONResponse({"status": "ready"})


__all__ = ["READY_SECONDS", "check", "register"]
