"""Extraction workers a caller owns (graph/extraction_pool.py), shared by ingest runs in a row."""

from __future__ import annotations

import json
import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import neo4j
import pytest

from graph.extraction_pool import ExtractionPool
from graph.ingest import IngestFailed, RunReport, ingest


def adverts(first: int, count: int) -> list[str]:
    return [
        json.dumps(
            {
                "platform": "facebook",
                "post_id": str(number),
                "author": {"handle": f"author{number}"},
                "text": f"Boat {number}: WhatsApp +44 7957 500418, pay GB02 NWBK 6016 1331 9268 20",
                "posted_at": "2024-03-01T10:00:00Z",
                "region": "GB",
            }
        )
        for number in range(first, first + count)
    ]


def mentions(graph: neo4j.Driver, database: str) -> list[dict[str, Any]]:
    records, _, _ = graph.execute_query(
        "MATCH (a:Advert)-[m:MENTIONS]->(i) RETURN a.key AS advert, i.key AS identifier, m.spans AS spans "
        "ORDER BY advert, identifier",
        database_=database,
    )
    return [r.data() for r in records]


def test_a_pool_needs_a_worker():
    with pytest.raises(ValueError, match="at least 1 worker"):
        ExtractionPool(0)


def test_runs_given_a_pool_share_its_workers_and_leave_them_running(graph: neo4j.Driver, database: str):
    ingest(graph, database, adverts(0, 6) + adverts(6, 6), source="test", batch_size=4)
    in_process = mentions(graph, database)
    graph.execute_query("MATCH (n) DETACH DELETE n", database_=database)

    with ExtractionPool(1) as pool:
        assert not pool.started  # workers start at the first batch that needs them
        first = ingest(graph, database, adverts(0, 6), source="test", batch_size=4, pool=pool)
        worker = pool.submit(os.getpid).result()
        second = ingest(graph, database, adverts(6, 6), source="test", batch_size=4, pool=pool)

        assert pool.started and pool.submit(os.getpid).result() == worker  # the same process throughout
    assert not pool.started

    assert (first.created, second.created, first.status, second.status) == (6, 6, "completed", "completed")
    assert mentions(graph, database) == in_process


def test_a_worker_that_dies_fails_its_run_and_the_next_run_gets_new_workers(
    graph: neo4j.Driver, database: str
):
    with ExtractionPool(1) as pool:
        worker = pool.submit(os.getpid).result()

        def kill_the_worker_after_the_first_batch(report: RunReport) -> None:
            if report.batches == 1:
                os.kill(worker, signal.SIGKILL)

        with pytest.raises(IngestFailed, match="extraction worker stopped unexpectedly"):
            ingest(
                graph,
                database,
                adverts(0, 400),
                source="test",
                batch_size=20,
                pool=pool,
                progress=kill_the_worker_after_the_first_batch,
            )
        again = ingest(graph, database, adverts(0, 400), source="test", batch_size=20, pool=pool)

        assert again.status == "completed" and again.created + again.unchanged == 400
        assert pool.submit(os.getpid).result() != worker


def test_a_worker_killed_between_runs_is_replaced_at_the_next_runs_first_submit():
    with ExtractionPool(1) as pool:
        worker = pool.submit(os.getpid).result()
        os.kill(worker, signal.SIGKILL)
        time.sleep(1)  # the pool's manager thread notices the death and marks the pool broken

        with pytest.raises(BrokenProcessPool):  # within a run, the run fails
            pool.submit(os.getpid)
        replacement = pool.submit(os.getpid, replace_broken=True).result(timeout=60)

        assert replacement != worker


def test_workers_leave_sigterm_to_the_run():
    with ExtractionPool(1) as pool:
        worker = pool.submit(os.getpid).result()
        os.kill(worker, signal.SIGTERM)

        assert pool.submit(os.getpid).result(timeout=60) == worker  # still alive, still working
