"""Every language can write every advert its routes ask of it."""

import re

import pytest

from graph.synth.languages import LANGUAGES
from graph.synth.phones import MOBILE_RANGES
from graph.synth.routes import ROUTES
from graph.synth.templates import fill

GROUPS = """openers pitches departures seats prices phone_lines new_number_lines handle_lines
    new_account_lines payment_lines email_lines site_lines bumps hashtags travel jobs rentals news chatter"""
PLACEHOLDERS = re.compile(r"\{(\w+)\}")
VALUES = dict.fromkeys(
    "dep dest day date time n price app phone handle payment email site hub name city place".split(), "X"
)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_templates_fill(code: str) -> None:
    lang = LANGUAGES[code]
    groups = [getattr(lang, name) for name in GROUPS.split()] + list(lang.hub_lines.values())
    for group in groups:
        assert group, code
        for template in group:
            assert set(PLACEHOLDERS.findall(template)) <= set(VALUES), template
            fill(template, **VALUES)
    assert lang.cue_phone_lines, "a messenger word right before the number somewhere"
    assert all("{phone}" in t for t in (*lang.phone_lines, *lang.new_number_lines))
    assert all("{phone}" in t for t in (*lang.travel, *lang.jobs, *lang.rentals, *lang.news))
    assert len(lang.days) == 7
    assert set(lang.hub_lines) == {"hotline", "famous", "aggregator"}
    assert set(lang.home) <= set(MOBILE_RANGES)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.id)
def test_each_route_language_names_its_places(route) -> None:
    for code, _ in route.languages:
        lang = LANGUAGES[code]
        missing = [p for p in (*route.departures, *route.destinations) if p not in lang.places]
        assert missing == [], (route.id, code)
    assert {c for c, _ in route.phone_countries} <= set(MOBILE_RANGES)
