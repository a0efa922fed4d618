"""Evidence: every occurrence of every identifier an advert writes, grouped by key."""

from __future__ import annotations

import pickle

from graph.evidence import find_mentions
from graph.identifiers import extract

TEXT = (
    "Info: 0044 7404 689229 / 0044-7404-689229 (same number). DM @LorryRouteLDN "
    "or https://www.lorry-route.co.uk/book?utm_source=fb"
)


def test_same_keys_as_extract_with_every_occurrence() -> None:
    mentions, too_long = find_mentions(TEXT, platform="x")
    assert too_long == 0
    assert [m.key for m in mentions] == [i.key for i in extract(TEXT, platform="x")]
    phone = mentions[0]
    assert phone.key == "phone:+447404689229"
    assert phone.count == 2
    assert [TEXT[start:end] for start, end in phone.spans] == ["0044 7404 689229", "0044-7404-689229"]
    assert phone.values == ("0044 7404 689229", "0044-7404-689229")


def test_a_link_knows_the_domain_found_at_the_same_place() -> None:
    mentions, _ = find_mentions(TEXT, platform="x")
    [link] = [m for m in mentions if m.kind == "url"]
    assert link.domain == "domain:lorry-route.co.uk"


def test_a_platform_link_has_no_domain_of_its_own() -> None:
    mentions, _ = find_mentions("join t.me/boat_uk", platform="facebook")
    [link] = [m for m in mentions if m.kind == "url"]
    assert link.domain is None


def test_keys_too_long_to_index_are_counted_not_kept() -> None:
    mentions, too_long = find_mentions("see https://example.co.uk/?q=" + "a" * 5000, platform="x")
    assert too_long == 1
    assert [m.key for m in mentions] == ["domain:example.co.uk"]


def test_mentions_survive_the_trip_back_from_an_extraction_worker() -> None:
    text = (
        "call +44 7400 123456 or wa.me/447400123456, pay paypal.me/Crossing and see https://boats.example/x"
    )
    mentions, _ = find_mentions(text, platform="x", region="GB")
    back = pickle.loads(pickle.dumps(mentions))

    assert back == mentions and len(back) >= 3
    assert [m.spans for m in back] == [m.spans for m in mentions]  # every occurrence, not only the first
    assert {m.kind for m in back} >= {"phone", "payment", "url"}
