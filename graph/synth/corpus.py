"""The streaming writer: a corpus of adverts with planted networks, and the truth about it.

Smuggling networks and benign organisations (`graph.synth.benign`) are planned one at a time from
their size plans, in a seeded order that mixes the two; their adverts are written in blocks of a few
thousand, mixed with the share of ordinary adverts that falls to the block and shuffled, so memory
stays bounded whatever the corpus size. Every random choice comes from generators seeded by the seed
alone, so one seed always gives the same bytes.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from graph.synth.benign import Organisation, organisation_adverts, plan_organisation
from graph.synth.hubs import Hubs
from graph.synth.identities import Identities
from graph.synth.networks import Network, Rotating, World, network_adverts, plan_sizes, plan_smuggling
from graph.synth.noise import Noise
from graph.synth.phones import PhoneBook
from graph.synth.posts import Posts

# The share of adverts that belong to a planted smuggling network, and to a benign organisation;
# the rest are noise.
NETWORK_SHARE = 0.4
BENIGN_SHARE = 0.12
# Recent smuggling advert bodies kept per language for newsrooms to quote.
QUOTES_KEPT = 40
# Network adverts gathered before a block is mixed with its noise, shuffled and written.
BLOCK = 4000
ADVERTS_FILE = "adverts.jsonl"
TRUTH_FILE = "truth.jsonl"
NETWORKS_FILE = "networks.jsonl"


@dataclass(frozen=True)
class CorpusReport:
    """What `generate` wrote, and how fast."""

    out_dir: Path
    adverts: int
    networks: int
    network_adverts: int
    largest_network: int
    hubs: int
    kinds: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    benign_networks: int = 0
    benign_adverts: int = 0
    rotating_networks: int = 0
    rotated_adverts: int = 0

    @property
    def paths(self) -> dict[str, Path]:
        return {name: self.out_dir / name for name in (ADVERTS_FILE, TRUTH_FILE, NETWORKS_FILE)}

    @property
    def adverts_per_second(self) -> float:
        return self.adverts / self.seconds if self.seconds else 0.0

    def as_json(self) -> dict:
        return {
            "out_dir": str(self.out_dir),
            "adverts": self.adverts,
            "networks": self.networks,
            "network_adverts": self.network_adverts,
            "largest_network": self.largest_network,
            "hubs": self.hubs,
            "benign_networks": self.benign_networks,
            "benign_adverts": self.benign_adverts,
            "rotating_networks": self.rotating_networks,
            "rotated_adverts": self.rotated_adverts,
            "kinds": self.kinds,
            "seconds": round(self.seconds, 3),
            "adverts_per_second": round(self.adverts_per_second, 1),
        }


def generate(out_dir: Path, *, adverts: int, seed: int, source: str = "synth") -> CorpusReport:
    """Write `adverts` synthetic adverts to out_dir/adverts.jsonl, with truth.jsonl and networks.jsonl.

    The same seed always writes the same bytes. About 40% of adverts belong to planted smuggling
    networks (a share of them rotating every identifier), 12% to benign organisations that post across
    platforms and borders just as networks do (`graph.synth.benign`); the rest are travel agencies,
    jobs, rentals, news and chatter (see `graph.synth.noise`).
    """
    if adverts < 0:
        raise ValueError(f"adverts must be zero or more, not {adverts}")
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    phones = PhoneBook(random.Random(f"{seed}:phones"))
    identities = Identities(random.Random(f"{seed}:identities"), expected=adverts + 1000)
    world = World(
        phones,
        identities,
        Posts(random.Random(f"{seed}:posts")),
        Hubs(random.Random(f"{seed}:hubs"), phones, identities),
    )
    noise = Noise(world)
    noise_rng = random.Random(f"{seed}:noise")
    mix_rng = random.Random(f"{seed}:mix")
    sizes = plan_sizes(random.Random(f"{seed}:sizes"), round(adverts * NETWORK_SHARE))
    benign_sizes = plan_sizes(random.Random(f"{seed}:benign-sizes"), round(adverts * BENIGN_SHARE))
    order = [("smuggling", i, size) for i, size in enumerate(sizes)]
    order += [("benign", i, size) for i, size in enumerate(benign_sizes)]
    random.Random(f"{seed}:order").shuffle(order)
    network_total = sum(sizes) + sum(benign_sizes)
    noise_total = adverts - network_total
    rotating = rotated = 0
    kinds: Counter[str] = Counter()
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    files = [
        (out_dir / name).open("w", encoding="utf-8", newline="\n")
        for name in (ADVERTS_FILE, TRUTH_FILE, NETWORKS_FILE)
    ]
    try:
        advert_file, truth_file, network_file = files
        block: list[tuple[dict, dict]] = []
        networks: list[Network | Rotating | Organisation] = []
        done_networks = done_noise = 0
        quotes: dict[str, list[str]] = {}
        for step, (kind, index, size) in enumerate(order):
            if kind == "benign":
                rng = random.Random(f"{seed}:benign:{index}")
                organisation = plan_organisation(world, rng, f"B{index + 1:06d}", size)
                block.extend(organisation_adverts(world, rng, organisation, quotes))
                networks.append(organisation)
            else:
                rng = random.Random(f"{seed}:network:{index}")
                network = plan_smuggling(world, rng, f"N{index + 1:06d}", size)
                for part in network.parts():
                    for advert, truth in network_adverts(world, rng, part):
                        rotated += truth["rotated"]
                        block.append((advert, truth))
                rotating += isinstance(network, Rotating)
                for part in network.parts():
                    for code, body in part.quotable:
                        kept = quotes.setdefault(code, [])
                        kept.append(body)
                        del kept[:-QUOTES_KEPT]
                networks.append(network)
            done_networks += size
            if len(block) >= BLOCK or step == len(order) - 1:
                due = noise_total * done_networks // network_total - done_noise
                # Look-alikes copy numbers the networks really wrote, not ones planned but never posted.
                parts = [
                    part for net in networks if not isinstance(net, Organisation) for part in net.parts()
                ]
                nearby = [(p, part) for part in parts for p in part.phones() if p.key in part.identifiers]
                block.extend(noise.advert(noise_rng, nearby) for _ in range(due))
                done_noise += due
                _write_block(mix_rng, block, advert_file, truth_file, encode, source, kinds)
                for net in networks:
                    network_file.write(encode(net.record()) + "\n")
                block, networks = [], []
        while done_noise < noise_total:  # no networks at all (a tiny corpus)
            step = min(BLOCK, noise_total - done_noise)
            block = [noise.advert(noise_rng, []) for _ in range(step)]
            done_noise += step
            _write_block(mix_rng, block, advert_file, truth_file, encode, source, kinds)
        for hub in world.hubs.all:
            network_file.write(encode(hub.record()) + "\n")
    finally:
        for handle in files:
            handle.close()
    return CorpusReport(
        out_dir=out_dir,
        adverts=adverts,
        networks=len(sizes) + len(benign_sizes),
        network_adverts=network_total,
        largest_network=max([*sizes, *benign_sizes], default=0),
        hubs=len(world.hubs.all),
        kinds=dict(sorted(kinds.items())),
        seconds=time.perf_counter() - started,
        benign_networks=len(benign_sizes),
        benign_adverts=sum(benign_sizes),
        rotating_networks=rotating,
        rotated_adverts=rotated,
    )


def _write_block(
    rng: random.Random,
    block: list[tuple[dict, dict]],
    advert_file: IO[str],
    truth_file: IO[str],
    encode: Callable[[object], str],
    source: str,
    kinds: Counter[str],
) -> None:
    rng.shuffle(block)
    for advert, truth in block:
        advert["source"] = source
        advert_file.write(encode(advert) + "\n")
        truth_file.write(encode(truth) + "\n")
        kinds[truth["kind"]] += 1
