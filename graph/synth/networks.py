"""Planted smuggling networks: their sizes, what they own, and their adverts over time.

Sizes follow a capped Pareto law (most networks post 2–10 adverts, a few post hundreds). A network
belongs to one route, which gives its languages, phone countries and payment habits; it posts on one
or more platforms. Its life is laid out by advert index (adverts are in time order):

- each phone *line* (one per country the network uses at once) rotates: a new number takes over at a
  breakpoint and the old one stays in use for a few adverts more, and the advert that introduces the
  new number also gives the old one ("new number ..., the old one closes soon");
- each platform's account is taken down now and then and replaced by a new account (a new name) that
  keeps posting the same phones and payment tags;
- some adverts are reposts of a recent one with a small edit, the same media hash and a new post id.

Every advert after the first shares at least one identifier with an earlier advert of its network,
so each planted network is one connected component of the identifier graph by construction.

A share of networks rotate everything instead (`plan_rotating`): every few weeks they start again
with new phones, accounts, payment tags, mailbox and site, and keep posting the same text with the
small edits copies have. Each such period (an *epoch*) is one component of its own, sharing no
identifier with the earlier ones; only the template ties them together. The truth marks the adverts
of every epoch after the first as rotated members of the network.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.synth.hubs import Hub, Hubs
from graph.synth.identities import (
    Account,
    BankAccount,
    Identities,
    Instrument,
    Mailbox,
    PaymentTag,
    Wallet,
    Website,
    media_hash,
)
from graph.synth.languages import LANGUAGES
from graph.synth.phones import Phone, PhoneBook
from graph.synth.posts import WINDOW_END, WINDOW_START, Posts, author_record, iso
from graph.synth.render import (
    Rendered,
    Scene,
    choose_phone_form,
    render_email,
    render_handle,
    render_payment,
    render_phone,
    render_site,
)
from graph.synth.routes import ROUTES, Route
from graph.synth.templates import Language, amount, cue_before_phone, fill, moment, native

PARETO_ALPHA = 1.3
MIN_SIZE = 2
# Share of networks of ROTATING_MIN_SIZE adverts or more that rotate every identifier, keeping their text.
ROTATING_SHARE = 0.2
ROTATING_MIN_SIZE = 6
# What a newsroom quotes of an advert (never its contacts), and how many adverts of a network it may.
BODY_PARTS = frozenset({"opener", "pitch", "departure", "seats", "price"})
QUOTABLE = 2
PLATFORM_WEIGHTS = {"facebook": 25, "tiktok": 20, "instagram": 15, "telegram": 20, "whatsapp": 12, "x": 8}
# Platforms a network may only name in its adverts (no adverts collected there).
MENTION_ONLY = ("snapchat",)
DAY = 86400


def plan_sizes(rng: random.Random, budget: int) -> list[int]:
    """Network sizes summing to exactly `budget`: capped Pareto draws, the last one trimmed.

    The cap grows with the corpus (a quarter of the budget, at most 1,000), so small corpora still
    hold a network of 20 or more and large ones hold a few of several hundred.
    """
    if budget < MIN_SIZE:
        return []
    cap = max(20, min(1000, budget // 4))
    sizes: list[int] = []
    total = 0
    while total < budget:
        size = min(cap, int(MIN_SIZE / (1.0 - rng.random()) ** (1.0 / PARETO_ALPHA)))
        size = min(size, budget - total)
        if size < MIN_SIZE:
            sizes[-1] += size
            total += size
            break
        sizes.append(size)
        total += size
    if budget >= 40 and max(sizes) < 20:
        # Guarantee one larger network: merge the first networks until one reaches 20 adverts.
        while sizes[0] < 20 and len(sizes) > 1:
            sizes[0] += sizes.pop(1)
    rng.shuffle(sizes)
    return sizes


@dataclass
class Span:
    """Something a network owns and the advert indices it is used in (inclusive)."""

    item: Any  # a Phone, Account, payment instrument
    first: int
    last: int
    taken_down: bool = False
    seen: list[int] = field(default_factory=list)  # posted_at of its first and last advert

    def active(self, i: int) -> bool:
        return self.first <= i <= self.last

    def see(self, when: int) -> None:
        if not self.seen:
            self.seen = [when, when]
        else:
            self.seen[0] = min(self.seen[0], when)
            self.seen[1] = max(self.seen[1], when)


@dataclass
class Network:
    id: str
    size: int
    route: Route
    languages: list[str]
    plan: list[str]  # the platform of each advert, by index
    times: list[int]
    words: list[str]
    lines: list[list[Span]]  # phone lines, each a rotation of phones
    accounts: dict[str, list[Span]]  # per platform, the succession of accounts
    mentioned: list[Span]  # accounts only named in text (other platforms)
    payments: list[Span]
    email: Mailbox | None
    site: Website | None
    hubs: list[Hub]
    identifiers: dict[str, None] = field(default_factory=dict)
    regions: dict[str, None] = field(default_factory=dict)
    lookalikes: list[str] = field(default_factory=list)
    hubs_used: dict[str, None] = field(default_factory=dict)
    reposts: int = 0
    quotable: list[tuple[str, str]] = field(default_factory=list)  # (language, body) a newsroom may quote
    template: Template | None = None  # the text a rotating network copies
    epoch: int = 0  # which period of a rotating network this is (0: the first, or not rotating)

    def phones(self) -> list[Phone]:
        return [span.item for line in self.lines for span in line]

    def parts(self) -> list[Network]:
        return [self]

    def record(self) -> dict:
        """The network's line in networks.jsonl."""
        phones = [span for line in self.lines for span in line if span.seen]
        accounts = [span for spans in self.accounts.values() for span in spans if span.seen]
        accounts += [span for span in self.mentioned if span.seen]
        countries = dict.fromkeys(span.item.country for span in phones)
        countries.update(self.regions)
        return {
            "network": self.id,
            "hub": False,
            "class": "smuggling",
            "kind": None,
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
            "phones": [_life(span, span.item.key) for span in phones],
            "accounts": [
                {**_life(span, span.item.key), "platform": span.item.platform, "taken_down": span.taken_down}
                for span in accounts
            ],
            "payments": [_life(span, span.item.key) for span in self.payments if span.seen],
            "email": self.email.key if self.email and self.email.key in self.identifiers else None,
            "domain": self.site.key if self.site and self.site.key in self.identifiers else None,
            "hubs": list(self.hubs_used),
            "reposts": self.reposts,
            "lookalikes": self.lookalikes,
        }


