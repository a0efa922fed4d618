"""FollowTheMoney export: a subgraph as FtM entities, one JSON object a line, for Aleph and FtM tools.

Adverts become `Article`s, accounts and payment-service tags `UserAccount`s, IBANs `BankAccount`s, wallets
`CryptoWallet`s, links and domains `HyperText` pages. Phones, emails and countries have no entity of their
own in FtM: they are property values (`phoneMentioned` on the advert, `phone` on its author's account), which
FtM's phone, email and country types make shared nodes of their own in Aleph, so identifiers shared by several
accounts join them without inventing an owner. docs/exports.md has the full mapping.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from graph.export.subgraph import ExportError

if TYPE_CHECKING:
    from graph.export.subgraph import Edge, Node, Subgraph

# Every entity id is `make_id(NAMESPACE, key)` of a Crosslink node or edge key: the same network exported
# twice gives the same ids, so a partner's Aleph merges a new export into the old one.
NAMESPACE = "crosslink"

WALLETS = {"btc": ("BTC", "Bitcoin"), "eth": ("ETH", "Ethereum"), "tron": ("TRX", "Tron")}
# Payment services whose tags are user names at that service, and the link a tag is paid through.
SERVICES = {
    "paypal": ("PayPal", "https://paypal.me/{}"),
    "revolut": ("Revolut", "https://revolut.me/{}"),
    "cashapp": ("Cash App", "https://cash.app/${}"),
    "venmo": ("Venmo", "https://venmo.com/u/{}"),
    "wise": ("Wise", "https://wise.com/pay/me/{}"),
}
# Where a MENTIONS edge to an identifier without an entity is kept on the advert.
MENTION_PROPERTIES = {"Phone": ("phoneMentioned", "e164"), "Email": ("emailMentioned", "address")}
# The same identifiers, on the account whose own advert names them (not for hubs: a hub is everyone's).
ACCOUNT_PROPERTIES = {"Phone": "phone", "Email": "email"}


def entity_id(key: str) -> str:
    """The FtM id of the entity made from the Crosslink node or edge `key`."""
    return model.make_entity("Thing").make_id(NAMESPACE, key)


def entities(subgraph: Subgraph) -> list[EntityProxy]:
    """The FtM entities of `subgraph`: one per node that FtM has a schema for, then one per link between
    them; every other node and edge is a property of these."""
    kinds = subgraph.nodes_by_id()
    made = {node.id: _node_entity(node) for node in subgraph.nodes}
    authors = {edge.target: edge.source for edge in subgraph.edges if edge.type == "POSTED"}
    links = []
    for edge in subgraph.edges:
        link = _apply_edge(edge, kinds, made, authors)
        if link is not None:
            links.append(link)
    return [entity for entity in made.values() if entity is not None] + links


def write(subgraph: Subgraph, out: BinaryIO | str | os.PathLike[str]) -> None:
    """Write `subgraph` as FtM JSON lines (UTF-8) to a binary file object or a file path."""
    if isinstance(out, (str, os.PathLike)):
        with open(out, "wb") as handle:
            _write_lines(subgraph, handle)
    else:
        _write_lines(subgraph, out)


def _write_lines(subgraph: Subgraph, out: BinaryIO) -> None:
    for line in lines(entities(subgraph)):
        out.write(line.encode("utf-8"))


def lines(made: Iterable[EntityProxy]) -> Iterator[str]:
    """Each entity as one JSON line, in the form `model.get_proxy` reads back."""
    for entity in made:
        yield json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"


def _new(schema: str, key: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.make_id(NAMESPACE, key)
    return entity


def _node_entity(node: Node) -> EntityProxy | None:
    """The entity of one node, or None for the kinds FtM keeps as property values."""
    maker = _NODE_MAKERS.get(node.kind)
    if maker is None:
        if node.kind in MENTION_PROPERTIES or node.kind == "Country":
            return None
        raise ExportError(f"node {node.id}: no FtM mapping for its kind {node.kind!r}")
    entity = maker(node)
    _add_common(entity, node)
    return entity


def _add_common(entity: EntityProxy, node: Node) -> None:
    """What every entity says of its node: its Crosslink key, network and hub flag, in words."""
    props = node.properties
    notes = [f"Crosslink key: {node.id}"]
    if props.get("network"):
        notes.append(f"Crosslink network: {props['network']}")
        entity.add("keywords", props["network"])
    if props.get("hub"):
        notes.append(f"Hub identifier: {props.get('hub_reason') or 'shared by many unrelated groups'}")
    if props.get("lang") and not entity.has("language", quiet=True):
        # FtM's language type knows a fixed list (no Sorani, Kurmanji or Tigrinya): keep the code in words.
        notes.append(f"Language: {props['lang']}")
    entity.add("notes", "\n".join(notes))


def _advert(node: Node) -> EntityProxy:
    props = node.properties
    entity = _new("Article", node.id)
    entity.add("title", node.label)
    entity.add("bodyText", props.get("text"))
    entity.add("publishedAt", props.get("posted_at"))
    entity.add("sourceUrl", props.get("url"))
    entity.add("language", props.get("lang"))
    entity.add("publisher", props.get("platform"))
    if props.get("smuggling_score") is not None:
        entity.add("summary", f"Smuggling score {props['smuggling_score']}")
    return entity


def _account(node: Node) -> EntityProxy:
    props = node.properties
    entity = _new("UserAccount", node.id)
    entity.add("service", props.get("platform"))
    # An author without a valid handle (WhatsApp) is known by its platform id, the key's last part.
    entity.add("username", props.get("handle") or node.id.split(":", 2)[-1])
    entity.add("name", props.get("name"))
    return entity


def _payment(node: Node) -> EntityProxy:
    props = node.properties
    scheme, value = props.get("scheme"), props.get("value")
    if scheme == "iban":
        entity = _new("BankAccount", node.id)
        entity.add("iban", value)
        entity.add("accountNumber", value)
    elif scheme in WALLETS:
        entity = _new("CryptoWallet", node.id)
        entity.add("publicKey", value)
        entity.add("currencySymbol", WALLETS[scheme][0])
        entity.add("blockchain", WALLETS[scheme][1])
    elif scheme in SERVICES:
        # A tag is a user name at a payment service, not a bank account: no bank, number or holder is known.
        service, link = SERVICES[scheme]
        entity = _new("UserAccount", node.id)
        entity.add("service", service)
        entity.add("username", value)
        entity.add("sourceUrl", link.format(value))
    else:
        raise ExportError(f"node {node.id}: no FtM mapping for payment scheme {scheme!r}")
    entity.add("country", props.get("country"))
    return entity


def _link(node: Node) -> EntityProxy:
    entity = _new("HyperText", node.id)
    entity.add("title", node.properties.get("url") or node.label)
    entity.add("sourceUrl", node.properties.get("url"))
    return entity


def _domain(node: Node) -> EntityProxy:
    entity = _new("HyperText", node.id)
    entity.add("title", node.properties.get("domain") or node.label)
    entity.add("publisher", node.properties.get("domain"))
    return entity


_NODE_MAKERS = {
    "Advert": _advert,
    "Account": _account,
    "PaymentTag": _payment,
    "Link": _link,
    "Domain": _domain,
}


def _apply_edge(
    edge: Edge,
    nodes: dict[str, Node],
    made: dict[str, EntityProxy | None],
    authors: dict[str, str],
) -> EntityProxy | None:
    """Record `edge` as properties of the entities it joins, or return the link entity that records it."""
    source, target = nodes[edge.source], nodes[edge.target]
    if edge.type == "IN_COUNTRY":
        return _in_country(edge, source, target, made)
    if edge.type == "MENTIONS" and made[edge.target] is None:
        return _mention_property(edge, target, made, authors)
    if edge.type == "MENTIONS" and target.properties.get("scheme") == "iban":
        _entity(made, edge.source).add("ibanMentioned", target.properties.get("value"))
    if edge.type in ("MENTIONS", "POSTED"):
        return _documentation(edge, made, source, target)
    if edge.type in ("ON_DOMAIN", "SAME_TEMPLATE"):
        return _unknown_link(edge, made)
    raise ExportError(f"edge {edge.id}: no FtM mapping for its type {edge.type!r}")


def _entity(made: dict[str, EntityProxy | None], key: str) -> EntityProxy:
    entity = made[key]
    if entity is None:
        raise ExportError(f"node {key} has no FtM entity to carry an edge")
    return entity


def _in_country(edge: Edge, source: Node, target: Node, made: dict[str, EntityProxy | None]) -> None:
    """An advert's region and an IBAN's country are the entity's `country`; a phone's country is read by
    FtM from the number itself, so it needs no property."""
    if target.kind != "Country":
        raise ExportError(f"edge {edge.id}: IN_COUNTRY to a {target.kind}, not a Country")
    code = target.properties.get("code") or target.id
    if source.kind == "Phone":
        return None
    _entity(made, source.id).add("country", code)
    return None


def _mention_property(
    edge: Edge, target: Node, made: dict[str, EntityProxy | None], authors: dict[str, str]
) -> None:
    """A phone or email an advert mentions: a property of the advert and, unless it is a hub, of the
    account that posted the advert."""
    if target.kind not in MENTION_PROPERTIES:
        raise ExportError(f"edge {edge.id}: MENTIONS a {target.kind}, which has no FtM property")
    prop, field = MENTION_PROPERTIES[target.kind]
    value = target.properties.get(field) or target.id.split(":", 1)[-1]
    _entity(made, edge.source).add(prop, value)
    author = authors.get(edge.source)
    if author is not None and not target.properties.get("hub"):
        _entity(made, author).add(ACCOUNT_PROPERTIES[target.kind], value)
    return None


def _documentation(
    edge: Edge, made: dict[str, EntityProxy | None], source: Node, target: Node
) -> EntityProxy:
    """FtM's tie between a document and an entity it is evidence for: the account that posted an advert,
    or the account, payment tag, wallet or link an advert mentions, with the text as written."""
    advert, other = (target, source) if edge.type == "POSTED" else (source, target)
    link = _new("Documentation", edge.id)
    link.add("document", _entity(made, advert.id).id)
    link.add("entity", _entity(made, other.id).id)
    link.add("role", "posted by" if edge.type == "POSTED" else "mentions")
    if edge.type == "POSTED":
        _entity(made, advert.id).add("author", source.label)
    link.add("date", advert.properties.get("posted_at"))
    link.add("recordId", edge.id)
    written = sorted({evidence.value for evidence in edge.evidence})
    if written:
        link.add("summary", "As written: " + "; ".join(written))
    return link


def _unknown_link(edge: Edge, made: dict[str, EntityProxy | None]) -> EntityProxy:
    """A link's domain, or two adverts written from one template, as FtM's untyped relationship."""
    link = _new("UnknownLink", edge.id)
    link.add("subject", _entity(made, edge.source).id)
    link.add("object", _entity(made, edge.target).id)
    link.add("recordId", edge.id)
    if edge.type == "ON_DOMAIN":
        link.add("role", "on domain")
        return link
    link.add("role", "same template")
    props = edge.properties
    parts = [f"similarity {props.get('similarity')}"]
    if props.get("joins") is False:
        parts.append(f"does not join networks: {props.get('reason') or 'hub template'}")
    link.add("description", "; ".join(parts))
    return link
