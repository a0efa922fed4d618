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

# An update reads each seed's region (networks and hub groups around it) at several times the cost per
# advert of a rebuild's one streaming pass, so past a share of the graph one rebuild is cheaper
# (bench/network_update.py; BENCHMARKS.md, "Catching up after an ingest"). Below the floor an update
# always runs: it is a few seconds at most, and only the touched networks are rewritten either way.
REBUILD_SHARE = 100  # rebuild when the adverts to catch up with are more than 1/100 of the graph ...
REBUILD_FLOOR = 1_000  # ... and more than this many


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
    rebuild_above: int | None = None,
) -> CatchUp:
    """Recompute the networks the adverts of every ended run not yet accounted for touch (of `runs`
    only, when given), then mark those runs; a full rebuild instead when they wrote more than
    `rebuild_above` adverts (by default `rebuild_threshold` of the graph's size)."""
    pending = [r["run"] for r in _query(driver, database, "networks_pending_runs", runs=_list(runs))]
    if not pending:
        return CatchUp([], 0, None)
    keys = [r["key"] for r in _query(driver, database, "networks_pending_adverts", runs=pending)]
    if rebuild_above is None:
        total = _query(driver, database, "networks_advert_count")[0]["adverts"]
        rebuild_above = rebuild_threshold(total)
    if len(keys) > rebuild_above:
        return CatchUp(pending, len(keys), rebuild(driver, database, rule=rule))  # marks every ended run
    report = update(driver, database, keys, rule=rule) if keys else None
    store.mark_runs(driver, database, pending)
    return CatchUp(pending, len(keys), report)


def rebuild_threshold(adverts: int) -> int:
    """Past how many adverts to catch up with a rebuild is run, in a graph of `adverts` adverts."""
    return max(REBUILD_FLOOR, adverts // REBUILD_SHARE)


def _list(runs: Sequence[str] | None) -> list[str] | None:
    return None if runs is None else list(runs)


def _query(driver: neo4j.Driver, database: str, name: str, **parameters: object) -> list[neo4j.Record]:
    query = cypher.load(name)
    with driver.session(database=database, notifications_disabled_classifications=QUIET) as session:
        return session.execute_read(lambda tx: list(tx.run(query, parameters)))
