"""Hub identifiers: a few values that unrelated adverts all carry, and that must not join networks.

A public hotline quoted by news reposts (and by smugglers telling passengers whom to call at sea), a
famous account tagged for reach, and a link-in-bio page many networks point to. A graph that links
adverts through them would merge every network into one; the truth marks them so a scorer can check
that the system does not.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from graph.synth.identities import Identities
from graph.synth.phones import Phone, PhoneBook
from graph.synth.render import LATIN_LABELS, Rendered, Scene, render_aggregator, render_phone

# Names only a hub has: words without the serial every other generated name ends with.
FAMOUS_ACCOUNTS = ("dailyworldnews", "thegoalking")
AGGREGATOR = "travelhelp.europe"


@dataclass
class Hub:
    id: str
    kind: str  # hotline, famous, aggregator
    phone: Phone | None = None
    name: str | None = None
    adverts: int = 0
    keys: dict[str, None] = field(default_factory=dict)
    networks: set[str] = field(default_factory=set)

    def record(self) -> dict:
        """The hub's line in networks.jsonl."""
        return {
            "network": self.id,
            "hub": True,
            "kind": self.kind,
            "size": self.adverts,
            "networks": len(self.networks),
            "identifiers": list(self.keys),
        }


class Hubs:
    """The corpus's hubs and where they were used."""

    def __init__(self, rng: random.Random, phones: PhoneBook, identities: Identities) -> None:
        self.hotlines = [
            Hub("hub:hotline:gb", "hotline", phone=phones.toll_free("GB", "800", 10)),
            Hub("hub:hotline:it", "hotline", phone=phones.toll_free("IT", "800", 9)),
            Hub("hub:hotline:fr", "hotline", phone=phones.toll_free("FR", "80", 9)),
        ]
        self.famous = [Hub(f"hub:famous:{name}", "famous", name=name) for name in FAMOUS_ACCOUNTS]
        self.aggregator = Hub("hub:aggregator:linktree", "aggregator", name=AGGREGATOR)
        for name in (*FAMOUS_ACCOUNTS, AGGREGATOR):
            identities.reserve(name)
        self._rng = rng

    @property
    def all(self) -> list[Hub]:
        return [*self.hotlines, *self.famous, self.aggregator]

    def hotline_for(self, lang_code: str) -> Hub:
        """The hotline a newsroom writing in this language would quote."""
        if lang_code in ("en", "sq", "ckb", "vi"):
            return self.hotlines[0]
        if lang_code in ("fr",):
            return self.hotlines[2]
        return self.hotlines[1]

    def render(self, scene: Scene, hub: Hub) -> Rendered:
        """The hub written in an advert: the hotline as a plain number, the account as a tag."""
        rng = scene.rng
        if hub.kind == "hotline":
            assert hub.phone is not None
            forms = ["intl", "intl", "double_zero", "e164"]
            if scene.region == hub.phone.country:
                forms += ["national_region"] * 3
            return render_phone(scene, hub.phone, rng.choice(forms))
        if hub.kind == "famous":
            name = hub.name or ""
            if scene.platform != "whatsapp":
                return Rendered("@" + name, (f"handle:{scene.platform}:{name}",), "mention")
            platform = rng.choice(("instagram", "tiktok"))
            label = rng.choice(LATIN_LABELS[platform])
            return Rendered(f"{label}: @{name}", (f"handle:{platform}:{name}",), "label_colon")
        return render_aggregator(scene, hub.name or "")

    def use(self, hub: Hub, keys: tuple[str, ...] | list[str], network: str | None) -> None:
        """Count one advert carrying the hub (written as `keys`), and the network that posted it."""
        hub.adverts += 1
        for key in keys:
            hub.keys.setdefault(key, None)
        if network:
            hub.networks.add(network)
