"""Applying `cypher/schema.cypher`: the constraints and indexes the graph needs, idempotently.

Ingest calls `apply_schema` before every run. When every named constraint and index already exists it
costs one `SHOW INDEXES` query, so it is cheap to repeat.
"""

from __future__ import annotations

import re

import neo4j
from neo4j.exceptions import ClientError

from graph import cypher

_NAME_RE = re.compile(
    r"CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+)?INDEX)\s+(\w+)", re.I
)
# How long to wait for new indexes to come online before giving up (seconds).
AWAIT_INDEXES_SECONDS = 300
# What Neo4j answers when another transaction created the same index or constraint while this statement
# ran: IF NOT EXISTS only sees what was committed when the statement began.
CREATED_MEANWHILE = frozenset(
    {
        "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
        "Neo.ClientError.Schema.IndexAlreadyExists",
        "Neo.ClientError.Schema.ConstraintAlreadyExists",
    }
)


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
    is `IF NOT EXISTS`; an item another process created at the same moment counts as there, so two
    ingests started at once on a new database both go on.
    """
    missing = {name: statement for name, statement in schema_names().items()}
    for name in existing_names(driver, database):
        missing.pop(name, None)
    created = [name for name, statement in missing.items() if create(driver, database, statement)]
    driver.execute_query(
        "CALL db.awaitIndexes($seconds)", {"seconds": AWAIT_INDEXES_SECONDS}, database_=database
    )
    return created


def create(driver: neo4j.Driver, database: str, statement: str) -> bool:
    """Run one `CREATE ... IF NOT EXISTS` statement; False when another transaction created the item
    first, which Neo4j reports as an error when the two overlap."""
    try:
        driver.execute_query(statement, database_=database)
    except ClientError as error:
        if error.code in CREATED_MEANWHILE:
            return False
        raise
    return True
