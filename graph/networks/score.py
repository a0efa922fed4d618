"""The triage score of a network: 0 to 100, the sum of four parts of 0 to 25 each, so a rank can be read.

- **cross-platform** = 25 × min(platforms − 1, 3) / 3: one platform gives 0, two 8.3, three 16.7, four or
  more 25. Platforms are those of the network's adverts and of the accounts they name.
- **cross-border** = 25 × min(countries − 1, 3) / 3, the same steps over the network's countries (phones,
  IBANs, country-code domains, advert regions and countries the adverts name).
- **size** = 25 × min(log2(size) / 8, 1), size = adverts + accounts: 2 members give 3.1, 16 give 12.5,
  256 or more 25. A logarithm, because the hundredth advert tells less than the tenth.
- **recency** = 25 × 0.5 ^ (days since last seen / 30): a network seen today gives 25, one last seen a
  month ago 12.5, three months ago 3.1. Computed when the network was (re)computed (`updated_at`), so it
  ages between recomputes; `crosslink networks rebuild` refreshes every score.

Each part is rounded to one decimal and the score is the sum of the rounded parts, so the four parts
always add up to the score shown. Two networks with the same score are ordered by the API, not here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

PART_MAX = 25.0
STEPS = 3  # platforms or countries beyond the first that earn the full part
SIZE_FULL = 256  # members (adverts + accounts) that earn the full size part
HALF_LIFE_DAYS = 30.0


@dataclass(frozen=True, slots=True)
class Score:
    """A network's score and its four parts (each 0..25), with one sentence saying why."""

    total: float
    cross_platform: float
    cross_border: float
    size: float
    recency: float
    explanation: str

    def properties(self) -> dict[str, float | str]:
        """The Network node properties that hold the score."""
        return {
            "score": self.total,
            "score_cross_platform": self.cross_platform,
            "score_cross_border": self.cross_border,
            "score_size": self.size,
            "score_recency": self.recency,
            "score_explanation": self.explanation,
        }


def score(platforms: int, countries: int, size: int, last_seen: datetime | None, now: datetime) -> Score:
    """The score of a network with this many platforms, countries and members, last seen then, as of `now`."""
    cross_platform = round(PART_MAX * min(max(platforms - 1, 0), STEPS) / STEPS, 1)
    cross_border = round(PART_MAX * min(max(countries - 1, 0), STEPS) / STEPS, 1)
    size_part = round(PART_MAX * min(math.log2(max(size, 1)) / math.log2(SIZE_FULL), 1.0), 1)
    if last_seen is None:
        days = None
        recency = 0.0
    else:
        days = max((now - last_seen).total_seconds() / 86400, 0.0)
        recency = round(PART_MAX * 0.5 ** (days / HALF_LIFE_DAYS), 1)
    total = round(cross_platform + cross_border + size_part + recency, 1)
    seen = "never seen" if days is None else _ago(days)
    explanation = (
        f"Score {total:g} of 100: {_count(platforms, 'platform')} ({cross_platform:g} of 25), "
        f"{_count(countries, 'country', 'countries')} ({cross_border:g}), "
        f"{_count(size, 'member')} ({size_part:g}), last seen {seen} ({recency:g})."
    )
    return Score(total, cross_platform, cross_border, size_part, recency, explanation)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _ago(days: float) -> str:
    if days < 1:
        return "today"
    whole = int(days)
    return "1 day ago" if whole == 1 else f"{whole} days ago"