def _life(span: Span, key: str) -> dict:
    return {"key": key, "first_seen": iso(span.seen[0]), "last_seen": iso(span.seen[1])}


@dataclass(frozen=True)
class Template:
    """The text a rotating network copies: its lines and the sentences its contacts are written in."""

    lang: str
    lines: tuple[tuple[str, str], ...]  # (part, text), as in a written advert
    phone_line: str
    handle_line: str
    payment_line: str


@dataclass
class Rotating:
    """A network that renews every identifier every few weeks and keeps its text: one epoch each."""

    id: str
    epochs: list[Network]

    def parts(self) -> list[Network]:
        return self.epochs

    def record(self) -> dict:
        """The network's line in networks.jsonl: its epochs' lines merged, and each epoch's span."""
        records = [part.record() for part in self.epochs]
        merged = dict(records[0])
        for name in ("identifiers", "phones", "accounts", "payments", "lookalikes"):
            merged[name] = [item for record in records for item in record[name]]
        for name in ("platforms", "countries", "phone_countries"):
            merged[name] = sorted({item for record in records for item in record[name]})
        merged["hubs"] = list(dict.fromkeys(hub for record in records for hub in record["hubs"]))
        merged["email"] = next((r["email"] for r in records if r["email"]), None)
        merged["domain"] = next((r["domain"] for r in records if r["domain"]), None)
        merged.update(
            size=sum(record["size"] for record in records),
            rotating=True,
            epochs=len(records),
            last_seen=records[-1]["last_seen"],
            reposts=sum(record["reposts"] for record in records),
            epoch_spans=[
                {"size": r["size"], "first_seen": r["first_seen"], "last_seen": r["last_seen"]}
                for r in records
            ],
        )
        return merged


@dataclass
class World:
    """The factories every part of a corpus shares."""

    phones: PhoneBook
    identities: Identities
    posts: Posts
    hubs: Hubs


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def weighted_sample(
    rng: random.Random, pairs: tuple[tuple[str, float], ...] | list[tuple[str, float]], k: int
) -> list[str]:
    """k distinct choices, weighted, without replacement."""
    pool = list(pairs)
    chosen = []
    while pool and len(chosen) < k:
        pick = rng.choices(range(len(pool)), weights=[w for _, w in pool])[0]
        chosen.append(pool.pop(pick)[0])
    return chosen


