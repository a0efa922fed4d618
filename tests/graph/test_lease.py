"""Named leases against the real Neo4j: one holder at a time, renewed while it works, given back after."""

from __future__ import annotations

import time

import pytest

from graph import inbox, lease
from graph.lease import LeaseBusy, held


@pytest.fixture
def leases(graph, database):
    inbox.apply_schema(graph, database)  # the Lease constraint
    return graph


def test_one_holder_at_a_time_per_name_and_given_back_after(leases, database):
    with held(leases, database, "nightly", what="the nightly inbox run"):
        with (
            pytest.raises(LeaseBusy, match=r"the nightly inbox run is already running \(since "),
            held(leases, database, "nightly", what="another"),
        ):
            pass
        with held(leases, database, "other-job", what="another job"):  # another name is another lease
            pass
    with held(leases, database, "nightly", what="the nightly inbox run"):
        pass


def test_the_holder_renews_the_lease_while_it_works(leases, database, monkeypatch):
    monkeypatch.setattr(lease, "LEASE_SECONDS", 2)
    monkeypatch.setattr(lease, "RENEW_SECONDS", 0.5)
    with held(leases, database, "nightly", what="a long job"):
        time.sleep(3)  # longer than the lease: only renewing keeps it
        with pytest.raises(LeaseBusy, match="a long job"), held(leases, database, "nightly", what="x"):
            pass


def test_a_lease_whose_holder_stopped_renewing_runs_out(leases, database, monkeypatch):
    monkeypatch.setattr(lease, "LEASE_SECONDS", 1)
    monkeypatch.setattr(lease, "RENEW_SECONDS", 3600)  # the holder never renews: as if it had died
    with held(leases, database, "nightly", what="a job that died"):
        time.sleep(1.5)
        with held(leases, database, "nightly", what="the next one"):
            pass
