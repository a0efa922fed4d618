"""catch_up against the real Neo4j: every ended run's adverts reach the networks once, whatever stopped it."""

from __future__ import annotations

import threading
import time

import neo4j
import pytest
from test_recompute import RULE, advert, key, phone

from graph import casework
from graph.config import Settings
from graph.ingest import ingest
from graph.networks import catch_up, lease, rebuild, recompute
from graph.networks.lease import RecomputeBusy, recompute_lease


def load(driver: neo4j.Driver, settings: Settings, records: list[dict]) -> str:
    return ingest(driver, settings.database, records, source="test").run_id


def rows(driver: neo4j.Driver, settings: Settings, query: str) -> list[dict]:
    records, _, _ = driver.execute_query(query, database_=settings.database)
    return [r.data() for r in records]


def networks_of(driver: neo4j.Driver, settings: Settings) -> dict[str, str]:
    found = rows(driver, settings, "MATCH (a:Advert)-[:IN_NETWORK]->(n:Network) RETURN a.key AS a, n.id AS n")
    return {r["a"]: r["n"] for r in found}


def pending(driver: neo4j.Driver, settings: Settings) -> list[str]:
    found = rows(driver, settings, "MATCH (r:IngestRun) WHERE r.networks_at IS NULL RETURN r.key AS run")
    return sorted(r["run"] for r in found)


def test_runs_left_behind_are_caught_up_once_and_a_running_one_is_left_alone(empty_graph, neo4j_settings):
    shared = phone("GB", 3)
    first = [advert(f"Boat to UK, WhatsApp {shared}", "boat_a"), advert(f"Call {shared}", "boat_b")]
    second = [advert(f"Same boat {shared}", "boat_c", platform="tiktok")]
    run_1 = load(empty_graph, neo4j_settings, first)
    run_2 = load(empty_graph, neo4j_settings, second)
    # A run that failed half way committed what it wrote before; one still running is left to itself.
    rows(empty_graph, neo4j_settings, f"MATCH (r:IngestRun {{key: '{run_2}'}}) SET r.status = 'failed'")
    running = load(empty_graph, neo4j_settings, [advert(f"Later {phone('FR', 5)}", "other_x")])
    rows(empty_graph, neo4j_settings, f"MATCH (r:IngestRun {{key: '{running}'}}) SET r.status = 'running'")
    assert networks_of(empty_graph, neo4j_settings) == {}

    done = catch_up(empty_graph, neo4j_settings.database, rule=RULE)

    assert done.runs == [run_1, run_2]
    assert done.adverts == 3 and done.report is not None and done.report.kind == "update"
    members = networks_of(empty_graph, neo4j_settings)
    assert set(members) == {key(r) for r in first + second} and len(set(members.values())) == 1
    assert pending(empty_graph, neo4j_settings) == [running]
    again = catch_up(empty_graph, neo4j_settings.database, rule=RULE)
    assert (again.runs, again.adverts, again.report) == ([], 0, None)


def test_only_the_runs_asked_for_and_only_adverts_a_run_wrote(empty_graph, neo4j_settings):
    shared = phone("IT", 4)
    run_1 = load(empty_graph, neo4j_settings, [advert(f"Route {shared}", "it_a"), advert(shared, "it_b")])
    run_2 = load(empty_graph, neo4j_settings, [advert(f"Elsewhere {phone('GR', 8)}", "gr_a")])

    done = catch_up(empty_graph, neo4j_settings.database, runs=[run_2], rule=RULE)

    assert (done.runs, done.adverts) == ([run_2], 1)
    assert networks_of(empty_graph, neo4j_settings) == {}  # run_2's advert is alone: no network
    assert pending(empty_graph, neo4j_settings) == [run_1]


