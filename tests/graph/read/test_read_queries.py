"""The read functions the API and the CLI share, called directly against the real graph."""

from __future__ import annotations

import neo4j
import pytest

from graph.config import Settings
from graph.ingest import ingest
from graph.read import BadInput, NotFound, Reader, TooLarge, queries
from graph.read.keys import account_key, identifier_key, node_key

ADVERTS = [
    {
        "platform": "facebook",
        "post_id": "r1",
        "author": {"handle": "boat.uk"},
        "text": "🚤 UK crossing. WhatsApp +44 7957 500418, deposit GB02 NWBK 6016 1331 9268 20",
        "posted_at": "2024-03-01T10:00:00Z",
        "region": "FR",
    },
    {
        "platform": "telegram",
        "post_id": "chan/2",
        "author": {"handle": "dunkirk_crossing"},
        "text": "Pay GB02NWBK60161331926820 and call 0044 7957 500418",
        "posted_at": "2024-03-02T10:00:00Z",
        "region": "GB",
    },
]


@pytest.fixture
def reader(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> Reader:
    ingest(empty_graph, neo4j_settings.database, ADVERTS, source="read-test")
    return Reader(empty_graph, neo4j_settings.database)


def test_keys_from_raw_values_as_ingest_writes_them() -> None:
    assert identifier_key("wa.me/447957500418") == "phone:+447957500418"
    assert identifier_key("07957 500418", region="GB") == "phone:+447957500418"
    assert identifier_key("@dunkirk_crossing", platform="telegram") == "handle:telegram:dunkirk_crossing"
    assert identifier_key("GB02 NWBK 6016 1331 9268 20") == "payment:iban:GB02NWBK60161331926820"
    assert node_key("advert:telegram:chan/2") == "advert:telegram:chan/2"
    assert account_key("Twitter", "@CrossingUK24") == "handle:x:crossinguk24"
    with pytest.raises(BadInput, match="region"):
        identifier_key("07957 500418")


def test_identifier_lookup_and_evidence_spans(reader: Reader) -> None:
    phone = reader.call(queries.identifier, "+44 7957 500418")
    advert = reader.call(queries.advert, "facebook:r1")

    assert (phone.key, phone.kind, phone.mentioned_by) == ("phone:+447957500418", "phone", 2)
    from graph.read import batch

    ((author, mentions),) = reader.call(batch.advert_mentions, [advert.key])
    assert author == "handle:facebook:boatuk"
    texts = {m.identifier: [s.text for s in m.spans] for m in mentions}
    assert texts["phone:+447957500418"] == ["+44 7957 500418"]  # after an emoji: offsets in characters
    assert texts["payment:iban:GB02NWBK60161331926820"] == ["GB02 NWBK 6016 1331 9268 20"]
    with pytest.raises(NotFound, match="phone:\\+447957500419"):
        reader.call(queries.identifier, "+44 7957 500419")


def test_path_search_and_limits(reader: Reader) -> None:
    path = reader.call(
        queries.path, "handle:facebook:boatuk", "@dunkirk_crossing", platform="telegram", max_hops=4
    )
    page = reader.call(queries.search, "crossing", first=1)

    assert path is not None and len(path.hops) == 4
    assert path.nodes[0] == "handle:facebook:boatuk" and path.nodes[-1] == "handle:telegram:dunkirk_crossing"
    assert page.total == 1 and page.items[0][0] == "advert:facebook:r1"
    with pytest.raises(TooLarge):
        reader.call(queries.networks, first=501)
    with pytest.raises(TooLarge):
        reader.call(queries.path, "a", "b", max_hops=7)
    with pytest.raises(TooLarge):
        reader.call(queries.neighbourhood, "+447957500418", depth=4)


def test_every_read_is_counted_and_reported_to_the_listener(reader: Reader) -> None:
    names: list[str] = []
    counted = Reader(reader.driver, reader.database, listener=names.append)
    counted.call(queries.stats)
    counted.call(queries.identifier, "+447957500418")

    assert names == ["read_stats", "read_nodes"]
    assert counted.queries == 2


@pytest.mark.parametrize(
    ("read", "value", "problem"),
    [
        (queries.advert, " ", "the advert id is empty"),
        (queries.advert, "advert:", "the advert id is empty"),
        (queries.network_at, "network:", "the network id is empty"),
    ],
)
def test_an_empty_id_is_bad_input_not_a_missing_node(
    reader: Reader, read: object, value: str, problem: str
) -> None:
    with pytest.raises(BadInput, match=problem):
        reader.call(read, value)  # type: ignore[arg-type]


def test_a_missing_node_is_named_in_quotes(reader: Reader) -> None:
    """Quoted, a value with spaces or control characters is still readable in the message."""
    with pytest.raises(NotFound, match=r"no advert 'advert:x: a\\x01' in the graph"):
        reader.call(queries.advert, "x: a\x01")
