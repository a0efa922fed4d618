"""A synthetic advert corpus with planted networks, for measuring network recovery until `graph.synth` lands.

`generate(out_dir, adverts=N, seed=S)` writes the same three files as `graph.synth.generate`:
`adverts.jsonl` (advert records for `crosslink ingest`), `truth.jsonl` ({key, network} per advert, network
null for a lone advert) and `networks.jsonl` ({network, adverts, accounts, platforms, countries}). The
corpus plants what makes the problem hard: networks spread over platforms and countries whose adverts
share only some identifiers each, public hotlines and famous accounts mentioned by adverts of many
networks, link pages and shorteners on generic hosts, and lone adverts with identifiers of their own.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import phonenumbers
from stdnum import iban

PLATFORMS = ("facebook", "instagram", "tiktok", "x", "telegram", "whatsapp")
HANDLE_PLATFORMS = ("facebook", "instagram", "tiktok", "x", "telegram")
LABELS = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "x": "X",
    "telegram": "Telegram",
}
ORIGINS = ("FR", "BE", "TR", "GR", "LY", "IQ", "AL", "IT", "DE", "NL")
DESTINATIONS = {
    "GB": "UK",
    "DE": "Germany",
    "IT": "Italy",
    "FR": "France",
    "NL": "Netherlands",
    "BE": "Belgium",
}
PHONE_REGIONS = ("GB", "FR", "IQ", "TR", "DE", "IT", "GR", "AL", "BE", "NL")
WORDS = """boat sea safe fast road uk euro gold star king trip way line port coast blue green night dream
    hope home new life travel cross door bridge river eagle lion falcon wave""".split()
START = datetime(2023, 1, 1, tzinfo=UTC)
DAYS = 700


@dataclass
class Network:
    """One planted network: its accounts and the identifiers its adverts draw from."""

    id: str
    accounts: list[tuple[str, str | None, str]]  # (platform, handle or None, account id)
    phones: list[str]
    ibans: list[str]
    emails: list[str]
    domains: list[str]
    destination: str
    origin: str
    start: datetime
    days: int
    adverts: list[str] = field(default_factory=list)


def generate(out_dir: str | Path, adverts: int = 20000, seed: int = 7) -> dict[str, Path]:
    """Write adverts.jsonl, truth.jsonl and networks.jsonl for `adverts` adverts; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    corpus = _Corpus(rng)
    paths = {name: out / f"{name}.jsonl" for name in ("adverts", "truth", "networks")}
    with (
        paths["adverts"].open("w", encoding="utf-8") as ads,
        paths["truth"].open("w", encoding="utf-8") as truth,
    ):
        for record, network in corpus.adverts(adverts):
            ads.write(json.dumps(record, ensure_ascii=False) + "\n")
            key = f"advert:{record['platform']}:{record['post_id']}"
            truth.write(json.dumps({"key": key, "network": network}) + "\n")
    with paths["networks"].open("w", encoding="utf-8") as nets:
        for network in corpus.networks:
            if len(network.adverts) < 2:
                continue
            nets.write(
                json.dumps(
                    {
                        "network": network.id,
                        "adverts": len(network.adverts),
                        "accounts": len(network.accounts),
                        "platforms": sorted({a[0] for a in network.accounts}),
                        "countries": sorted(
                            {network.destination, network.origin}
                            | {
                                phonenumbers.region_code_for_number(phonenumbers.parse(p))
                                for p in network.phones
                            }
                        ),
                    }
                )
                + "\n"
            )
    return paths