def plan_smuggling(world: World, rng: random.Random, network_id: str, size: int) -> Network | Rotating:
    """A planted network: most keep their identifiers for a while, a share rotate them all."""
    if size >= ROTATING_MIN_SIZE and rng.random() < ROTATING_SHARE:
        return plan_rotating(world, rng, network_id, size)
    return plan_network(world, rng, network_id, size)


def plan_rotating(world: World, rng: random.Random, network_id: str, size: int) -> Rotating:
    """A network in two or more epochs of a few weeks, each with identifiers of its own, one text."""
    route = rng.choices(ROUTES, weights=[r.weight for r in ROUTES])[0]
    code = weighted_sample(rng, route.languages, 1)[0]
    times = _times(rng, size)
    count = min(size // 3, 2 + (size >= 30) + (size >= 100))
    bounds = [round(size * k / count) for k in range(count + 1)]
    template = _template(rng, route, LANGUAGES[code], times[0])
    epochs = [
        plan_network(
            world,
            rng,
            network_id,
            bounds[k + 1] - bounds[k],
            route=route,
            languages=[code],
            times=times[bounds[k] : bounds[k + 1]],
            template=template,
            epoch=k,
        )
        for k in range(count)
    ]
    return Rotating(network_id, epochs)


def _times(rng: random.Random, size: int) -> list[int]:
    """When a network's adverts are posted: a life that grows with its size, in time order."""
    duration = min(WINDOW_END - WINDOW_START - DAY, int((3 + size * rng.uniform(1.0, 4.0)) * DAY))
    start = rng.randrange(WINDOW_START, WINDOW_END - duration)
    return sorted(rng.randrange(start, start + duration) for _ in range(size))


def _template(rng: random.Random, route: Route, lang: Language, when: int) -> Template:
    """A full advert text (every part present) and the contact sentences a rotating network keeps."""
    dep = place_name(lang, rng.choice(route.departures))
    dest = place_name(lang, rng.choice(route.destinations))
    euros = rng.randrange(route.price[0], route.price[1] + 1, 100)
    lines = [("opener", fill(rng.choice(lang.openers), dep=dep, dest=dest))]
    lines += [("pitch", pitch) for pitch in rng.sample(lang.pitches, k=2)]
    lines += [
        ("departure", fill(rng.choice(lang.departures), **moment(lang, rng, when, "latin"))),
        ("seats", fill(rng.choice(lang.seats), n=str(rng.randint(2, 15)))),
        ("price", fill(rng.choice(lang.prices), price=amount(lang, rng, euros, "latin"))),
    ]
    return Template(
        lang.code,
        tuple(lines),
        rng.choice(lang.phone_lines),
        rng.choice(lang.handle_lines),
        rng.choice(lang.payment_lines),
    )


def plan_network(
    world: World,
    rng: random.Random,
    network_id: str,
    size: int,
    *,
    route: Route | None = None,
    languages: list[str] | None = None,
    times: list[int] | None = None,
    template: Template | None = None,
    epoch: int = 0,
) -> Network:
    """Everything a network owns and when, before any advert is written.

    A rotating network's epoch is planned with the network's route, language, template and its share
    of the network's posting times; everything it owns is new.
    """
    if route is None:
        route = rng.choices(ROUTES, weights=[r.weight for r in ROUTES])[0]
    if languages is None:
        n_langs = 1 if size < 6 else rng.choice((1, 2)) if size < 30 else rng.choice((2, 3))
        languages = weighted_sample(rng, route.languages, n_langs)
    lang0 = LANGUAGES[languages[0]]

    n_platforms = (
        1 + (rng.random() < 0.6) + (size >= 10 and rng.random() < 0.6) + (size >= 40) + (size >= 150)
    )
    platforms = weighted_sample(rng, list(PLATFORM_WEIGHTS.items()), min(n_platforms, size))
    plan = list(platforms)
    weights = [3.0] + [1.0] * (len(platforms) - 1)
    plan += rng.choices(platforms, weights=weights, k=size - len(plan))
    rng.shuffle(plan)

    if times is None:
        times = _times(rng, size)

    words, suffix = world.identities.brand(tuple(dict.fromkeys((*route.stems, *lang0.brand_stems))))
    label = rng.choice(lang0.brand_names)

    # Phones: one line per country used at once, each rotating.
    n_lines = (
        1
        + (size >= 4 and rng.random() < 0.45)
        + (size >= 25 and rng.random() < 0.6)
        + (size >= 100 and rng.random() < 0.5)
    )
    countries = weighted_sample(rng, route.phone_countries, n_lines)
    lines = []
    for number, country in enumerate(countries):
        begin = 0 if number == 0 else rng.randrange(0, size)
        lines.append(_rotation(world, rng, route, country, begin, size))

    accounts: dict[str, list[Span]] = {}
    for platform in dict.fromkeys(plan):
        indices = [i for i, p in enumerate(plan) if p == platform]
        accounts[platform] = _succession(world, rng, platform, indices, words, suffix, label)

    mentioned = []
    others = [p for p in (*PLATFORM_WEIGHTS, *MENTION_ONLY) if p not in accounts and p != "whatsapp"]
    for platform in others:
        chance = 0.2 if platform == "snapchat" else 0.08
        if rng.random() < chance:
            account = world.identities.account(platform, words, suffix or world.identities.suffix(), label)
            mentioned.append(Span(account, 0, size - 1))

    payments = []
    n_payments = 0 if rng.random() < (0.5 if size < 5 else 0.25) else 1 + (size >= 20) + (size >= 100)
    for _ in range(n_payments):
        scheme = _weighted(rng, route.payments)
        payments.append(Span(_instrument(world, rng, route, scheme, words), 0, size - 1))
        if size >= 10 and rng.random() < 0.25:  # the tag is replaced halfway, with overlap
            cut = rng.randrange(1, size - 1)
            payments[-1].last = min(size - 1, cut + rng.randint(1, 3))
            payments.append(Span(_instrument(world, rng, route, scheme, words), cut, size - 1))

    email = world.identities.mailbox(words) if size >= 3 and rng.random() < 0.25 else None
    site = (
        world.identities.website(words, rng.choice(("/", "/booking", "/contact", "/travel")))
        if (rng.random() < 0.06 + 0.3 * (size >= 50))
        else None
    )
    hubs = []
    if rng.random() < 0.35:
        hubs.append(rng.choice([*world.hubs.hotlines, *world.hubs.famous, world.hubs.aggregator]))

    return Network(
        id=network_id,
        size=size,
        route=route,
        languages=languages,
        plan=plan,
        times=times,
        words=words,
        lines=lines,
        accounts=accounts,
        mentioned=mentioned,
        payments=payments,
        email=email,
        site=site,
        hubs=hubs,
        template=template,
        epoch=epoch,
    )


def _rotation(
    world: World, rng: random.Random, route: Route, country: str, begin: int, size: int
) -> list[Span]:
    """The phones of one line: each takes over at a breakpoint; the old one overlaps for a few adverts."""
    length = size - begin
    rotations = sum(rng.random() < 0.5 for _ in range(length // 25)) + (length >= 4 and rng.random() < 0.15)
    rotations = min(rotations, max(0, length - 2), 8)
    cuts = sorted(rng.sample(range(begin + 1, size), rotations)) if rotations else []
    spans = []
    starts = [begin, *cuts]
    for j, first in enumerate(starts):
        # The old number stays in use for a few adverts after its successor appears.
        last = min(size - 1, starts[j + 1] + rng.randint(0, 3)) if j + 1 < len(starts) else size - 1
        if j and rng.random() < 0.2:  # the new number is from another country of the route
            country = _weighted(rng, route.phone_countries)
        spans.append(Span(world.phones.new(country), first, last))
    return spans


def _succession(
    world: World,
    rng: random.Random,
    platform: str,
    indices: list[int],
    words: list[str],
    suffix: str | None,
    label: str,
) -> list[Span]:
    """A platform's accounts: each taken down after a while and replaced by a newly named one."""
    takedowns = sum(rng.random() < 0.45 for _ in range(len(indices) // 12)) + (
        len(indices) >= 3 and rng.random() < 0.15
    )
    takedowns = min(takedowns, len(indices) - 1)
    cuts = sorted(rng.sample(range(1, len(indices)), takedowns)) if takedowns else []
    bounds = [0, *cuts, len(indices)]
    spans = []
    for generation in range(len(bounds) - 1):
        first, last = indices[bounds[generation]], indices[bounds[generation + 1] - 1]
        if generation == 0:
            account = world.identities.account(platform, words, suffix, label)
        else:  # the replacement keeps the brand, often with a word that says so, and a new number
            renamed = rng.choice(
                (words, [*words, "new"], [*words, "official"], [words[0], "vip"], words[::-1])
            )
            account = world.identities.account(platform, renamed, world.identities.suffix(), label)
        spans.append(Span(account, first, last))
    for span in spans[:-1]:
        span.taken_down = True
    if spans and rng.random() < 0.3:
        spans[-1].taken_down = True  # taken down at the end of the window too
    return spans


def _instrument(world: World, rng: random.Random, route: Route, scheme: str, words: list[str]) -> Instrument:
    ids = world.identities
    if scheme == "iban":
        return ids.bank_account(rng.choice(route.iban_countries))
    if scheme in ("btc", "bech32", "eth", "tron"):
        return ids.wallet(scheme)
    return ids.tag(scheme, words, None)


# --- adverts --------------------------------------------------------------------------------------


@dataclass
class Draft:
    """One written advert, kept until its block is written so reposts can copy it."""

    index: int
    lines: list[tuple[str, str]]  # (part, text)
    keys: dict[str, str]  # key -> form of its first rendering
    hubs: list[str]
    lang: str
    region: str | None
    media: list[str]
    entities: list[object]
    post: str
    platform: str


def network_adverts(world: World, rng: random.Random, net: Network) -> Iterator[tuple[dict, dict]]:
    """The network's adverts in time order, each as (advert record, truth record)."""
    used: dict[str, None] = {}
    written: set[str] = set()  # the keys earlier adverts of the network planted
    drafts: list[Draft] = []
    pool = [media_hash(rng) for _ in range(1 + min(9, net.size // 15))]
    spans = {id(span.item): span for span in _all_spans(net)}
    intros = {span.first for line in net.lines for span in line[1:]}
    for i in range(net.size):
        platform = net.plan[i]
        when = net.times[i]
        account_span = next(s for s in net.accounts[platform] if s.active(i))
        author: Account = account_span.item
        account_span.see(when)
        source = _repost(rng, spans, drafts, i, platform) if i not in intros and rng.random() < 0.2 else None
        if source is not None:
            lang = LANGUAGES[source.lang]
            region = source.region
            lines = _edit(rng, lang, source.lines, when)
            keys, hubs, media, entities = source.keys, source.hubs, source.media, source.entities
            repost_of: str | None = source.post
            net.reposts += 1
            for hub in (entity for entity in entities if isinstance(entity, Hub)):
                world.hubs.use(hub, [key for key in hubs if key in keys], net.id)
        else:
            lang = LANGUAGES[rng.choice(net.languages)]
            region = rng.choice(net.route.regions) if rng.random() < 0.5 else None
            scene = Scene(rng, lang, platform, region)
            entities = _choose(rng, net, i, used, account_span)
            lines, keys, hubs = _write(world, scene, net, i, entities, when, written)
            media = _media(rng, pool)
            repost_of = None
        for entity in entities:
            for owned in _owned(entity):
                used.setdefault(owned.key, None)
                span = spans.get(id(owned))
                if span is not None:
                    span.see(when)
        for key in keys:
            if key not in hubs:
                net.identifiers.setdefault(key, None)
                written.add(key)
        if region:
            net.regions.setdefault(region, None)
        post_id, url = world.posts.make(platform, author)
        advert = {
            "platform": platform,
            "post_id": post_id,
            "url": url,
            "author": author_record(author),
            "text": _join(rng, [text for _, text in lines]),
            "posted_at": iso(when),
            "lang": lang.code,
            "region": region,
            "media": media,
        }
        truth = {
            "platform": platform,
            "post_id": post_id,
            "network": net.id,
            "kind": "network",
            "class": "smuggling",
            "rotated": net.epoch > 0,
            "lang": lang.code,
            "identifiers": list(keys),
            "hubs": hubs,
            "forms": keys,
            "account": author.key,
            "repost_of": repost_of,
            "lookalike_of": None,
        }
        post = f"{platform}:{post_id}"
        if len(net.quotable) < QUOTABLE and repost_of is None:
            net.quotable.append((lang.code, "\n".join(text for part, text in lines if part in BODY_PARTS)))
        drafts.append(Draft(i, lines, keys, hubs, lang.code, region, media, entities, post, platform))
        if len(drafts) > 8:
            del drafts[0]
        yield advert, truth


def _all_spans(net: Network) -> Iterator[Span]:
    for line in net.lines:
        yield from line
    for spans in net.accounts.values():
        yield from spans
    yield from net.mentioned
    yield from net.payments


def _owned(entity: object) -> tuple[object, ...]:
    """What an advert's entity puts in the network's hands (a hub belongs to no network)."""
    if isinstance(entity, _NewNumber):
        return (entity.phone, entity.old)
    if isinstance(entity, _NewAccount):
        return (entity.account,)
    if isinstance(entity, Hub):
        return ()
    return (entity,)


def _repost(
    rng: random.Random, spans: dict[int, Span], drafts: list[Draft], i: int, platform: str
) -> Draft | None:
    """A recent advert whose identifiers are all still in use, to be posted again.

    A text with a bare @mention is only reposted on its own platform: elsewhere the mention would name
    an account of the other platform, and the truth would no longer hold.
    """
    for draft in rng.sample(drafts, len(drafts)):
        if draft.platform != platform and "mention" in draft.keys.values():
            continue
        owned = [o for entity in draft.entities for o in _owned(entity)]
        if all(spans[id(o)].active(i) for o in owned if id(o) in spans):
            return draft
    return None


def _edit(
    rng: random.Random, lang: Language, lines: list[tuple[str, str]], when: int
) -> list[tuple[str, str]]:
    """A repost's small edit: a bump word, a new seat count or departure date, or a new emoji."""
    edited = _edit_once(rng, lang, lines, when)
    if edited == lines:  # the new seat count or date happened to be the old one
        edited = [("bump", rng.choice(lang.bumps)), *lines]
    return edited


def _edit_once(
    rng: random.Random, lang: Language, lines: list[tuple[str, str]], when: int
) -> list[tuple[str, str]]:
    lines = list(lines)
    parts = [part for part, _ in lines]
    roll = rng.random()
    if roll < 0.3 and "seats" in parts:
        at = parts.index("seats")
        lines[at] = ("seats", fill(rng.choice(lang.seats), n=str(rng.randint(2, 15))))
    elif roll < 0.6 and "departure" in parts:
        at = parts.index("departure")
        lines[at] = ("departure", fill(rng.choice(lang.departures), **moment(lang, rng, when, "latin")))
    elif roll < 0.75:
        part, text = lines[0]
        lines[0] = (part, rng.choice(("🔥 ", "✅ ", "‼️ ", "🆕 ")) + text)
    elif roll < 0.9:
        lines.insert(0, ("bump", rng.choice(lang.bumps)))
    else:
        lines.append(("bump", rng.choice(lang.bumps)))
    return lines


def _media(rng: random.Random, pool: list[str]) -> list[str]:
    """Most adverts carry one picture, often one the network posts again and again."""
    roll = rng.random()
    if roll < 0.25:
        return []
    pictures = [rng.choice(pool) if rng.random() < 0.5 else media_hash(rng)]
    if roll > 0.9:
        pictures.append(media_hash(rng))
    return pictures


def _join(rng: random.Random, texts: list[str]) -> str:
    roll = rng.random()
    return ("\n" if roll < 0.75 else " " if roll < 0.9 else "\n\n").join(texts)


def place_name(lang: Language, place: str) -> str:
    return lang.places.get(place) or place.replace("_", " ").title()


def _write(
    world: World,
    scene: Scene,
    net: Network,
    index: int,
    entities: list[object],
    when: int,
    written: set[str],
) -> tuple[list[tuple[str, str]], dict[str, str], list[str]]:
    """The advert's lines, the keys it plants (with the form of each) and which of them are hubs.

    `written` holds the keys earlier adverts planted (empty for the first advert). When the chosen
    identifiers came out as keys none of them has (a Facebook account written as its numeric profile
    link, say), the advert also gives a number they gave: the guarantee that the network stays one
    component is on keys, not on entities. The number is appended to `entities`.
    """
    rng, lang, route = scene.rng, scene.lang, net.route
    if net.template is not None:
        return _write_copy(world, scene, net, index, entities, when, written)
    scripts = [s for s in lang.digit_scripts if s != "latin"]
    script = scripts[0] if scripts and rng.random() < 0.5 else "latin"
    dep = place_name(lang, rng.choice(route.departures))
    dest = place_name(lang, rng.choice(route.destinations))
    lines = [("opener", fill(rng.choice(lang.openers), dep=dep, dest=dest))]
    for pitch in rng.sample(lang.pitches, k=rng.choice((0, 1, 1, 2))):
        lines.append(("pitch", pitch))
    if rng.random() < 0.5:
        lines.append(("departure", fill(rng.choice(lang.departures), **moment(lang, rng, when, script))))
    if rng.random() < 0.35:
        lines.append(("seats", fill(rng.choice(lang.seats), n=native(str(rng.randint(2, 15)), script))))
    if rng.random() < 0.6:
        euros = rng.randrange(route.price[0], route.price[1] + 1, 100)
        lines.append(("price", fill(rng.choice(lang.prices), price=amount(lang, rng, euros, script))))
    contact, keys, hubs = _contacts(world, scene, net, index, entities, written)
    lines += contact
    if rng.random() < 0.25:
        tag = "#" + "".join(c for c in dest if c.isalnum())
        lines.append(("hashtags", f"{tag} {rng.choice(lang.hashtags)}"))
    return lines, keys, hubs


def _write_copy(
    world: World,
    scene: Scene,
    net: Network,
    index: int,
    entities: list[object],
    when: int,
    written: set[str],
) -> tuple[list[tuple[str, str]], dict[str, str], list[str]]:
    """A rotating network's advert: its template with a copy's small edit, and this epoch's contacts."""
    assert net.template is not None
    lines = _edit(scene.rng, scene.lang, list(net.template.lines), when)
    contact, keys, hubs = _contacts(world, scene, net, index, entities, written)
    return lines + contact, keys, hubs


def _contacts(
    world: World, scene: Scene, net: Network, index: int, entities: list[object], written: set[str]
) -> tuple[list[tuple[str, str]], dict[str, str], list[str]]:
    """The contact lines of an advert, the keys they plant and which of them are hubs (see `_write`)."""
    keys: dict[str, str] = {}
    hubs: list[str] = []
    contact: list[tuple[str, str]] = []
    for entity in entities:
        part, text, rendered = _contact(world, scene, entity, net.template)
        contact.append((part, text))
        for key in rendered.keys:
            keys.setdefault(key, rendered.form)
        if isinstance(entity, Hub):
            world.hubs.use(entity, rendered.keys, net.id)
            net.hubs_used.setdefault(entity.id, None)
            hubs += [key for key in rendered.keys if key not in hubs]
    if index and not (keys.keys() - set(hubs)) & written:
        anchor = _anchor(net, index, written)
        entities.append(anchor)
        part, text, rendered = _contact(world, scene, anchor, net.template)
        contact.append((part, text))
        for key in rendered.keys:
            keys.setdefault(key, rendered.form)
    return contact, keys, hubs


def _anchor(net: Network, i: int, written: set[str]) -> Phone:
    """A number an earlier advert gave and the network still uses at advert i.

    The main line always has one: its first number is in the first advert, and each later number is
    in the advert that introduces it.
    """
    for line in net.lines:
        for span in line:
            if span.active(i) and span.item.key in written:
                return span.item
    raise AssertionError(f"{net.id}: advert {i} has no number in common with earlier adverts")


def _contact(
    world: World, scene: Scene, entity: object, copied: Template | None = None
) -> tuple[str, str, Rendered]:
    """One contact line: the entity rendered in one of its forms, inside a sentence of the language.

    A rotating network writes its phones, accounts and payments in its template's sentences.
    """
    rng, lang = scene.rng, scene.lang
    if isinstance(entity, Phone) and copied is not None:
        cue = cue_before_phone(copied.phone_line)
        rendered = render_phone(scene, entity, choose_phone_form(scene, entity, cue=cue))
        return "phone", fill(copied.phone_line, app=rng.choice(lang.apps), phone=rendered.text), rendered
    if isinstance(entity, Account) and copied is not None:
        rendered = render_handle(scene, entity)
        return "account", fill(copied.handle_line, handle=rendered.text), rendered
    if isinstance(entity, PaymentTag | BankAccount | Wallet) and copied is not None:
        rendered = render_payment(scene, entity)
        return "payment", fill(copied.payment_line, payment=rendered.text), rendered
    if isinstance(entity, Phone | _NewNumber):
        phone = entity.phone if isinstance(entity, _NewNumber) else entity
        template = rng.choice(lang.new_number_lines if isinstance(entity, _NewNumber) else lang.phone_lines)
        cue = cue_before_phone(template)
        rendered = render_phone(scene, phone, choose_phone_form(scene, phone, cue=cue))
        return "phone", fill(template, app=rng.choice(lang.apps), phone=rendered.text), rendered
    if isinstance(entity, _NewAccount):
        rendered = render_handle(scene, entity.account)
        return "account", fill(rng.choice(lang.new_account_lines), handle=rendered.text), rendered
    if isinstance(entity, Account):
        rendered = render_handle(scene, entity)
        return "account", fill(rng.choice(lang.handle_lines), handle=rendered.text), rendered
    if isinstance(entity, Mailbox):
        rendered = render_email(scene, entity)
        return "email", fill(rng.choice(lang.email_lines), email=rendered.text), rendered
    if isinstance(entity, Website):
        rendered = render_site(scene, entity)
        return "site", fill(rng.choice(lang.site_lines), site=rendered.text), rendered
    if isinstance(entity, Hub):
        rendered = world.hubs.render(scene, entity)
        return "hub", fill(rng.choice(lang.hub_lines[entity.kind]), hub=rendered.text), rendered
    rendered = render_payment(scene, entity)
    return "payment", fill(rng.choice(lang.payment_lines), payment=rendered.text), rendered


def _choose(rng: random.Random, net: Network, i: int, used: dict[str, None], own: Span) -> list[object]:
    """The identifiers advert i carries: current phones, other accounts, payments, mail, site, hub.

    A number that takes over from another comes as a `_NewNumber` (written in a "new number" line),
    and a replacement account's first advert announces it with a `_NewAccount`.
    """
    chosen: list[object] = []
    active_phones: list[Phone] = []
    for line in net.lines:
        current = [span for span in line if span.active(i)]
        for span in current:
            if span.first == i and span is not line[0]:
                # The advert that brings in a new number still gives the old one: the link between them.
                previous = line[line.index(span) - 1]
                chosen.append(previous.item)
                chosen.append(_NewNumber(span.item, previous.item))
        active_phones += [span.item for span in current]
    if i == 0:
        chosen.append(net.lines[0][0].item)  # the first advert gives the main number: the network's anchor
    elif not any(isinstance(c, _NewNumber) for c in chosen) and active_phones and rng.random() < 0.85:
        newest = active_phones[-1]
        chosen.append(newest)
        if len(active_phones) > 1 and rng.random() < 0.3:
            chosen.append(rng.choice(active_phones[:-1]))
    if own.first == i and own is not net.accounts[net.plan[i]][0] and own.item.name and rng.random() < 0.7:
        chosen.append(_NewAccount(own.item))
    elif own.item.name and net.plan[i] != "whatsapp" and rng.random() < 0.08:
        chosen.append(own.item)
    others = [s.item for p, spans in net.accounts.items() if p != net.plan[i] for s in spans if s.active(i)]
    others = [a for a in others if a.name]
    others += [s.item for s in net.mentioned]
    if others and rng.random() < 0.3:
        chosen.append(rng.choice(others))
    payments = [s.item for s in net.payments if s.active(i)]
    if payments and rng.random() < 0.3:
        chosen.append(rng.choice(payments))
    if net.email and rng.random() < 0.25:
        chosen.append(net.email)
    if net.site and rng.random() < 0.35:
        chosen.append(net.site)
    # Connectivity: every advert after the first shares something with an earlier one.
    keys = {_entity(c).key for c in chosen}
    if i and not keys & used.keys():
        candidates = [p for p in active_phones if p.key in used]
        candidates += [s.item for s in net.payments if s.active(i) and s.item.key in used]
        candidates += [a for a in others if a.key in used]
        if net.email and net.email.key in used:
            candidates.append(net.email)
        if net.site and net.site.key in used:
            candidates.append(net.site)
        if candidates:
            chosen.append(rng.choice(candidates))
        else:
            raise AssertionError(f"{net.id}: advert {i} has nothing in common with earlier adverts")
    if not chosen:
        chosen.append(active_phones[-1])
    if net.hubs and rng.random() < 0.15:
        chosen.append(net.hubs[0])
    return chosen


@dataclass(frozen=True)
class _NewNumber:
    """A number announced as the network's new one; `old` is the number it replaces."""

    phone: Phone
    old: Phone

    @property
    def key(self) -> str:
        return self.phone.key


@dataclass(frozen=True)
class _NewAccount:
    """A replacement account announcing itself after a takedown."""

    account: Account

    @property
    def key(self) -> str:
        return self.account.key


def _entity(choice: object) -> object:
    if isinstance(choice, _NewNumber):
        return choice.phone
    if isinstance(choice, _NewAccount):
        return choice.account
    return choice
