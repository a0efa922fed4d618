"""Networks as connected components of adverts, accounts and the identifiers joining them, in memory.

The links (POSTED, and MENTIONS of identifiers that may join) are streamed out of Neo4j once into integer
arrays; scipy finds the components in C, so a million adverts and several million links take seconds,
not a query per node. The same `LinkGraph` holds the whole graph (`rebuild`) or the region around a few
adverts (`update`), and the same functions decide hubs and components for both.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from graph.networks.rules import STRENGTHS, HubRule, is_account, same_site, strength

T = TypeVar("T")
G = TypeVar("G")

# Strength codes in the arrays: 0 = never joins (not stored as a link), then STRENGTHS in order.
_CODES = {name: code for code, name in enumerate(STRENGTHS, start=1)}


@dataclass
class LinkGraph:
    """Adverts (indices 0..adverts-1, in the order added) and other nodes, with the links between them.

    Build it with `advert`, `posted` and `mentions`; node keys and their index are kept in `keys` and
    `index`. Only links that may join are kept: MENTIONS of a generic link or domain are dropped here.
    """

    keys: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    is_advert: array = field(default_factory=lambda: array("b"))
    posted_account: array = field(default_factory=lambda: array("q"))
    posted_advert: array = field(default_factory=lambda: array("q"))
    mention_advert: array = field(default_factory=lambda: array("q"))
    mention_node: array = field(default_factory=lambda: array("q"))
    strength: dict[int, int] = field(default_factory=dict)

    def node(self, key: str, *, advert: bool = False) -> int:
        """The index of the node with this key, added when new."""
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.keys)
            self.keys.append(key)
            self.is_advert.append(1 if advert else 0)
        return found

    def advert(self, key: str) -> int:
        return self.node(key, advert=True)

    def posted(self, account: str, advert: str) -> None:
        """The account posted the advert: always a link (one author's adverts are one group)."""
        self.posted_account.append(self.node(account))
        self.posted_advert.append(self.advert(advert))

    def mentions(self, advert: str, identifier: str) -> bool:
        """The advert mentions the identifier; False (and nothing kept) when the identifier never joins."""
        found = strength(identifier)
        if found is None:
            return False
        node = self.node(identifier)
        self.strength[node] = _CODES[found]
        self.mention_advert.append(self.advert(advert))
        self.mention_node.append(node)
        return True

    def arrays(self) -> _Arrays:
        return _Arrays(self)


class _Arrays:
    """The graph's lists as numpy arrays, made once per computation."""

    def __init__(self, graph: LinkGraph) -> None:
        self.n = len(graph.keys)
        self.is_advert = (
            np.frombuffer(graph.is_advert, dtype=np.int8).astype(bool) if self.n else np.zeros(0, bool)
        )
        self.p_acc = np.frombuffer(graph.posted_account, dtype=np.int64) if graph.posted_account else _EMPTY
        self.p_adv = np.frombuffer(graph.posted_advert, dtype=np.int64) if graph.posted_advert else _EMPTY
        self.m_adv = np.frombuffer(graph.mention_advert, dtype=np.int64) if graph.mention_advert else _EMPTY
        self.m_node = np.frombuffer(graph.mention_node, dtype=np.int64) if graph.mention_node else _EMPTY
        self.strength = np.zeros(self.n, dtype=np.int8)
        if graph.strength:
            nodes = np.fromiter(graph.strength.keys(), dtype=np.int64, count=len(graph.strength))
            self.strength[nodes] = np.fromiter(
                graph.strength.values(), dtype=np.int8, count=len(graph.strength)
            )


_EMPTY = np.zeros(0, dtype=np.int64)

# A lone advert is not a network, and neither is one account's own adverts with nothing else: a news
# outlet's or an agency's hundred posts are that account, not people working together. The accounts
# count the authors and the handles the adverts name (a single author naming its Telegram contact is
# two accounts). On graph.synth's corpus requiring two accounts removes nearly every false pairing for
# a sliver of recall (figures in docs/networks.md).
MIN_ADVERTS = 2
MIN_ACCOUNTS = 2


@dataclass(frozen=True)
class Hub:
    """An identifier that does not join, with the numbers that made it a hub."""

    key: str
    strength: str
    groups: int
    accounts: int
    reason: str


@dataclass
class Partition:
    """The networks found: each a list of member advert keys and member account keys; and the hubs."""

    networks: list[tuple[list[str], list[str]]]
    hubs: dict[str, Hub]
    candidates: int


def components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The component label of each of `n` nodes, given undirected links left[i]-right[i]."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    matrix = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n)).tocsr()
    _, labels = connected_components(matrix, directed=False)
    return labels.astype(np.int64)


def find_hubs(graph: LinkGraph, rule: HubRule) -> tuple[dict[str, Hub], int]:
    """The hubs of a whole graph under `rule`, and how many candidates there were (see HubRule)."""
    a = graph.arrays()
    n = a.n
    if n == 0 or len(a.m_adv) == 0:
        return {}, 0
    # Who stands behind each advert: its author, or the advert itself when it has none.
    poster = np.arange(n, dtype=np.int64)
    poster[a.p_adv] = a.p_acc
    pairs = np.unique(a.m_node * n + poster[a.m_adv])
    posters = np.bincount(pairs // n, minlength=n)
    candidate = posters >= rule.min_accounts
    if not candidate.any():
        return {}, 0
    # Groups: components without any candidate's mentions (authorship always joins).
    keep = ~candidate[a.m_node]
    labels = components(
        n, np.concatenate([a.p_acc, a.m_adv[keep]]), np.concatenate([a.p_adv, a.m_node[keep]])
    )
    cand_mentions = ~keep
    group_pairs = [a.m_node[cand_mentions] * n + labels[a.m_adv[cand_mentions]]]
    posting = np.unique(a.p_acc)
    posting = posting[candidate[posting]]
    group_pairs.append(posting * n + labels[posting])  # an account's own adverts are one group too
    grouped = np.unique(np.concatenate(group_pairs))
    groups = np.bincount(grouped // n, minlength=n)
    limits = np.array([np.iinfo(np.int64).max] + [rule.limit(s) for s in STRENGTHS], dtype=np.int64)
    limit = limits[a.strength]
    over = np.flatnonzero(candidate & (groups >= limit))
    if len(over) == 0:
        return {}, int(candidate.sum())
    # Which groups each candidate touches, and which candidates touch each group.
    owner, group = grouped // n, grouped % n
    bounds = np.flatnonzero(np.diff(owner)) + 1
    groups_of = {int(part[0] // n): (part % n).tolist() for part in np.split(grouped, bounds)}
    by_group = np.argsort(group, kind="stable")
    group_bounds = np.flatnonzero(np.diff(group[by_group])) + 1
    touching = {int(group[p[0]]): owner[p].tolist() for p in np.split(by_group, group_bounds)}
    found = {}
    for node in over.tolist():
        count = separate_groups(
            node,
            groups_of[node],
            touching,
            lambda d, _: int(groups[d]),
            lambda d: int(limit[d]),
            lambda d, c: same_site(graph.keys[d], graph.keys[c]),
        )
        if count >= limit[node]:
            key = graph.keys[node]
            level = STRENGTHS[a.strength[node] - 1]
            accounts = int(posters[node])
            found[key] = Hub(key, level, count, accounts, rule.reason(level, count, accounts))
    return found, int(candidate.sum())


def separate_groups(
    node: T,
    groups: list[G],
    touching: Mapping[G, Iterable[T]],
    raw_groups: Callable[[T, int], int],
    limit: Callable[[T], int],
    related: Callable[[T, T], bool],
) -> int:
    """How many of a candidate's groups share nothing else: the groups, less those another identifier ties.

    `raw_groups(d, tied)` is how many groups d touches (it may stop counting past what the test needs:
    its own limit and 2 × tied); `limit(d)` is d's limit; `related(d, node)` is true when d never ties
    node's groups (a link and the domain it is on, see `rules.same_site`).

    Another candidate `d` ties the groups of `node` it touches (two or more) when it is not hub-like
    itself (fewer groups than its own limit) or when most of its groups are among these: the phone and
    the handle of one network tie the same groups, two public hotlines do not. A link and a domain of
    the same site never tie each other (the link always brings its domain).
    """
    mine = set(groups)
    shared: dict[T, list[G]] = {}
    for g in groups:
        for other in touching.get(g, ()):
            if other != node and not related(other, node):
                shared.setdefault(other, []).append(g)
    parent = {g: g for g in groups}

    def find(g: G) -> G:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for other, tied in shared.items():
        if len(tied) < 2:
            continue
        raw = raw_groups(other, len(tied))
        if raw < limit(other) or 2 * len(tied) >= raw:
            first = find(tied[0])
            for g in tied[1:]:
                root = find(g)
                if root != first:
                    parent[root] = first
    return len({find(g) for g in mine})


def identifier_labels(graph: LinkGraph, hubs: Iterable[str]) -> np.ndarray:
    """The component of each node when joined by authorship and identifiers that are not `hubs`."""
    a = graph.arrays()
    hub = np.zeros(a.n, dtype=bool)
    hub_nodes = [graph.index[k] for k in hubs if k in graph.index]
    if hub_nodes:
        hub[np.array(hub_nodes, dtype=np.int64)] = True
    keep = ~hub[a.m_node] if len(a.m_node) else np.zeros(0, dtype=bool)
    return components(
        a.n, np.concatenate([a.p_acc, a.m_adv[keep]]), np.concatenate([a.p_adv, a.m_node[keep]])
    )


def networks(graph: LinkGraph, hubs: set[str] | dict[str, Hub]) -> list[tuple[list[str], list[str]]]:
    """The networks when `hubs` do not join: (advert keys, account keys) each, largest first.

    A network is a component with at least MIN_ADVERTS adverts and MIN_ACCOUNTS accounts. Members are
    the adverts and the Account nodes (authors, and handles the adverts name that are not hubs) of the
    component. Keys within a network are sorted.
    """
    return networks_joined(graph, hubs)[0]


def networks_joined(
    graph: LinkGraph,
    hubs: set[str] | dict[str, Hub],
    joins: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[list[tuple[list[str], list[str]]], set[str]]:
    """`networks`, with `joins` (pairs of advert indices: template links that join) tying adverts too;
    and the members that are in their network only through those joins.

    A template adds adverts to a network; it does not make one on its own: its joins count only when
    one of its adverts is in an identifier component (authorship and identifiers alone) that is a
    network by itself. Adverts that merely share a text (the same flat ad reposted by strangers) stay
    apart. Within a network, the identifier component with the most members is its core, joined by
    identifiers (ties: the one with the smallest advert key); the members of its other components came
    in through templates.
    """
    a = graph.arrays()
    n = a.n
    if n == 0:
        return [], set()
    own = identifier_labels(graph, hubs)
    account = np.fromiter((is_account(k) for k in graph.keys), dtype=bool, count=n)
    labels = own
    if joins is not None and len(joins[0]):
        own_network = _big_enough(own, a.is_advert, account, n)
        template = components(n, joins[0], joins[1])
        anchored = np.zeros(n, dtype=bool)
        anchored[template[np.flatnonzero(a.is_advert & own_network[own])]] = True
        keep = anchored[template[joins[0]]]
        if keep.any():
            labels = _joined(n, own, (joins[0][keep], joins[1][keep]))
    big_enough = _big_enough(labels, a.is_advert, account, n)
    member = (a.is_advert | account) & big_enough[labels]
    nodes = np.flatnonzero(member)
    order = nodes[np.argsort(labels[nodes], kind="stable")]
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    found = []
    template_only: set[str] = set()
    for part in np.split(order, bounds) if len(order) else []:
        keys = [graph.keys[i] for i in part.tolist()]
        adverts = sorted(k for k, i in zip(keys, part.tolist(), strict=True) if a.is_advert[i])
        accounts = sorted(k for k, i in zip(keys, part.tolist(), strict=True) if not a.is_advert[i])
        found.append((adverts, accounts))
        cores = own[part]
        if len(np.unique(cores)) > 1:
            template_only.update(_outside_core(graph, part.tolist(), cores.tolist()))
    found.sort(key=lambda net: (-len(net[0]) - len(net[1]), net[0][0]))
    return found, template_only


def _big_enough(labels: np.ndarray, is_advert: np.ndarray, account: np.ndarray, n: int) -> np.ndarray:
    """Per label: whether its component has MIN_ADVERTS adverts and MIN_ACCOUNTS accounts.

    A hub account is a member only through its own adverts (POSTED), never through being mentioned."""
    advert_counts = np.bincount(labels[is_advert], minlength=n)
    account_counts = np.bincount(labels[account], minlength=n)
    return (advert_counts >= MIN_ADVERTS) & (account_counts >= MIN_ACCOUNTS)


def _joined(n: int, own: np.ndarray, joins: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Components of the identifier components tied by the joins, as a label per node."""
    merged = components(n, own[joins[0]], own[joins[1]])
    return merged[own]


def _outside_core(graph: LinkGraph, members: list[int], cores: list[int]) -> list[str]:
    """The keys of the members outside the network's core (see `networks_joined`)."""
    size: dict[int, int] = {}
    first: dict[int, str] = {}
    for node, core in zip(members, cores, strict=True):
        size[core] = size.get(core, 0) + 1
        key = graph.keys[node]
        if key.startswith("advert:") and (core not in first or key < first[core]):
            first[core] = key
    main = min(size, key=lambda c: (-size[c], first.get(c, "\U0010ffff")))
    return [graph.keys[node] for node, core in zip(members, cores, strict=True) if core != main]


def partition(graph: LinkGraph, rule: HubRule) -> Partition:
    """Hubs, then networks, of a whole graph."""
    hubs, candidates = find_hubs(graph, rule)
    return Partition(networks(graph, hubs), hubs, candidates)
