"""Template links in the network recompute, against the real Neo4j: rotating members join by template,
copied headlines are hubs, and an update agrees with a rebuild."""

from __future__ import annotations

import itertools
import zlib

import numpy as np
import phonenumbers
import pytest

from graph.ingest import ingest
from graph.networks import HubRule, rebuild, update
from graph.networks.templates import MAX_BUCKET, candidate_pairs
from graph.templates import NUM_PERM, THRESHOLD

RULE = HubRule(min_accounts=3, max_groups_template=6)
_posts = itertools.count(1)

PITCH = (
    "Safe boat to England leaving this week from the beach near Dunkirk, only {n} places left on the boat, "
    "{price} euro per person and you pay when you arrive, ask for Karim on WhatsApp {phone}"
)
HEADLINE = (
    "Breaking news: coastguard says a small boat carrying migrants was rescued overnight in the Channel, "
    "all passengers safe, more updates to follow on our site"
)
OTHER = [
    "Weekend market in the old town with fresh bread, cheese and vegetables from local farms, open early",
    "Looking for a flatmate near the university, quiet building with a garden, bills included, no pets",
    "Our ferry timetable changes next month, check the new sailing times before you book your family holiday",
    "Learn English in the evening with small classes and friendly teachers, enrol now for the autumn course",
]


def phone(region: str, n: int) -> str:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    for tail in itertools.count(n * 41 + 7):
        number = phonenumbers.parse(f"+{example.country_code}{national[:-3]}{tail % 1000:03d}")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    raise AssertionError("unreachable")


def advert(text: str, author: str | None, platform: str = "facebook", day: int = 1) -> dict:
    record = {
        "platform": platform,
        "post_id": f"t{next(_posts)}",
        "text": text,
        "posted_at": f"2024-03-{day:02d}T10:00:00Z",
        "region": "FR",
    }
    if author:
        record["author"] = {"handle": author, "id": str(zlib.crc32(author.encode()))}
    return record


def key(record: dict) -> str:
    return f"advert:{record['platform']}:{record['post_id']}"


def load(driver, database, records: list[dict]) -> None:
    ingest(driver, database, records, source="test", apply_schema=True)


def rotating_network(n: int = 0) -> tuple[list[dict], list[dict]]:
    """A network whose first half shares a phone and whose second half rotates phones and accounts,
    every advert the same text with its own price and seat count."""
    core_phone = phone("GB", 10 + n)
    first = [
        advert(PITCH.format(n=3 + i, price=1400 + 50 * i, phone=core_phone), f"karim.uk{n}.{i % 2}")
        for i in range(3)
    ]
    second = [
        advert(
            PITCH.format(n=2 + i, price=1500 + 50 * i, phone=phone("FR", 20 + 5 * n + i)), f"boat{n}.new{i}"
        )
        for i in range(3)
    ]
    return first, second


def noise() -> list[dict]:
    return [advert(text, f"local_{i}", platform="x") for i, text in enumerate(OTHER)]


