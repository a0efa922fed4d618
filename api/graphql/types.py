"""The GraphQL types analysts query: adverts, accounts, identifiers, networks and the evidence between them.

Each type wraps a record from `graph.read.records`; nested fields are read through the request's loaders
(`info.context.loaders`), so they batch. Ids are the graph's node keys (`advert:telegram:chan/412`,
`phone:+447400123456`, `network:17`), the same an analyst sees in Neo4j Browser or Bloom.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.graphql.loaders import KeyedRead
from api.graphql.network_graph import DEFAULT_GRAPH_NODES, NetworkGraph, check_limit
from graph import casework
from graph.apikeys import ApiKey as ApiKeyRecord
from graph.export.subgraph import read_networks
from graph.identifiers import TYPES
from graph.read import glossary, queries, records
from graph.read.keys import kind_of

# Page sizes when a query gives none: the fields' defaults, which `api.graphql.lookahead` reads with too.
IDENTIFIER_ADVERTS = 20
IDENTIFIER_ACCOUNTS = 50
NETWORK_MEMBERS = 50
EVIDENCE_ADVERTS = 10

# The loader reads of nodes' fields: declared on the field, where `api.graphql.lookahead` finds those it
# starts early.
ADVERTS_OF = KeyedRead("adverts_of", page="first")
ACCOUNTS_OF = KeyedRead("accounts_of", page="first")
ACCOUNT_IDENTIFIERS = KeyedRead("account_identifiers", page="first")
NETWORKS_OF = KeyedRead("networks_of")
MEMBERS = KeyedRead("members", page="first")
NETWORK_IDENTIFIERS = KeyedRead("network_identifiers")
TIMELINE = KeyedRead("timelines")
EVIDENCE = KeyedRead("evidence", page="advertsPerIdentifier")
TEMPLATE_LINKS = KeyedRead("template_links", page="first")
ADVERT_TEMPLATE_LINKS = 20
ADVERT_INDICATORS = 50

# --- enums and small values ---


# One value per identifier type, by its registry name, so that a new type is a kind analysts can name.
IdentifierKind = strawberry.enum(
    Enum("IdentifierKind", [(name.upper(), name) for name in TYPES.names]),
    description="The kinds of identifier an advert can carry. A wallet is kept and answered as a PAYMENT "
    "(its id is payment:<chain>:<address>); asked for, WALLET reads only a crypto address, PAYMENT any "
    "payment tag, IBAN or wallet.",
)


@strawberry.enum(description="How to rank networks: all orders are highest first.")
class NetworkOrder(Enum):
    SCORE = "SCORE"
    CONTENT = strawberry.enum_value("CONTENT", description="The content part of the score alone.")
    SIZE = "SIZE"
    LAST_SEEN = "LAST_SEEN"


@strawberry.enum(description="How an advert joined its network.")
class JoinedBy(Enum):
    IDENTIFIER = strawberry.enum_value(
        "identifier", description="Through shared identifiers or an author (the usual way)."
    )
    TEMPLATE = strawberry.enum_value(
        "template", description="Only through template links: its text copies another member's."
    )
    ANY = strawberry.enum_value("any", description="Either way.")


@strawberry.enum(description="What an API key may do; each role includes the ones before it.")
class Role(Enum):
    READER = "reader"
    INGEST = "ingest"
    ADMIN = "admin"


@strawberry.type(
    description="Where an identifier is written in an advert: [start, end) in its text, and that text."
)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, span: records.Span) -> Span:
        return cls(start=span.start, end=span.end, text=span.text)


@strawberry.type(description="An analyst's tag and case note on a node.")
class Tag:
    id: strawberry.ID
    target: strawberry.ID
    label: str
    note: str | None
    created_at: datetime
    created_by: str = strawberry.field(description="The id of the API key that wrote it.")
    moved_from: strawberry.ID | None = strawberry.field(
        default=None,
        description="The network it was put on, when that network has since merged into this one or "
        "come apart (the tag then moved to its adverts).",
    )

    @classmethod
    def of(cls, tag: casework.Tag) -> Tag:
        return cls(
            id=strawberry.ID(tag.id),
            target=strawberry.ID(tag.target),
            label=tag.label,
            note=tag.note,
            created_at=tag.created_at,
            created_by=tag.created_by,
            moved_from=strawberry.ID(tag.moved_from) if tag.moved_from else None,
        )


async def _tags(info: Info, key: str) -> list[Tag]:
    return [Tag.of(t) for t in await info.context.loaders.tags.load(key)]


async def _node(info: Info, key: str) -> records.Node | None:
    return await info.context.loaders.nodes.load(key)


async def _network(info: Info, key: str | None) -> Network | None:
    if key is None:
        return None
    record = await _node(info, key)
    return Network.of(record) if isinstance(record, records.Network) else None


async def _adverts(info: Info, keys: list[str]) -> list[Advert]:
    found = await info.context.loaders.nodes.load_many(keys)
    return [Advert.of(r) for r in found if isinstance(r, records.Advert)]


async def _adverts_carrying(info: Info, key: str, first: int) -> list[Advert]:
    """The newest adverts carrying an identifier or account, read whole: kept for the other fields that
    ask for them, so they are not read again, and shown."""
    adverts, _ = await ADVERTS_OF.load(info.context.loaders, key, first)
    info.context.loaders.prime_nodes(adverts)
    return [Advert.of(r) for r in adverts]


async def _accounts(info: Info, keys: list[str]) -> list[Account]:
    found = await info.context.loaders.nodes.load_many(keys)
    return [Account.of(r) for r in found if isinstance(r, records.Account)]


async def _account(info: Info, key: str | None) -> Account | None:
    """The account of `key`, or None for no key (or no such account)."""
    if key is None:
        return None
    found = await _accounts(info, [key])
    return found[0] if found else None


async def _identifier(info: Info, key: str) -> Identifier | None:
    record = await _node(info, key)
    if isinstance(record, records.Account | records.Identifier):
        return Identifier.of(records.identifier_of(record))
    return None


# --- adverts ---


@strawberry.type(description="One identifier an advert mentions, with every place its text writes it.")
class Mention:
    count: int
    spans: list[Span]
    identifier_key: strawberry.Private[str]

    @strawberry.field
    async def identifier(self, info: Info) -> Identifier | None:
        return await _identifier(info, self.identifier_key)


@strawberry.type(
    description="A smuggling indicator or benign signal found in an advert: a lexicon term, its category "
    "(service, route, price, documents, urgency, secrecy, emoji, or benign_business, benign_charity, "
    "benign_news, benign_jobs, benign_education) and where the advert writes it."
)
class Indicator:
    term: str = strawberry.field(description="The lexicon's term (whichever of its spellings was written).")
    category: str
    language: str = strawberry.field(description="The language of the lexicon the term is from.")
    start: int = strawberry.field(description="Where the advert writes it: [start, end) in its text.")
    end: int
    weight: float = strawberry.field(description="How strongly the term alone points to its category, 0-1.")
    text: str = strawberry.field(description="What the advert wrote there.")

    @strawberry.field(description="The term in English, as the lexicon glosses it.")
    def means(self) -> str | None:
        return glossary.means(self.language, self.term)

    @classmethod
    def of(cls, hit: records.Indicator, text: str) -> Indicator:
        return cls(
            term=hit.term,
            category=hit.category,
            language=hit.language,
            start=hit.start,
            end=hit.end,
            weight=hit.weight,
            text=text[hit.start : hit.end],
        )


@strawberry.type(
    description="A word of an advert that moved its smuggling score: the learned model reads the wording "
    "of a text besides its indicators, word by word, and these are the words that weighed most."
)
class ScoreWord:
    word: str = strawberry.field(
        description="The word as the model reads it: lower case, without accents, Arabic and Persian letter "
        "variants made one, every digit written 0."
    )
    part: float = strawberry.field(
        description="What it added to the score's log-odds: above 0 towards smuggling, below 0 towards "
        "benign."
    )


@strawberry.type(
    description="A near-duplicate of an advert: another advert whose text copies the same template. "
    "`joins` is false for a template shared by many unrelated groups (a viral post, a headline), with why."
)
class TemplateLink:
    similarity: float = strawberry.field(description="Estimated similarity of the two texts, 0-1.")
    joins: bool
    reason: str | None
    other_key: strawberry.Private[str]

    @strawberry.field(description="The other advert.")
    async def advert(self, info: Info) -> Advert | None:
        found = await _adverts(info, [self.other_key])
        return found[0] if found else None


@strawberry.type(description="One advert as posted: its text, author, what it mentions and its network.")
class Advert:
    id: strawberry.ID = strawberry.field(description="The advert's key: advert:<platform>:<post id>.")
    platform: str
    post_id: str
    url: str | None
    text: str
    posted_at: datetime | None
    lang: str | None = strawberry.field(
        description="Its language (ISO 639-1; ckb, kmr for Kurdish): the feed's, else detected from its text."
    )
    lang_detected: bool = strawberry.field(
        description="True when `lang` was detected, not given by the feed."
    )
    region: str | None = strawberry.field(description="The country it was posted for (ISO 3166 alpha-2).")
    source: str | None = strawberry.field(description="The feed it came from.")
    smuggling_score: float | None = strawberry.field(
        description="0-1: how strongly its text reads as a smuggling offer (its indicators, tempered by "
        "benign signals); null for an advert stored before texts were analysed."
    )
    record: strawberry.Private[records.Advert]

    @classmethod
    def of(cls, r: records.Advert) -> Advert:
        return cls(
            id=strawberry.ID(r.key),
            platform=r.platform,
            post_id=r.post_id,
            url=r.url,
            text=r.text,
            posted_at=r.posted_at,
            lang=r.lang,
            lang_detected=r.lang_detected,
            region=r.region,
            source=r.source,
            smuggling_score=r.smuggling_score,
            record=r,
        )

    @strawberry.field(
        description="Its smuggling indicators and benign signals, in text order: the first `first` of "
        "those stored (the 200 strongest when its text has more)."
    )
    def indicators(self, first: int = ADVERT_INDICATORS) -> list[Indicator]:
        return [Indicator.of(hit, self.record.text) for hit in self.record.indicators[: max(first, 0)]]

    @strawberry.field(
        description="The words of its text that moved its smuggling score most either way (at most six), "
        "strongest first; empty when the score is 0 or the advert was stored before words were scored."
    )
    def score_words(self) -> list[ScoreWord]:
        return [ScoreWord(word=word, part=part) for word, part in self.record.score_words]

    @strawberry.field(
        description="Its near-duplicates (adverts copying the same template), most similar first.",
        metadata=TEMPLATE_LINKS.metadata,
    )
    async def template_links(self, info: Info, first: int = ADVERT_TEMPLATE_LINKS) -> list[TemplateLink]:
        links = await TEMPLATE_LINKS.load(info.context.loaders, self.record.key, first)
        return [
            TemplateLink(similarity=t.similarity, joins=t.joins, reason=t.reason, other_key=t.other)
            for t in links
        ]

    @strawberry.field(description="The account that posted it, when known.")
    async def author(self, info: Info) -> Account | None:
        author, _ = await info.context.loaders.mentions.load(self.record.key)
        return await _account(info, author)

    @strawberry.field(
        description="The channel or group it was posted in (Telegram), when known: context, which joins "
        "no adverts into a network."
    )
    async def chat(self, info: Info) -> Account | None:
        chat, _ = await info.context.loaders.context.load(self.record.key)
        return await _account(info, chat)

    @strawberry.field(
        description="For a forwarded advert (Telegram), the account or channel it was forwarded from, when "
        "its id or handle is known: context, which joins no adverts into a network."
    )
    async def forwarded_from(self, info: Info) -> Account | None:
        _, origin = await info.context.loaders.context.load(self.record.key)
        return await _account(info, origin)

    @strawberry.field(description="The identifiers its text mentions, in the order they first appear.")
    async def mentions(self, info: Info) -> list[Mention]:
        _, mentions = await info.context.loaders.mentions.load(self.record.key)
        return [
            Mention(count=m.count, spans=[Span.of(s) for s in m.spans], identifier_key=m.identifier)
            for m in mentions
        ]

    @strawberry.field(description="The network it belongs to, once networks are built.")
    async def network(self, info: Info) -> Network | None:
        return await _network(info, self.record.network)

    @strawberry.field
    async def tags(self, info: Info) -> list[Tag]:
        return await _tags(info, self.record.key)


# --- accounts and identifiers ---


@strawberry.type(
    description="An account's use of an identifier: how many of its adverts mention it, and when."
)
class IdentifierUse:
    adverts: int
    first_seen: datetime | None
    last_seen: datetime | None
    account_key: strawberry.Private[str]
    identifier_key: strawberry.Private[str]

    @classmethod
    def of(cls, use: records.Use) -> IdentifierUse:
        return cls(
            adverts=use.adverts,
            first_seen=use.first_seen,
            last_seen=use.last_seen,
            account_key=use.account,
            identifier_key=use.identifier,
        )

    @strawberry.field
    async def account(self, info: Info) -> Account | None:
        found = await _accounts(info, [self.account_key])
        return found[0] if found else None

    @strawberry.field
    async def identifier(self, info: Info) -> Identifier | None:
        return await _identifier(info, self.identifier_key)


@strawberry.type(description="An account on a platform: one that posts adverts, or one adverts name.")
class Account:
    id: strawberry.ID = strawberry.field(
        description="handle:<platform>:<handle>, or account:<platform>:<id>."
    )
    platform: str
    handle: str | None
    account_id: str | None
    name: str | None
    taken_down_at: datetime | None = strawberry.field(
        description="When the platform took it down, if recorded."
    )
    hub: bool
    hub_reason: str | None
    advert_count: int = strawberry.field(description="Adverts it posted.")
    mentioned_by: int = strawberry.field(description="Adverts that name it.")
    record: strawberry.Private[records.Account]

    @classmethod
    def of(cls, r: records.Account) -> Account:
        return cls(
            id=strawberry.ID(r.key),
            platform=r.platform,
            handle=r.handle,
            account_id=r.account_id,
            name=r.name,
            taken_down_at=r.taken_down_at,
            hub=r.hub,
            hub_reason=r.hub_reason,
            advert_count=r.posted,
            mentioned_by=r.mentioned_by,
            record=r,
        )

    @strawberry.field(description="Adverts it posted or that name it, newest first.")
    async def adverts(self, info: Info, first: int = 20) -> list[Advert]:
        return await _adverts_carrying(info, self.record.key, first)

    @strawberry.field(description="The identifiers its adverts mention, most used first.")
    async def identifiers(self, info: Info, first: int = 50) -> list[IdentifierUse]:
        uses = await ACCOUNT_IDENTIFIERS.load(info.context.loaders, self.record.key, first)
        return [IdentifierUse.of(u) for u in uses]

    @strawberry.field
    async def network(self, info: Info) -> Network | None:
        return await _network(info, self.record.network)

    @strawberry.field
    async def tags(self, info: Info) -> list[Tag]:
        return await _tags(info, self.record.key)


@strawberry.type(
    description="A phone, handle, payment tag, email, link or domain: one node however it was written."
)
class Identifier:
    id: strawberry.ID = strawberry.field(description="The canonical key, e.g. phone:+447400123456.")
    kind: IdentifierKind
    value: str
    country: str | None
    scheme: str | None = strawberry.field(description="A payment tag's scheme (iban, revolut, btc, ...).")
    platform: str | None = strawberry.field(description="A handle's platform.")
    hub: bool = strawberry.field(description="Ties unrelated adverts together, so it does not join networks.")
    hub_reason: str | None
    advert_count: int = strawberry.field(description="Adverts that mention it.")
    record: strawberry.Private[records.Identifier]

    @classmethod
    def of(cls, r: records.Identifier) -> Identifier:
        return cls(
            id=strawberry.ID(r.key),
            kind=IdentifierKind(r.kind),
            value=r.value,
            country=r.country,
            scheme=r.scheme,
            platform=r.platform,
            hub=r.hub,
            hub_reason=r.hub_reason,
            advert_count=r.mentioned_by,
            record=r,
        )

    @strawberry.field(description="Adverts that carry it, newest first.", metadata=ADVERTS_OF.metadata)
    async def adverts(self, info: Info, first: int = IDENTIFIER_ADVERTS) -> list[Advert]:
        return await _adverts_carrying(info, self.record.key, first)

    @strawberry.field(
        description="Accounts whose adverts mention it, busiest first.", metadata=ACCOUNTS_OF.metadata
    )
    async def accounts(self, info: Info, first: int = IDENTIFIER_ACCOUNTS) -> list[IdentifierUse]:
        uses, accounts, _ = await ACCOUNTS_OF.load(info.context.loaders, self.record.key, first)
        info.context.loaders.prime_nodes(accounts)
        return [IdentifierUse.of(u) for u in uses]

    @strawberry.field(
        description="The networks of the adverts that carry it (several only for a hub).",
        metadata=NETWORKS_OF.metadata,
    )
    async def networks(self, info: Info) -> list[Network]:
        found = await NETWORKS_OF.load(info.context.loaders, self.record.key)
        info.context.loaders.prime_nodes(found)
        return [Network.of(r) for r in found]

    @strawberry.field(description="The account itself, for a handle.")
    async def account(self, info: Info) -> Account | None:
        if self.record.kind != "handle":
            return None
        found = await _accounts(info, [self.record.key])
        return found[0] if found else None

    @strawberry.field
    async def tags(self, info: Info) -> list[Tag]:
        return await _tags(info, self.record.key)


# --- networks ---


@strawberry.type(description="An identifier of a network and how many of the network's adverts mention it.")
class NetworkIdentifier:
    adverts: int
    key: strawberry.Private[str]

    @strawberry.field
    async def identifier(self, info: Info) -> Identifier | None:
        return await _identifier(info, self.key)


@strawberry.type(description="A network's identifiers of one kind.")
class IdentifierGroup:
    kind: IdentifierKind
    identifiers: list[NetworkIdentifier]


@strawberry.type(description="How many of a network's adverts were posted on one day (UTC).")
class TimelineDay:
    day: date
    adverts: int


@strawberry.type(
    description="An advert carrying a shared identifier: it MENTIONS it (spans say where) or was"
    " POSTED by it."
)
class EvidenceAdvert:
    relation: str
    spans: list[Span]
    advert_key: strawberry.Private[str]

    @strawberry.field
    async def advert(self, info: Info) -> Advert | None:
        found = await _adverts(info, [self.advert_key])
        return found[0] if found else None


@strawberry.type(
    description="An identifier two or more of a network's adverts carry: why they are one network."
)
class Evidence:
    advert_count: int = strawberry.field(description="How many of the network's adverts carry it.")
    adverts: list[EvidenceAdvert]
    key: strawberry.Private[str]

    @strawberry.field
    async def identifier(self, info: Info) -> Identifier | None:
        return await _identifier(info, self.key)


@strawberry.type(
    description="A group of adverts and accounts tied together by shared identifiers, scored 0-100."
)
class Network:
    id: strawberry.ID
    key: str
    size: int
    advert_count: int
    account_count: int
    platforms: list[str]
    countries: list[str]
    first_seen: datetime | None
    last_seen: datetime | None
    score: float
    score_cross_platform: float
    score_cross_border: float
    score_size: float
    score_recency: float
    score_shape: float = strawberry.field(
        description="The shape part: platforms, countries, size, recency (0-20)."
    )
    score_content: float = strawberry.field(
        description="The content part: how many and how strongly its adverts read as smuggling, the "
        "categories they hit, and smuggling adverts copying a template (0-80)."
    )
    score_template: float = strawberry.field(description="The template reuse within scoreContent (0-12).")
    score_benign: float = strawberry.field(
        description="Taken off: its adverts' business, charity, news, job and school signals (0-75)."
    )
    score_explanation: str | None
    template_adverts: int = strawberry.field(description="Adverts that joined it only by template links.")
    smuggling_adverts: int = strawberry.field(description="Adverts whose text reads as smuggling.")
    benign_adverts: int = strawberry.field(description="Adverts with benign signals, not read as smuggling.")
    indicator_categories: list[str] = strawberry.field(
        description="The smuggling categories its adverts hit (any of its analysed adverts, read as "
        "smuggling or not), most adverts first."
    )
    updated_at: datetime | None
    record: strawberry.Private[records.Network]

    @classmethod
    def of(cls, r: records.Network) -> Network:
        return cls(
            id=strawberry.ID(r.id),
            key=r.key,
            size=r.size,
            advert_count=r.advert_count,
            account_count=r.account_count,
            platforms=r.platforms,
            countries=r.countries,
            first_seen=r.first_seen,
            last_seen=r.last_seen,
            score=r.score,
            score_cross_platform=r.score_cross_platform,
            score_cross_border=r.score_cross_border,
            score_size=r.score_size,
            score_recency=r.score_recency,
            score_shape=r.score_shape,
            score_content=r.score_content,
            score_template=r.score_template,
            score_benign=r.score_benign,
            score_explanation=r.score_explanation,
            template_adverts=r.template_adverts,
            smuggling_adverts=r.smuggling_adverts,
            benign_adverts=r.benign_adverts,
            indicator_categories=r.indicator_categories,
            updated_at=r.updated_at,
            record=r,
        )

    @strawberry.field(
        description="Its adverts, newest first: all of them, or those that joined it one way (`via`).",
        metadata=MEMBERS.metadata,
    )
    async def adverts(
        self, info: Info, first: int = NETWORK_MEMBERS, via: JoinedBy = JoinedBy.ANY
    ) -> list[Advert]:
        if via is JoinedBy.ANY:
            adverts, _ = await MEMBERS.load(info.context.loaders, self.record.key, first)
        else:
            size = queries.check_page_size(first)
            adverts = await info.context.loaders.adverts_via.load((self.record.key, size, via.value))
        return await _adverts(info, adverts)

    @strawberry.field(
        description="The network for drawing and export: its adverts and accounts, every identifier they "
        "mention (hubs marked), their countries and domains, the relationships among them with the "
        "evidence of each mention; at most `limit` nodes (truncated says when cut)."
    )
    async def graph(self, info: Info, limit: int = DEFAULT_GRAPH_NODES) -> NetworkGraph:
        found = await read_networks(info.context.reader, [self.record.key], limit=check_limit(limit))
        return NetworkGraph.of(found)

    @strawberry.field(
        description="Its accounts, those with most adverts in it first.", metadata=MEMBERS.metadata
    )
    async def accounts(self, info: Info, first: int = NETWORK_MEMBERS) -> list[Account]:
        _, accounts = await MEMBERS.load(info.context.loaders, self.record.key, first)
        return await _accounts(info, accounts)

    @strawberry.field(
        description="The identifiers its adverts mention, by kind, hubs left out.",
        metadata=NETWORK_IDENTIFIERS.metadata,
    )
    async def identifiers(self, info: Info) -> list[IdentifierGroup]:
        groups: dict[str, list[NetworkIdentifier]] = {}
        for item in await NETWORK_IDENTIFIERS.load(info.context.loaders, self.record.key):
            kind = kind_of(item.identifier) or "url"
            groups.setdefault(kind, []).append(NetworkIdentifier(adverts=item.adverts, key=item.identifier))
        return [
            IdentifierGroup(kind=IdentifierKind(kind), identifiers=items) for kind, items in groups.items()
        ]

    @strawberry.field(description="Adverts per day, oldest first.", metadata=TIMELINE.metadata)
    async def timeline(self, info: Info) -> list[TimelineDay]:
        days = await TIMELINE.load(info.context.loaders, self.record.key)
        return [TimelineDay(day=d.day, adverts=d.adverts) for d in days]

    @strawberry.field(
        description="Each identifier (hubs left out) that two or more of its adverts carry, with the adverts "
        "and the text spans that show it; the most shared first.",
        metadata=EVIDENCE.metadata,
    )
    async def evidence(self, info: Info, adverts_per_identifier: int = EVIDENCE_ADVERTS) -> list[Evidence]:
        found = await EVIDENCE.load(info.context.loaders, self.record.key, adverts_per_identifier)
        return [
            Evidence(
                advert_count=e.total,
                adverts=[
                    EvidenceAdvert(
                        relation=c.relation, spans=[Span.of(s) for s in c.spans], advert_key=c.advert
                    )
                    for c in e.carriers
                ],
                key=e.identifier,
            )
            for e in found
        ]

    @strawberry.field
    async def tags(self, info: Info) -> list[Tag]:
        return await _tags(info, self.record.key)


# --- pages ---


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None

    @classmethod
    def of(cls, page: queries.Page) -> PageInfo:
        return cls(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        )


@strawberry.type
class NetworkEdge:
    cursor: str
    node: Network


@strawberry.type(description="A page of networks (Relay cursor connection).")
class NetworkConnection:
    edges: list[NetworkEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class SearchEdge:
    cursor: str
    score: float
    node: Advert


@strawberry.type(description="A page of adverts matching a full-text search, best first.")
class SearchConnection:
    edges: list[SearchEdge]
    page_info: PageInfo
    total_count: int


@strawberry.input(description="Which networks to list. Every condition given must hold.")
class NetworkFilter:
    min_platforms: int = 0
    min_countries: int = 0
    min_size: int = 0
    platforms: list[str] = strawberry.field(
        default_factory=list, description="On every one of these platforms."
    )
    countries: list[str] = strawberry.field(
        default_factory=list, description="In every one of these countries."
    )
    seen_since: datetime | None = strawberry.field(default=None, description="Last advert on or after.")
    seen_before: datetime | None = strawberry.field(default=None, description="First advert before.")
    contains_identifier: str | None = strawberry.field(
        default=None, description="Holds this identifier (raw as typed, or a key)."
    )
    identifier_region: str | None = strawberry.field(default=None, description="For a national phone number.")
    identifier_platform: str | None = strawberry.field(default=None, description="For a bare handle.")
    min_content_score: float = strawberry.field(
        default=0.0, description="At least this content part of the score (0-80)."
    )
    max_benign_score: float | None = strawberry.field(
        default=None, description="At most this benign part of the score (0-75)."
    )
    joined_by_template: bool | None = strawberry.field(
        default=None,
        description="true: networks with adverts joined only by template links; false: networks without.",
    )
    indicator_categories: list[str] = strawberry.field(
        default_factory=list,
        description="Its adverts hit every one of these categories between them (service, route, price, "
        "documents, urgency, secrecy, emoji); combine with minContentScore to keep benign networks out.",
    )


# --- paths, neighbourhoods, stats ---


@strawberry.type(description="A node for drawing: its id (key), kind and a label.")
class GraphNode:
    id: strawberry.ID
    kind: str
    label: str
    hub: bool

    @classmethod
    def of(cls, r: records.Node) -> GraphNode:
        if isinstance(r, records.Advert):
            label = f"{r.platform} {r.post_id}"
        elif isinstance(r, records.Account):
            label = f"{r.platform} @{r.handle}" if r.handle else f"{r.platform} {r.account_id}"
        elif isinstance(r, records.Network):
            label = f"network {r.id} ({r.size})"
        else:
            label = r.value
        kind = "account" if isinstance(r, records.Account) else (kind_of(r.key) or "node")
        return cls(id=strawberry.ID(r.key), kind=kind, label=label, hub=bool(getattr(r, "hub", False)))


@strawberry.type(description="One relationship for drawing.")
class GraphEdge:
    source: strawberry.ID
    target: strawberry.ID
    relation: str


@strawberry.type(description="Nodes and relationships around a node; truncated when the limit cut it short.")
class Neighbourhood:
    center: strawberry.ID
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool


@strawberry.type(
    description="One step of a path: an advert MENTIONS an identifier (spans say where), or an"
    " account POSTED it."
)
class Hop:
    source: strawberry.ID
    target: strawberry.ID
    relation: str
    spans: list[Span]
    advert_key: strawberry.Private[str]
    read: strawberry.Private[Mapping[str, records.Node | None] | None] = None

    @strawberry.field(description="The advert this step goes through: the evidence.")
    def advert(self, info: Info) -> Advert | None:
        # Read with the path (see `Path.of`), it is answered here and now; if not, from the loader, as
        # an awaitable, which graphql-core awaits: a field's resolver may return either.
        if self.read is None or self.advert_key not in self.read:
            return _first_advert(info, self.advert_key)  # type: ignore[return-value]
        record = self.read[self.advert_key]
        return Advert.of(record) if isinstance(record, records.Advert) else None


async def _first_advert(info: Info, key: str) -> Advert | None:
    found = await _adverts(info, [key])
    return found[0] if found else None


@strawberry.type(description="The shortest connection between two nodes through adverts, hubs not crossed.")
class Path:
    length: int
    node_ids: list[strawberry.ID]
    hops: list[Hop]
    read: strawberry.Private[Mapping[str, records.Node | None] | None] = None

    @classmethod
    def of(cls, found: queries.Path, read: Mapping[str, records.Node | None] | None = None) -> Path:
        """The path found, with the nodes its fields show when they were read with it (`read`, by key):
        given them, GraphQL completes the path at once rather than awaiting a loader for each hop."""
        return cls(
            length=len(found.hops),
            node_ids=[strawberry.ID(k) for k in found.nodes],
            hops=[
                Hop(
                    source=strawberry.ID(h.source),
                    target=strawberry.ID(h.target),
                    relation=h.relation,
                    spans=[Span.of(s) for s in h.spans],
                    advert_key=h.advert,
                    read=read,
                )
                for h in found.hops
            ],
            read=read,
        )

    @strawberry.field
    def nodes(self, info: Info) -> list[GraphNode]:
        if self.read is None or not all(k in self.read for k in self.node_ids):
            return _graph_nodes(info, [str(k) for k in self.node_ids])  # type: ignore[return-value]
        return [GraphNode.of(r) for r in (self.read[k] for k in self.node_ids) if r is not None]


async def _graph_nodes(info: Info, keys: list[str]) -> list[GraphNode]:
    found = await info.context.loaders.nodes.load_many(keys)
    return [GraphNode.of(r) for r in found if r is not None]


@strawberry.type
class Count:
    name: str
    adverts: int


@strawberry.type
class IngestRun:
    id: str
    status: str | None = strawberry.field(
        description="running, completed, failed or interrupted (stopped, or found with a stale heartbeat)."
    )
    started_at: datetime | None
    finished_at: datetime | None
    heartbeat_at: datetime | None = strawberry.field(
        description="The run's last sign of life, written while it runs: an old one on a running run means "
        "its process died; the next ingest or `crosslink summary` marks it interrupted."
    )


@strawberry.type(description="What the graph holds.")
class Stats:
    adverts: int
    accounts: int
    phones: int
    payment_tags: int
    emails: int
    links: int
    domains: int
    networks: int
    cross_platform_networks: int
    cross_border_networks: int
    platforms: list[Count]
    countries: list[Count]
    networks_updated_at: datetime | None
    last_run: IngestRun | None
    interrupted_runs: int = strawberry.field(
        description="Ingest runs that ended interrupted: stopped, or killed and found with a stale heartbeat."
    )

    @classmethod
    def of(cls, s: queries.Stats) -> Stats:
        run = None
        if s.last_run is not None:
            run = IngestRun(
                id=s.last_run,
                status=s.last_run_status,
                started_at=s.last_run_started_at,
                finished_at=s.last_run_finished_at,
                heartbeat_at=s.last_run_heartbeat_at,
            )
        return cls(
            **s.counts,
            platforms=[Count(name=n, adverts=c) for n, c in s.platforms],
            countries=[Count(name=n, adverts=c) for n, c in s.countries],
            networks_updated_at=s.networks_updated_at,
            last_run=run,
            interrupted_runs=s.interrupted_runs,
        )


# --- case work ---


@strawberry.type(description="A watched identifier.")
class Watch:
    identifier: strawberry.ID
    kind: str
    note: str | None
    created_at: datetime
    created_by: str

    @classmethod
    def of(cls, w: casework.Watch) -> Watch:
        return cls(
            identifier=strawberry.ID(w.identifier),
            kind=w.kind,
            note=w.note,
            created_at=w.created_at,
            created_by=w.created_by,
        )


@strawberry.type(description="A new advert carrying a watched identifier.")
class WatchHit:
    identifier: strawberry.ID
    run: str = strawberry.field(description="The ingest run that brought the advert in.")
    ingested_at: datetime | None
    relation: str
    spans: list[Span]
    advert_key: strawberry.Private[str]

    @strawberry.field
    async def advert(self, info: Info) -> Advert | None:
        found = await _adverts(info, [self.advert_key])
        return found[0] if found else None


@strawberry.input(
    description="An account as the platform shows it: who posted an advert, the chat it was posted in, or "
    "where it was forwarded from."
)
class AuthorInput:
    handle: str | None = None
    id: str | None = None
    name: str | None = None

    def as_record(self) -> dict[str, str]:
        """The account as a decoded JSON object, its given parts only."""
        return {k: v for k, v in (("handle", self.handle), ("id", self.id), ("name", self.name)) if v}


@strawberry.input(
    description="One advert, with the fields of a line of the JSON Lines files `crosslink ingest` reads."
)
class AdvertInput:
    platform: str
    post_id: str
    text: str
    posted_at: str = strawberry.field(description="ISO 8601 with a time zone, e.g. 2024-05-01T18:00:00Z.")
    url: str | None = None
    author: AuthorInput | None = None
    lang: str | None = None
    region: str | None = None
    media: list[str] | None = None
    chat: AuthorInput | None = strawberry.field(
        default=None, description="The channel or group it was posted in (Telegram)."
    )
    forwarded_from: AuthorInput | None = strawberry.field(
        default=None, description="For a forwarded post, the account or channel it came from (Telegram)."
    )

    def as_record(self) -> dict[str, object]:
        """The advert as a decoded JSON line, for the ingest pipeline."""
        record: dict[str, object] = {
            "platform": self.platform,
            "post_id": self.post_id,
            "text": self.text,
            "posted_at": self.posted_at,
        }
        for name in ("url", "lang", "region", "media"):
            value = getattr(self, name)
            if value is not None:
                record[name] = value
        for name, account in (
            ("author", self.author),
            ("chat", self.chat),
            ("forwarded_from", self.forwarded_from),
        ):
            if account is not None:
                record[name] = account.as_record()
        return record


@strawberry.type(description="An advert of a push that was not accepted, and why (the field and the value).")
class RejectedAdvert:
    index: int = strawberry.field(description="Its position in the list sent, from 0.")
    reason: str


@strawberry.type(description="What a push of adverts did.")
class IngestResult:
    run: str
    accepted: int
    rejected: int
    created: int
    updated: int
    unchanged: int
    duplicates: int
    advert_ids: list[strawberry.ID]
    rejects: list[RejectedAdvert]
    networks_updated: bool = strawberry.field(
        description="False when another network recompute was running: these adverts' networks are then "
        "updated by the next `crosslink ingest` or `crosslink networks update`."
    )


@strawberry.type(description="An API key, without its secret.")
class ApiKey:
    id: strawberry.ID
    role: Role
    name: str
    created_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, k: ApiKeyRecord) -> ApiKey:
        return cls(
            id=strawberry.ID(k.id),
            role=Role(k.role),
            name=k.name,
            created_at=k.created_at,
            revoked_at=k.revoked_at,
        )


@strawberry.type(description="A new API key. The key is shown this once: it is stored only as a hash.")
class NewApiKey:
    key: str
    api_key: ApiKey


First = Annotated[int, strawberry.argument(description="How many to return, at most 500.")]
