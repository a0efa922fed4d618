"""The write side of ingest: one batch of adverts into the graph in one transaction.

`write_batch` is a transaction function for `session.execute_write`. It may run more than once (the driver
retries transient errors), so it changes nothing outside the transaction except the cached extraction of
each advert. Its statements are in `cypher/`: ingest_lock, advert_hashes, advert_clear, advert_write,
identifiers_write, mentions_write, uses_add, uses_recompute and orphans_prune.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import neo4j

from graph import cypher, indicators, language
from graph.advert import Advert, Author
from graph.evidence import Mention, find_mentions
from graph.indicators import Hit
from graph.templates import Signature, signature

# The parameter of identifiers_write and mentions_write that holds each kind's rows; a kind not listed is
# not stored.
# Indicator hits kept on one Advert node (the strongest, when a text repeats its terms more often).
MAX_STORED_HITS = 200
KIND_PARAMETERS = {
    "phone": "phones",
    "handle": "handles",
    "payment": "payments",
    "email": "emails",
    "domain": "domains",
    "url": "links",
}


class Rows(list[Any]):
    """A query parameter's rows, shown in a log as their number only.

    The neo4j driver writes each query's parameters into its debug message before it knows whether
    debug logging is on: for a batch of adverts, texts and all, that formatting cost about as much client
    CPU as the rest of the write path together. The driver packs a Rows as the list it is.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


@dataclass(frozen=True, slots=True)
class Extraction:
    """What is read from one advert's text before it is written: its identifiers (and how many were left
    out as too long), its template signature, which masks those identifiers, and its analysis (the
    Advert properties `analysis_properties` gives: language, smuggling score and indicator hits)."""

    mentions: list[Mention]
    skipped: int
    template: Signature | None
    analysis: dict[str, Any] = field(default_factory=dict)


def extract(text: str, platform: str | None, region: str | None, lang: str | None = None) -> Extraction:
    """Read one advert's text (the CPU-heavy part of ingest); `lang` is the feed's language, if any."""
    mentions, skipped = find_mentions(text, platform=platform, region=region)
    template = signature(text, [s for m in mentions for s in m.spans])
    return Extraction(mentions, skipped, template, analysis_properties(text, lang))


def extract_many(adverts: list[tuple[str, str | None, str | None, str | None]]) -> list[Extraction]:
    """`extract` for each (text, platform, region, lang): one call per batch, for a worker process.

    Each step reads the whole batch before the next starts (identifiers, then template signatures, then
    analyses): the results are those of `extract` advert by advert, and each step's patterns, tables and
    model stay in the processor's caches while it runs, which makes the batch cheaper.
    """
    found = [find_mentions(text, platform=platform, region=region) for text, platform, region, _ in adverts]
    templates = [
        signature(advert[0], [span for mention in mentions for span in mention.spans])
        for advert, (mentions, _) in zip(adverts, found, strict=True)
    ]
    analyses = [analysis_properties(text, lang) for text, _, _, lang in adverts]
    return [
        Extraction(mentions, skipped, template, analysis)
        for (mentions, skipped), template, analysis in zip(found, templates, analyses, strict=True)
    ]


class AdvertRows(NamedTuple):
    """An extraction as the writer uses it: `properties`, the Advert properties it gives (template
    signature, then analysis); `mentions`, each identifier as (kind, key, identifiers_write's node row,
    the MENTIONS properties); `skipped`, identifiers left out as too long.

    What a worker sends back: plain dicts, lists and tuples, which unpickle much faster than the
    Mention, Identifier and Signature objects they are made from, and which the writer passes on as
    they are.
    """

    properties: dict[str, Any]
    mentions: list[tuple[str, str, dict[str, Any], dict[str, Any]]]
    skipped: int


def advert_rows(extraction: Extraction) -> AdvertRows:
    """The rows the writer needs from one advert's extraction."""
    template = extraction.template
    properties = {
        "template_signature": template.values if template else None,
        "template_bands": template.bands if template else None,
        **extraction.analysis,
    }
    mentions = [(m.kind, m.key, _node_row(m), _mention_properties(m)) for m in extraction.mentions]
    return AdvertRows(properties, mentions, extraction.skipped)


