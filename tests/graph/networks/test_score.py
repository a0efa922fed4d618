"""The triage score: shape (0..20) + content (0..80) - benign, parts that add up, and the reasons in words."""

from datetime import UTC, datetime, timedelta

import pytest

from graph.indicators import THRESHOLD
from graph.networks.content import AdvertContent, summarise
from graph.networks.score import score

NOW = datetime(2024, 6, 1, tzinfo=UTC)


def smuggling(*hits: tuple[str, str], templated: bool = False, score: float = 0.9) -> AdvertContent:
    return AdvertContent(
        score, tuple(t for t, _ in hits), tuple(c for _, c in hits), (0.8,) * len(hits), templated
    )


def ordinary(*hits: tuple[str, str], weight: float = 0.8) -> AdvertContent:
    return AdvertContent(
        THRESHOLD / 10, tuple(t for t, _ in hits), tuple(c for _, c in hits), (weight,) * len(hits)
    )


def test_shape_parts_sum_and_the_sentence_names_them():
    result = score(platforms=3, countries=2, size=14, last_seen=NOW - timedelta(days=12), now=NOW)
    parts = [result.cross_platform, result.cross_border, result.size, result.recency]
    assert all(0 <= p <= 5 for p in parts)
    assert round(sum(parts), 1) == result.shape == result.total
    assert result.cross_platform == 3.3 and result.cross_border == 1.7
    for text in ("3 platforms", "2 countries", "14 members", "12 days ago", f"{result.total:g} of 100"):
        assert text in result.explanation


def test_shape_alone_is_at_most_twenty():
    top = score(platforms=6, countries=9, size=1000, last_seen=NOW, now=NOW)
    assert top.total == top.shape == 20.0
    low = score(platforms=1, countries=1, size=2, last_seen=None, now=NOW)
    assert (low.cross_platform, low.cross_border, low.recency) == (0, 0, 0)
    assert 0 < low.total < 1


def test_recency_halves_every_thirty_days():
    assert score(1, 1, 2, NOW - timedelta(days=30), NOW).recency == 2.5


def test_the_parts_add_up_to_the_total():
    content = summarise(
        [smuggling(("boza", "service"), ("harga", "service"), templated=True)] * 3
        + [ordinary(("registered company", "benign_business"))] * 2
    )
    result = score(2, 2, 7, NOW, NOW, content)
    assert result.total == round(result.shape + result.content - result.benign, 1)
    assert 0 < result.template <= result.content <= 80
    assert 0 < result.benign <= 75
    properties = result.properties()
    assert properties["score_content"] == result.content and properties["score_benign"] == result.benign


def test_content_dominates_a_wide_benign_network():
    """A small smuggling network on one platform outranks a travel agency on four platforms in four
    countries with hundreds of members, whose adverts name a registered company and bookings."""
    gang = summarise([smuggling(("boza", "service"), ("payment on arrival", "price"))] * 2)
    agency = summarise(
        [ordinary(("ticket", "benign_business"), ("registered company", "benign_business"))] * 30
        + [ordinary(("ferry crossing", "service"), weight=0.3)] * 10
    )
    small = score(1, 1, 3, NOW - timedelta(days=20), NOW, gang)
    wide = score(4, 4, 300, NOW, NOW, agency)
    assert small.total > wide.total
    assert wide.benign > 0 and "mostly benign" in wide.explanation
    assert "registered company" in wide.explanation


def test_shape_orders_networks_whose_adverts_read_alike():
    adverts = summarise([smuggling(("boza", "service"))] * 4)
    assert score(3, 3, 20, NOW, NOW, adverts).total > score(1, 1, 5, NOW, NOW, adverts).total


def test_the_explanation_names_counts_and_terms():
    content = summarise(
        [
            smuggling(
                ("boza", "service"), ("harga", "service"), ("payment on arrival", "price"), templated=True
            )
        ]
        * 3
        + [smuggling(("boza", "service"))]
        + [ordinary()]
    )
    words = score(1, 1, 6, NOW, NOW, content).explanation
    assert "4 of 5 adverts read as smuggling (mean score" in words
    assert "4 offer a crossing (boza, harga)" in words
    assert "3 quote a price or payment terms (payment on arrival)" in words
    assert "3 smuggling adverts share a template" in words
    assert "no business, charity, news, job or school signals" in words


