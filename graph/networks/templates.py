"""Template links between adverts: near-duplicate texts as a second kind of evidence for networks.

Candidates are adverts that share an LSH band (`graph.templates`); a candidate pair is a *template link*
when its estimated Jaccard similarity reaches `graph.templates.THRESHOLD`. A *template* is a connected
set of such links. A template copied by many groups of adverts that share nothing else is a hub (a viral
post, a news headline pasted by many outlets): its links are kept, marked `joins: false` with the reason,
and join nothing. Any other template joins the identifier components its adverts are in.

The same functions serve `rebuild` (every advert) and `update` (the region around a few adverts, which
holds every template it meets whole, except those marked as hubs by the last recompute).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import minimum_spanning_tree

from graph.networks.components import LinkGraph, components, identifier_labels
from graph.networks.rules import HubRule
from graph.templates import NUM_PERM, band_keys

# Two identifier components are joined by a template only when, of the smaller one's adverts, at least
# MIN_SHARE and at least MIN_LINKS have a template link into the other (a single advert needs its one):
# a few look-alike adverts between two networks can be chance (both written from the same stock
# sentences of a language), while a gang that copies its own text after rotating copies it in most of
# its adverts.
MIN_SHARE = 0.5
MIN_LINKS = 3
# A band shared by more adverts than this is boilerplate of the whole corpus, not a template of a few
# authors: it gives no candidates (in `rebuild` and `update` alike), so a copied text costs linear work.
MAX_BUCKET = 200


@dataclass(frozen=True, slots=True)
class TemplateLink:
    """One SAME_TEMPLATE link to write: from the smaller advert key to the larger."""

    small: str
    large: str
    similarity: float
    joins: bool
    reason: str | None

    def row(self) -> dict[str, object]:
        return {
            "small": self.small,
            "large": self.large,
            "similarity": self.similarity,
            "joins": self.joins,
            "reason": self.reason,
        }


@dataclass
class Signatures:
    """The template signatures of a graph's adverts: advert node indices and their MinHash values."""

    adverts: array = field(default_factory=lambda: array("q"))
    values: array = field(default_factory=lambda: array("Q"))

    def add(self, advert: int, values: Iterable[int]) -> None:
        values = list(values)
        if len(values) != NUM_PERM:  # written by another version of the signature: not comparable
            return
        self.adverts.append(advert)
        self.values.extend(values)

    def matrix(self) -> tuple[np.ndarray, np.ndarray]:
        """(advert indices, values as a (signatures, NUM_PERM) uint64 array)."""
        adverts = np.frombuffer(self.adverts, dtype=np.int64) if self.adverts else np.zeros(0, np.int64)
        values = np.frombuffer(self.values, dtype=np.uint64) if self.values else np.zeros(0, np.uint64)
        return adverts, values.reshape(-1, NUM_PERM)


