"""The triage score of a network: 0 to 100, what its adverts say first, its shape second.

score = shape (0..20) + content (0..80) − benign (0..75), each part stored, so a rank can be read.

**Shape** is what identifiers show, four parts of 0 to 5:
- cross-platform = 5 × min(platforms − 1, 3) / 3 (the adverts' platforms and those of the accounts they
  name), cross-border = the same steps over its countries (phones, IBANs, country-code domains, advert
  regions, countries named);
- size = 5 × min(log2(size) / 8, 1), size = adverts + accounts (a logarithm: the hundredth advert tells
  less than the tenth);
- recency = 5 × 0.5 ^ (days since last seen / 30), computed when the network was (re)computed.

**Content** is what its adverts' texts say (see `graph.networks.content` and the lexicon), four parts:
- share = 32 × the analysed adverts' smuggling score on average: how much of the network reads as
  smuggling, near misses (a route and a price without a service word) counted in part;
- strength = 24 × the mean smuggling score of its strongest adverts: a network of many quiet adverts and
  a few explicit ones is not a quiet network;
- breadth = 12 × min(categories, 4) / 4, the distinct smuggling categories its adverts hit: a crossing
  offered with a price, a route and secrecy across a network's adverts is a service, one word alone
  may be a quote;
- template = 12 × the share of its adverts that are read as smuggling and copy a template another advert
  uses: gangs copy their text while they rotate their phones. A copied ordinary advert earns nothing.

**Benign** = 75 × the benign strength of its adverts on average: adverts that name a registered business
or bookings, a charity or donations, read as news, offer regular jobs or courses (the lexicon's
`benign_*` categories). These are the ways a travel agency, a rescue charity, a newsroom, a job board or
a language school write, which share identifiers across platforms and borders as networks do;
smugglers avoid the traceable name, number or registration they carry. An advert's benign signal
counts for what its evidence has left once the advert's smuggling evidence is taken from it (see
`AdvertContent.benign_strength`): each piece of evidence counts once, so a booking word beside a gang's
price and route, which already cancelled the advert's smuggling score, does not pull its network down
as well. The benign part is at most what shape and content give, so the score is never below 0.

The weights make content dominate: shape gives at most 20, so a network whose adverts say nothing of a
crossing stays low however wide and busy it is, while a few explicit smuggling adverts on one platform
have most of the content part; between networks whose adverts read alike, shape decides. Each part is
rounded to one decimal and the score is the sum of the rounded parts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from graph.networks.content import ContentSummary

SHAPE_PART = 5.0  # each of the four shape parts
SHARE_MAX = 32.0
STRENGTH_MAX = 24.0
BREADTH_MAX = 12.0
TEMPLATE_MAX = 12.0
BENIGN_MAX = 75.0
STEPS = 3  # platforms or countries beyond the first that earn the full part
SIZE_FULL = 256  # members (adverts + accounts) that earn the full size part
HALF_LIFE_DAYS = 30.0
BREADTH_FULL = 4  # distinct smuggling categories that earn the full breadth part
REASONS = 3  # categories an explanation names

# What an advert that hits each category does, in the words of an explanation ("12 quote a price").
DOES = {
    "service": ("offers a crossing", "offer a crossing"),
    "route": ("names a route or departure point", "name a route or departure point"),
    "price": ("quotes a price or payment terms", "quote a price or payment terms"),
    "documents": ("offers documents", "offer documents"),
    "urgency": ("presses to leave soon", "press to leave soon"),
    "secrecy": ("asks for secrecy", "ask for secrecy"),
    "emoji": ("uses crossing emoji", "use crossing emoji"),
    "benign_business": ("names a registered business or bookings", "name a registered business or bookings"),
    "benign_charity": ("names a charity or donations", "name a charity or donations"),
    "benign_news": ("reads as news", "read as news"),
    "benign_jobs": ("offers regular jobs", "offer regular jobs"),
    "benign_education": ("offers courses or study", "offer courses or study"),
}


@dataclass(frozen=True, slots=True)
class Score:
    """A network's score and its parts, with the sentences saying why."""

    total: float
    cross_platform: float
    cross_border: float
    size: float
    recency: float
    content: float
    template: float  # the template part of `content`
    benign: float
    explanation: str

    @property
    def shape(self) -> float:
        return round(self.cross_platform + self.cross_border + self.size + self.recency, 1)

    def properties(self) -> dict[str, float | str]:
        """The Network node properties that hold the score."""
        return {
            "score": self.total,
            "score_shape": self.shape,
            "score_cross_platform": self.cross_platform,
            "score_cross_border": self.cross_border,
            "score_size": self.size,
            "score_recency": self.recency,
            "score_content": self.content,
            "score_template": self.template,
            "score_benign": self.benign,
            "score_explanation": self.explanation,
        }


