"""Link strengths, generic hosts and the hub rule's configuration."""

import pytest

from graph.networks.rules import MEDIUM, STRONG, WEAK, HubRule, strength


def test_strong_medium_weak_by_kind():
    assert strength("phone:+447957500418") == STRONG
    assert strength("payment:iban:GB29NWBK60161331926819") == STRONG
    assert strength("email:boatuk77@gmail.com") == STRONG
    assert strength("handle:telegram:dunkirk_crossing") == MEDIUM
    assert strength("url:https://uk-crossings.com/book") == MEDIUM
    assert strength("domain:uk-crossings.com") == WEAK


@pytest.mark.parametrize(
    "key",
    [
        "domain:linktr.ee",
        "domain:bit.ly",
        "domain:beacons.ai",
        "url:https://wa.me/447957500418",
        "url:https://t.me/dunkirk_crossing",
        "url:https://bit.ly/ukinfo",
        "url:https://linktr.ee/travelhelp",
        "url:https://www.facebook.com/dunkirk.crossing.uk",
        "url:tg://resolve?domain=dunkirk_crossing",
    ],
)
def test_generic_hosts_never_join(key):
    assert strength(key) is None


def test_hub_rule_limits_reason_and_environment():
    rule = HubRule()
    assert rule.limit(STRONG) > rule.limit(MEDIUM) >= rule.limit(WEAK)
    assert "joins 37 groups" in rule.reason(STRONG, 37, 112)
    assert "mentioned by 112 accounts" in rule.reason(STRONG, 37, 112)
    assert HubRule.from_env({"CROSSLINK_HUB_MAX_GROUPS_STRONG": "4"}).max_groups_strong == 4
    with pytest.raises(ValueError, match="CROSSLINK_HUB_MIN_ACCOUNTS"):
        HubRule.from_env({"CROSSLINK_HUB_MIN_ACCOUNTS": "many"})
    with pytest.raises(ValueError, match="min_accounts"):
        HubRule(min_accounts=1)
