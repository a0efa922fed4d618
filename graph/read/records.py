"""What the read functions return: adverts, accounts, identifiers and networks as plain Python records.

Built from the rows of `cypher/read_*.cypher`; the API's types and the CLI show them, neither reads the
graph itself. Dates are timezone-aware datetimes in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from graph.read.keys import kind_of


@dataclass(frozen=True, slots=True)
class Span:
    """Where an identifier is written in an advert: [start, end) in characters of its text, and that text."""

    start: int
    end: int
    text: str


def spans_of(offsets: list[int], quotes: list[str]) -> list[Span]:
    """Pairs of a flat [start, end, start, end, ...] list with the quoted text of each pair."""
    return [Span(offsets[i], offsets[i + 1], quotes[i // 2]) for i in range(0, len(offsets) - 1, 2)]


@dataclass(frozen=True, slots=True)
class Indicator:
    """One smuggling indicator or benign signal ingest found in an advert: the lexicon term, its category
    and language, where it is written ([start, end) in the advert's text) and how strongly it counts."""

    term: str
    category: str
    language: str
    start: int
    end: int
    weight: float


def indicators_of(p: dict[str, Any]) -> list[Indicator]:
    """An advert's indicator hits from its stored lists (one entry per hit; a list cut short by a damaged
    node ends them there)."""
    terms = p.get("indicator_terms") or []
    categories = p.get("indicator_categories") or []
    langs = p.get("indicator_langs") or []
    spans = p.get("indicator_spans") or []
    weights = p.get("indicator_weights") or []
    n = min(len(terms), len(categories), len(langs), len(spans) // 2, len(weights))
    return [
        Indicator(
            str(terms[i]), str(categories[i]), str(langs[i]), int(spans[2 * i]), int(spans[2 * i + 1]),
            float(weights[i]),
        )
        for i in range(n)
    ]  # fmt: skip


def score_words_of(p: dict[str, Any]) -> list[tuple[str, float]]:
    """An advert's stored score words with their parts (pairs cut at the shorter list, as hits are)."""
    words, parts = p.get("score_words") or [], p.get("score_word_parts") or []
    return [(str(word), float(part)) for word, part in zip(words, parts, strict=False)]


@dataclass(frozen=True, slots=True)
class Advert:
    key: str
    platform: str
    post_id: str
    text: str
    posted_at: datetime | None
    url: str | None = None
    lang: str | None = None
    region: str | None = None
    source: str | None = None
    media: list[str] = field(default_factory=list)
    network: str | None = None
    lang_detected: bool = False
    smuggling_score: float | None = None  # None: stored before ingest analysed texts
    indicators: list[Indicator] = field(default_factory=list)
    # The words that moved its score most, with what each added to the log-odds, strongest first.
    score_words: list[tuple[str, float]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Account:
    key: str
    platform: str
    handle: str | None
    account_id: str | None = None
    name: str | None = None
    taken_down_at: datetime | None = None
    hub: bool = False
    hub_reason: str | None = None
    network: str | None = None
    posted: int = 0
    mentioned_by: int = 0


@dataclass(frozen=True, slots=True)
class Identifier:
    """A phone, handle (an account), payment tag, email, link or domain, as one node of the graph."""

    key: str
    kind: str
    value: str
    country: str | None = None
    scheme: str | None = None
    platform: str | None = None
    hub: bool = False
    hub_reason: str | None = None
    mentioned_by: int = 0


@dataclass(frozen=True, slots=True)
class Network:
    key: str
    id: str
    size: int = 0
    advert_count: int = 0
    account_count: int = 0
    platforms: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    score: float = 0.0
    score_cross_platform: float = 0.0
    score_cross_border: float = 0.0
    score_size: float = 0.0
    score_recency: float = 0.0
    score_explanation: str | None = None
    updated_at: datetime | None = None
    score_shape: float = 0.0
    score_content: float = 0.0
    score_template: float = 0.0
    score_benign: float = 0.0
    template_adverts: int = 0
    smuggling_adverts: int = 0
    benign_adverts: int = 0
    indicator_categories: list[str] = field(default_factory=list)


Node = Advert | Account | Identifier | Network


def node_from_row(row: dict[str, Any]) -> Node | None:
    """The record for one row of read_nodes.cypher; None for a kind the API does not show."""
    key, p = row["key"], row["properties"]
    kind = kind_of(key)
    if kind == "advert":
        return Advert(
            key=key,
            platform=p.get("platform", ""),
            post_id=str(p.get("post_id", "")),
            text=p.get("text") or "",
            posted_at=moment(p.get("posted_at")),
            url=p.get("url"),
            lang=p.get("lang"),
            region=p.get("region"),
            source=p.get("source"),
            media=list(p.get("media") or []),
            network=row.get("network"),
            lang_detected=bool(p.get("lang_detected")),
            smuggling_score=None if p.get("smuggling_score") is None else float(p["smuggling_score"]),
            indicators=indicators_of(p),
            score_words=score_words_of(p),
        )
    if kind == "network":
        return network_from_properties(p)
    if kind == "handle" and "Account" in row.get("labels", ["Account"]):
        return Account(
            key=key,
            platform=p.get("platform") or key.split(":")[1],
            handle=p.get("handle"),
            account_id=None if p.get("account_id") is None else str(p["account_id"]),
            name=p.get("name"),
            taken_down_at=moment(p.get("taken_down_at")),
            hub=bool(p.get("hub")),
            hub_reason=p.get("hub_reason"),
            network=row.get("network"),
            posted=row.get("posted", 0),
            mentioned_by=row.get("mentioned_by", 0),
        )
    if kind is None:
        return None
    return Identifier(
        key=key,
        kind=kind,
        value=_value(kind, key, p),
        country=p.get("country"),
        scheme=p.get("scheme"),
        hub=bool(p.get("hub")),
        hub_reason=p.get("hub_reason"),
        mentioned_by=row.get("mentioned_by", 0),
    )


def identifier_of(node: Node) -> Identifier:
    """An account seen as an identifier (a handle); other identifiers as they are."""
    if isinstance(node, Account):
        return Identifier(
            key=node.key,
            kind="handle",
            value=node.handle or node.account_id or node.key.split(":", 2)[-1],
            platform=node.platform,
            hub=node.hub,
            hub_reason=node.hub_reason,
            mentioned_by=node.mentioned_by,
        )
    if isinstance(node, Identifier):
        return node
    raise TypeError(f"{node.key} is not an identifier")


def network_from_properties(p: dict[str, Any]) -> Network:
    """A Network record from the node's properties as `graph.networks` writes them."""
    key = p.get("key", "")
    return Network(
        key=key,
        id=str(p.get("id") if p.get("id") is not None else key.partition(":")[2]),
        size=int(p.get("size") or 0),
        advert_count=int(p.get("advert_count") or 0),
        account_count=int(p.get("account_count") or 0),
        platforms=sorted(p.get("platforms") or []),
        countries=sorted(p.get("countries") or []),
        first_seen=moment(p.get("first_seen")),
        last_seen=moment(p.get("last_seen")),
        score=float(p.get("score") or 0.0),
        score_cross_platform=float(p.get("score_cross_platform") or 0.0),
        score_cross_border=float(p.get("score_cross_border") or 0.0),
        score_size=float(p.get("score_size") or 0.0),
        score_recency=float(p.get("score_recency") or 0.0),
        score_explanation=_text(p.get("score_explanation")),
        updated_at=moment(p.get("updated_at")),
        score_shape=float(p.get("score_shape") or 0.0),
        score_content=float(p.get("score_content") or 0.0),
        score_template=float(p.get("score_template") or 0.0),
        score_benign=float(p.get("score_benign") or 0.0),
        template_adverts=int(p.get("template_adverts") or 0),
        smuggling_adverts=int(p.get("smuggling_adverts") or 0),
        benign_adverts=int(p.get("benign_adverts") or 0),
        indicator_categories=list(p.get("indicator_categories") or []),
    )


def moment(value: Any) -> datetime | None:
    """A date the read queries send as epoch milliseconds (or already a datetime) as a UTC datetime.

    The queries send milliseconds because the driver's own datetime decoding dominated the API's time.
    """
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromtimestamp(value / 1000, UTC)


def _value(kind: str, key: str, p: dict[str, Any]) -> str:
    """The identifier as a person reads it: the number, tag, address, URL or domain."""
    for name in ("e164", "value", "address", "url", "domain"):
        if p.get(name):
            return str(p[name])
    return key.split(":", 1)[1] if kind != "payment" else key.split(":", 2)[-1]


def _text(value: Any) -> str | None:
    """An explanation stored as a string or a list of lines, as one string."""
    if value is None:
        return None
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True, slots=True)
class Mention:
    """One identifier an advert mentions, with each place it is written."""

    identifier: str
    count: int
    spans: list[Span]


@dataclass(frozen=True, slots=True)
class Use:
    """An account's use of an identifier: how many of its adverts mention it, first and last time."""

    account: str
    identifier: str
    adverts: int
    first_seen: datetime | None
    last_seen: datetime | None


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    adverts: int


@dataclass(frozen=True, slots=True)
class Carrier:
    """One advert carrying a shared identifier: MENTIONS with the spans, or POSTED (the account wrote it)."""

    advert: str
    relation: str
    spans: list[Span]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A shared identifier of a network, with the adverts that carry it (at most the limit asked for)."""

    identifier: str
    total: int
    carriers: list[Carrier]


@dataclass(frozen=True, slots=True)
class NetworkIdentifier:
    identifier: str
    adverts: int


@dataclass(frozen=True, slots=True)
class TemplateLink:
    """A near-duplicate of an advert: the other advert, how similar their texts are (0..1), and whether
    the link joins networks (false for a template shared by many unrelated groups, with the reason)."""

    advert: str
    other: str
    similarity: float
    joins: bool
    reason: str | None
