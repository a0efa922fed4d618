"""Score the identifier extractor against a synthetic corpus's truth.

    from graph.synth.score import score
    result = score(Path("var/synth"), limit=10_000)

Runs `graph.identifiers.extract` on each advert (with its platform and region) and compares the keys
it returns with the keys planted by construction: precision and recall per kind, per language and per
written form, and the adverts where the extractor returned a key planted by *another* network (a
false link between networks, the worst error for a graph of networks).
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SCORED_KINDS = ("phone", "handle", "payment", "email")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def as_json(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


@dataclass
class Miss:
    """One planted key the extractor did not return, or one it returned that was not planted."""

    post_id: str
    lang: str
    key: str
    form: str | None
    text: str


@dataclass
class Score:
    adverts: int = 0
    overall: Counts = field(default_factory=Counts)
    kinds: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    languages: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    forms: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    cross_network: list[Miss] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[Miss] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "adverts": self.adverts,
            "overall": self.overall.as_json(),
            "kinds": {k: v.as_json() for k, v in sorted(self.kinds.items())},
            "languages": {k: v.as_json() for k, v in sorted(self.languages.items())},
            "forms": {k: v.as_json() for k, v in sorted(self.forms.items())},
            "cross_network": len(self.cross_network),
        }


def _lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def planted_owners(out_dir: Path) -> dict[str, str]:
    """Every non-hub key a network planted, with the network that owns it."""
    owners = {}
    for record in _lines(out_dir / "networks.jsonl"):
        if not record["hub"]:
            for key in record["identifiers"]:
                owners[key] = record["network"]
    return owners


def score(out_dir: Path, *, limit: int | None = None, kinds: tuple[str, ...] = SCORED_KINDS) -> Score:
    """Extract from the first `limit` adverts (all when None) and compare with the truth."""
    from graph.identifiers import extract

    owners = planted_owners(out_dir)
    result = Score()
    pairs = zip(_lines(out_dir / "adverts.jsonl"), _lines(out_dir / "truth.jsonl"), strict=True)
    for advert, truth in itertools.islice(pairs, limit):
        result.adverts += 1
        found = extract(advert["text"], platform=advert["platform"], region=advert["region"])
        got = {i.key for i in found if i.kind in kinds}
        gold = {key for key in truth["identifiers"] if key.split(":", 1)[0] in kinds}
        lang = truth["lang"]
        for key in got | gold:
            kind = key.split(":", 1)[0]
            form = truth["forms"].get(key)
            if key in got and key in gold:
                outcome = "tp"
            elif key in gold:
                outcome = "fn"
                result.misses.append(Miss(advert["post_id"], lang, key, form, advert["text"]))
            else:
                outcome = "fp"
                result.false_positives.append(Miss(advert["post_id"], lang, key, None, advert["text"]))
                owner = owners.get(key)
                if owner is not None and owner != truth["network"]:
                    result.cross_network.append(Miss(advert["post_id"], lang, key, owner, advert["text"]))
            for counts in (result.overall, result.kinds[kind], result.languages[lang]):
                setattr(counts, outcome, getattr(counts, outcome) + 1)
            if form is not None:
                counts = result.forms[form]
                setattr(counts, outcome, getattr(counts, outcome) + 1)
    return result