class _Corpus:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.networks: list[Network] = []
        self.used: set[str] = set()
        self.post = 0
        self.hotlines = [self.phone(r) for r in ("GB", "FR", "IT", "GR", "DE", "TR", "BE", "NL")]
        self.famous = [f"{w}_news{i}" for i, w in enumerate(("world", "migrant", "euro", "refugee"))]
        self.shared_links = [
            "https://bit.ly/ukinfo",
            "https://linktr.ee/travelhelp",
            "https://t.me/joinchat/news",
        ]

    def name(self) -> str:
        """A fresh handle-like name (with a digit or underscore, so bare @mentions are read)."""
        while True:
            rng = self.rng
            name = f"{rng.choice(WORDS)}_{rng.choice(WORDS)}{rng.randrange(10, 999)}"
            if name not in self.used:
                self.used.add(name)
                return name

    def phone(self, region: str) -> str:
        """A fresh valid mobile number of `region`, written internationally."""
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        digits = str(example.national_number)
        while True:
            tail = "".join(str(self.rng.randrange(10)) for _ in range(5))
            number = phonenumbers.parse(f"+{example.country_code}{digits[:-5]}{tail}")
            text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            if phonenumbers.is_valid_number(number) and text not in self.used:
                self.used.add(text)
                return text

    def iban(self) -> str:
        body = f"NWBK{self.rng.randrange(100000, 999999)}{self.rng.randrange(10**7, 10**8)}"
        check = iban.calc_check_digits(f"GB00{body}")
        return iban.format(f"GB{check}{body}")

    def network(self, size: int) -> Network:
        rng = self.rng
        accounts = []
        for _ in range(max(1, min(8, round(rng.lognormvariate(0.6, 0.6))))):
            platform = rng.choice(PLATFORMS)
            handle = None if platform == "whatsapp" else self.name()
            accounts.append((platform, handle, str(rng.randrange(10**8, 10**9))))
        origin = rng.choice(ORIGINS)
        destination = rng.choice([d for d in DESTINATIONS if d != origin])
        phones = [
            self.phone(rng.choice((destination, origin, *PHONE_REGIONS))) for _ in range(rng.randint(1, 3))
        ]
        start = START + timedelta(days=rng.randrange(DAYS))
        network = Network(
            id=f"planted-{len(self.networks) + 1}",
            accounts=accounts,
            phones=phones,
            ibans=[self.iban()] if rng.random() < 0.3 else [],
            emails=[f"{self.name()}@gmail.com"] if rng.random() < 0.3 else [],
            domains=[f"{self.name().replace('_', '-')}.com"] if rng.random() < 0.2 else [],
            destination=destination,
            origin=origin,
            start=start,
            days=rng.randint(5, 200),
        )
        self.networks.append(network)
        return network

    def adverts(self, count: int) -> Iterator[tuple[dict, str | None]]:
        """`count` advert records with their planted network (None for lone adverts), shuffled."""
        rng = self.rng
        planned: list[tuple[Network | None, int]] = []
        total = 0
        while total < count:
            if rng.random() < 0.25:
                planned.append((None, 1))
                total += 1
                continue
            size = min(count - total, max(2, round(rng.paretovariate(1.6) * 2)), 300)
            if size < 2:
                planned.append((None, 1))
                total += 1
                continue
            network = self.network(size)
            planned.append((network, size))
            total += size
        order = [network for network, size in planned for _ in range(size)]
        rng.shuffle(order)
        for network in order:
            yield self.advert(network), (network.id if network is not None else None)

    def advert(self, network: Network | None) -> dict:
        rng = self.rng
        self.post += 1
        if network is None:
            platform = rng.choice(PLATFORMS)
            handle = None if platform == "whatsapp" else self.name()
            author = (platform, handle, str(rng.randrange(10**8, 10**9)))
            origin = rng.choice(ORIGINS)
            destination = rng.choice(list(DESTINATIONS))
            contacts = [f"WhatsApp {self.phone(rng.choice(PHONE_REGIONS))}"]
            posted = START + timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(1440))
        else:
            network.adverts.append(str(self.post))
            author = rng.choice(network.accounts)
            platform = author[0]
            origin, destination = network.origin, network.destination
            contacts = self.contacts(network, author)
            posted = network.start + timedelta(days=rng.randrange(network.days), minutes=rng.randrange(1440))
        contacts += self.noise(platform)
        rng.shuffle(contacts)
        place = DESTINATIONS.get(destination, destination)
        text = (
            f"{rng.choice(('Crossing', 'Trip', 'Travel', 'Safe journey'))} to {place} "
            f"this week, {rng.choice(('places left', 'call now', 'good price', 'kids half price'))}. "
            + ". ".join(contacts)
        )
        record: dict = {
            "platform": platform,
            "post_id": f"{self.post}",
            "text": text,
            "posted_at": posted.isoformat().replace("+00:00", "Z"),
            "region": origin,
        }
        if rng.random() < 0.97:
            record["author"] = {"id": author[2], **({"handle": author[1]} if author[1] else {})}
        return record

    def contacts(self, network: Network, author: tuple[str, str | None, str]) -> list[str]:
        """Some of the network's identifiers: at least one phone most of the time."""
        rng = self.rng
        out = []
        phones = rng.sample(network.phones, k=rng.randint(1, len(network.phones)))
        if rng.random() < 0.9:
            out += [f"{rng.choice(('WhatsApp', 'Call', 'Viber', 'Tel'))} {p}" for p in phones]
        others = [a for a in network.accounts if a is not author and a[1] and a[0] in LABELS]
        if others and rng.random() < 0.5:
            other = rng.choice(others)
            out.append(f"{LABELS[other[0]]} @{other[1]}")
        if network.ibans and rng.random() < 0.5:
            out.append(f"IBAN {network.ibans[0]}")
        if network.emails and rng.random() < 0.5:
            out.append(f"email {network.emails[0]}")
        if network.domains and rng.random() < 0.6:
            out.append(f"https://{network.domains[0]}/{rng.choice(WORDS)}")
        if not out:
            out.append(f"WhatsApp {network.phones[0]}")
        return out

    def noise(self, platform: str) -> list[str]:
        """Identifiers that join nothing: hotlines, famous accounts, shared link pages, own link pages."""
        rng = self.rng
        out = []
        if rng.random() < 0.04:
            out.append(f"Emergency {rng.choice(self.hotlines)}")
        if rng.random() < 0.03 and platform in LABELS:
            out.append(f"follow @{rng.choice(self.famous)}")
        if rng.random() < 0.03:
            out.append(rng.choice(self.shared_links))
        if rng.random() < 0.05:
            out.append(f"https://linktr.ee/{self.name()}")
        return out
