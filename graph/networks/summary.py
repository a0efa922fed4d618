"""One network's summary for a reader: its properties, members and the identifiers its adverts share."""

from __future__ import annotations

from typing import Any

import neo4j

from graph import cypher


def network_summary(
    driver: neo4j.Driver, database: str, network_id: str, *, limit: int = 20
) -> dict[str, Any] | None:
    """The network with this id ({network, adverts, accounts, shared}), or None when there is none.

    `adverts` are the latest `limit` advert keys, `shared` the identifiers at least two of its adverts
    mention (hubs flagged), most mentioned first.
    """
    records, _, _ = driver.execute_query(
        cypher.load("networks_show"),
        id=network_id,
        limit=limit,
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    return dict(records[0]) if records else None
