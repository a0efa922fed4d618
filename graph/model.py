"""What the analysis graph holds, in one place: its node labels with their key and properties, and its
relationship types with their ends and properties (docs/graph-model.md says what each means).

Written for tools that describe the graph to someone else, the Neo4j Bloom perspective first
(`graph/bloom.py`), so that a label or property renamed here is renamed there too; tests check that this
description agrees with the constraints in `cypher/schema.cypher` and with a graph built by ingest and
network building. The bookkeeping labels (IngestRun, IngestLock, NetworksLease, Lease, InboxFile,
WebhookDelivery, ApiKey, Tag, Watch) are not part of what an analyst explores and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of value a property holds, as Neo4j stores them.
STRING, INTEGER, FLOAT, BOOLEAN, DATETIME = "string", "integer", "float", "boolean", "datetime"
STRINGS, INTEGERS, FLOATS = "list of strings", "list of integers", "list of floats"


@dataclass(frozen=True, slots=True)
class Property:
    """One property: `optional` when only some nodes carry it (an author's name, a hub's reason);
    `internal` when it serves Crosslink rather than the analyst (hashes, signatures, run stamps);
    `indexed` when a lookup by it is served by an index or a constraint."""

    name: str
    kind: str
    optional: bool = False
    internal: bool = False
    indexed: bool = False


@dataclass(frozen=True, slots=True)
class Label:
    """A node label: `key_example` shows the form of its `key`, `caption` names the properties a person
    reads it by, and `written_by` says which part of Crosslink creates its nodes."""

    name: str
    key_example: str
    caption: tuple[str, ...]
    properties: tuple[Property, ...]
    written_by: str = "ingest"

    def property(self, name: str) -> Property:
        """The property called `name`; KeyError when the label has none."""
        for found in self.properties:
            if found.name == name:
                return found
        raise KeyError(f"{self.name} has no property {name!r}")


@dataclass(frozen=True, slots=True)
class Relationship:
    """A relationship type, from nodes of `sources` to nodes of `targets`."""

    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    properties: tuple[Property, ...] = ()
    written_by: str = "ingest"


def _key() -> Property:
    return Property("key", STRING, indexed=True)


# Marks network building leaves on an identifier that is too widely shared to join networks.
_HUB = (
    Property("hub", BOOLEAN, optional=True, indexed=True),
    Property("hub_reason", STRING, optional=True),
    Property("hub_groups", INTEGER, optional=True),
    Property("hub_accounts", INTEGER, optional=True),
)

ADVERT = Label(
    "Advert",
    "advert:facebook:1234",
    ("platform", "post_id"),
    (
        _key(),
        Property("platform", STRING, indexed=True),
        Property("post_id", STRING),
        Property("url", STRING, optional=True),
        Property("text", STRING),
        Property("posted_at", DATETIME, indexed=True),
        Property("lang", STRING),
        Property("region", STRING),
        Property("media", STRINGS, optional=True),
        Property("source", STRING),
        Property("smuggling_score", FLOAT),
        Property("indicator_count", INTEGER),
        Property("indicator_terms", STRINGS),
        Property("indicator_categories", STRINGS),
        Property("score_words", STRINGS),
        Property("score_word_parts", FLOATS, internal=True),
        Property("lang_detected", BOOLEAN, internal=True),
        Property("indicator_langs", STRINGS, internal=True),
        Property("indicator_weights", FLOATS, internal=True),
        Property("indicator_spans", INTEGERS, internal=True),
        Property("content_hash", STRING, internal=True),
        Property("first_run", STRING, internal=True),
        Property("last_run", STRING, internal=True, indexed=True),
        Property("template_signature", INTEGERS, optional=True, internal=True),
        Property("template_bands", STRING, optional=True, internal=True),
    ),
)
ACCOUNT = Label(
    "Account",
    "handle:telegram:dunkirk_crossing",
    ("handle", "platform"),
    (
        _key(),
        Property("platform", STRING),
        Property("handle", STRING, indexed=True),
        Property("name", STRING, optional=True),
        Property("account_id", STRING, optional=True, indexed=True),
        *_HUB,
    ),
)
PHONE = Label(
    "Phone",
    "phone:+447957500418",
    ("e164",),
    (_key(), Property("e164", STRING), Property("country", STRING), *_HUB),
)
PAYMENT_TAG = Label(
    "PaymentTag",
    "payment:revolut:londrapaleje",
    ("scheme", "value"),
    (
        _key(),
        Property("scheme", STRING),
        Property("value", STRING),
        Property("country", STRING, optional=True),
        *_HUB,
    ),
)
EMAIL = Label("Email", "email:name@example.org", ("address",), (_key(), Property("address", STRING), *_HUB))
LINK = Label("Link", "url:https://example.org/page", ("url",), (_key(), Property("url", STRING), *_HUB))
DOMAIN = Label("Domain", "domain:example.org", ("domain",), (_key(), Property("domain", STRING), *_HUB))
COUNTRY = Label("Country", "GB", ("key",), (_key(),))
NETWORK = Label(
    "Network",
    "network:n-4kq2x7d9ab",
    ("id",),
    (
        _key(),
        Property("id", STRING, indexed=True),
        Property("score", FLOAT, indexed=True),
        Property("score_explanation", STRING),
        Property("size", INTEGER, indexed=True),
        Property("advert_count", INTEGER),
        Property("account_count", INTEGER),
        Property("platforms", STRINGS),
        Property("countries", STRINGS),
        Property("first_seen", DATETIME),
        Property("last_seen", DATETIME, indexed=True),
        Property("score_shape", FLOAT),
        Property("score_content", FLOAT, indexed=True),
        Property("score_benign", FLOAT),
        Property("score_template", FLOAT),
        Property("smuggling_adverts", INTEGER),
        Property("benign_adverts", INTEGER),
        Property("template_adverts", INTEGER),
        Property("indicator_categories", STRINGS),
        Property("score_cross_platform", FLOAT, internal=True),
        Property("score_cross_border", FLOAT, internal=True),
        Property("score_size", FLOAT, internal=True),
        Property("score_recency", FLOAT, internal=True),
        Property("platform_count", INTEGER, internal=True),
        Property("country_count", INTEGER, internal=True),
        Property("last_seen_ms", INTEGER, internal=True),
        Property("profile_hash", STRING, internal=True),
        Property("updated_at", DATETIME, internal=True),
    ),
    written_by="networks",
)

LABELS: tuple[Label, ...] = (ADVERT, ACCOUNT, PHONE, PAYMENT_TAG, EMAIL, LINK, DOMAIN, COUNTRY, NETWORK)

# The labels an advert's text is searched for: what MENTIONS points at.
IDENTIFIERS: tuple[str, ...] = ("Phone", "Account", "PaymentTag", "Email", "Link", "Domain")

# Payment tag schemes that are crypto-currency wallets rather than tags of a payment service or IBANs.
WALLET_SCHEMES: tuple[str, ...] = ("btc", "eth", "tron")

_SEEN = (Property("first_seen", DATETIME), Property("last_seen", DATETIME))

RELATIONSHIPS: tuple[Relationship, ...] = (
    Relationship("POSTED", ("Account",), ("Advert",)),
    Relationship(
        "MENTIONS",
        ("Advert",),
        IDENTIFIERS,
        (
            Property("count", INTEGER),
            Property("spans", INTEGERS),
            Property("values", STRINGS),
            Property("rules", STRINGS),
            *_SEEN,
        ),
    ),
    Relationship("USES", ("Account",), IDENTIFIERS, (Property("count", INTEGER), *_SEEN)),
    Relationship("IN_COUNTRY", ("Advert", "Phone", "PaymentTag"), ("Country",)),
    # Context, not evidence: the chat an advert was posted in and where it was forwarded from. Networks
    # are not built through them (everyone in a big group would be one network).
    Relationship("IN_CHAT", ("Advert",), ("Account",)),
    Relationship("FORWARDED_FROM", ("Advert",), ("Account",)),
    Relationship("ON_DOMAIN", ("Link",), ("Domain",)),
    Relationship(
        "IN_NETWORK", ("Advert", "Account"), ("Network",), (Property("via", STRING),), written_by="networks"
    ),
    Relationship(
        "SAME_TEMPLATE",
        ("Advert",),
        ("Advert",),
        (
            Property("similarity", FLOAT),
            Property("joins", BOOLEAN),
            Property("reason", STRING, optional=True),
        ),
        written_by="networks",
    ),
)


def label(name: str) -> Label:
    """The label called `name`; KeyError naming the known ones otherwise."""
    for found in LABELS:
        if found.name == name:
            return found
    raise KeyError(f"no label {name!r} in the graph model: {', '.join(x.name for x in LABELS)}")


def relationship(name: str) -> Relationship:
    """The relationship type called `name`; KeyError naming the known ones otherwise."""
    for found in RELATIONSHIPS:
        if found.name == name:
            return found
    raise KeyError(f"no relationship type {name!r} in the graph model")
