"""The exports' world: the API tests' planted adverts (network A across four platforms sharing a phone,
an IBAN and a Telegram handle; network B on X; a help-desk email that is a hub) and two more adverts of
network A: a near-duplicate of its first (a template link) and one with a booking link (a domain), all
ingested and grouped by the real ingest and network rebuild."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest

from graph.advert import read_lines
from graph.config import Settings
from graph.crosslink import Crosslink
from graph.export import Subgraph, network_subgraph
from graph.ingest import ingest
from graph.networks import HubRule, rebuild
from tests.api.planted import PHONE_A, PLANTED

RULE = HubRule(min_accounts=3, max_groups_strong=4, max_groups_medium=4, max_groups_weak=3)
PHONE_B = "phone:+32470123456"
LINK_A = "url:https://calais-boats.net/seats"
DOMAIN_A = "domain:calais-boats.net"
MORE = [
    {
        "platform": "facebook",
        "post_id": "a5",
        "author": {"handle": "calais.crossing.uk2", "id": "9005"},
        "text": "Boat to UK this week from Calais, life jackets included. WhatsApp +44 7400 123456 or "
        "Telegram @calais_crossing_a today",
        "posted_at": "2024-05-07T18:00:00Z",
        "lang": "en",
        "region": "FR",
    },
    {
        "platform": "instagram",
        "post_id": "a6",
        "author": {"handle": "calais.seats", "id": "9006"},
        "text": "Book your seat at https://calais-boats.net/seats then message +44 7400 123456",
        "posted_at": "2024-05-08T18:00:00Z",
        "lang": "en",
        "region": "GB",
    },
]


@pytest.fixture(scope="module")
def graph(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> Iterator[Crosslink]:
    """A Crosslink over the planted graph, networks rebuilt with a hub rule for a graph this small."""
    database = neo4j_settings.database
    with neo4j_driver.session(database=database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    with PLANTED.open("rb") as lines:
        ingest(neo4j_driver, database, read_lines(lines, PLANTED.name), source="planted")
    ingest(neo4j_driver, database, MORE, source="export-tests")
    rebuild(neo4j_driver, database, rule=RULE)
    yield Crosslink(neo4j_driver, database)


@pytest.fixture(scope="module")
def network_a(graph: Crosslink) -> Subgraph:
    """Network A's subgraph, found by its phone."""
    return network_subgraph(graph, PHONE_A)
