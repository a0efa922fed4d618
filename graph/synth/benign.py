"""Benign organisations that post across platforms and borders as networks do: the hard negatives.

Ferry operators and travel agencies, language schools with visa support, cargo and parcel firms,
rescue and refugee charities, newsrooms reporting on crossings (quoting the smugglers' prices) and job
agencies. Each works one of the smuggling routes: it writes in the route's languages, names its
departure places, destinations and prices, keeps offices (phones) in two or more of its countries,
accounts on two or more platforms that name each other, often a website and a mailbox, and for a
charity donation tags; a newsroom now and then quotes a smuggling advert of its language word for word
(without its contacts), the hard case for template links. Every advert after the first shares an
identifier with an earlier one, so an organisation is one connected component of the identifier
graph exactly as a planted network is: only what the adverts say tells the two apart.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from graph.synth.identities import Account, BankAccount, Mailbox, PaymentTag, Website, media_hash
from graph.synth.languages import LANGUAGES
from graph.synth.networks import DAY, PLATFORM_WEIGHTS, Span, World, place_name, weighted_sample
from graph.synth.phones import Phone
from graph.synth.posts import WINDOW_END, WINDOW_START, author_record, iso
from graph.synth.render import (
    Scene,
    choose_phone_form,
    render_email,
    render_handle,
    render_payment,
    render_phone,
    render_site,
)
from graph.synth.routes import ROUTES, Route
from graph.synth.templates import Language, amount, fill, moment

# Shares of each kind among benign organisations.
KINDS: dict[str, float] = {"ferry": 22, "school": 12, "cargo": 18, "charity": 18, "news": 16, "jobs": 14}
# Latin words an organisation of each kind builds its handles and domains from.
_STEMS = {
    "ferry": ("ferries", "ferry", "lines", "seaways", "marine", "tours", "blue", "holidays"),
    "school": ("language", "school", "academy", "institute", "lingua", "study", "college", "english"),
    "cargo": ("cargo", "parcel", "logistics", "kargo", "shipping", "delivery", "express", "post"),
    "charity": ("rescue", "aid", "refugee", "relief", "sea", "help", "solidarity", "watch"),
    "news": ("news", "press", "daily", "times", "report", "media", "herald", "today"),
    "jobs": ("jobs", "recruitment", "work", "staffing", "careers", "personnel", "hr", "agency"),
}
_LABELS = {
    "ferry": "Ferries",
    "school": "Language School",
    "cargo": "Cargo",
    "charity": "Aid",
    "news": "News",
    "jobs": "Recruitment",
}
_PAGES = {
    "ferry": "/booking",
    "school": "/courses",
    "cargo": "/tracking",
    "charity": "/donate",
    "news": "/news",
    "jobs": "/vacancies",
}
# Euros each kind quotes: a ticket, a term's fees, a parcel, a donation, a salary. Newsrooms quote
# the smugglers' own prices (the route's).
_PRICES = {
    "ferry": (20, 180),
    "school": (300, 3500),
    "cargo": (15, 120),
    "charity": (10, 150),
    "jobs": (1200, 3200),
}
_LETTERS = "ABCDEFGHKLMNPRSTVZ"
# Share of a newsroom's posts that quote a smuggling advert, when it has one of its language to quote.
QUOTE_SHARE = 0.25


@dataclass
class Organisation:
    """Everything a benign organisation owns and when it posts, before any advert is written."""

    id: str
    kind: str
    size: int
    route: Route
    languages: list[str]
    plan: list[str]  # the platform of each advert, by index
    times: list[int]
    label: str
    number: str  # its company, licence or charity number
    registration: int  # which of the language's registration lines it writes
    phones: list[Span]  # one per country; `first` is the advert that introduces it
    accounts: dict[str, Span]
    site: Website | None
    email: Mailbox | None
    payments: list[Span]
    identifiers: dict[str, None] = field(default_factory=dict)
    regions: dict[str, None] = field(default_factory=dict)
    hubs_used: dict[str, None] = field(default_factory=dict)
    reposts: int = 0

    def record(self) -> dict:
        """The organisation's line in networks.jsonl, in the shape of a network's."""
        phones = [span for span in self.phones if span.seen]
        countries = dict.fromkeys(span.item.country for span in phones)
        countries.update(self.regions)
        return {
            "network": self.id,
            "hub": False,
            "class": "benign",
            "kind": self.kind,
            "rotating": False,
            "epochs": 1,
            "size": self.size,
            "route": self.route.id,
            "platforms": sorted(set(self.plan)),
            "countries": sorted(countries),
            "phone_countries": sorted({span.item.country for span in phones}),
            "languages": self.languages,
            "first_seen": iso(self.times[0]),
            "last_seen": iso(self.times[-1]),
            "identifiers": list(self.identifiers),
            "phones": [_life(span) for span in phones],
            "accounts": [
                {**_life(span), "platform": span.item.platform, "taken_down": False}
                for span in self.accounts.values()
                if span.seen
            ],
            "payments": [_life(span) for span in self.payments if span.seen],
            "email": self.email.key if self.email and self.email.key in self.identifiers else None,
            "domain": self.site.key if self.site and self.site.key in self.identifiers else None,
            "hubs": list(self.hubs_used),
            "reposts": self.reposts,
            "lookalikes": [],
        }


def _life(span: Span) -> dict:
    return {"key": span.item.key, "first_seen": iso(span.seen[0]), "last_seen": iso(span.seen[1])}


def plan_organisation(world: World, rng: random.Random, org_id: str, size: int) -> Organisation:
    """A benign organisation of `size` adverts: its kind, route, offices, accounts and posting times."""
    kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
    route = rng.choices(ROUTES, weights=[r.weight for r in ROUTES])[0]
    n_langs = 1 if size < 8 else rng.choice((1, 2))
    languages = weighted_sample(rng, route.languages, n_langs)

    n_platforms = 2 + (rng.random() < 0.5) + (size >= 10 and rng.random() < 0.5) + (size >= 40)
    platforms = weighted_sample(rng, list(PLATFORM_WEIGHTS.items()), min(n_platforms, size))
    plan = list(platforms)
    plan += rng.choices(platforms, weights=[3.0] + [1.0] * (len(platforms) - 1), k=size - len(plan))
    rng.shuffle(plan)
    duration = min(WINDOW_END - WINDOW_START - DAY, int((10 + size * rng.uniform(2.0, 6.0)) * DAY))
    start = rng.randrange(WINDOW_START, WINDOW_END - duration)
    times = sorted(rng.randrange(start, start + duration) for _ in range(size))

    ids = world.identities
    words, suffix = ids.brand(tuple(dict.fromkeys((*_STEMS[kind], *route.stems))))
    label = " ".join(word.capitalize() for word in words)
    if not set(words) & set(_STEMS[kind]):
        label += " " + _LABELS[kind]
    accounts = {p: Span(ids.account(p, words, suffix, label), 0, size - 1) for p in platforms}

    n_offices = min(size, 2 + (size >= 20 and rng.random() < 0.4))
    countries = weighted_sample(rng, route.phone_countries, n_offices)
    while len(countries) < n_offices:  # a route with one phone country: a second office there
        countries.append(countries[0])
    firsts = [0, 1, *sorted(rng.sample(range(2, size), n_offices - 2))] if size > 2 else [0, 1][:size]
    phones = [Span(world.phones.new(c), first, size - 1) for c, first in zip(countries, firsts, strict=False)]

    site = ids.website(words, _PAGES[kind]) if kind == "news" or rng.random() < 0.8 else None
    email = ids.mailbox(words) if rng.random() < 0.5 else None
    payments: list[Span] = []
    if kind == "charity":
        payments.append(Span(ids.tag("paypal", words, None), 0, size - 1))
        if rng.random() < 0.5:
            payments.append(Span(ids.bank_account(rng.choice(route.iban_countries)), 0, size - 1))
    elif kind in ("school", "cargo") and rng.random() < 0.3:
        payments.append(Span(ids.bank_account(rng.choice(route.iban_countries)), 0, size - 1))
    number = rng.choice(_LETTERS) + rng.choice(_LETTERS) + "-" + str(rng.randrange(10_000, 100_000))
    return Organisation(
        id=org_id,
        kind=kind,
        size=size,
        route=route,
        languages=languages,
        plan=plan,
        times=times,
        label=label,
        number=number,
        registration=rng.randrange(3),
        phones=phones,
        accounts=accounts,
        site=site,
        email=email,
        payments=payments,
    )


def organisation_adverts(
    world: World, rng: random.Random, org: Organisation, quotes: Mapping[str, Sequence[str]] | None = None
) -> Iterator[tuple[dict, dict]]:
    """The organisation's adverts in time order, each as (advert record, truth record).

    `quotes` holds, per language, the bodies of smuggling adverts written so far that a newsroom may
    quote."""
    written: set[str] = set()
    recent: list[tuple[str, str]] = []  # (language, body) of recent posts, which it posts again
    for i in range(org.size):
        platform, when = org.plan[i], org.times[i]
        account = org.accounts[platform]
        account.see(when)
        if recent and rng.random() < 0.25:
            code, body = rng.choice(recent)
            lang = LANGUAGES[code]
            org.reposts += 1
        else:
            lang = LANGUAGES[rng.choice(org.languages)]
            quotable = (quotes or {}).get(lang.code) if org.kind == "news" else None
            if quotable and rng.random() < QUOTE_SHARE:
                assert lang.benign is not None
                body = rng.choice(lang.benign.quote_intros) + "\n" + rng.choice(quotable)
            else:
                body = _body(rng, org, lang, when)
            recent = [*recent[-4:], (lang.code, body)]
        region = rng.choice(org.route.regions) if rng.random() < 0.5 else None
        scene = Scene(rng, lang, platform, region)
        lines = [body]
        if rng.random() < 0.35:
            lines.append(fill(lang.benign.registration[org.registration], number=org.number))
        keys: dict[str, str] = {}
        hubs: list[str] = []
        for entity in _choose(rng, org, i, platform):
            lines.append(_contact(scene, org, entity, keys, when))
        if i and not (keys.keys() & written):  # an anchor: the first office's number, in every advert
            lines.append(_contact(scene, org, org.phones[0], keys, when))
        if org.kind == "news" and rng.random() < 0.3:
            hub = world.hubs.hotline_for(lang.code)
            rendered = world.hubs.render(scene, hub)
            world.hubs.use(hub, rendered.keys, org.id)
            org.hubs_used.setdefault(hub.id, None)
            hubs = list(rendered.keys)
            for key in rendered.keys:
                keys.setdefault(key, rendered.form)
            lines.append(fill(rng.choice(lang.hub_lines["hotline"]), hub=rendered.text))
        for key in keys:
            if key not in hubs:
                org.identifiers.setdefault(key, None)
                written.add(key)
        if region:
            org.regions.setdefault(region, None)
        author: Account = account.item
        post_id, url = world.posts.make(platform, author)
        advert = {
            "platform": platform,
            "post_id": post_id,
            "url": url,
            "author": author_record(author),
            "text": "\n".join(lines),
            "posted_at": iso(when),
            "lang": lang.code,
            "region": region,
            "media": [media_hash(rng)] if rng.random() < 0.5 else [],
        }
        truth = {
            "platform": platform,
            "post_id": post_id,
            "network": org.id,
            "kind": "benign",
            "class": "benign",
            "rotated": False,
            "lang": lang.code,
            "identifiers": list(keys),
            "hubs": hubs,
            "forms": keys,
            "account": author.key,
            "repost_of": None,
            "lookalike_of": None,
        }
        yield advert, truth


def _body(rng: random.Random, org: Organisation, lang: Language, when: int) -> str:
    """One post of the organisation's kind, with the route's places and a price of its kind."""
    assert lang.benign is not None, f"{lang.code} has no benign phrasings"
    route = org.route
    low, high = _PRICES.get(org.kind, route.price)
    values = moment(lang, rng, when, "latin")
    # Offices, sailings and drop-offs keep daytime hours, unlike crossings.
    clock = {"min": rng.choice(("00", "15", "30", "45"))}
    hour = rng.randint(7, 19)
    clock.update(h=str(hour), hh=f"{hour:02d}")
    values["time"] = rng.choice(lang.time_formats).format(**clock)
    cities = [city for towns in lang.cities.values() for city in towns]
    values.update(
        name=org.label,
        dep=place_name(lang, rng.choice(route.departures)),
        dest=place_name(lang, rng.choice(route.destinations)),
        place=place_name(lang, rng.choice((*route.departures, *route.destinations))),
        city=rng.choice(cities),
        price=amount(lang, rng, rng.randrange(low, high + 1, 5), "latin"),
        n=str(rng.randint(2, 300)),
        number=org.number,
    )
    return fill(rng.choice(getattr(lang.benign, org.kind)), **values)


def _choose(rng: random.Random, org: Organisation, i: int, platform: str) -> list[object]:
    """What advert i gives: a new office's number with the first one, or a mix of its contacts.

    Phones, other accounts and payments come as their `Span`, so the advert can mark them seen.
    """
    introduced = [span for span in org.phones if span.first == i]
    if introduced:
        return [*introduced, org.phones[0]] if i else introduced
    chosen: list[object] = []
    offices = [span for span in org.phones if span.first < i]
    if rng.random() < 0.7:
        chosen.append(rng.choice(offices))
    if org.site and rng.random() < 0.45:
        chosen.append(org.site)
    if org.email and rng.random() < 0.25:
        chosen.append(org.email)
    others = [span for p, span in org.accounts.items() if p != platform and span.item.name]
    if others and rng.random() < 0.3:
        chosen.append(rng.choice(others))
    if org.payments and rng.random() < (0.6 if org.kind == "charity" else 0.2):
        chosen.append(rng.choice(org.payments))
    return chosen


def _contact(scene: Scene, org: Organisation, entity: object, keys: dict[str, str], when: int) -> str:
    """One contact line; the keys it plants are added to `keys`."""
    rng, lang = scene.rng, scene.lang
    assert lang.benign is not None
    if isinstance(entity, Span):
        entity.see(when)
        entity = entity.item
    if isinstance(entity, Phone):
        rendered = render_phone(scene, entity, choose_phone_form(scene, entity, cue=False, plain=True))
        line = fill(rng.choice(lang.benign.contact_lines), phone=rendered.text)
    elif isinstance(entity, Website):
        rendered = render_site(scene, entity)
        line = fill(rng.choice(lang.site_lines), site=rendered.text)
    elif isinstance(entity, Mailbox):
        rendered = render_email(scene, entity)
        line = fill(rng.choice(lang.email_lines), email=rendered.text)
    elif isinstance(entity, Account):
        rendered = render_handle(scene, entity)
        line = fill(rng.choice(lang.handle_lines), handle=rendered.text)
    elif isinstance(entity, PaymentTag | BankAccount):
        rendered = render_payment(scene, entity)
        lines = lang.benign.donation_lines if org.kind == "charity" else lang.payment_lines
        line = fill(rng.choice(lines), payment=rendered.text)
    else:
        raise TypeError(f"{org.id}: cannot write {entity!r} as a contact")
    for key in rendered.keys:
        keys.setdefault(key, rendered.form)
    return line