def extract_rows(adverts: list[tuple[str, str | None, str | None, str | None]]) -> list[AdvertRows]:
    """`extract_many` as the writer's rows: what an ingest worker runs on each batch."""
    with collector_paused():
        return [advert_rows(extraction) for extraction in extract_many(adverts)]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off the garbage collector's automatic runs while a batch is read, and let it run after.

    Reading an advert makes thousands of short-lived containers (matches, hits, tokens, rows), which
    reference counting frees; the few cycles it leaves are a few dozen per thousand adverts. Yet those
    allocations set off a collection every 700 of them, and each older-generation run walks what the
    worker keeps for good (the lexicon's automaton, the phone metadata, the word memory): about a tenth
    of a worker's CPU. Paused for one batch, the collector walks the batch's garbage once, when it next
    runs. A caller that turned the collector off itself is left as it was; when two threads read
    batches at once, the first to finish turns it back on, so it is never left off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def analysis_properties(text: str, lang: str | None) -> dict[str, Any]:
    """The Advert properties that say what its text is: `lang` (the feed's, else detected) and
    `lang_detected`, its `smuggling_score`, and its indicator hits as parallel lists in text order
    (`indicator_terms`, `_categories`, `_langs`, `_weights`, and `indicator_spans` flat [start, end, ...]
    as MENTIONS keeps spans), benign hits among them; and the words that moved its score most
    (`score_words`, with what each added to the log-odds in `score_word_parts`). Plain lists, so a worker
    sends them cheaply."""
    detected = None if lang is not None else language.detect(text)
    found = indicators.analyse(text, lang=language.code(lang) if lang is not None else detected, detect=False)
    hits = stored_hits(found.hits)
    return {
        "lang": lang if lang is not None else detected,
        "lang_detected": detected is not None,
        "smuggling_score": found.score,
        "indicator_count": len(found.hits),
        "indicator_terms": [h.term for h in hits],
        "indicator_categories": [h.category for h in hits],
        "indicator_langs": [h.lang for h in hits],
        "indicator_spans": [offset for h in hits for offset in (h.start, h.end)],
        "indicator_weights": [h.weight for h in hits],
        "score_words": [word for word, _ in found.words],
        "score_word_parts": [part for _, part in found.words],
    }


def stored_hits(hits: Sequence[Hit]) -> list[Hit]:
    """The hits kept on the Advert node: all of them, or on a text that repeats its terms thousands of
    times, the MAX_STORED_HITS strongest in text order. The score counts every hit; the node only has to
    show an analyst why, and must not grow with the length of a hostile text."""
    if len(hits) <= MAX_STORED_HITS:
        return list(hits)
    strongest = sorted(range(len(hits)), key=lambda i: (-hits[i].weight, i))[:MAX_STORED_HITS]
    return [hits[i] for i in sorted(strongest)]


@dataclass(slots=True)
class PendingAdvert:
    """A validated advert waiting in a batch, with where it came from and, once needed, its extraction."""

    advert: Advert
    content_hash: str
    file: str | None
    line: int
    _rows: AdvertRows | None = field(default=None, repr=False)
    key: str = field(init=False)  # the advert's key, asked for many times on the way to the graph

    def __post_init__(self) -> None:
        self.key = self.advert.key

    def attach(self, rows: AdvertRows) -> None:
        """Give the advert what a worker process read from its text, so that it is not read again."""
        self._rows = rows

    def rows(self) -> AdvertRows:
        """What its text says, read on first use and kept (a retried transaction reuses it)."""
        if self._rows is None:
            advert = self.advert
            self._rows = advert_rows(extract(advert.text, advert.platform, advert.region, advert.lang))
        return self._rows

    @property
    def skipped(self) -> int:
        """Identifiers of the advert left out as too long to be a key (known once `rows` ran)."""
        return self._rows.skipped if self._rows is not None else 0


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What one batch did: adverts created, updated (changed since written) and unchanged (skipped)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_identifiers: int = 0


def write_batch(
    tx: neo4j.ManagedTransaction,
    run: str,
    batch: Sequence[PendingAdvert],
    *,
    rewrite: bool = False,
) -> BatchResult:
    """Write one batch of adverts (keys unique in the batch); adverts whose content is unchanged are skipped.

    Order: wait for any other run's batch being written (one batch at a time, so that two runs never
    both take an advert for new); find which adverts exist with which content hash; clear the changed
    ones (their old MENTIONS, POSTED, IN_COUNTRY, IN_CHAT, FORWARDED_FROM); write adverts, their authors
    and the accounts of their chat and forward; write identifiers and MENTIONS; add the USES of new
    adverts and recompute USES for every (author, identifier) pair a changed advert touched, old or new;
    delete nodes the changed adverts left with no evidence. With
    `rewrite`, unchanged adverts are written again too (after the extraction rules changed); the result
    is the same as for a new advert.
    """
    tx.run(cypher.load("ingest_lock")).consume()  # before reading what exists: see ingest_lock.cypher
    hashes = {r["key"]: r["content_hash"] for r in tx.run(cypher.load("advert_hashes"), keys=_keys(batch))}
    to_write = [p for p in batch if rewrite or hashes.get(p.key) != p.content_hash]
    created = sum(1 for p in to_write if p.key not in hashes)
    existing = Rows(p.key for p in to_write if p.key in hashes)

    old_pairs: list[dict[str, str]] = Rows()
    candidates: set[str] = set()
    if existing:
        for record in tx.run(cypher.load("advert_clear"), keys=existing):
            authors, identifiers = record["authors"], record["identifiers"]
            candidates.update(authors, identifiers, record["contexts"])
            old_pairs.extend({"account": a, "identifier": i} for a in authors for i in identifiers)

    skipped = 0
    if to_write:
        tx.run(cypher.load("advert_write"), run=run, adverts=Rows(_advert_row(p) for p in to_write)).consume()
        nodes: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in KIND_PARAMETERS.values()}
        mention_rows: dict[str, list[dict[str, Any]]] = {name: Rows() for name in KIND_PARAMETERS.values()}
        for pending in to_write:
            advert = pending.key
            for kind, key, node, mention in pending.rows().mentions:
                parameter = KIND_PARAMETERS.get(kind)
                if parameter is None:
                    skipped += 1
                    continue
                nodes[parameter].setdefault(key, node)
                mention_rows[parameter].append({"advert": advert, "key": key, "mention": mention})
            skipped += pending.skipped
        tx.run(
            cypher.load("identifiers_write"), {name: Rows(keyed.values()) for name, keyed in nodes.items()}
        ).consume()
        tx.run(cypher.load("mentions_write"), mention_rows).consume()
        new = Rows(p.key for p in to_write if p.key not in hashes)
        tx.run(cypher.load("uses_add"), adverts=new).consume()
        if existing:
            tx.run(cypher.load("uses_recompute"), adverts=existing, pairs=old_pairs).consume()
    if candidates:
        tx.run(cypher.load("orphans_prune"), candidates=Rows(sorted(candidates))).consume()
    return BatchResult(
        created=created,
        updated=len(to_write) - created,
        unchanged=len(batch) - len(to_write),
        skipped_identifiers=skipped,
    )


