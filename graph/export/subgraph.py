"""One network, several networks or an identifier's neighbourhood as one plain subgraph: the nodes, the
relationships among them and the evidence of each mention, read in a few queries.

Every export (GraphML, GEXF, CSV, FollowTheMoney, i2), the API's `Network.graph` and the network page
draw from a `Subgraph`, so that they all show the same thing. The readers are coroutines over a reader,
as `graph.read.queries` (the API awaits them); `network_subgraph` and the other two run them for a
`Crosslink`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from graph.read import NotFound as ReadNotFound
from graph.read import batch, queries
from graph.read.keys import is_key
from graph.read.reader import BadInput, ReaderBase
from graph.read.records import Network

if TYPE_CHECKING:
    from graph.crosslink import Crosslink

DEFAULT_LIMIT = 5000
# The most nodes one export may hold: a bigger one is cut (`truncated`), never refused.
MAX_LIMIT = 50_000
# The relationship types an export holds (USES is derived from POSTED and MENTIONS, so left out).
EDGE_TYPES = ("POSTED", "MENTIONS", "IN_COUNTRY", "ON_DOMAIN", "SAME_TEMPLATE")
NODE_KINDS = ("Advert", "Account", "Phone", "PaymentTag", "Email", "Link", "Domain", "Country")
# How much of an advert's text its caption shows.
CAPTION_CHARS = 60


class NotFound(ReadNotFound, LookupError):
    """No network, identifier or node for what was asked; the message names what was looked for."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One occurrence of an identifier in an advert's text (one span of a MENTIONS)."""

    advert: str  # the advert's key
    text: str  # the advert's whole text
    start: int  # Python str offsets into text
    end: int
    value: str  # the occurrence as written


@dataclass(frozen=True, slots=True)
class Node:
    """One node: its key as id, its label as kind, a caption, and JSON-plain properties."""

    id: str
    kind: str
    label: str
    properties: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Edge:
    """One relationship between two nodes of the subgraph; a MENTIONS carries its evidence."""

    id: str
    source: str
    target: str
    type: str
    properties: Mapping[str, Any]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Subgraph:
    """What an export holds; `truncated` when the node limit cut it short."""

    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    networks: tuple[Mapping[str, Any], ...]
    truncated: bool

    def nodes_by_id(self) -> dict[str, Node]:
        """Each node by its id, once every edge is checked to join two of them: a writer's first step, so
        that no format drops an edge whose end is missing without saying so."""
        nodes = {node.id: node for node in self.nodes}
        for edge in self.edges:
            if edge.source not in nodes or edge.target not in nodes:
                raise ExportError(f"edge {edge.id} names a node that is not in the subgraph")
        return nodes


class ExportError(ValueError):
    """A subgraph holds something a format's mapping has no place for; the message names its key."""


# --- for a Crosslink ---


def network_subgraph(graph: Crosslink, network: str, *, limit: int = DEFAULT_LIMIT) -> Subgraph:
    """The subgraph of one network, named by id (`n-...`), key (`network:n-...`), or any identifier,
    advert or account in it (as typed, read as the `identifier` query reads it)."""
    return graph.reader.call(read_network, network, limit=limit)


def networks_subgraph(graph: Crosslink, networks: Sequence[str], *, limit: int = DEFAULT_LIMIT) -> Subgraph:
    """The subgraph of several networks (ids or keys) together."""
    return graph.reader.call(read_networks, networks, limit=limit)


def identifier_subgraph(
    graph: Crosslink, identifier: str, *, depth: int = 2, limit: int = DEFAULT_LIMIT
) -> Subgraph:
    """What lies within `depth` steps of an identifier (or advert or account), as the `neighbourhood`
    query draws it, with the countries, domains and relationships among what it reaches."""
    return graph.reader.call(read_identifier, identifier, depth=depth, limit=limit)


# --- the readers ---


async def read_network(reader: ReaderBase, network: str, *, limit: int = DEFAULT_LIMIT) -> Subgraph:
    """As `network_subgraph`, over a reader."""
    _check_limit(limit)
    value = network.strip()
    if not value:
        raise BadInput("the network is empty: give its id (n-...), key, or an identifier in it")
    if value.startswith("network:"):
        return await _of_networks(reader, [value], limit, title=f"network {value.removeprefix('network:')}")
    try:
        key = queries.node_key(value)
    except BadInput:  # reads as no identifier: a network id such as n-4kq2x7d9ab
        key = None
    if key is not None:
        (found,) = await batch.networks_of(reader, [key])
        if found:
            return await _of_networks(reader, [found[0].key], limit, title=f"network {found[0].id}")
    if not is_key(value):  # an id that reads as no identifier, or as one in no network
        try:
            return await _of_networks(reader, [f"network:{value}"], limit, title=f"network {value}")
        except NotFound:
            pass
    if key is None:
        raise NotFound(f"no network {value!r}, and {value!r} reads as no identifier")
    raise NotFound(f"no network {value!r}: {key!r} is in no network, or not in the graph")


