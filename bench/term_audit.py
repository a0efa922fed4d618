"""Audit the lexicon's smuggling terms against the labelled adverts: write graph/indicators/audit.json.

    python bench/term_audit.py [--write] [--all]

For every smuggling term (its language, its headword) the development files of
bench/train_indicator_model.py hold, count the labelled adverts holding it that are smuggling and that
are honest. A term is audited (graph.indicators.audit: found and shown, weight 0) when at least
MIN_ADVERTS adverts hold it and the upper end of the Wilson interval of their smuggling share, at
CONFIDENCE, is below SHARE: its adverts are mostly honest beyond what chance explains. The development
files are about half smuggling, so a term below one half beyond chance leans honest.

Only the development files are read, never a blind set: the audit is part of the fit, and is rewritten
with model.json (run this, then `bench/train_indicator_model.py --write`) whenever the lexicon or the
labelled data change. The test of the training script checks the committed file against the data.
Without --write the audited terms are printed; with --all every term held by MIN_ADVERTS adverts or more.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import train_indicator_model as train  # noqa: E402
from graph import language  # noqa: E402
from graph.indicators import SMUGGLING_CATEGORIES  # noqa: E402
from graph.indicators.lexicon import load_all  # noqa: E402
from graph.indicators.match import Matcher  # noqa: E402

AUDIT = ROOT / "graph" / "indicators" / "audit.json"
MIN_ADVERTS = 12
CONFIDENCE = 0.95
SHARE = 0.5
Z = 1.959964  # the two-sided normal quantile of CONFIDENCE


@dataclass(frozen=True, slots=True)
class Count:
    """The labelled adverts holding one term."""

    lang: str
    term: str
    category: str
    smuggling: int
    benign: int

    @property
    def adverts(self) -> int:
        return self.smuggling + self.benign

    @property
    def upper(self) -> float:
        """The upper end of the Wilson score interval of the smuggling share, at CONFIDENCE."""
        n, p = self.adverts, self.smuggling / self.adverts
        centre = p + Z * Z / (2 * n)
        spread = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
        return (centre + spread) / (1 + Z * Z / n)

    @property
    def audited(self) -> bool:
        return self.adverts >= MIN_ADVERTS and self.upper < SHARE


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled advert as the audit reads it: its label and its lexicon terms."""

    smuggling: bool
    terms: frozenset[tuple[str, str, str]]  # (language, term, category) of its smuggling terms


def labelled(files: Sequence[str] = train.FILES) -> list[Labelled]:
    """The adverts of the development files with their smuggling lexicon terms, found by the lexicon as
    written (no audit applied: which language's term a shared spelling is read as must not depend on
    the audit being rewritten), in the advert's language as training reads it."""
    matcher = Matcher(load_all())
    result = []
    for name in files:
        for advert in train.load(train.DATA / name):
            lang = language.code(advert.lang) if advert.lang else language.detect(advert.text)
            hits = matcher.find(advert.text, lang)
            terms = {(h.lang, h.term, h.category) for h in hits if h.category in SMUGGLING_CATEGORIES}
            result.append(Labelled(advert.smuggling, frozenset(terms)))
    return result


def counts(adverts: Iterable[Labelled]) -> list[Count]:
    """Every smuggling term the adverts hold, with how many of them are smuggling and honest, by
    language then term."""
    smuggling: Counter[tuple[str, str, str]] = Counter()
    benign: Counter[tuple[str, str, str]] = Counter()
    for advert in adverts:
        (smuggling if advert.smuggling else benign).update(advert.terms)
    return [
        Count(lang, term, category, smuggling[key], benign[key])
        for key in sorted(smuggling.keys() | benign.keys())
        for lang, term, category in [key]
    ]


def audit(adverts: Iterable[Labelled]) -> dict:
    """The audit.json content of these adverts."""
    found = [count for count in counts(adverts) if count.audited]
    return {
        "about": "Terms the labelled adverts show to lean honest; written by bench/term_audit.py --write.",
        "trained_on": list(train.FILES),
        "rule": {"min_adverts": MIN_ADVERTS, "confidence": CONFIDENCE, "share_below": SHARE},
        "terms": [
            {"lang": c.lang, "term": c.term, "category": c.category}
            | {"smuggling": c.smuggling, "benign": c.benign}
            for c in found
        ],
    }


def report(found: Sequence[Count]) -> str:
    """One line per term: share, upper bound, adverts, category, language, term."""
    lines = [f"{'share':>5} {'upper':>5} {'adverts':>7}  category   lang  term"]
    for c in sorted(found, key=lambda c: (c.upper, c.lang, c.term)):
        share = c.smuggling / c.adverts
        lines.append(f"{share:5.2f} {c.upper:5.2f} {c.adverts:7d}  {c.category:10s} {c.lang:5s} {c.term}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write graph/indicators/audit.json")
    parser.add_argument("--all", action="store_true", help="print every term with enough adverts")
    args = parser.parse_args(argv)
    adverts = labelled()
    every = counts(adverts)
    shown = [c for c in every if c.adverts >= MIN_ADVERTS and (args.all or c.audited)]
    print(report(shown))
    audited = sum(c.audited for c in every)
    print(f"{audited} of {len(every)} smuggling terms held by the labelled adverts are audited")
    if args.write:
        AUDIT.write_text(json.dumps(audit(adverts), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {AUDIT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