def test_past_the_threshold_a_rebuild_catches_up_and_a_rebuild_marks_what_it_saw(empty_graph, neo4j_settings):
    shared = phone("GB", 9)
    run_1 = load(empty_graph, neo4j_settings, [advert(f"Boat {shared}", "uk_a"), advert(shared, "uk_b")])

    done = catch_up(empty_graph, neo4j_settings.database, rule=RULE, rebuild_above=1)

    assert done.runs == [run_1] and done.report is not None and done.report.kind == "rebuild"
    assert len(set(networks_of(empty_graph, neo4j_settings).values())) == 1
    assert pending(empty_graph, neo4j_settings) == []
    load(empty_graph, neo4j_settings, [advert(f"More {shared}", "uk_c")])
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)
    assert pending(empty_graph, neo4j_settings) == []


def test_a_run_that_ends_while_a_rebuild_runs_stays_pending(empty_graph, neo4j_settings, monkeypatch):
    first = load(empty_graph, neo4j_settings, [advert(f"Boat {phone('GB', 11)}", "gb_a")])
    during: list[str] = []
    original = recompute._rebuild

    def with_a_run_ending_meanwhile(*args, **kwargs):
        report = original(*args, **kwargs)  # it has read every advert; this run's come after
        during.append(load(empty_graph, neo4j_settings, [advert(f"Late {phone('GB', 12)}", "gb_b")]))
        return report

    monkeypatch.setattr(recompute, "_rebuild", with_a_run_ending_meanwhile)
    rebuild(empty_graph, neo4j_settings.database, rule=RULE)

    assert pending(empty_graph, neo4j_settings) == during and first not in during


def test_one_recompute_at_a_time_and_a_push_does_not_wait(empty_graph, neo4j_settings, monkeypatch):
    monkeypatch.setattr(casework, "PUSH_WAIT_SECONDS", 0)
    shared = phone("FR", 13)
    run = load(empty_graph, neo4j_settings, [advert(f"Boat {shared}", "fr_a"), advert(shared, "fr_b")])

    with recompute_lease(empty_graph, neo4j_settings.database):  # another process recomputing
        with pytest.raises(RecomputeBusy, match="another process is recomputing the networks since"):
            catch_up(empty_graph, neo4j_settings.database, rule=RULE, wait=0)
        pushed = casework.push_adverts(
            empty_graph, neo4j_settings.database, [advert(f"More {shared}", "fr_c")], source="analyst"
        )
        assert pushed.networks_updated is False
    assert len(pending(empty_graph, neo4j_settings)) == 2 and run in pending(empty_graph, neo4j_settings)

    # A holder that died lets the lease run out; the next recompute takes it over.
    with recompute_lease(empty_graph, neo4j_settings.database):
        rows(
            empty_graph, neo4j_settings, "MATCH (l:NetworksLease) SET l.until = datetime() - duration('PT1S')"
        )
        done = catch_up(empty_graph, neo4j_settings.database, rule=RULE, wait=0)
    assert done.adverts == 3 and pending(empty_graph, neo4j_settings) == []
    assert len(set(networks_of(empty_graph, neo4j_settings).values())) == 1


def test_of_takers_at_the_same_moment_exactly_one_gets_the_lease(empty_graph, neo4j_settings):
    recompute.store.apply_schema(empty_graph, neo4j_settings.database)  # the lease's constraint
    takers = 8
    start = threading.Barrier(takers)
    taken: list[bool] = []

    def take(holder: str) -> None:
        start.wait()
        taken.append(lease._run(empty_graph, neo4j_settings.database, "networks_lease_take", holder))

    threads = [threading.Thread(target=take, args=(f"holder-{i}",)) for i in range(takers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(taken) == [False] * (takers - 1) + [True]


def test_the_holder_renews_the_lease_while_it_works(empty_graph, neo4j_settings, monkeypatch):
    recompute.store.apply_schema(empty_graph, neo4j_settings.database)
    monkeypatch.setattr(lease, "LEASE_SECONDS", 2)
    monkeypatch.setattr(lease, "RENEW_SECONDS", 0.5)

    with recompute_lease(empty_graph, neo4j_settings.database):
        time.sleep(3)  # longer than the lease: only renewing keeps it
        with pytest.raises(RecomputeBusy), recompute_lease(empty_graph, neo4j_settings.database, wait=0):
            pass
    with recompute_lease(empty_graph, neo4j_settings.database, wait=0):  # given back at the end
        pass
