"""What the graph holds and what it found: counts, and the identifiers shared across accounts or platforms.

The same function serves `crosslink summary` and the demo; the queries are `cypher/summary_counts.cypher`
and `cypher/shared_identifiers.cypher`. Ingest runs left `running` by a process that died are marked
interrupted first (`graph.runs`), so that the summary says how the last runs really ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import neo4j

from graph import cypher
from graph.db import QUIET
from graph.runs import mark_stale, stale_seconds

# Node labels as an analyst names the identifier kinds.
KIND_NAMES = {
    "Phone": "phone",
    "PaymentTag": "payment tag",
    "Email": "email",
    "Account": "handle",
    "Link": "link",
    "Domain": "domain",
}
QUERY_TIMEOUT_SECONDS = 60.0
# Interrupted runs listed by name (newest first); the summary counts them all.
INTERRUPTED_LISTED = 5


@dataclass(frozen=True)
class SharedIdentifier:
    """An identifier mentioned by adverts of several accounts or on several platforms."""

    key: str
    kind: str
    adverts: int
    accounts: list[str]
    platforms: list[str]
    countries: list[str]
    first_seen: datetime | None
    last_seen: datetime | None


@dataclass(frozen=True)
class Summary:
    """Counts of what the graph holds, and the strongest shared identifiers; `marked_interrupted`, the
    runs this summary found stale and marked interrupted."""

    counts: dict[str, Any]
    shared: list[SharedIdentifier]
    marked_interrupted: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON values."""
        return {
            "counts": _plain(self.counts),
            "shared": [_plain(vars(s)) for s in self.shared],
            "marked_interrupted": list(self.marked_interrupted),
        }


def summarize(
    driver: neo4j.Driver,
    database: str,
    *,
    limit: int = 20,
    min_accounts: int = 2,
    min_platforms: int = 2,
    stale_after: float | None = None,
) -> Summary:
    """Mark interrupted the runs with no heartbeat for `stale_after` seconds (default: the
    CROSSLINK_RUN_STALE_SECONDS threshold), then read the counts and the top `limit` shared identifiers,
    in read transactions with a timeout."""
    marked = tuple(mark_stale(driver, database, stale_seconds() if stale_after is None else stale_after))

    def read(tx: neo4j.ManagedTransaction) -> Summary:
        counts = (
            tx.run(cypher.load("summary_counts"), interrupted=INTERRUPTED_LISTED).single(strict=True).data()
        )
        shared = [
            SharedIdentifier(
                key=r["key"],
                kind=KIND_NAMES.get(r["kind"], r["kind"]),
                adverts=r["adverts"],
                accounts=sorted(r["accounts"]),
                platforms=sorted(r["platforms"]),
                countries=sorted(r["countries"]),
                first_seen=_native(r["first_seen"]),
                last_seen=_native(r["last_seen"]),
            )
            for r in tx.run(
                cypher.load("shared_identifiers"),
                min_accounts=min_accounts,
                min_platforms=min_platforms,
                limit=limit,
            )
        ]
        return Summary(counts, shared, marked)

    with driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS, notifications_disabled_classifications=QUIET
    ) as session:
        return session.execute_read(neo4j.unit_of_work(timeout=QUERY_TIMEOUT_SECONDS)(read))


def format_summary(summary: Summary) -> str:
    """The summary as a short text report for a terminal."""
    c = summary.counts
    lines = [
        f"Adverts: {c['adverts']}   authors: {c['authors']}   "
        f"accounts (authors, named, chats): {c['accounts']}",
        f"Identifiers: {c['phones']} phones, {c['payment_tags']} payment tags, {c['emails']} emails, "
        f"{c['links']} links, {c['domains']} domains   countries: {c['countries']}",
        "Platforms: " + (", ".join(f"{p['platform']} {p['adverts']}" for p in c["platforms"]) or "none"),
        "Advert countries: "
        + (", ".join(f"{p['country']} {p['adverts']}" for p in c["advert_countries"]) or "none"),
    ]
    run = c.get("last_run")
    if run:
        lines.append(
            f"Last run: {run['key']} ({run['source']}) {run['status']}: read {run['read']}, "
            f"accepted {run['accepted']}, rejected {run['rejected']}, created {run['created']}, "
            f"updated {run['updated']}, unchanged {run['unchanged']}"
        )
    lines += _interrupted_lines(summary)
    lines.append("")
    if not summary.shared:
        lines.append("No identifier is shared by adverts of two accounts or on two platforms yet.")
        return "\n".join(lines)
    lines.append(
        f"Shared identifiers (top {len(summary.shared)}): adverts / accounts / platforms / countries"
    )
    for s in summary.shared:
        seen = ""
        if s.first_seen and s.last_seen:
            seen = f"  {s.first_seen:%Y-%m-%d} to {s.last_seen:%Y-%m-%d}"
        lines.append(f"  {s.key}  ({s.kind})")
        lines.append(
            f"      {s.adverts} adverts, {len(s.accounts)} accounts, "
            f"platforms: {', '.join(s.platforms)}; countries: {', '.join(s.countries) or '-'}{seen}"
        )
    return "\n".join(lines)


def _interrupted_lines(summary: Summary) -> list[str]:
    """The runs that ended interrupted, newest first, and those this summary just marked so."""
    count = summary.counts.get("interrupted_runs") or 0
    if not count:
        return []
    lines = [f"Interrupted runs: {count} (their committed batches are in the graph; run the input again)"]
    for run in summary.counts.get("interrupted", []):
        marked = "  marked now" if run["key"] in summary.marked_interrupted else ""
        # The counts of its last committed batch: what is in the graph (reading may have run ahead).
        lines.append(
            f"  {run['key']} ({run['source']}) started {_when(run['started_at'])}, last seen "
            f"{_when(run['finished_at'])}, {run['batches']} batches committed: created {run['created']}, "
            f"updated {run['updated']}, unchanged {run['unchanged']}{marked}"
        )
        if run.get("error"):
            lines.append(f"      {run['error']}")
    return lines


def _when(value: Any) -> str:
    """A stored time to the second, in UTC, or `-`."""
    value = _native(value)
    return f"{value.astimezone(UTC):%Y-%m-%d %H:%M:%S}Z" if isinstance(value, datetime) else "-"


def _native(value: Any) -> Any:
    """A Neo4j temporal value as the Python one."""
    return value.to_native() if hasattr(value, "to_native") else value


def _plain(value: Any) -> Any:
    """Nested values with dates as ISO 8601 strings, for JSON."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    value = _native(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value
