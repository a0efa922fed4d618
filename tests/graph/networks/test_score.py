"""The triage score: four parts of 0..25 that add up to the score, and a sentence that says so."""

from datetime import UTC, datetime, timedelta

from graph.networks.score import score

NOW = datetime(2024, 6, 1, tzinfo=UTC)


def test_parts_sum_to_the_score_and_the_sentence_names_them():
    result = score(platforms=3, countries=2, size=14, last_seen=NOW - timedelta(days=12), now=NOW)
    parts = [result.cross_platform, result.cross_border, result.size, result.recency]
    assert all(0 <= p <= 25 for p in parts)
    assert round(sum(parts), 1) == result.total
    assert result.cross_platform == 16.7 and result.cross_border == 8.3
    for text in ("3 platforms", "2 countries", "14 members", "12 days ago", f"{result.total:g} of 100"):
        assert text in result.explanation


def test_bounds():
    top = score(platforms=6, countries=9, size=1000, last_seen=NOW, now=NOW)
    assert top.total == 100.0
    low = score(platforms=1, countries=1, size=2, last_seen=None, now=NOW)
    assert (low.cross_platform, low.cross_border, low.recency) == (0, 0, 0)
    assert 0 < low.total < 5


def test_recency_halves_every_thirty_days():
    assert score(1, 1, 2, NOW - timedelta(days=30), NOW).recency == 12.5