async def read_networks(
    reader: ReaderBase, networks: Sequence[str], *, limit: int = DEFAULT_LIMIT
) -> Subgraph:
    """As `networks_subgraph`, over a reader."""
    _check_limit(limit)
    keys = list(dict.fromkeys(queries.key_of_network(n) for n in networks if n.strip()))
    if not keys:
        raise BadInput("no network given: name one or more network ids")
    title = f"{len(keys)} networks" if len(keys) != 1 else f"network {keys[0].removeprefix('network:')}"
    return await _of_networks(reader, keys, limit, title=title)


async def read_identifier(
    reader: ReaderBase, identifier: str, *, depth: int = 2, limit: int = DEFAULT_LIMIT
) -> Subgraph:
    """As `identifier_subgraph`, over a reader."""
    _check_limit(limit)
    try:
        around = await queries.neighbourhood(
            reader, identifier, depth=depth, limit=min(limit, queries.MAX_NEIGHBOURHOOD)
        )
    except ReadNotFound as error:
        raise NotFound(str(error)) from None
    keys = [node.key for node in around.nodes if not isinstance(node, Network)]
    keys.sort(key=lambda key: key != around.center)  # the centre first, kept by any cut
    return await _complete(reader, f"neighbourhood of {around.center}", keys, limit, around.truncated)


async def _of_networks(reader: ReaderBase, keys: list[str], limit: int, *, title: str) -> Subgraph:
    """The subgraph of these networks: each advert with its authors and what it mentions, newest first,
    then the member accounts, so that a cut keeps whole adverts."""
    networks = await reader.rows("export_networks", networks=keys, limit=limit + 1)
    missing = [key for key in keys if key not in {row["network"]["key"] for row in networks}]
    if missing:
        raise NotFound(f"no network {', '.join(map(repr, missing))} in the graph")
    adverts = await reader.rows("export_network_adverts", networks=keys, limit=limit + 1)
    per_network = Counter(row["network"] for row in adverts)
    truncated = any(n > limit for n in per_network.values()) or any(
        len(row["accounts"]) > limit for row in networks
    )
    ordered = _unique(
        [key for row in adverts for key in (row["advert"], *row["touches"])]
        + [key for row in networks for key in row["accounts"]]
    )
    summaries = tuple(_network_summary(row["network"]) for row in networks)
    return await _complete(reader, title, ordered, limit, truncated, summaries)


async def _complete(
    reader: ReaderBase,
    title: str,
    keys: list[str],
    limit: int,
    truncated: bool,
    summaries: tuple[Mapping[str, Any], ...] | None = None,
) -> Subgraph:
    """The nodes of `keys` (at most `limit`), their countries and domains, and the edges among them."""
    truncated = truncated or len(keys) > limit
    rows = await reader.rows("export_nodes", keys=keys[:limit])
    present = {row["key"] for row in rows}
    extra = [
        key for key in _unique(k for r in rows for k in r["countries"] + r["domains"]) if key not in present
    ]
    if len(extra) > limit - len(rows):
        truncated = True
        extra = extra[: limit - len(rows)]
    if extra:
        rows += await reader.rows("export_nodes", keys=extra)
    nodes = tuple(_node(row) for row in rows)
    texts = {node.id: node.properties.get("text") or "" for node in nodes if node.kind == "Advert"}
    edge_rows = await reader.rows("export_edges", keys=[node.id for node in nodes]) if nodes else []
    edges = tuple(_edge(row, texts) for row in edge_rows)
    if summaries is None:
        summaries = await _summaries(reader, nodes)
    return Subgraph(title, nodes, edges, summaries, truncated)


async def _summaries(reader: ReaderBase, nodes: Iterable[Node]) -> tuple[Mapping[str, Any], ...]:
    """The networks the adverts and accounts of a neighbourhood are in."""
    ids = _unique(
        n.properties["network"] for n in nodes if n.kind in ("Advert", "Account") and n.properties["network"]
    )
    found = await batch.nodes(reader, [f"network:{id}" for id in ids])
    return tuple(
        _network_summary(
            {
                "id": record.id,
                "score": record.score,
                "score_explanation": record.score_explanation,
                "size": record.size,
                "platforms": record.platforms,
                "countries": record.countries,
            }
        )
        for record in found
        if isinstance(record, Network)
    )


