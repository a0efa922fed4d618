"""Ingest of hostile input into the real Neo4j: the records of tests/graph/test_advert_fuzz.py, written.

The reader's properties say what each line reads as; these say the graph takes what the reader accepts:
no batch fails on a value the reader let through (texts at the cap, ids at theirs in any script, keys in
mixed scripts), the run's counts add up, and each accepted advert is in the graph with its content
hash. Each example is one run over the same graph, so adverts of earlier examples may come back
updated or unchanged, as in a nightly feed. Few examples, whatever the profile: each one is a run.
"""

from __future__ import annotations

import json

import neo4j
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.advert import Advert, Line, parse_line
from graph.config import Settings
from graph.ingest import ingest
from tests.graph.test_advert_fuzz import records


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(records().map(lambda r: r[0]), min_size=1, max_size=4))
def test_what_the_reader_accepts_the_graph_takes_and_the_counts_add_up(
    empty_graph: neo4j.Driver, neo4j_settings: Settings, lines: list[str]
) -> None:
    database = neo4j_settings.database
    report = ingest(empty_graph, database, lines, source="fuzz", batch_size=2, apply_schema=False)

    assert report.status == "completed"
    assert report.read == len(lines) == report.accepted + report.rejected
    assert report.accepted == report.created + report.updated + report.unchanged + report.duplicates
    accepted = [
        p for n, text in enumerate(lines, 1) if isinstance(p := parse_line(Line(None, n, text)), Advert)
    ]
    assert report.accepted == len(accepted)
    expected = {a.key: a.with_defaults(source="fuzz").content_hash() for a in accepted}  # the last one wins
    records, _, _ = empty_graph.execute_query(
        "UNWIND $keys AS key MATCH (a:Advert {key: key}) RETURN a.key AS key, a.content_hash AS hash",
        keys=list(expected),
        database_=database,
    )
    assert {r["key"]: r["hash"] for r in records} == expected, json.dumps(lines)[:500]
