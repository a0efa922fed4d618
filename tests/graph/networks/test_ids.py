"""Stable network ids: same members same id, growth and merges keep the larger part's id, splits too."""

import re

from graph.networks.ids import assign, new_id


def test_new_id_is_short_url_safe_and_deterministic():
    assert re.fullmatch(r"n-[a-z2-7]{10}", new_id("advert:x:1"))
    assert new_id("advert:x:1") == new_id("advert:x:1") != new_id("advert:x:2")


def test_first_assignment_derives_from_the_smallest_advert():
    assert assign([["advert:x:1", "advert:x:2"]], {}) == [new_id("advert:x:1")]


def test_same_members_and_growth_keep_the_id():
    old = {"advert:x:1": "n-old", "advert:x:2": "n-old"}
    assert assign([["advert:x:1", "advert:x:2"]], old) == ["n-old"]
    assert assign([["advert:x:0", "advert:x:1", "advert:x:2"]], old) == ["n-old"]


def test_merge_keeps_the_largest_part_and_split_gives_it_to_the_largest_part():
    old = {"advert:a:1": "n-small", "advert:b:1": "n-big", "advert:b:2": "n-big", "advert:b:3": "n-big"}
    assert assign([["advert:a:1", "advert:b:1", "advert:b:2", "advert:b:3"]], old) == ["n-big"]
    split = assign([["advert:b:1"], ["advert:b:2", "advert:b:3"]], old)
    assert split[1] == "n-big"
    assert split[0] not in {"n-big", "n-small"}


def test_a_new_id_never_repeats_one_in_use():
    old = {"advert:x:2": new_id("advert:x:1")}
    ids = assign([["advert:x:2", "advert:x:3"], ["advert:x:1", "advert:x:4"]], old)
    assert ids[0] == new_id("advert:x:1")
    assert ids[1] != ids[0]