def _keys(batch: Sequence[PendingAdvert]) -> list[str]:
    return Rows(p.key for p in batch)


def _advert_row(pending: PendingAdvert) -> dict[str, Any]:
    """advert_write's row: the node's properties, its country, its author and its context (the chat it
    was posted in, where it was forwarded from)."""
    advert = pending.advert
    return {
        "key": advert.key,
        # As text, parsed by Cypher's datetime(): the driver's own datetime encoding costs more than all
        # the rest of a batch's parameters together.
        "posted_at": advert.posted_at.isoformat(),
        "region": advert.region,
        "author": _account_row(advert.platform, advert.author),
        "chat": _account_row(advert.platform, advert.chat),
        "forwarded_from": _account_row(advert.platform, advert.forwarded_from),
        "properties": {
            "platform": advert.platform,
            "post_id": advert.post_id,
            "url": advert.url,
            "text": advert.text,
            "region": advert.region,
            "media": list(advert.media) or None,
            "source": advert.source,
            "content_hash": pending.content_hash,
            **pending.rows().properties,
        },
    }


def _account_row(platform: str, account: Author | None) -> dict[str, Any] | None:
    """advert_write's row for an Account the advert names (author, chat, forward); None when it names
    none, or one without a handle or an id to key it by."""
    if account is None:
        return None
    key = account.account_key(platform)
    if key is None:
        return None
    return {
        "key": key,
        "platform": platform,
        "handle": account.account_handle(platform) or account.handle,
        "account_id": account.id,
        "name": account.name,
    }


def _mention_properties(mention: Mention) -> dict[str, Any]:
    """The MENTIONS relationship's own properties."""
    return {
        "count": mention.count,
        "spans": [offset for span in mention.spans for offset in span],
        "values": list(mention.values),
        "rules": list(mention.rules),
    }


def _node_row(mention: Mention) -> dict[str, Any]:
    """identifiers_write's row for one identifier: its key and the node's own properties."""
    identifier = mention.identifier
    rest = identifier.key.split(":", 1)[1]  # the key without its kind
    row: dict[str, Any] = {"key": identifier.key}
    kind = identifier.kind
    if kind == "phone":
        row.update(e164=rest, country=identifier.country)
    elif kind == "handle":
        platform, _, name = rest.partition(":")
        row.update(platform=platform, handle=name)
    elif kind == "payment":
        scheme, _, value = rest.partition(":")
        row.update(scheme=scheme, value=value, country=identifier.country)
    elif kind == "email":
        row.update(address=rest)
    elif kind == "domain":
        row.update(domain=rest)
    elif kind == "url":
        row.update(url=rest, domain=mention.domain)
    return row
