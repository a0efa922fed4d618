"""What a network is, in numbers an analyst reads: counts, platforms, countries, first and last seen, score.

Countries of a network come from four places, all kept in its `countries`:
- the country of each phone number and IBAN its adverts mention (the Phone or PaymentTag `country`),
- the country-code top-level domain of each domain they mention (`.fr`, `.co.uk`), except the ccTLDs sold
  to everyone (`.io`, `.me`, `.tv`, `.co`, `.ly`, ...),
- the countries the adverts name, by name or flag (`graph.identifiers.countries.mentions`): usually the
  destination ("to UK 🇬🇧"), sometimes the departure,
- the adverts' `region` (the country the advert was collected for, as ingest stores it).
Hub identifiers give no country: a public hotline says nothing about where a network works.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import phonenumbers

from graph.identifiers import countries as country_names
from graph.networks.content import AdvertContent, summarise
from graph.networks.score import score

# Country-code TLDs that are marketed as generic names and say nothing about a country.
GENERIC_CCTLDS = frozenset("io me tv co ly ai cc fm ws to gg ac sh am la nu tk ml ga cf gq su".split())
_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)


@dataclass(frozen=True, slots=True)
class AdvertFacts:
    """What one advert adds to its network: when, which countries (region, named, identifiers'), and what
    its text says (its indicator hits and smuggling score; None when not read)."""

    posted: int | None  # epoch seconds
    region: str | None
    countries: tuple[str, ...]  # named in the text and of the identifiers it mentions (hubs excluded)
    content: AdvertContent | None = None


def cctld_country(domain_key: str) -> str | None:
    """The country of a domain's country-code TLD (`domain:x.co.uk` -> GB), or None."""
    tld = domain_key.rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or tld in GENERIC_CCTLDS:
        return None
    region = "GB" if tld == "uk" else tld.upper()
    return region if region in _REGIONS else None


def named_countries(text: str | None) -> tuple[str, ...]:
    """The countries an advert's text names, sorted, without repeats."""
    if not text:
        return ()
    return tuple(sorted({region for _, _, region in country_names.mentions(text) if region in _REGIONS}))


def platform_of(key: str) -> str | None:
    """The platform in an advert or account key (`advert:tiktok:1`, `handle:telegram:x`)."""
    parts = key.split(":", 2)
    return parts[1] if len(parts) == 3 else None


def profile(
    adverts: Iterable[str],
    accounts: Iterable[str],
    facts: Mapping[str, AdvertFacts],
    now: datetime,
    *,
    template_only: Collection[str] = (),
) -> dict[str, Any]:
    """The Network node's properties for these members (score included), as of `now`; `template_only`
    are those of its adverts that joined it only by template links."""
    adverts = list(adverts)
    accounts = list(accounts)
    platforms = {p for p in map(platform_of, adverts + accounts) if p}
    found: set[str] = set()
    times = []
    for key in adverts:
        fact = facts.get(key)
        if fact is None:
            continue
        if fact.region:
            found.add(fact.region)
        found.update(fact.countries)
        if fact.posted is not None:
            times.append(fact.posted)
    first = datetime.fromtimestamp(min(times), UTC) if times else None
    last = datetime.fromtimestamp(max(times), UTC) if times else None
    size = len(adverts) + len(accounts)
    content = summarise(
        (None if (fact := facts.get(key)) is None else fact.content for key in adverts),
        template_only=len(template_only),
    )
    result = score(len(platforms), len(found), size, last, now, content)
    return {
        "size": size,
        "advert_count": len(adverts),
        "account_count": len(accounts),
        "platforms": sorted(platforms),
        "countries": sorted(found),
        "first_seen": first,
        "last_seen": last,
        **result.properties(),
        "template_adverts": len(template_only),
        "smuggling_adverts": content.smuggling,
        "benign_adverts": content.benign_adverts,
        "indicator_categories": content.smuggling_categories(),
        "updated_at": now,
    }
