"""Bringing the networks up to date with the ingest runs they do not yet account for.

Every advert an ingest run writes (new or changed) is stamped with the run (`last_run`); a run is
accounted for once its `IngestRun` node has `networks_at`. `catch_up` finds the runs that ended without
it, recomputes the networks their adverts touch and marks them, so a run that failed half way or was
stopped, or whose process died before it could update the networks, is caught up by the next one, or by
`crosslink networks update`; nothing depends on a process staying alive after its last batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import neo4j

from graph import cypher
from graph.db import QUIET
from graph.networks import store
from graph.networks.recompute import NetworkReport, rebuild, update
from graph.networks.rules import HubRule

# Past this many adverts to catch up with, one rebuild is cheaper than growing a region from each of them
# (a first catch-up over a graph loaded before runs were tracked, or a bulk load).
REBUILD_ABOVE = 50_000


@dataclass(frozen=True)
class CatchUp:
    """What a catch-up did: the runs it accounted for, how many adverts they wrote, and the recompute
    (None when there was nothing to do)."""

    runs: list[str]
    adverts: int
    report: NetworkReport | None

    def as_dict(self) -> dict[str, object]:
        return {
            "runs": self.runs,
            "adverts": self.adverts,
            "recompute": self.report.as_dict() if self.report else None,
        }


def catch_up(
    driver: neo4j.Driver,
    database: str,
    *,
    runs: Sequence[str] | None = None,
    rule: HubRule | None = None,
    rebuild_above: int = REBUILD_ABOVE,
) -> CatchUp:
    """Recompute the networks the adverts of every ended run not yet accounted for touch (of `runs`
    only, when given), then mark those runs; a full rebuild when they wrote more than `rebuild_above`."""
    pending = [r["run"] for r in _query(driver, database, "networks_pending_runs", runs=_list(runs))]
    if not pending:
        return CatchUp([], 0, None)
    keys = [r["key"] for r in _query(driver, database, "networks_pending_adverts", runs=pending)]
    if len(keys) > rebuild_above:
        return CatchUp(pending, len(keys), rebuild(driver, database, rule=rule))  # marks every ended run
    report = update(driver, database, keys, rule=rule) if keys else None
    store.mark_runs(driver, database, pending)
    return CatchUp(pending, len(keys), report)


def _list(runs: Sequence[str] | None) -> list[str] | None:
    return None if runs is None else list(runs)


def _query(driver: neo4j.Driver, database: str, name: str, **parameters: object) -> list[neo4j.Record]:
    query = cypher.load(name)
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        return session.execute_read(lambda tx: list(tx.run(query, parameters)))