def score(
    platforms: int,
    countries: int,
    size: int,
    last_seen: datetime | None,
    now: datetime,
    content: ContentSummary | None = None,
) -> Score:
    """The score of a network with this many platforms, countries and members, last seen then, whose
    adverts say `content` (none: nothing known of them), as of `now`."""
    content = content or ContentSummary()
    cross_platform = round(SHAPE_PART * min(max(platforms - 1, 0), STEPS) / STEPS, 1)
    cross_border = round(SHAPE_PART * min(max(countries - 1, 0), STEPS) / STEPS, 1)
    size_part = round(SHAPE_PART * min(math.log2(max(size, 1)) / math.log2(SIZE_FULL), 1.0), 1)
    days = None if last_seen is None else max((now - last_seen).total_seconds() / 86400, 0.0)
    recency = 0.0 if days is None else round(SHAPE_PART * 0.5 ** (days / HALF_LIFE_DAYS), 1)
    shape = round(cross_platform + cross_border + size_part + recency, 1)

    breadth = min(len(content.smuggling_categories()), BREADTH_FULL) / BREADTH_FULL
    reuse = content.templated_smuggling / content.adverts if content.adverts else 0.0
    template = round(TEMPLATE_MAX * reuse, 1)
    content_part = round(
        SHARE_MAX * content.mean_score + STRENGTH_MAX * content.strength + BREADTH_MAX * breadth + template,
        1,
    )
    benign = round(min(BENIGN_MAX * content.benign_share, shape + content_part), 1)
    total = round(shape + content_part - benign, 1)

    seen = "never seen" if days is None else _ago(days)
    head = f"Score {total:g} of 100 = content {content_part:g} + shape {shape:g} - benign {benign:g}."
    shape_words = (
        f"Shape: {_count(platforms, 'platform')} ({cross_platform:g} of 5), "
        f"{_count(countries, 'country', 'countries')} ({cross_border:g}), "
        f"{_count(size, 'member')} ({size_part:g}), last seen {seen} ({recency:g})."
    )
    explanation = " ".join([head, _content_words(content), shape_words])
    return Score(
        total, cross_platform, cross_border, size_part, recency, content_part, template, benign, explanation
    )


def _content_words(content: ContentSummary) -> str:
    """The strongest reasons in the adverts, each a count an analyst can check against their texts."""
    if content.adverts and not content.analysed:
        return "Content: its adverts were stored before texts were analysed (re-ingest with --rewrite)."
    reasons = []
    if content.smuggling:
        reasons.append(
            f"{content.smuggling} of {content.analysed} adverts read as smuggling "
            f"(mean score {content.mean_score:.2f})"
        )
    else:
        reasons.append(f"none of {content.analysed} adverts reads as smuggling")
    for category in content.smuggling_categories()[:REASONS]:
        reasons.append(_reason(content, category))
    if content.templated_smuggling == 1:
        reasons.append("1 smuggling advert shares a template with others")
    elif content.templated_smuggling:
        reasons.append(f"{content.templated_smuggling} smuggling adverts share a template with others")
    benign = content.benign_categories()
    if not benign:
        reasons.append("no business, charity, news, job or school signals")
    else:
        lead = "mostly benign: " if 2 * content.benign_adverts >= content.analysed else "benign signals: "
        reasons.append(lead + "; ".join(_reason(content, c) for c in benign[:2]))
    if content.unanalysed:
        reasons.append(f"{content.unanalysed} adverts not analysed")
    return "Content: " + "; ".join(reasons) + "."


def _reason(content: ContentSummary, category: str) -> str:
    """`12 quote a price or payment terms (payment on arrival, 2500 euro)`."""
    n = content.categories[category]
    one, many = DOES.get(category, (f"hits {category}", f"hit {category}"))
    terms = ", ".join(content.top_terms(category))
    return f"{n} {one if n == 1 else many}" + (f" ({terms})" if terms else "")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _ago(days: float) -> str:
    if days < 1:
        return "today"
    whole = int(days)
    return "1 day ago" if whole == 1 else f"{whole} days ago"
