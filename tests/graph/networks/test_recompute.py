"""rebuild and update against the real Neo4j: hubs, platforms and countries, stable ids, update = rebuild."""

from __future__ import annotations

import itertools

import phonenumbers
import pytest

from graph import casework
from graph.ingest import ingest
from graph.networks import HubRule, rebuild, update

# Small limits, so that a handful of adverts is enough to make a hub.
RULE = HubRule(min_accounts=3, max_groups_strong=4, max_groups_medium=4, max_groups_weak=3)
_posts = itertools.count(1)


def phone(region: str, n: int) -> str:
    """A valid mobile number of `region`, the n-th of a series, written internationally."""
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    for tail in itertools.count(n * 37 + 11):
        number = phonenumbers.parse(f"+{example.country_code}{national[:-3]}{tail % 1000:03d}")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    raise AssertionError("unreachable")


HOTLINE = phone("FR", 99)


def advert(text: str, author: str | None, platform: str = "facebook", region: str = "FR", day: int = 1):
    record = {
        "platform": platform,
        "post_id": f"p{next(_posts)}",
        "text": text,
        "posted_at": f"2024-03-{day:02d}T10:00:00Z",
        "region": region,
    }
    if author:
        record["author"] = {"handle": author, "id": str(abs(hash(author)) % 10**9)}
    return record


def key(record: dict) -> str:
    return f"advert:{record['platform']}:{record['post_id']}"


def load(driver, settings, records: list[dict]) -> None:
    ingest(driver, settings.database, records, source="test", apply_schema=True)


