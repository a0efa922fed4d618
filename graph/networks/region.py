"""The region an update must recompute: the networks a few adverts touch, found by expanding from them.

Starting from the given adverts, the expansion follows every link that joins (authorship, identifiers
that are not hubs, and template links: near-duplicates found through the band index, except those of a
template the last recompute marked as a hub), and pulls in every member of a network it meets, so that a
network that splits is recomputed whole. Whether an identifier met on the way is a hub is decided by the
same rule as the full recompute (`HubRule`): its adverts' groups are explored until the limit is reached
or all are known.
Nothing outside the region is read: the work is bounded by the size of the networks touched and by
`limit` groups around each hub they mention.
"""

from __future__ import annotations

from collections.abc import Iterable

import neo4j
import numpy as np

from graph.networks import store
from graph.networks.components import Hub, LinkGraph, separate_groups
from graph.networks.rules import HubRule, same_site, strength
from graph.networks.store import AdvertRow, NodeRow, OldNetwork
from graph.networks.templates import MAX_BUCKET
from graph.templates import NUM_PERM, THRESHOLD, band_tokens, similarity


class _UnionFind:
    """Groups of string keys, merged as links are found; each root knows its group's keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}

    def find(self, key: str) -> str:
        parent = self.parent.get(key)
        if parent is None:
            self.parent[key] = key
            self._members[key] = [key]
            return key
        if parent == key:
            return key
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            root, child = min(ra, rb), max(ra, rb)
            self.parent[child] = root
            kept, moved = self._members[root], self._members.pop(child)
            if len(kept) < len(moved):  # append the shorter list: linear-logarithmic over all unions
                kept, moved = moved, kept
            kept.extend(moved)
            self._members[root] = kept

    def members(self, root: str) -> list[str]:
        """The keys of the group whose root is `root` (as `find` returns it)."""
        return self._members[root]


class Region:
    """Adverts and identifiers read around some adverts, with the hub decisions taken on the way."""

    def __init__(self, session: neo4j.Session, rule: HubRule) -> None:
        self.session = session
        self.rule = rule
        self.adverts: dict[str, AdvertRow | None] = {}
        self.nodes: dict[str, NodeRow | None] = {}
        self.decided: dict[str, Hub | None] = {}  # each candidate met: its Hub, or None when it joins
        self.kept: set[str] = set()  # hubs marked by the last recompute, kept as they are
        self.members: set[str] = set()  # adverts of the region
        self.visited: set[str] = set()  # identifiers and accounts of the region
        self.old_networks: dict[str, OldNetwork] = {}
        self.seeds: set[str] = set()
        # Template links found on the way, (smaller key, larger key) -> similarity; and adverts outside the
        # region met through them, of templates the last recompute marked as hubs, with that reason.
        self.template_links: dict[tuple[str, str], float] = {}
        self.outside_hubs: dict[str, str] = {}
        self._looked_up: set[str] = set()
        self._tokens: dict[str, set[str]] = {}
        # The explored groups (components without candidates), shared by every hub evaluation.
        self._groups = _UnionFind()
        self._explored_adverts: set[str] = set()
        self._explored_nodes: set[str] = set()

    # -- reading, cached ------------------------------------------------------------------------

    def _fetch_adverts(self, keys: Iterable[str]) -> None:
        missing = [k for k in keys if k not in self.adverts]
        if missing:
            found = {row.key: row for row in store.read_adverts(self.session, missing)}
            for key in missing:
                self.adverts[key] = found.get(key)

    def _fetch_nodes(self, keys: Iterable[str]) -> None:
        missing = [k for k in keys if k not in self.nodes]
        if missing:
            found = {row.key: row for row in store.read_nodes(self.session, missing)}
            for key in missing:
                self.nodes[key] = found.get(key)

    def _networks_of(self, adverts: Iterable[str]) -> set[str]:
        """The old networks of these adverts."""
        adverts = list(adverts)
        self._fetch_adverts(adverts)
        return {row.network for a in adverts if (row := self.adverts[a]) is not None and row.network}

    def _candidate(self, key: str) -> bool:
        node = self.nodes.get(key)
        return node is not None and node.posters >= self.rule.min_accounts

    # -- hubs -----------------------------------------------------------------------------------

    def is_hub(self, key: str) -> bool:
        """Whether the identifier (already read) is a hub under the rule; decided once per update."""
        if not self._candidate(key):
            return False
        if key not in self.decided:
            self.decided[key] = self._evaluate(key)
        return self.decided[key] is not None

    def _evaluate(self, key: str) -> Hub | None:
        """The candidate's Hub when its groups that share nothing else reach the limit, else None.

        A candidate marked as a hub by the last recompute stays one (its groups are not explored again:
        a public hotline's are many); `rebuild` decides afresh.
        """
        node = self.nodes[key]
        assert node is not None
        level = strength(key)
        assert level is not None
        limit = self.rule.limit(level)
        if node.hub:
            self.kept.add(key)
            groups = node.hub_groups or limit
            reason = node.hub_reason or self.rule.reason(level, groups, node.posters)
            return Hub(key, level, groups, node.posters, reason)
        starts = sorted(node.mentions) + sorted(node.posted)
        self._explore_groups(starts)
        find = self._groups.find
        mine = sorted({find(s) for s in starts})
        if len(mine) < limit:
            return None
        touching: dict[str, set[str]] = {}
        # Only the adverts of this candidate's own groups: walking every advert explored so far, for
        # each candidate, made an update of a few thousand adverts quadratic on a large graph.
        for root, advert in ((r, a) for r in mine for a in self._groups.members(r)):
            row = self.adverts.get(advert) if advert in self._explored_adverts else None
            if row is None:
                continue
            others = [i for i in row.identifiers if strength(i) is not None]
            if row.author:
                others.append(row.author)
            for other in others:
                if other != key and self._candidate(other):
                    touching.setdefault(root, set()).add(other)
        count = separate_groups(key, mine, touching, self._raw_groups, self._limit, same_site)
        if count < limit:
            return None
        return Hub(key, level, count, node.posters, self.rule.reason(level, count, node.posters))

    def _limit(self, key: str) -> int:
        level = strength(key)
        return self.rule.limit(level) if level else 1 << 62

    def _raw_groups(self, key: str, tied: int) -> int:
        """How many groups the candidate touches, counted up to what the tie test needs to know."""
        node = self.nodes[key]
        assert node is not None
        if node.hub:
            return node.hub_groups or self._limit(key)
        bound = max(self._limit(key), 2 * tied + 1)
        starts = sorted(node.mentions) + sorted(node.posted)
        position, count = 0, 0
        while position < len(starts) and count < bound:
            self._explore_groups(starts[position : position + bound])
            position += bound
            count = len({self._groups.find(s) for s in starts if s in self._explored_adverts})
        return count

    def _explore_groups(self, starts: list[str]) -> None:
        """Explore the groups (links without candidates) of these adverts completely."""
        frontier = [s for s in starts if s not in self._explored_adverts]
        while frontier:
            self._fetch_adverts(frontier)
            nodes: set[str] = set()
            authors: set[str] = set()
            for advert in frontier:
                self._explored_adverts.add(advert)
                self._groups.find(advert)
                row = self.adverts.get(advert)
                if row is None:
                    continue
                if row.author:
                    nodes.add(row.author)
                    authors.add(row.author)
                nodes.update(i for i in row.identifiers if strength(i) is not None)
            nodes -= self._explored_nodes
            self._fetch_nodes(nodes)
            following: set[str] = set()
            for advert in frontier:
                row = self.adverts.get(advert)
                if row is None:
                    continue
                if row.author:
                    self._groups.union(advert, row.author)
                for identifier in row.identifiers:
                    if strength(identifier) is not None and not self._candidate(identifier):
                        self._groups.union(advert, identifier)
            for key in nodes:
                node = self.nodes.get(key)
                # Only a node reached through a link that counts is expanded: an author, or a non-candidate.
                if node is None:
                    continue
                if self._candidate(key) and key not in authors:
                    continue
                self._explored_nodes.add(key)
                for advert in node.posted:
                    self._groups.union(key, advert)
                following.update(node.posted)
                if not self._candidate(key):
                    for advert in node.mentions:
                        self._groups.union(key, advert)
                    following.update(node.mentions)
            frontier = [a for a in following if a not in self._explored_adverts]

    # -- the region -----------------------------------------------------------------------------

    def expand(self, seeds: Iterable[str]) -> None:
        """Grow the region from `seeds` through every joining link and every old network met."""
        frontier = set(seeds)
        self.seeds |= frontier
        pending_nodes: set[str] = set()
        while frontier or pending_nodes:
            self._fetch_adverts(frontier)
            nodes = set(pending_nodes)
            pending_nodes = set()
            met_networks: set[str] = set()
            for advert in frontier:
                row = self.adverts.get(advert)
                if row is None:
                    continue
                self.members.add(advert)
                if row.network:
                    met_networks.add(row.network)
                if row.author:
                    nodes.add(row.author)
                nodes.update(i for i in row.identifiers if strength(i) is not None)
            nodes -= self.visited
            self._fetch_nodes(nodes)
            following = self._template_neighbours(sorted(frontier))
            for key in nodes:
                self.visited.add(key)
                node = self.nodes.get(key)
                if node is None:
                    continue
                if node.network:
                    met_networks.add(node.network)
                following.update(node.posted)
                if not self.is_hub(key):
                    following.update(node.mentions)
                elif not node.hub:
                    # A hub only now: the old networks it held together must be recomputed, or one joined
                    # through nothing else would stay whole. Its adverts are read once, when it tips over.
                    met_networks.update(self._networks_of(node.mentions))
            met_networks -= self.old_networks.keys()
            if met_networks:
                for old in store.read_networks(self.session, sorted(met_networks)):
                    self.old_networks[old.key] = old
                    for member in old.members:
                        if member.startswith("advert:"):
                            following.add(member)
                        elif member not in self.visited:
                            pending_nodes.add(member)
            frontier = following - self.members

    def _template_neighbours(self, adverts: list[str]) -> set[str]:
        """The near-duplicates of these adverts to follow: their candidates in the band index (a band
        shared by more than MAX_BUCKET adverts gives none, as in `rebuild`), verified by similarity. The
        links are kept; a neighbour whose template the last recompute marked as a hub is not followed."""
        wanted = []
        for advert in adverts:
            row = self.adverts.get(advert)
            if advert not in self._looked_up and row is not None and _comparable(row.template):
                wanted.append(advert)
        self._looked_up.update(wanted)
        if not wanted:
            return set()
        candidates = self._candidates(wanted)
        follow: set[str] = set()
        for advert, keys in candidates.items():
            mine = self.adverts[advert].template  # type: ignore[union-attr]
            for other in sorted(keys):
                row = self.adverts.get(other)
                if row is None or not _comparable(row.template):
                    continue
                value = similarity(mine, row.template)  # type: ignore[arg-type]
                if value < THRESHOLD:
                    continue
                self.template_links[(min(advert, other), max(advert, other))] = round(value, 4)
                if row.template_hub is not None and other not in self.seeds:
                    self.outside_hubs.setdefault(other, row.template_hub)
                else:
                    follow.add(other)
        return follow

    def _candidates(self, adverts: list[str]) -> dict[str, set[str]]:
        """Each advert's candidates: the adverts sharing a band with it, bands shared by more than
        MAX_BUCKET adverts left out (as `rebuild` does). Each band token is looked up once, however many
        of the adverts have it (the adverts of one template share most of theirs)."""
        tokens = {a: sorted(self._tokens_of(a)) for a in adverts}
        found = store.template_candidates(
            self.session, {t: t for mine in tokens.values() for t in mine}, MAX_BUCKET + 1
        )
        buckets = {t: keys for t, keys in found.items() if len(keys) <= MAX_BUCKET}
        candidates = {a: {k for t in tokens[a] for k in buckets.get(t, ())} - {a} for a in adverts}
        self._fetch_adverts(sorted({k for keys in candidates.values() for k in keys}))
        return candidates

    def _tokens_of(self, key: str) -> set[str]:
        """The band tokens of a read advert with a signature (computed once)."""
        found = self._tokens.get(key)
        if found is None:
            row = self.adverts[key]
            assert row is not None and row.template is not None
            found = self._tokens[key] = set(band_tokens(row.template).split())
        return found

    def template_pairs(self, graph: LinkGraph) -> tuple[np.ndarray, np.ndarray, list[str], dict[int, str]]:
        """The template links met, for `templates.decide`: pairs of indices of `graph` (the region's link
        graph; adverts outside the region numbered after its nodes), their similarities, those outside
        adverts, and the kept hub reason of each advert whose template was a hub at the last recompute."""
        outside = sorted(k for k in self.outside_hubs if k not in self.members)
        index = dict(graph.index)
        index.update((key, len(graph.keys) + i) for i, key in enumerate(outside))
        pairs = np.array([(index[a], index[b]) for a, b in self.template_links], dtype=np.int64).reshape(
            -1, 2
        )
        values = np.array(list(self.template_links.values()), dtype=float)
        kept = {}
        for key in self.members | set(outside):
            row = self.adverts.get(key)
            if row is not None and row.template_hub is not None and key not in self.seeds:
                kept[index[key]] = row.template_hub
        return pairs, values, outside, kept

    def stored_ties(self, graph: LinkGraph, outside: list[str]) -> np.ndarray:
        """Pairs of indices (numbered as `template_pairs` does) of the outside adverts that the stored
        links of their hub templates already tie together, a chain per template, for `templates.decide`.

        Their stored links are walked (not through the region's adverts, whose links are rewritten) only
        until every outside advert met is tied to the others; adverts of one copied text are mostly met at
        once, so this reads little. Without it a new copy would be linked to every copy met."""
        groups = _UnionFind()
        for advert in outside:
            groups.find(advert)
        read: set[str] = set()
        frontier = sorted(outside)
        while frontier and len({groups.find(a) for a in outside}) > 1:
            read.update(frontier)
            following: set[str] = set()
            for (small, large), (_, joins, _) in store.read_template_links(self.session, frontier).items():
                if joins or small in self.members or large in self.members:
                    continue
                groups.union(small, large)
                following.update((small, large))
            frontier = sorted(following - read)
        index = len(graph.keys)
        position = {key: index + i for i, key in enumerate(outside)}
        chains: dict[str, list[int]] = {}
        for advert in outside:
            chains.setdefault(groups.find(advert), []).append(position[advert])
        ties = [(c[i], c[i + 1]) for c in chains.values() for i in range(len(c) - 1)]
        return np.array(ties, dtype=np.int64).reshape(-1, 2)

    def link_graph(self) -> LinkGraph:
        """The region's adverts and links, as the full recompute would hold them."""
        graph = LinkGraph()
        for key in sorted(self.members):
            row = self.adverts[key]
            assert row is not None
            graph.advert(key)
            if row.author:
                graph.posted(row.author, key)
            for identifier in row.identifiers:
                graph.mentions(key, identifier)
        return graph

    def hubs(self) -> dict[str, Hub]:
        return {key: hub for key, hub in self.decided.items() if hub is not None}


def _comparable(values: list[int] | None) -> bool:
    """True for a template signature of the current size (one written by another version is not)."""
    return values is not None and len(values) == NUM_PERM
