"""Reads are batched per request: a page of networks with everything nested costs the same few queries
whether it holds two networks or twelve (counted through the read layer)."""

from __future__ import annotations

import neo4j
import pytest
from planted import Api

from graph.config import Settings
from graph.ingest import ingest
from graph.networks import rebuild

PAGE = """query ($first: Int!) {
  networks(first: $first, orderBy: SIZE) {
    totalCount
    edges { node {
      id score
      adverts {
        id text author { id handle network { id } } chat { id } forwardedFrom { id }
        mentions { count spans { text } identifier { id hub } }
        network { id } tags { label }
      }
      accounts { id advertCount identifiers { adverts identifier { id } } }
      identifiers { kind identifiers { adverts identifier { id advertCount } } }
      timeline { day adverts }
      evidence { advertCount identifier { id } adverts { relation spans { text } advert { id } } }
      tags { label }
    } }
  }
}"""


@pytest.fixture(scope="module")
def more_networks(api: Api, neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> Api:
    """Ten more networks of two adverts each (two platforms, two countries, one phone), then a rebuild."""
    platforms = ["facebook", "instagram", "telegram", "tiktok", "x"]
    adverts = []
    for n in range(10):
        for side in range(2):
            adverts.append(
                {
                    "platform": platforms[(n + side) % 5],
                    "post_id": f"batch-{n}-{side}",
                    "author": {"handle": f"batch_author_{n}_{side}"},
                    "text": f"Crossing {n}, call +44 7400 1000{n:02d}",
                    "posted_at": f"2024-06-{n + 1:02d}T10:00:00Z",
                    "region": ["FR", "BE"][side],
                }
            )
    ingest(neo4j_driver, neo4j_settings.database, adverts, source="batching")
    rebuild(neo4j_driver, neo4j_settings.database)
    return api


def queries_for(api: Api, first: int) -> tuple[list[str], int]:
    api.queries.clear()
    page = api.data(PAGE, {"first": first})["networks"]
    return list(api.queries), len(page["edges"])


# About one query per kind of thing asked (page, members, identifiers, timeline, evidence, tags, nodes,
# mentions, uses, ...), a few more when a loader's keys arrive in two event-loop turns; never one per network
# or advert. Unbatched, twelve networks with their adverts would cost well over a hundred.
MAX_QUERIES = 20


def test_a_page_of_networks_with_nested_members_runs_a_bounded_number_of_queries(more_networks: Api) -> None:
    small, small_size = queries_for(more_networks, 2)
    large, large_size = queries_for(more_networks, 12)

    assert (small_size, large_size) == (2, 12)
    assert len(small) <= MAX_QUERIES, small
    assert len(large) <= MAX_QUERIES, large
    assert large.count("read_networks_page") == 1
    assert large.count("read_network_evidence") == 1
    # Each advert's chat and forward origin come from one read of all the page's adverts.
    assert large.count("read_advert_context") == small.count("read_advert_context") == 1


def test_an_identifier_with_its_adverts_accounts_and_networks_reads_each_once(api: Api) -> None:
    api.queries.clear()
    found = api.data(
        '{ identifier(value: "+44 7400 123456") {'
        "  id adverts { id platform postedAt } networks { id score }"
        "  accounts { adverts account { id platform advertCount mentionedBy } } } }"
    )["identifier"]

    assert found["adverts"] and found["networks"] and found["accounts"]
    assert all(u["account"]["advertCount"] >= u["adverts"] >= 1 for u in found["accounts"])
    # The lists come whole from their own reads: adverts, accounts and networks are not read a second time.
    assert sorted(api.queries) == ["read_accounts_of", "read_adverts_of", "read_networks_of", "read_nodes"]
    # ... and an account read whole there is the account read on its own, its network included (asked
    # apart: the network node itself is read unless the identifier's networks were read first).
    with_network = api.data(
        '{ identifier(value: "+44 7400 123456") { accounts { account { id network { id } } } } }'
    )["identifier"]["accounts"][0]["account"]
    shown = {**found["accounts"][0]["account"], **with_network}
    _, platform, handle = shown["id"].split(":", 2)
    alone = api.data(
        "query ($p: String!, $h: String!) { account(platform: $p, handle: $h) {"
        "  id platform advertCount mentionedBy network { id } } }",
        {"p": platform, "h": handle},
    )["account"]
    assert alone == shown
