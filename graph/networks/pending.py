"""Bringing the networks up to date with the ingest runs they do not yet account for.

Every advert an ingest run writes (new or changed) is stamped with the run (`last_run`); a run is
accounted for once its `IngestRun` node has `networks_at`. `catch_up` finds the runs that ended without
it, recomputes the networks their adverts touch and marks them, so a run that failed half way, was
stopped, or ran with --no-networks, or whose process died between recording its end and updating the
networks, is caught up by the next one, or by `crosslink networks update`. A run whose end was never
recorded (its process killed outright, or Neo4j gone at the end) stays `running` until its heartbeat is
found stale (`graph.runs`, by the next ingest or `crosslink summary`); it is then `interrupted` and
caught up like the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import neo4j

from graph.networks import store
from graph.networks.lease import WAIT_SECONDS
from graph.networks.recompute import NetworkReport, rebuild, update
from graph.networks.rules import HubRule

# An update reads each seed's region (networks and hub groups around it) at several times the cost per
# advert of a rebuild's one streaming pass, so past a share of the graph one rebuild is cheaper
# (bench/network_update.py; BENCHMARKS.md, "Catching up after an ingest"). Below the floor an update
# always runs, and only the touched networks are rewritten.
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
    wait: float = WAIT_SECONDS,
) -> CatchUp:
    """Recompute the networks the adverts of every ended run not yet accounted for touch (of `runs`
    only, when given), then mark those runs; a full rebuild instead when they wrote more than
    `rebuild_above` adverts (by default `rebuild_threshold` of the graph's size). RecomputeBusy when
    another recompute holds the lease longer than `wait` seconds: the runs stay pending."""
    pending = store.pending_runs(driver, database, runs)
    if not pending:
        return CatchUp([], 0, None)
    count = store.run_advert_count(driver, database, pending)
    if rebuild_above is None:
        rebuild_above = rebuild_threshold(store.advert_count(driver, database))
    if count > rebuild_above:  # the rebuild marks every run that had ended when it began, these too
        return CatchUp(pending, count, rebuild(driver, database, rule=rule, wait=wait))
    keys = store.run_adverts(driver, database, pending)
    report = update(driver, database, keys, rule=rule, wait=wait) if keys else None
    store.mark_runs(driver, database, pending)
    return CatchUp(pending, len(keys), report)


def rebuild_threshold(adverts: int) -> int:
    """Past how many adverts to catch up with a rebuild is run, in a graph of `adverts` adverts."""
    return max(REBUILD_FLOOR, adverts // REBUILD_SHARE)