def test_a_benign_word_beside_smuggling_hardly_pulls_down():
    """A benign signal counts for what its evidence has left once the advert's smuggling evidence is
    taken from it: a fake licence next to an explicit offer is worth nothing, the same licence in an
    ordinary advert much."""
    mixed = AdvertContent(0.9, ("boza", "licence"), ("service", "benign_business"), (0.8, 0.8))
    plain = AdvertContent(0.0, ("licence",), ("benign_business",), (0.8,))
    assert mixed.benign_strength() == 0.0
    assert plain.benign_strength() == pytest.approx(0.8)
    assert summarise([mixed, mixed]).benign_adverts == 0


def test_benign_evidence_is_not_counted_twice():
    """A weak benign word beside a route, a price and secrecy has already cancelled the advert's smuggling
    score; it does not pull the network down as well. Benign words that outweigh a port name keep what is
    left over: ln(1/(1 - 0.8)) - ln(1/(1 - 0.5)) = ln(2.5), so 1 - 1/2.5."""
    gang = AdvertContent(
        0.0,
        ("rezervime", "Calais", "2400 euro per person", "private message"),
        ("benign_business", "route", "price", "secrecy"),
        (0.35, 0.2, 0.35, 0.3),
    )
    ferry = AdvertContent(0.0, ("timetable", "Calais"), ("benign_business", "route"), (0.8, 0.5))
    assert gang.benign_strength() == 0.0
    assert ferry.benign_strength() == pytest.approx(1 - 1 / 2.5)
    assert score(2, 2, 4, NOW, NOW, summarise([gang, gang])).benign == 0.0
    ferries = score(2, 2, 4, NOW, NOW, summarise([ferry, ferry]))
    assert ferries.benign == round(min(75 * 0.6, ferries.shape + ferries.content), 1) > 0


def test_a_repeated_benign_word_is_one_sign():
    """Per category the strongest term counts in full and other terms in part, as in the advert's own
    score: a text repeating "licence" is no more benign for it."""
    once = AdvertContent(0.0, ("licence", "Calais"), ("benign_business", "route"), (0.5, 0.4))
    again = AdvertContent(
        0.0, ("licence",) * 5 + ("Calais",), ("benign_business",) * 5 + ("route",), (0.5,) * 5 + (0.4,)
    )
    assert again.benign_strength() == pytest.approx(once.benign_strength())
    assert 0 < once.benign_strength() < 0.5


def test_template_reuse_counts_only_smuggling_adverts():
    copied_ordinary = summarise([AdvertContent(0.1, templated=True)] * 4)
    assert score(1, 1, 4, NOW, NOW, copied_ordinary).template == 0.0
    copied_gang = summarise([smuggling(("boza", "service"), templated=True)] * 4)
    assert score(1, 1, 4, NOW, NOW, copied_gang).template == 12.0
    one = summarise([smuggling(("boza", "service"), templated=True), smuggling(("boza", "service"))])
    assert "1 smuggling advert shares a template" in score(1, 1, 2, NOW, NOW, one).explanation


def test_adverts_not_analysed_are_named_not_counted_benign():
    content = summarise([AdvertContent(None)] * 3)
    result = score(2, 2, 3, NOW, NOW, content)
    assert (result.content, result.benign) == (0.0, 0.0)
    assert "--rewrite" in result.explanation


def test_near_misses_count_in_part():
    """Adverts below the threshold (a route and a price, no service word) still give the network some
    content, less than explicit ones, and their words are named."""
    near = summarise(
        [AdvertContent(THRESHOLD * 0.8, ("Calais", "1500 per person"), ("route", "price"), (0.5, 0.5))] * 3
    )
    explicit = summarise(
        [smuggling(("boza", "service"), ("Calais", "route"), ("1500 per person", "price"))] * 3
    )
    quiet = summarise([ordinary()] * 3)
    scores = [score(1, 1, 3, NOW, NOW, c).content for c in (quiet, near, explicit)]
    assert scores == sorted(scores) and len(set(scores)) == 3
    words = score(1, 1, 3, NOW, NOW, near).explanation
    assert "none of 3 adverts reads as smuggling" in words and "(Calais)" in words


def test_damaged_lists_are_cut_to_the_shortest():
    advert = AdvertContent.of(0.7, ["boza", "harga"], ["service"], [0.8, 0.8, 0.8])
    assert advert.terms == ("boza",) and advert.weights == (0.8,)
