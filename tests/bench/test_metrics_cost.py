"""bench/metrics_cost.py on a few requests: its mix of records is what the API counts (its timings are
not checked: speed is the benchmark's)."""

from __future__ import annotations

from api.metrics import ApiMetrics
from bench.metrics_cost import OPERATIONS, measure, records


def test_the_mix_counts_operations_refusals_and_downloads():
    metrics = ApiMetrics()
    made = records(200)
    for record, path, status, seconds in made:
        metrics.record(record)
        metrics.request(path, status, seconds)
    text = metrics.exposition().decode()
    for name in OPERATIONS:
        assert f'operation="{name}",outcome="ok"' in text
    assert 'outcome="refused"' in text
    assert 'crosslink_api_exports_total{export="network",format="csv",outcome="ok"} 2.0' in text
    assert 'crosslink_http_requests_total{route="graphql",status="400"} 4.0' in text


def test_a_run_gives_cpu_seconds_for_both_loops():
    counted, baseline = measure(500)
    assert counted >= 0 and baseline >= 0
