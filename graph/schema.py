"""Applying `cypher/schema.cypher`: the constraints and indexes the graph needs, idempotently.

Ingest calls `apply_schema` before every run. When every named constraint and index already exists it
costs one `SHOW INDEXES` query, so it is cheap to repeat.
"""

from __future__ import annotations

import re

import neo4j

from graph import cypher

_NAME_RE = re.compile(
    r"CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+)?INDEX)\s+(\w+)", re.I
)
# How long to wait for new indexes to come online before giving up (seconds).
AWAIT_INDEXES_SECONDS = 300


def schema_names() -> dict[str, str]:
    """Each schema statement by the name of the constraint or index it creates."""
    named = {}
    for statement in cypher.statements("schema"):
        match = _NAME_RE.match(statement)
        if match is None:
            raise ValueError(
                f"cypher/schema.cypher: every statement must create a named schema item: {statement}"
            )
        named[match.group(1)] = statement
    return named


def existing_names(driver: neo4j.Driver, database: str) -> set[str]:
    """Names of the indexes in `database`; a uniqueness constraint owns an index of the same name."""
    records, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name", database_=database)
    return {record["name"] for record in records}


def apply_schema(driver: neo4j.Driver, database: str) -> list[str]:
    """Create whatever constraints and indexes are missing, wait until all are online; return the new names.

    Each statement runs in its own transaction (Neo4j does not mix schema and data changes), and each
    is `IF NOT EXISTS`, so two processes applying the schema at once do not fail.
    """
    missing = {name: statement for name, statement in schema_names().items()}
    for name in existing_names(driver, database):
        missing.pop(name, None)
    for statement in missing.values():
        driver.execute_query(statement, database_=database)
    driver.execute_query(
        "CALL db.awaitIndexes($seconds)", {"seconds": AWAIT_INDEXES_SECONDS}, database_=database
    )
    return list(missing)