def bucket_pairs(order: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Every pair (i < j) of the values within each bucket [start, end) of `order`, as an (n, 2) array.

    Buckets of one size are done together (one array operation per size, not per bucket)."""
    found = []
    sizes = ends - starts
    for size in np.unique(sizes).tolist():
        first = starts[sizes == size]
        members = np.sort(order[first[:, np.newaxis] + np.arange(size)], axis=1)
        left, right = np.triu_indices(size, k=1)
        found.append(np.stack([members[:, left].reshape(-1), members[:, right].reshape(-1)], axis=1))
    return np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)


def candidate_pairs(values: np.ndarray) -> np.ndarray:
    """Rows (i, j), i < j, of the signatures that share a band (buckets over MAX_BUCKET left out)."""
    if len(values) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    keys = band_keys(values)  # (signatures, BANDS)
    rows = np.repeat(np.arange(len(values), dtype=np.int64), keys.shape[1])
    bands = np.tile(np.arange(keys.shape[1], dtype=np.int64), len(values))
    flat = keys.reshape(-1)
    order = np.lexsort((flat, bands))
    flat, bands, rows = flat[order], bands[order], rows[order]
    change = np.flatnonzero((np.diff(flat) != 0) | (np.diff(bands) != 0)) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change, [len(flat)]])
    sizes = ends - starts
    keep = (sizes >= 2) & (sizes <= MAX_BUCKET)
    pairs = bucket_pairs(rows, starts[keep], ends[keep])
    if len(pairs) == 0:
        return pairs
    codes = np.sort(pairs[:, 0] * len(values) + pairs[:, 1])
    codes = codes[np.concatenate([[True], codes[1:] != codes[:-1]])]  # the same pair in several bands
    return np.stack([codes // len(values), codes % len(values)], axis=1)


def verify(values: np.ndarray, pairs: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs whose estimated Jaccard similarity reaches `threshold`, and their similarities."""
    if len(pairs) == 0:
        return pairs, np.zeros(0)
    similarity = np.empty(len(pairs))
    for start in range(0, len(pairs), 100_000):  # bounded memory for many pairs
        part = pairs[start : start + 100_000]
        similarity[start : start + len(part)] = (values[part[:, 0]] == values[part[:, 1]]).mean(axis=1)
    keep = similarity >= threshold
    return pairs[keep], np.round(similarity[keep], 4)


@dataclass
class Templates:
    """The template links of a graph, decided: which templates join and which are hubs, and the links."""

    joins_left: np.ndarray  # advert node indices joined by a template that joins
    joins_right: np.ndarray
    links: list[TemplateLink]
    hubs: int = 0  # templates that are hubs
    templates: int = 0  # templates (connected sets of links) in all


def template_pairs(
    graph: LinkGraph, signatures: Signatures, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """The template links among the graph's adverts: (pairs of node indices, similarities)."""
    adverts, values = signatures.matrix()
    pairs, similarity = verify(values, candidate_pairs(values), threshold)
    return adverts[pairs] if len(pairs) else pairs, similarity


def decide(
    graph: LinkGraph,
    hubs: Iterable[str],
    pairs: np.ndarray,
    similarity: np.ndarray,
    rule: HubRule,
    *,
    outside: Sequence[str] = (),
    kept: Mapping[int, str] | None = None,
    tied: np.ndarray | None = None,
) -> Templates:
    """Which templates are hubs, the pairs that join, and the spanning links to write.

    `pairs` are template links between node indices of `graph`'s adverts; in an update, an index from
    len(graph.keys) on is an advert of `outside`: an advert outside the region, of a template the last
    recompute marked as a hub (`kept` gives its reason by index), and `tied` pairs those outside adverts
    that the stored links already tie into one template: they count as one template, their links are
    not rewritten, and a region advert joins it by its single most similar link. A template is a hub
    when its adverts fall into at least `rule.max_groups_template` identifier groups (components of the
    identifier links that join, hubs left out: groups that share nothing else) and were posted by at least
    `rule.min_accounts` authors (an advert without author counts as its own); a template touching a kept
    hub stays one, with its reason. The pairs that join are those of templates that are not hubs, between
    two adverts of the graph, that tie their identifier components by MIN_LINKS pairs or more (or tie a
    single advert).
    """
    kept = kept or {}
    n = len(graph.keys)
    empty = np.zeros(0, dtype=np.int64)
    if len(pairs) == 0:
        return Templates(empty, empty, [])
    labels = identifier_labels(graph, hubs)
    a = graph.arrays()
    poster = np.arange(n, dtype=np.int64)
    poster[a.p_adv] = a.p_acc
    tied = np.zeros((0, 2), dtype=np.int64) if tied is None else tied.reshape(-1, 2).astype(np.int64)
    ends = np.concatenate([pairs, tied])
    clusters = components(n + len(outside), ends[:, 0], ends[:, 1])
    nodes = np.unique(pairs.reshape(-1))
    kept_reason: dict[int, str] = {}
    for node in sorted(kept):
        kept_reason.setdefault(int(clusters[node]), kept[node])
    own = nodes[nodes < n]
    size = n + len(outside)
    groups = _distinct_per(clusters[own], labels[own], size)
    authors = _distinct_per(clusters[own], poster[own], size)
    reasons: dict[int, str] = {}
    over = (groups >= rule.max_groups_template) & (authors >= rule.min_accounts)
    for cluster in np.flatnonzero(over).tolist():
        reasons[cluster] = rule.template_reason(int(groups[cluster]), int(authors[cluster]))
    reasons.update(kept_reason)
    templates = len(np.unique(clusters[nodes]))
    pair_cluster = clusters[pairs[:, 0]]
    joins = ~np.isin(pair_cluster, np.fromiter(reasons, dtype=np.int64, count=len(reasons)))
    joins &= (pairs[:, 0] < n) & (pairs[:, 1] < n)
    joins &= _corroborated(pairs, labels, a.is_advert, n)
    key = graph.keys.__getitem__ if not outside else (lambda i: graph.keys[i] if i < n else outside[i - n])
    links = []
    for i, j, value in _spanning(pairs, similarity, nodes, key, tied):
        reason = reasons.get(int(clusters[i]))
        small, large = sorted((key(i), key(j)))
        links.append(TemplateLink(small, large, value, reason is None, reason))
    return Templates(pairs[joins, 0], pairs[joins, 1], links, len(reasons), templates)


def _distinct_per(owner: np.ndarray, value: np.ndarray, size: int) -> np.ndarray:
    """For each owner index below `size`: how many distinct values it has."""
    codes = np.unique(owner.astype(np.int64) * size + value.astype(np.int64))
    return np.bincount(codes // size, minlength=size)


def _corroborated(pairs: np.ndarray, labels: np.ndarray, is_advert: np.ndarray, n: int) -> np.ndarray:
    """Per pair: whether the two identifier components it ties are tied enough to join (see MIN_SHARE):
    counted on the smaller one (fewer adverts; ties to the smaller label). Pairs with an end outside the
    graph, or within one component, are False."""
    inside = (pairs[:, 0] < n) & (pairs[:, 1] < n)
    result = np.zeros(len(pairs), dtype=bool)
    if not inside.any():
        return result
    ends = pairs[inside]
    left, right = labels[ends[:, 0]], labels[ends[:, 1]]
    adverts = np.bincount(labels[np.flatnonzero(is_advert)], minlength=n)
    # Distinct adverts of each component with a link into each other component.
    own = np.concatenate([left, right])
    other = np.concatenate([right, left])
    advert = np.concatenate([ends[:, 0], ends[:, 1]])
    apart = own != other
    if not apart.any():
        return result
    own, other, advert = own[apart], other[apart], advert[apart]
    order = np.lexsort((advert, other, own))
    own, other, advert = own[order], other[order], advert[order]
    new = np.concatenate(
        [[True], (own[1:] != own[:-1]) | (other[1:] != other[:-1]) | (advert[1:] != advert[:-1])]
    )
    codes, counts = np.unique(own[new] * n + other[new], return_counts=True)
    left_smaller = (adverts[left] < adverts[right]) | ((adverts[left] == adverts[right]) & (left < right))
    small = np.where(left_smaller, left, right)
    big = np.where(left_smaller, right, left)
    code = small * n + big
    where = np.minimum(np.searchsorted(codes, code), len(codes) - 1)
    count = np.where(codes[where] == code, counts[where], 0)
    size = adverts[small]
    result[inside] = (left != right) & (count >= MIN_SHARE * size) & ((count >= MIN_LINKS) | (size == 1))
    return result


def _spanning(
    pairs: np.ndarray,
    similarity: np.ndarray,
    nodes: np.ndarray,
    key: Callable[[int], str],
    tied: np.ndarray,
) -> list[tuple[int, int, float]]:
    """A maximum spanning forest of the links: each template's adverts tied by its most similar links.

    Writing every pair of a template copied a thousand times would write half a million links; the
    forest writes one fewer than its adverts and keeps each template connected. Ties go to the smaller
    keys, so the forest depends on the links only, not on the order they were read in. The `tied` pairs
    (adverts the stored links already tie, in an update) are taken before every link and not returned:
    a new copy of a stored template gets the one link that ties it, not a link to every earlier copy.
    """
    # Each node's rank in key order, so ties are broken by keys with integer sorts.
    rank = np.zeros(int(nodes.max()) + 1, dtype=np.int64)
    rank[nodes] = np.argsort(np.argsort(np.array([key(int(i)) for i in nodes.tolist()], dtype=object)))
    left, right = rank[pairs[:, 0]], rank[pairs[:, 1]]
    order = np.lexsort((np.maximum(left, right), np.minimum(left, right), -similarity))
    # Kruskal in that order is the minimum spanning forest under weights that rank the links so: scipy's
    # (C code) finds it, and the weights being distinct make it the only one.
    # The tied pairs come first (the lightest weights); they form a forest, so every one is taken.
    first = len(tied)
    weight = np.empty(len(pairs), dtype=np.float64)
    weight[order] = np.arange(first + 1, first + len(pairs) + 1, dtype=np.float64)
    weight = np.concatenate([np.arange(1, first + 1, dtype=np.float64), weight])
    ends = np.concatenate([tied, pairs])
    size = int(ends.max()) + 1
    low, high = np.minimum(ends[:, 0], ends[:, 1]), np.maximum(ends[:, 0], ends[:, 1])
    forest = minimum_spanning_tree(coo_matrix((weight, (low, high)), shape=(size, size))).tocoo()
    taken = forest.data.astype(np.int64)
    chosen = order[taken[taken > first] - first - 1]
    return [(int(pairs[p, 0]), int(pairs[p, 1]), float(similarity[p])) for p in np.sort(chosen).tolist()]
