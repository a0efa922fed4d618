"""Reads for many keys at once, one query each, answering in the order of the keys asked.

These are the batch functions behind the API's per-request loaders (a page of 50 networks with their
adverts is one query for the networks' members, one for the adverts, not 50 of each), and they serve the
single lookups too. Each returns one entry per key: a record, a list, or None when the graph has nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.read.reader import ReaderBase
from graph.read.records import (
    Account,
    Advert,
    Carrier,
    Day,
    Evidence,
    Mention,
    Network,
    NetworkIdentifier,
    Node,
    TemplateLink,
    Use,
    moment,
    network_from_properties,
    node_from_row,
    spans_of,
)


async def nodes(reader: ReaderBase, keys: Sequence[str]) -> list[Node | None]:
    """The advert, account, identifier or network of each key (None where there is none)."""
    found = {}
    for row in await reader.rows("read_nodes", keys=_unique(keys)):
        record = node_from_row(row)
        if record is not None:
            found[row["key"]] = record
    return [found.get(key) for key in keys]


async def advert_mentions(reader: ReaderBase, keys: Sequence[str]) -> list[tuple[str | None, list[Mention]]]:
    """For each advert: its author's key and what it mentions, with the spans."""
    found = {}
    for row in await reader.rows("read_advert_mentions", keys=_unique(keys)):
        mentions = [
            Mention(m["key"], m["count"] or len(m["spans"]) // 2, spans_of(m["spans"], m["quotes"]))
            for m in row["mentions"]
        ]
        found[row["advert"]] = (row["author"], mentions)
    return [found.get(key, (None, [])) for key in keys]


async def advert_context(reader: ReaderBase, keys: Sequence[str]) -> list[tuple[str | None, str | None]]:
    """For each advert: the key of the Account of its chat and of where it was forwarded from (None for
    either it has not: an advert not from Telegram has neither)."""
    found = {
        row["advert"]: (row["chat"], row["forwarded_from"])
        for row in await reader.rows("read_advert_context", keys=_unique(keys))
    }
    return [found.get(key, (None, None)) for key in keys]


async def adverts_of(reader: ReaderBase, keys: Sequence[tuple[str, int]]) -> list[tuple[list[Advert], int]]:
    """For each (identifier or account key, limit): adverts carrying it (newest first), and the total.

    The adverts come whole, so that the API need not read them again."""
    results: dict[tuple[str, int], tuple[list[Advert], int]] = {}
    for limit, group in _by_limit(keys).items():
        for row in await reader.rows("read_adverts_of", keys=group, limit=limit):
            adverts = [a for a in map(node_from_row, row["adverts"]) if isinstance(a, Advert)]
            results[(row["key"], limit)] = (adverts, row["total"])
    return [results.get(k, ([], 0)) for k in keys]


async def accounts_of(
    reader: ReaderBase, keys: Sequence[tuple[str, int]]
) -> list[tuple[list[Use], list[Account], int]]:
    """For each (identifier key, limit): the accounts using it, busiest first, and how many in all.

    The accounts come whole beside their uses, so that the API need not read them again."""
    results: dict[tuple[str, int], tuple[list[Use], list[Account], int]] = {}
    for limit, group in _by_limit(keys).items():
        for row in await reader.rows("read_accounts_of", keys=group, limit=limit):
            uses = [
                Use(a["key"], row["key"], a["adverts"], moment(a["first_seen"]), moment(a["last_seen"]))
                for a in row["accounts"]
            ]
            accounts = [
                a for a in (node_from_row(u["account"]) for u in row["accounts"]) if isinstance(a, Account)
            ]
            results[(row["key"], limit)] = (uses, accounts, row["total"])
    return [results.get(k, ([], [], 0)) for k in keys]


async def account_identifiers(reader: ReaderBase, keys: Sequence[tuple[str, int]]) -> list[list[Use]]:
    """For each (account key, limit): the identifiers it uses, most used first."""
    results: dict[tuple[str, int], list[Use]] = {}
    for limit, group in _by_limit(keys).items():
        for row in await reader.rows("read_account_identifiers", keys=group, limit=limit):
            results[(row["key"], limit)] = [
                Use(row["key"], i["key"], i["adverts"], moment(i["first_seen"]), moment(i["last_seen"]))
                for i in row["identifiers"]
            ]
    return [results.get(k, []) for k in keys]


async def networks_of(reader: ReaderBase, keys: Sequence[str]) -> list[list[Network]]:
    """For each advert, account or identifier: the networks it is part of or touches, whole."""
    found = {
        row["key"]: [network_from_properties(p) for p in row["networks"]]
        for row in await reader.rows("read_networks_of", keys=_unique(keys))
    }
    return [found.get(key, []) for key in keys]


async def network_members(
    reader: ReaderBase, keys: Sequence[tuple[str, int]]
) -> list[tuple[list[str], list[str]]]:
    """For each (network key, limit): its advert keys (newest first) and account keys."""
    results: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
    for limit, group in _by_limit(keys).items():
        for row in await reader.rows("read_network_members", keys=group, limit=limit):
            results[(row["key"], limit)] = (row["adverts"], row["accounts"])
    return [results.get(k, ([], [])) for k in keys]


async def network_adverts_via(reader: ReaderBase, keys: Sequence[tuple[str, int, str]]) -> list[list[str]]:
    """For each (network key, limit, via): the keys of its adverts that joined it that way ("identifier"
    or "template"), newest first."""
    results: dict[tuple[str, int, str], list[str]] = {}
    groups: dict[tuple[int, str], list[str]] = {}
    for key, limit, via in keys:
        group = groups.setdefault((limit, via), [])
        if key not in group:
            group.append(key)
    for (limit, via), group in groups.items():
        for row in await reader.rows("read_network_adverts_via", keys=group, limit=limit, via=via):
            results[(row["key"], limit, via)] = row["adverts"]
    return [results.get(k, []) for k in keys]


async def template_links(reader: ReaderBase, keys: Sequence[tuple[str, int]]) -> list[list[TemplateLink]]:
    """For each (advert key, limit): its near-duplicates (SAME_TEMPLATE, either direction), most similar
    first."""
    results: dict[tuple[str, int], list[TemplateLink]] = {}
    for limit, group in _by_limit(keys).items():
        for row in await reader.rows("read_template_links", keys=group, limit=limit):
            results[(row["key"], limit)] = [
                TemplateLink(
                    row["key"], t["other"], float(t["similarity"] or 0.0), bool(t["joins"]), t["reason"]
                )
                for t in row["links"]
            ]
    return [results.get(k, []) for k in keys]


async def network_identifiers(reader: ReaderBase, keys: Sequence[str]) -> list[list[NetworkIdentifier]]:
    """For each network: the identifiers its adverts mention, hubs left out, most mentioned first."""
    found = {
        row["key"]: [NetworkIdentifier(i["key"], i["adverts"]) for i in row["identifiers"]]
        for row in await reader.rows("read_network_identifiers", keys=_unique(keys))
    }
    return [found.get(key, []) for key in keys]


async def network_timelines(reader: ReaderBase, keys: Sequence[str]) -> list[list[Day]]:
    """For each network: adverts posted per day, oldest first."""
    found = {
        row["key"]: [Day(d["day"], d["adverts"]) for d in row["days"]]
        for row in await reader.rows("read_network_timeline", keys=_unique(keys))
    }
    return [found.get(key, []) for key in keys]


async def network_evidence(reader: ReaderBase, keys: Sequence[tuple[str, int]]) -> list[list[Evidence]]:
    """For each (network key, limit): each identifier two or more of its adverts carry, with where."""
    results: dict[tuple[str, int], list[Evidence]] = {}
    for limit, group in _by_limit(keys).items():
        for row in await reader.rows("read_network_evidence", keys=group, limit=limit):
            results[(row["key"], limit)] = [
                Evidence(
                    e["identifier"],
                    e["total"],
                    [
                        Carrier(c["advert"], c["relation"], spans_of(c["spans"], c["quotes"]))
                        for c in e["carriers"]
                    ],
                )
                for e in row["evidence"]
            ]
    return [results.get(k, []) for k in keys]


def _unique(keys: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(keys))


def _by_limit(keys: Sequence[tuple[str, int]]) -> dict[int, list[str]]:
    """Keys grouped by the limit asked with them: one query per distinct limit."""
    groups: dict[int, list[str]] = {}
    for key, limit in keys:
        group = groups.setdefault(limit, [])
        if key not in group:
            group.append(key)
    return groups