def snapshot(driver, settings) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Networks by id with their sorted member keys, and hub identifiers with their reason."""
    records, _, _ = driver.execute_query(
        "MATCH (n:Network) RETURN n.id AS id, [(m)-[:IN_NETWORK]->(n) | m.key] AS members",
        database_=settings.database,
    )
    hubs, _, _ = driver.execute_query(
        "MATCH (n) WHERE n.hub = true RETURN n.key AS key, n.hub_reason AS reason",
        database_=settings.database,
    )
    return {r["id"]: tuple(sorted(r["members"])) for r in records}, {r["key"]: r["reason"] for r in hubs}


def network_of(driver, settings, advert_key: str) -> dict | None:
    records, _, _ = driver.execute_query(
        "MATCH (:Advert {key: $key})-[:IN_NETWORK]->(n:Network) RETURN properties(n) AS n",
        key=advert_key,
        database_=settings.database,
    )
    return records[0]["n"] if records else None


def two_networks(n: int = 0) -> tuple[list[dict], list[dict]]:
    """Two planted networks of three adverts (two accounts each, one phone each); all write the hotline."""
    a_phone, b_phone = phone("GB", 1 + n), phone("IT", 2 + n)
    a = [
        advert(f"UK crossing, WhatsApp {a_phone}. Emergency {HOTLINE}", f"boat_a{n}_1"),
        advert(f"Boat to UK, call {a_phone}", f"boat_a{n}_2", platform="instagram"),
        advert(f"Places left, WhatsApp {a_phone}. Help line {HOTLINE}", f"boat_a{n}_2", platform="instagram"),
    ]
    b = [
        advert(f"Italy by sea, call {b_phone}. Emergency {HOTLINE}", f"sea_b{n}_1", platform="tiktok"),
        advert(f"Italy trip, WhatsApp {b_phone}", f"sea_b{n}_2", platform="tiktok"),
        advert(f"Call {b_phone} now. Hotline {HOTLINE}", f"sea_b{n}_1", platform="tiktok"),
    ]
    return a, b


def lone_hotline_adverts(count: int) -> list[dict]:
    text = f"Stay safe, emergency line {HOTLINE}"
    return [advert(text, f"citizen_{i}x", platform="x") for i in range(count)]


def test_two_networks_sharing_a_hotline_stay_separate_and_the_hotline_is_a_hub(empty_graph, neo4j_settings):
    a, b = two_networks()
    load(empty_graph, neo4j_settings, a + b + lone_hotline_adverts(3))
    report = rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    networks, hubs = snapshot(empty_graph, neo4j_settings)
    assert len(networks) == 2
    assert (
        network_of(empty_graph, neo4j_settings, key(a[0]))["id"]
        != network_of(empty_graph, neo4j_settings, key(b[0]))["id"]
    )
    hotline = "phone:" + HOTLINE.replace(" ", "")
    assert list(hubs) == [hotline]
    assert hubs[hotline].startswith("joins 5 groups of adverts that share nothing else (limit 4")
    assert "mentioned by 6 accounts" in hubs[hotline]
    assert [h.key for h in report.hubs] == [hotline]
    net = network_of(empty_graph, neo4j_settings, key(a[0]))
    assert (net["advert_count"], net["account_count"], net["size"]) == (3, 2, 5)
    assert "IT" not in net["countries"]  # the hotline's France would be there anyway; B's Italy is not

    # Without the hub rule biting (a higher limit), the hotline joins everything and loses its mark.
    rebuild(empty_graph, neo4j_settings.database, rule=HubRule(max_groups_strong=50))
    networks, hubs = snapshot(empty_graph, neo4j_settings)
    assert len(networks) == 1 and hubs == {}


def test_cross_platform_cross_border_network(empty_graph, neo4j_settings):
    gb = phone("GB", 5)
    records = [
        advert(f"🚤 UK crossing from Dunkirk. WhatsApp {gb}, Telegram @dunkirk_crossing", "dunkirk.cross"),
        advert(f"رحلات إلى بريطانيا 🇬🇧 الحجز عبر واتساب {gb}", "uk.boat", platform="instagram", region="IQ"),
        advert(
            "Pay the deposit: IBAN DE89 3704 0044 0532 0130 00, site https://uk-crossings.fr/book",
            "dunkirk_crossing",
            platform="telegram",
            region="TR",
            day=20,
        ),
    ]
    load(empty_graph, neo4j_settings, records)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    net = network_of(empty_graph, neo4j_settings, key(records[2]))
    assert net is not None and net["advert_count"] == 3
    assert net["platforms"] == ["facebook", "instagram", "telegram"]
    # GB: phone and named; FR: region and .fr; IQ, TR: regions; DE: the IBAN.
    assert net["countries"] == ["DE", "FR", "GB", "IQ", "TR"]
    assert (net["platform_count"], net["country_count"]) == (3, 5)  # what the API filters on
    assert net["first_seen"].day == 1 and net["last_seen"].day == 20
    parts = [net[f"score_{p}"] for p in ("cross_platform", "cross_border", "size", "recency")]
    assert round(sum(parts), 1) == net["score_shape"]
    assert round(net["score_shape"] + net["score_content"] - net["score_benign"], 1) == net["score"]
    assert net["score_content"] > 0 and "crossing" in net["score_explanation"]  # its adverts offer one
    assert f"Score {net['score']:g} of 100" in net["score_explanation"]
    assert net["key"] == "network:" + net["id"]


def test_generic_links_never_join_and_a_plain_domain_does(empty_graph, neo4j_settings):
    generic = [
        advert("Info https://linktr.ee/travelhelp https://bit.ly/ukinfo t.me/joinchat/news", f"gen_{i}x")
        for i in range(2)
    ]
    domain = [advert(f"Book at https://uk-crossings.com/page{i}", f"dom_{i}x") for i in range(2)]
    load(empty_graph, neo4j_settings, generic + domain)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    assert network_of(empty_graph, neo4j_settings, key(generic[0])) is None
    assert network_of(empty_graph, neo4j_settings, key(domain[0]))["advert_count"] == 2


def test_ids_are_stable_growth_and_merge_keep_the_larger_part(empty_graph, neo4j_settings):
    a, b = two_networks()
    load(empty_graph, neo4j_settings, a + b + lone_hotline_adverts(3))
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    first, _ = snapshot(empty_graph, neo4j_settings)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    assert snapshot(empty_graph, neo4j_settings)[0] == first
    a_id = network_of(empty_graph, neo4j_settings, key(a[0]))["id"]
    b_id = network_of(empty_graph, neo4j_settings, key(b[0]))["id"]

    # A grows by two adverts: it keeps its id.
    grow = [advert(f"New dates, WhatsApp {phone('GB', 1)}", "boat_a0_1", day=9 + i) for i in range(2)]
    load(empty_graph, neo4j_settings, grow)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    assert network_of(empty_graph, neo4j_settings, key(grow[0]))["id"] == a_id

    # One advert names both phones: A (5 adverts) and B (3) merge under A's id.
    bridge = advert(f"Two routes: {phone('GB', 1)} or {phone('IT', 2)}", "bridge_1x")
    load(empty_graph, neo4j_settings, [bridge])
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    merged = network_of(empty_graph, neo4j_settings, key(b[0]))
    assert merged["id"] == a_id and merged["advert_count"] == 9
    networks, _ = snapshot(empty_graph, neo4j_settings)
    assert b_id not in networks

    # The bridge is edited to name one phone only: the larger part (A) keeps the id, B gets a new one.
    load(empty_graph, neo4j_settings, [{**bridge, "text": f"One route: {phone('GB', 1)}"}])
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    assert network_of(empty_graph, neo4j_settings, key(a[0]))["id"] == a_id
    new_b = network_of(empty_graph, neo4j_settings, key(b[0]))["id"]
    assert new_b != a_id


@pytest.mark.parametrize("rule", [RULE, HubRule()])
def test_update_after_a_joining_advert_equals_rebuild(empty_graph, neo4j_settings, rule):
    a, b = two_networks()
    c, d = two_networks(10)
    load(empty_graph, neo4j_settings, a + b + c + d + lone_hotline_adverts(3))
    rebuild(empty_graph, neo4j_settings.database, rule=rule)
    before, _ = snapshot(empty_graph, neo4j_settings)
    bridge = advert(f"Two routes: {phone('GB', 1)} or {phone('IT', 2)}", "bridge_1x", platform="telegram")
    lone = advert(f"Private boat, call {phone('GR', 40)}", "private_1x")
    load(empty_graph, neo4j_settings, [bridge, lone])
    report = update(empty_graph, neo4j_settings.database, [key(bridge), key(lone)], rule=rule)
    networks, hubs = snapshot(empty_graph, neo4j_settings)
    rebuild(empty_graph, neo4j_settings.database, rule=rule)
    networks_rebuilt, hubs_rebuilt = snapshot(empty_graph, neo4j_settings)
    assert networks_rebuilt == networks
    # The same hubs; a hub that update proved by reaching its limit keeps its last full count in the reason.
    assert hubs_rebuilt.keys() == hubs.keys()
    if rule is RULE:  # with the hotline a hub, C and D are not touched: read at most up to the limit
        assert report.adverts_read < len(a + b + c + d) + 5
        untouched = {i for i, members in before.items() if key(c[0]) in members or key(d[0]) in members}
        assert untouched <= set(networks)
    else:  # the default rule lets a line shared by 7 accounts join: one network, the largest part's id
        assert len(networks) == 1


def test_a_networks_own_phone_and_handle_tie_the_same_groups_and_are_not_hubs(empty_graph, neo4j_settings):
    # Five recruiting accounts share nothing but the network's phone and its Telegram contact: both are
    # written by 5 authors in 5 groups (over the limit of 4), but each ties the other's groups.
    own = phone("GR", 7)
    records = [
        advert(
            f"Greece to Italy, WhatsApp {own}, Telegram @kale_trieste_7", f"recruit_{i}x", platform="tiktok"
        )
        for i in range(5)
    ]
    load(empty_graph, neo4j_settings, records)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    networks, hubs = snapshot(empty_graph, neo4j_settings)
    assert hubs == {} and len(networks) == 1
    (members,) = networks.values()
    assert len(members) == 5 + 6  # five adverts, five authors and the named contact

    late = advert(f"Last places, WhatsApp {own}", "recruit_9x", platform="facebook")
    load(empty_graph, neo4j_settings, [late])
    update(empty_graph, neo4j_settings.database, [key(late)], rule=RULE)
    after_update = snapshot(empty_graph, neo4j_settings)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    assert snapshot(empty_graph, neo4j_settings) == after_update
    assert len(after_update[0]) == 1 and after_update[1] == {}


def test_one_accounts_own_adverts_are_not_a_network(empty_graph, neo4j_settings):
    site = [advert(f"News {i}: https://daily-news-24.com/a{i}", "daily_news_24x") for i in range(4)]
    contact = [advert(f"Boat this week, Telegram @kale_contact_{n}", "kale_boats_1x") for n in (1, 1)]
    load(empty_graph, neo4j_settings, site + contact)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    assert network_of(empty_graph, neo4j_settings, key(site[0])) is None
    # One author naming its contact account is two accounts: a network.
    assert network_of(empty_graph, neo4j_settings, key(contact[0]))["account_count"] == 2


def test_an_update_that_makes_a_hub_splits_the_network_it_held_together(empty_graph, neo4j_settings):
    # Three accounts share nothing but a line: under the limit of 4 groups it joins them. A fourth account
    # writing it makes it a hub, so the network it alone held together must come apart in the update too.
    line = phone("ES", 6)
    first = [advert(f"Boats to Spain, call {line}", f"es_{i}x") for i in range(3)]
    load(empty_graph, neo4j_settings, first)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    assert len(snapshot(empty_graph, neo4j_settings)[0]) == 1
    fourth = advert(f"Call {line}", "es_3x", platform="x")
    load(empty_graph, neo4j_settings, [fourth])

    update(empty_graph, neo4j_settings.database, [key(fourth)], rule=RULE)
    networks, hubs = snapshot(empty_graph, neo4j_settings)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)

    assert (networks, hubs.keys()) == (
        snapshot(empty_graph, neo4j_settings)[0],
        {"phone:" + line.replace(" ", "")},
    )
    assert networks == {}


def tag_targets(driver, settings) -> dict[str, tuple[list[str], str | None]]:
    records, _, _ = driver.execute_query(
        "MATCH (t:Tag)-[:TAGS]->(n) "
        "RETURN t.label AS label, collect(n.key) AS targets, t.moved_from AS moved",
        database_=settings.database,
    )
    return {r["label"]: (sorted(r["targets"]), r["moved"]) for r in records}


def test_a_tag_follows_its_network_when_it_merges_and_stays_on_its_adverts_when_it_comes_apart(
    empty_graph, neo4j_settings
):
    a, b = two_networks()
    a += [advert(f"New dates, WhatsApp {phone('GB', 1)}", "boat_a0_1", day=9 + i) for i in range(2)]
    line = phone("ES", 6)
    c = [advert(f"Boats to Spain, call {line}", f"es_{i}x") for i in range(3)]
    load(empty_graph, neo4j_settings, a + b + c + lone_hotline_adverts(3))
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    a_key, b_key, c_key = (network_of(empty_graph, neo4j_settings, key(x[0]))["key"] for x in (a, b, c))
    for label, target in (("on a", a_key), ("on b", b_key), ("on c", c_key)):
        casework.tag(empty_graph, neo4j_settings.database, target, label, "case note", by="k1")

    # B (3 adverts) merges into A (5), which keeps its id; C's line becomes a hub and C comes apart.
    bridge = advert(f"Two routes: {phone('GB', 1)} or {phone('IT', 2)}", "bridge_1x")
    fourth = advert(f"Call {line}", "es_3x", platform="x")
    load(empty_graph, neo4j_settings, [bridge, fourth])
    update(empty_graph, neo4j_settings.database, [key(bridge), key(fourth)], rule=RULE)

    assert tag_targets(empty_graph, neo4j_settings) == {
        "on a": ([a_key], None),
        "on b": ([a_key], b_key),
        "on c": (sorted(key(x) for x in c), c_key),
    }


def test_a_shared_chat_or_forward_origin_joins_no_adverts(empty_graph, neo4j_settings):
    # Two groups of adverts by different accounts, each held together by its own phone, all posted in one
    # Telegram group and forwarded from one channel: the chat and the origin are context, not a link.
    group = {"id": "-1004242", "name": "Crossings chat"}
    channel = {"handle": "crossing_news", "id": "-1005151"}
    a_phone, b_phone = phone("GB", 31), phone("IT", 32)
    a = [advert(f"UK crossing, WhatsApp {a_phone}", f"chat_a_{n}", "telegram") for n in range(3)]
    b = [advert(f"Italy by sea, call {b_phone}", f"chat_b_{n}", "telegram") for n in range(3)]
    records = [{**r, "chat": group, "forwarded_from": channel} for r in a + b]
    # The channel also posts in the group itself, naming neither phone.
    records.append(
        {**advert("News from the coast", None, platform="telegram"), "author": channel, "chat": group}
    )
    load(empty_graph, neo4j_settings, records)

    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    networks, _ = snapshot(empty_graph, neo4j_settings)
    assert len(networks) == 2
    first, second = (network_of(empty_graph, neo4j_settings, key(r)) for r in (records[0], records[3]))
    assert first["id"] != second["id"] and (first["advert_count"], second["advert_count"]) == (3, 3)
    assert network_of(empty_graph, neo4j_settings, key(records[-1])) is None
    # An update through every advert gives the same.
    update(empty_graph, neo4j_settings.database, [key(r) for r in records], rule=RULE)
    assert snapshot(empty_graph, neo4j_settings)[0] == networks
    in_context = empty_graph.execute_query(
        "MATCH (:Advert)-[r:IN_CHAT|FORWARDED_FROM]->() RETURN count(r) AS n",
        database_=neo4j_settings.database,
    ).records
    assert in_context[0]["n"] == 2 * 6 + 1
