"""The score with content, on the real Neo4j: small planted networks ranked as an analyst needs them.

A small smuggling network on one platform must outrank a travel agency and a rescue charity that are
bigger, cross-platform and cross-border, and its explanation must name the terms its adverts write.
"""

from __future__ import annotations

import itertools

import phonenumbers
import pytest

from graph.ingest import ingest
from graph.networks import HubRule, rebuild

# No hubs in a graph this small: each organisation's phone, written by each of its accounts, must join.
RULE = HubRule(min_accounts=100, max_groups_strong=100, max_groups_medium=100, max_groups_weak=100)
_posts = itertools.count(1)


def phone(region: str, n: int) -> str:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    for tail in itertools.count(n * 37 + 11):
        number = phonenumbers.parse(f"+{example.country_code}{national[:-3]}{tail % 1000:03d}")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    raise AssertionError("unreachable")


def advert(text: str, author: str, platform: str, region: str, day: int = 1) -> dict:
    return {
        "platform": platform,
        "post_id": f"c{next(_posts)}",
        "text": text,
        "posted_at": f"2024-03-{day:02d}T10:00:00Z",
        "region": region,
        "author": {"handle": author, "id": str(abs(hash(author)) % 10**9)},
    }


def smuggling_network() -> list[dict]:
    number = phone("GB", 1)
    texts = [
        f"Guaranteed arrival in UK, 1500 per person, pay on arrival. WhatsApp {number}",
        f"Leaving tonight, inbox only. Smuggler with guaranteed arrival. {number}",
        f"Passeur sérieux, paiement à l'arrivée, 1500 per person. {number}",
    ]
    return [advert(text, f"g{i}", "facebook", "FR", day=1 + i) for i, text in enumerate(texts)]


def travel_agency() -> list[dict]:
    number = phone("FR", 2)
    places = [("facebook", "FR"), ("instagram", "GB"), ("x", "BE"), ("telegram", "NL")]
    return [
        advert(
            f"Ferry timetable Calais - Dover, book your tickets online. Call {number}",
            f"agency{i}",
            platform,
            region,
            day=1 + i,
        )
        for i, (platform, region) in enumerate(places * 3)
    ]


def charity() -> list[dict]:
    number = phone("IT", 3)
    places = [("facebook", "IT"), ("instagram", "GR"), ("x", "DE")]
    return [
        advert(
            f"Registered charity: sea rescue volunteers wanted, donate today. Call {number}",
            f"rescue{i}",
            platform,
            region,
            day=1 + i,
        )
        for i, (platform, region) in enumerate(places * 2)
    ]


def network_of(driver, database: str, advert_key: str) -> dict:
    records, _, _ = driver.execute_query(
        "MATCH (:Advert {key: $key})-[:IN_NETWORK]->(n:Network) RETURN properties(n) AS n",
        key=advert_key,
        database_=database,
    )
    assert records, f"{advert_key} is in no network"
    return records[0]["n"]


def key(record: dict) -> str:
    return f"advert:{record['platform']}:{record['post_id']}"


@pytest.fixture
def ranked(graph, database):
    gang, agency, rescue = smuggling_network(), travel_agency(), charity()
    ingest(graph, database, gang + agency + rescue, source="test")
    rebuild(graph, database, rule=RULE)
    return {name: network_of(graph, database, key(adverts[0])) for name, adverts in
            (("gang", gang), ("agency", agency), ("charity", rescue))}  # fmt: skip


def test_a_small_smuggling_network_outranks_a_bigger_agency_and_a_charity(ranked):
    gang, agency, charity = ranked["gang"], ranked["agency"], ranked["charity"]
    assert gang["size"] < agency["size"] and gang["platform_count"] < agency["platform_count"]
    assert gang["score_shape"] < agency["score_shape"]  # shape alone ranks the agency first
    assert gang["score"] > agency["score"] and gang["score"] > charity["score"]
    assert (
        gang["score_content"] > agency["score_content"] and gang["score_content"] > charity["score_content"]
    )


def test_the_parts_add_up(ranked):
    for network in ranked.values():
        assert network["score"] == round(
            network["score_shape"] + network["score_content"] - network["score_benign"], 1
        )


def top_term(graph, database: str, network: dict, benign: bool) -> str:
    """The indicator term (smuggling, or benign) most of the network's adverts write, as stored."""
    records, _, _ = graph.execute_query(
        "MATCH (a:Advert)-[:IN_NETWORK]->(:Network {key: $key}) "
        "UNWIND range(0, size(a.indicator_terms) - 1) AS i "
        "WITH a, a.indicator_terms[i] AS term, a.indicator_categories[i] AS category "
        "WHERE (category STARTS WITH 'benign_') = $benign "
        "RETURN term, count(DISTINCT a) AS n ORDER BY n DESC, term LIMIT 1",
        key=network["key"],
        benign=benign,
        database_=database,
    )
    assert records, f"no {'benign' if benign else 'smuggling'} term in {network['key']}"
    return records[0]["term"]


def test_the_explanations_name_the_terms(ranked, graph, database):
    gang = ranked["gang"]
    assert gang["smuggling_adverts"] == 3 and gang["benign_adverts"] == 0
    assert top_term(graph, database, gang, benign=False) in gang["score_explanation"]
    assert "3 of 3 adverts read as smuggling" in gang["score_explanation"]
    assert "no business, charity, news, job or school signals" in gang["score_explanation"]
    for name in ("agency", "charity"):
        network = ranked[name]
        assert network["score_benign"] > 0 and network["benign_adverts"] == network["advert_count"]
        assert "mostly benign" in network["score_explanation"]
        assert top_term(graph, database, network, benign=True) in network["score_explanation"]


def test_a_copied_smuggling_template_counts_and_is_named(graph, database):
    """A gang rotating its phones but copying its text: the copies join by template, and the template
    part of the content score and the explanation say so."""
    text = (
        "Guaranteed arrival in UK by boat from the beach near Calais, 1500 per person, pay on arrival, "
        "leaving tonight, inbox only, places are limited so write now. Contact {}"
    )
    # The first two share a phone (the network), the next two rotated to new ones but kept the text.
    phones = [phone("GB", 10), phone("GB", 10), phone("GB", 11), phone("GB", 12)]
    adverts = [
        advert(text.format(number), f"rotating{i}", "facebook", "FR", day=1 + i)
        for i, number in enumerate(phones)
    ]
    ingest(graph, database, adverts, source="test")
    rebuild(graph, database, rule=RULE)
    network = network_of(graph, database, key(adverts[0]))
    assert network["advert_count"] == 4 and network["template_adverts"] == 2
    assert network["score_template"] > 0
    assert "4 smuggling adverts share a template" in network["score_explanation"]
