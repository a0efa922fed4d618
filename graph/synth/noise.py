"""Adverts that are not smuggling networks and must not be mistaken for them.

- legitimate travel agencies: a few adverts each, their own phone, often a website or a mailbox;
- job and rental adverts: one-off, each with its own phone; some carry a look-alike number, one
  digit away from a phone of a network planted nearby (a graph keyed on exact numbers must not link
  them);
- news reposts quoting a public hotline (a hub), with a link to the newsroom's site;
- chatter: people asking about prices and dates, full of numbers that are not phones.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from graph.synth.identities import Account, Mailbox, Website, media_hash
from graph.synth.languages import LANGUAGES
from graph.synth.networks import PLATFORM_WEIGHTS, Network, World
from graph.synth.phones import Phone
from graph.synth.posts import WINDOW_END, WINDOW_START, author_record, iso
from graph.synth.render import (
    Rendered,
    Scene,
    choose_phone_form,
    render_email,
    render_phone,
    render_site,
)
from graph.synth.templates import Language, amount, fill, moment

KINDS = {"legit": 14, "job": 14, "rental": 14, "news": 10, "chatter": 8}
LANGUAGE_WEIGHTS = {
    "en": 15,
    "fr": 10,
    "ar": 15,
    "fa": 12,
    "ps": 6,
    "tr": 10,
    "sq": 10,
    "ckb": 7,
    "vi": 10,
    "ti": 5,
}
_KIND_NAMES, _KIND_CUM = tuple(KINDS), tuple(itertools.accumulate(KINDS.values()))
_LANG_NAMES, _LANG_CUM = tuple(LANGUAGE_WEIGHTS), tuple(itertools.accumulate(LANGUAGE_WEIGHTS.values()))
LOOKALIKE_SHARE = 0.12
_AGENCY_POOL = 40  # agencies kept per language; an old one is replaced when the pool is full
_NEWS_OUTLETS = 3
_PLATFORMS = tuple(PLATFORM_WEIGHTS)
_PLATFORM_CUM = tuple(itertools.accumulate(PLATFORM_WEIGHTS.values()))


@dataclass
class Agency:
    account: Account
    phone: Phone
    site: Website | None
    mailbox: Mailbox | None


@dataclass
class Outlet:
    account: Account
    site: Website


class Noise:
    """Writes the adverts around the networks; keeps only small pools (agencies, newsrooms)."""

    def __init__(self, world: World) -> None:
        self._world = world
        self._agencies: dict[str, list[Agency]] = {}
        self._outlets: dict[str, list[Outlet]] = {}
        self._lookalikes: set[str] = set()

    def advert(self, rng: random.Random, nearby: list[tuple[Phone, Network]]) -> tuple[dict, dict]:
        """One advert that belongs to no network; `nearby` are phones of networks planted close by."""
        kind = rng.choices(_KIND_NAMES, cum_weights=_KIND_CUM)[0]
        lang = LANGUAGES[rng.choices(_LANG_NAMES, cum_weights=_LANG_CUM)[0]]
        when = rng.randrange(WINDOW_START, WINDOW_END)
        platform = rng.choices(_PLATFORMS, cum_weights=_PLATFORM_CUM)[0]
        country = rng.choice(lang.home)
        region = country if rng.random() < 0.5 else None
        scene = Scene(rng, lang, platform, region)
        lookalike_of = None
        keys: dict[str, str] = {}
        hubs: list[str] = []
        extra: list[str] = []
        values = _values(lang, rng, when, country)
        if kind == "legit":
            agency = self._agency(rng, lang, platform, country)
            author = agency.account
            scene.platform = author.platform  # an agency posts from its own page
            values["name"] = agency.account.label
            rendered = render_phone(
                scene, agency.phone, choose_phone_form(scene, agency.phone, cue=False, plain=True)
            )
            if agency.site and rng.random() < 0.6:
                extra.append(
                    self._line(scene, keys, lang.site_lines, "site", render_site(scene, agency.site))
                )
            if agency.mailbox and rng.random() < 0.5:
                extra.append(
                    self._line(scene, keys, lang.email_lines, "email", render_email(scene, agency.mailbox))
                )
            template = rng.choice(lang.travel)
        elif kind in ("job", "rental"):
            author = self._person(rng, lang, platform)
            phone = None
            if nearby and rng.random() < LOOKALIKE_SHARE:
                original, network = rng.choice(nearby)
                phone = self._world.phones.lookalike(original, rng)
                if phone is not None and phone.key not in self._lookalikes:
                    self._lookalikes.add(phone.key)
                    network.lookalikes.append(phone.key)
                    lookalike_of = {phone.key: original.key}
                    scene.region = phone.country if region else None
                else:
                    phone = None
            if phone is None:
                phone = self._world.phones.new(country)
            rendered = render_phone(scene, phone, choose_phone_form(scene, phone, cue=False, plain=True))
            template = rng.choice(lang.jobs if kind == "job" else lang.rentals)
        elif kind == "news":
            outlet = self._outlet(rng, lang, platform)
            if rng.random() < 0.3:  # the newsroom's own post; otherwise someone reposts it
                author = outlet.account
                scene.platform = author.platform
            else:
                author = self._person(rng, lang, platform)
            hub = self._world.hubs.hotline_for(lang.code)
            rendered = self._world.hubs.render(scene, hub)
            self._world.hubs.use(hub, rendered.keys, None)
            hubs = list(rendered.keys)
            if rng.random() < 0.6:
                link = render_site(scene, outlet.site)
                extra.append(link.text)
                keys.update(dict.fromkeys(link.keys, link.form))
            template = rng.choice(lang.news)
        else:
            author = self._person(rng, lang, platform)
            rendered = Rendered("", (), "")
            values["dest"] = values["place"]  # people ask about the crossing, not a holiday
            template = rng.choice(lang.chatter)
        values["phone"] = rendered.text
        planted = dict.fromkeys(rendered.keys, rendered.form)
        planted.update(keys)
        text = "\n".join([fill(template, **values), *extra])
        platform = scene.platform
        post_id, url = self._world.posts.make(platform, author)
        advert = {
            "platform": platform,
            "post_id": post_id,
            "url": url,
            "author": author_record(author),
            "text": text,
            "posted_at": iso(when),
            "lang": lang.code,
            "region": scene.region,
            "media": [media_hash(rng)] if kind != "chatter" and rng.random() < 0.4 else [],
        }
        truth = {
            "platform": platform,
            "post_id": post_id,
            "network": None,
            "kind": kind,
            "class": None,
            "rotated": False,
            "lang": lang.code,
            "identifiers": list(planted),
            "hubs": hubs,
            "forms": planted,
            "account": author.key,
            "repost_of": None,
            "lookalike_of": lookalike_of,
        }
        return advert, truth

    @staticmethod
    def _line(
        scene: Scene, keys: dict[str, str], templates: tuple[str, ...], field: str, rendered: Rendered
    ) -> str:
        for key in rendered.keys:
            keys.setdefault(key, rendered.form)
        return fill(scene.rng.choice(templates), **{field: rendered.text})

    def _person(self, rng: random.Random, lang: Language, platform: str) -> Account:
        ids = self._world.identities
        return ids.account(
            platform,
            [rng.choice(lang.latin_names).replace(".", "")],
            ids.suffix(),
            rng.choice(lang.person_names),
        )

    def _agency(self, rng: random.Random, lang: Language, platform: str, country: str) -> Agency:
        pool = self._agencies.setdefault(lang.code, [])
        if pool and (len(pool) >= _AGENCY_POOL or rng.random() < 0.7):
            agency = rng.choice(pool)
            if len(pool) >= _AGENCY_POOL and rng.random() < 0.05:
                pool.remove(agency)  # an agency stops advertising; a new one takes its place later
            return agency
        ids = self._world.identities
        name = rng.choice(lang.agency_names)
        words = [
            rng.choice(("travel", "tours", "holidays", "voyages", "trips")),
            rng.choice(lang.brand_stems),
        ]
        account = ids.account(platform, [*words, "agency"], ids.suffix(), name)
        site = ids.website([*words, rng.choice(("online", "group", "world"))]) if rng.random() < 0.6 else None
        mailbox = ids.mailbox(words) if rng.random() < 0.4 else None
        agency = Agency(account, self._world.phones.new(country), site, mailbox)
        pool.append(agency)
        return agency

    def _outlet(self, rng: random.Random, lang: Language, platform: str) -> Outlet:
        outlets = self._outlets.setdefault(lang.code, [])
        if len(outlets) < _NEWS_OUTLETS:
            ids = self._world.identities
            words = ["news", rng.choice(("daily", "today", "24", "now", "live")), lang.code]
            label = f"{lang.name} News {len(outlets) + 1}"
            outlets.append(
                Outlet(ids.account(platform, words, ids.suffix(), label), ids.website(words, "/news"))
            )
        return rng.choice(outlets)


def _values(lang: Language, rng: random.Random, when: int, country: str) -> dict[str, str]:
    """Everything a non-network template may ask for, with hard negatives (prices, dates, counts)."""
    values = moment(lang, rng, when, "latin")
    cities = lang.cities.get(country) or next(iter(lang.cities.values()))
    places = [place for place in lang.places.values()]
    values.update(
        name=rng.choice(lang.agency_names),
        dest=rng.choice(lang.holiday_places),
        city=rng.choice(cities),
        place=rng.choice(places),
        price=amount(lang, rng, rng.randrange(80, 2500, 10), "latin"),
        n=str(rng.randint(2, 300)),
    )
    return values