def memberships(driver, database) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each network's members with their via, by the network's smallest advert key."""
    records, _, _ = driver.execute_query(
        "MATCH (m)-[r:IN_NETWORK]->(n:Network) RETURN n.key AS network, m.key AS member, r.via AS via",
        database_=database,
    )
    found: dict[str, list[tuple[str, str]]] = {}
    for r in records:
        found.setdefault(r["network"], []).append((r["member"], r["via"]))
    return {
        min(m for m, _ in members if m.startswith("advert:")): tuple(sorted(members))
        for members in found.values()
    }


def links(driver, database) -> set[tuple[str, str, float, bool, str | None]]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Advert)-[t:SAME_TEMPLATE]->(b:Advert) RETURN a.key AS a, b.key AS b, t.similarity AS s, "
        "t.joins AS joins, t.reason AS reason",
        database_=database,
    )
    return {(r["a"], r["b"], r["s"], r["joins"], r["reason"]) for r in records}


def authors(driver, database, records: list[dict]) -> set[str]:
    found, _, _ = driver.execute_query(
        "UNWIND $keys AS key MATCH (acc:Account)-[:POSTED]->(:Advert {key: key}) RETURN acc.key AS key",
        keys=[key(r) for r in records],
        database_=database,
    )
    return {r["key"] for r in found}


def network_property(driver, database, advert_key: str, name: str):
    records, _, _ = driver.execute_query(
        "MATCH (:Advert {key: $key})-[:IN_NETWORK]->(n:Network) RETURN n[$name] AS value",
        key=advert_key,
        name=name,
        database_=database,
    )
    return records[0]["value"] if records else None


def test_rotating_members_join_their_network_by_template(graph, database):
    first, second = rotating_network()
    load(graph, database, first + second + noise())
    report = rebuild(graph, database, rule=RULE)

    networks = memberships(graph, database)
    assert len(networks) == 1
    (members,) = networks.values()
    via = dict(members)
    assert {key(r) for r in first + second} <= via.keys()
    assert {via[key(r)] for r in first} == {"identifier"}
    assert {via[key(r)] for r in second} == {"template"}
    assert {via[a] for a in authors(graph, database, second)} == {"template"}  # they came in with them
    assert {via[a] for a in authors(graph, database, first)} == {"identifier"}
    assert not any(key(r) in via for r in noise())
    assert network_property(graph, database, key(first[0]), "template_adverts") == len(second)
    assert report.template_adverts == len(second)

    found = links(graph, database)
    assert len(found) == len(first + second) - 1  # a spanning set, not every pair
    assert all(joins and reason is None and s >= THRESHOLD for _, _, s, joins, reason in found)
    assert all(a < b for a, b, *_ in found)


def test_without_template_links_the_rotating_half_is_left_out(graph, database):
    """The same data with adverts too different to link: only the phone-sharing half is a network."""
    first, _ = rotating_network()
    other = [advert(OTHER[i] + f" call {phone('FR', 60 + i)}", f"boat_new{i}") for i in range(3)]
    load(graph, database, first + other)
    rebuild(graph, database, rule=RULE)
    (members,) = memberships(graph, database).values()
    assert {m for m, _ in members if m.startswith("advert:")} == {key(r) for r in first}
    assert not any({a, b} & {key(r) for r in other} for a, b, *_ in links(graph, database))


def test_a_copy_with_changed_phone_price_and_date_links_and_unrelated_text_does_not(graph, database):
    a = advert(PITCH.format(n=4, price=1500, phone=phone("GB", 1)) + " leaving 12/03", "seller_one")
    b = advert(PITCH.format(n=9, price=1100, phone=phone("IT", 2)) + " leaving 19/04", "seller_two", day=5)
    c = advert(OTHER[0], "seller_three")
    load(graph, database, [a, b, c])
    rebuild(graph, database, rule=RULE)
    assert links(graph, database) == {(*sorted((key(a), key(b))), 1.0, True, None)}
    assert memberships(graph, database) == {}  # a template adds to a network, it makes none on its own


def headline_world() -> tuple[list[dict], list[dict], list[dict]]:
    """Two networks (phone-sharing pairs) and five outlets, each posting the same headline once."""
    nets = []
    for n in range(2):
        shared = phone("GB", 30 + n)
        nets.append(
            [
                advert(f"Crossing tonight, places left, call {shared}", f"net{n}_a"),
                advert(f"Still places, WhatsApp {shared}", f"net{n}_b"),
                advert(HEADLINE, f"net{n}_a"),
            ]
        )
    outlets = [advert(HEADLINE, f"outlet_{i}", platform="x") for i in range(5)]
    return nets[0], nets[1], outlets


def test_a_headline_copied_by_many_unrelated_authors_is_a_hub_and_merges_nothing(graph, database):
    a, b, outlets = headline_world()
    load(graph, database, a + b + outlets)
    report = rebuild(graph, database, rule=RULE)

    networks = memberships(graph, database)
    assert len(networks) == 2  # the two networks stay apart
    assert all(via == "identifier" for members in networks.values() for _, via in members)
    assert not any(key(r) in dict(m) for r in outlets for m in networks.values())
    found = links(graph, database)
    assert len(found) == 7 - 1
    assert {joins for *_, joins, _ in found} == {False}
    reasons = {reason for *_, reason in found}
    assert reasons == {"copied by 7 groups of adverts that share nothing else (limit 6), by 7 accounts"}
    assert report.template_hubs == 1

    # With a higher limit the headline is no hub: it joins both networks and the outlets into one.
    rebuild(graph, database, rule=HubRule(min_accounts=3, max_groups_template=8))
    assert len(memberships(graph, database)) == 1
    assert {joins for *_, joins, _ in links(graph, database)} == {True}


def state(driver, database):
    return memberships(driver, database), links(driver, database)


def test_update_from_every_advert_equals_rebuild(graph, database):
    first, second = rotating_network()
    a, b, outlets = headline_world()
    records = first + second + a + b + outlets + noise()
    load(graph, database, records)
    update(graph, database, [key(r) for r in records], rule=RULE)
    updated = state(graph, database)
    rebuild(graph, database, rule=RULE)
    assert state(graph, database) == updated
    assert len(updated[0]) == 3 and updated[1]


def test_update_with_the_rotating_half_only_follows_template_links(graph, database):
    """The second half arrives later: the update starts from it alone, finds the first half through the
    band index, and ends where a rebuild does."""
    first, second = rotating_network()
    load(graph, database, first + noise())
    rebuild(graph, database, rule=RULE)
    load(graph, database, second)
    update(graph, database, [key(r) for r in second], rule=RULE)
    updated = state(graph, database)
    (members,) = updated[0].values()
    assert {via for m, via in members if m in {key(r) for r in second}} == {"template"}
    rebuild(graph, database, rule=RULE)
    assert state(graph, database) == updated


def test_an_edited_advert_loses_its_template_links_in_an_update(graph, database):
    first, second = rotating_network()
    load(graph, database, first + second)
    rebuild(graph, database, rule=RULE)
    edited = {**second[0], "text": OTHER[1] + " WhatsApp " + phone("FR", 90)}
    load(graph, database, [edited])
    update(graph, database, [key(edited)], rule=RULE)
    updated = state(graph, database)
    assert not any(key(edited) in (a, b) for a, b, *_ in updated[1])
    assert not any(key(edited) in dict(m) for m in updated[0].values())
    rebuild(graph, database, rule=RULE)
    assert state(graph, database) == updated


def test_a_new_copy_of_a_hub_headline_stays_out_in_an_update(graph, database):
    a, b, outlets = headline_world()
    load(graph, database, a + b + outlets)
    rebuild(graph, database, rule=RULE)
    late = advert(HEADLINE, "outlet_late", platform="x", day=9)
    load(graph, database, [late])
    update(graph, database, [key(late)], rule=RULE)
    networks, found = state(graph, database)
    assert len(networks) == 2
    late_links = [link for link in found if key(late) in link[:2]]
    assert late_links and all(not joins and reason for *_, joins, reason in late_links)


@pytest.mark.parametrize("batches", [4, 1])
def test_late_copies_of_a_hub_headline_add_one_link_each_in_an_update(graph, database, batches):
    """Copies of a hub headline arriving later (one update each, or one update for all): the update ties
    each new copy into the template by one link, so the template stays a spanning set (as many links as a
    rebuild writes), not a link from every new copy to every earlier one."""
    a, b, outlets = headline_world()
    load(graph, database, a + b + outlets)
    rebuild(graph, database, rule=RULE)
    (reason,) = {reason for *_, reason in links(graph, database)}
    late = [advert(HEADLINE, f"outlet_late{i}", platform="x", day=9) for i in range(4)]
    for batch in np.array_split(np.arange(len(late)), batches):
        records = [late[i] for i in batch.tolist()]
        load(graph, database, records)
        update(graph, database, [key(r) for r in records], rule=RULE)
    networks, found = state(graph, database)
    copies = {key(r) for r in [a[2], b[2], *outlets, *late]}
    assert {k for link in found for k in link[:2]} == copies
    assert _connected(found) and len(found) == len(copies) - 1
    assert {(joins, why) for *_, joins, why in found} == {(False, reason)}  # a rebuild refreshes the count
    rebuild(graph, database, rule=RULE)
    assert memberships(graph, database) == networks
    assert len(links(graph, database)) == len(found)


def _connected(found) -> bool:
    """Whether the links tie all their adverts into one template."""
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    for left, right, *_ in found:
        parent[root(left)] = root(right)
    return len({root(k) for k in parent}) == 1


def test_a_look_alike_advert_does_not_join_two_networks_a_copied_text_does(graph, database):
    """Two networks of their own (each a phone shared by two accounts) are joined by a template only when
    most of the smaller one's adverts, and at least MIN_LINKS, copy the other's text: one look-alike pair
    can be chance."""
    nets = []
    for n in range(2):
        shared = phone("GB", 50 + n)
        nets.append(
            [
                advert(f"Crossing tonight, places left, call {shared}", f"pair{n}.a"),
                advert(f"Still places, WhatsApp {shared}", f"pair{n}.b"),
                advert(PITCH.format(n=3 + n, price=1500, phone=shared), f"pair{n}.a"),
            ]
        )
    load(graph, database, nets[0] + nets[1])
    rebuild(graph, database, rule=RULE)
    assert len(memberships(graph, database)) == 2
    assert len(links(graph, database)) == 1  # the look-alike pair is linked, but joins nothing

    second = [
        advert(PITCH.format(n=7 + n + k, price=1600, phone=phone("GB", 50 + n)), f"pair{n}.{'ab'[k]}")
        for n in range(2)
        for k in range(2)
    ]
    load(graph, database, second)
    update(graph, database, [key(r) for r in second], rule=RULE)
    updated = state(graph, database)
    assert len(updated[0]) == 1
    rebuild(graph, database, rule=RULE)
    assert state(graph, database) == updated


def test_a_band_shared_by_too_many_adverts_gives_no_candidates():
    """Boilerplate copied more than MAX_BUCKET times is left out; up to that, every pair is a candidate."""
    rng = np.random.default_rng(1)
    other = rng.integers(0, 2**32, size=(3, NUM_PERM), dtype=np.uint64)
    for copies, expected in ((MAX_BUCKET, MAX_BUCKET * (MAX_BUCKET - 1) // 2), (MAX_BUCKET + 1, 0)):
        values = np.vstack([np.tile(other[0], (copies, 1)), other[1:]])
        pairs = candidate_pairs(values)
        assert len(pairs) == expected
        assert (pairs[:, 0] < pairs[:, 1]).all()