# --- rows to records ---


def _node(row: dict[str, Any]) -> Node:
    kind, key, p = row["kind"], row["key"], row["properties"]
    network = row["network"]
    if network is None and len(row["mentioned_in"]) == 1:  # an identifier of one network only
        network = row["mentioned_in"][0]
    properties: dict[str, Any] = {
        "hub": bool(p.get("hub")),
        "hub_reason": p.get("hub_reason"),
        "network": network,
    }
    for name in _PROPERTIES[kind]:
        properties[name] = p.get(name)
    if kind == "Advert":
        properties["posted_at"] = _iso(p.get("posted_at"))
        properties["post_id"] = None if p.get("post_id") is None else str(p["post_id"])
        properties["via"] = (row.get("via") or "identifier") if network else None
    elif kind == "Account" and p.get("account_id") is not None:
        properties["account_id"] = str(p["account_id"])
    elif kind == "Country":
        properties["code"] = key
    return Node(key, kind, caption(kind, key, properties), properties)


_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Advert": ("platform", "post_id", "url", "text", "lang", "region", "smuggling_score"),
    "Account": ("platform", "handle", "name", "account_id"),
    "Phone": ("e164", "country"),
    "PaymentTag": ("scheme", "value", "country"),
    "Email": ("address",),
    "Link": ("url",),
    "Domain": ("domain",),
    "Country": (),
}


def caption(kind: str, key: str, p: Mapping[str, Any]) -> str:
    """What a person reads on a drawn node: the number, `@handle (platform)`, `scheme: tag`, the address,
    URL or domain, the country code, or the first words of an advert's text."""
    if kind == "Advert":
        return _first_words(p.get("text") or "") or key
    if kind == "Account":
        if p.get("handle"):
            return f"@{str(p['handle']).lstrip('@')} ({p.get('platform')})"
        return f"{p.get('name') or p.get('account_id') or key.split(':', 2)[-1]} ({p.get('platform')})"
    if kind == "PaymentTag" and p.get("scheme") and p.get("value"):
        return f"{p['scheme']}: {p['value']}"
    for name in ("e164", "address", "url", "domain", "code"):
        if p.get(name):
            return str(p[name])
    return key


def _first_words(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= CAPTION_CHARS:
        return words
    cut = words[:CAPTION_CHARS].rsplit(" ", 1)[0] or words[:CAPTION_CHARS]
    return f"{cut}…"


def _edge(row: dict[str, Any], texts: Mapping[str, str]) -> Edge:
    kind, source, target, p = row["type"], row["source"], row["target"], row["properties"]
    properties: dict[str, Any] = {}
    evidence: tuple[Evidence, ...] = ()
    if kind == "MENTIONS":
        properties["count"] = p.get("count")
        evidence = _evidence(source, texts.get(source, ""), p.get("spans") or [], p.get("values") or [])
    elif kind == "SAME_TEMPLATE":
        properties.update(similarity=p.get("similarity"), joins=p.get("joins"), reason=p.get("reason"))
    return Edge(f"{kind}:{source}->{target}", source, target, kind, properties, evidence)


def _evidence(advert: str, text: str, spans: list[int], values: list[str]) -> tuple[Evidence, ...]:
    """One Evidence per span pair. Its value is the text at the span, exactly as written: MENTIONS.values
    holds the same save where ingest read an identifier out of a longer token (the phone of a wa.me link),
    and a tool that highlights the span must find the value there. The stored value serves when the text
    is missing."""
    found = []
    for i in range(0, len(spans) - 1, 2):
        start, end = spans[i], spans[i + 1]
        value = text[start:end]
        if not value and i // 2 < len(values) and values[i // 2] is not None:
            value = str(values[i // 2])
        found.append(Evidence(advert, text, start, end, value))
    return tuple(found)


def _network_summary(p: Mapping[str, Any]) -> Mapping[str, Any]:
    explanation = p.get("score_explanation")
    if isinstance(explanation, list):
        explanation = "\n".join(map(str, explanation))
    return {
        "id": p.get("id") or str(p.get("key", "")).removeprefix("network:"),
        "score": float(p.get("score") or 0.0),
        "score_explanation": explanation,
        "size": int(p.get("size") or 0),
        "platforms": sorted(p.get("platforms") or []),
        "countries": sorted(p.get("countries") or []),
    }


def _iso(millis: int | None) -> str | None:
    if millis is None:
        return None
    return datetime.fromtimestamp(millis / 1000, UTC).isoformat().replace("+00:00", "Z")


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _check_limit(limit: int) -> None:
    queries.check_range("limit", limit, MAX_LIMIT)
