"""A job's textfile as the node exporter reads it: parsed back with prometheus_client's own parser."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from graph.jobmetrics import JobMetricsError, write_job_metrics


def samples(path: Path) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the file, by name and sorted labels."""
    found = {}
    for family in text_string_to_metric_families(path.read_text(encoding="utf-8")):
        for sample in family.samples:
            found[sample.name, tuple(sorted(sample.labels.items()))] = sample.value
    return found


def value(path: Path, name: str, **labels: str) -> float:
    return samples(path)[name, tuple(sorted(labels.items()))]


def test_a_successful_run_is_written_with_its_counts(tmp_path: Path) -> None:
    path = tmp_path / "ingest.prom"
    before = time.time()
    write_job_metrics(
        path, "ingest", {"read": 120, "created": 100, "rejected": 3}, succeeded=True, seconds=4.5
    )

    assert value(path, "crosslink_job_succeeded", job="ingest") == 1
    assert value(path, "crosslink_job_duration_seconds", job="ingest") == 4.5
    assert value(path, "crosslink_job_adverts", job="ingest", outcome="read") == 120
    assert value(path, "crosslink_job_adverts", job="ingest", outcome="created") == 100
    assert value(path, "crosslink_job_adverts", job="ingest", outcome="rejected") == 3
    last_run = value(path, "crosslink_job_last_run_timestamp_seconds", job="ingest")
    assert before <= last_run <= time.time()
    assert value(path, "crosslink_job_last_success_timestamp_seconds", job="ingest") == last_run


def test_a_failed_run_keeps_the_last_success_of_the_file_before(tmp_path: Path) -> None:
    path = tmp_path / "nightly.prom"
    write_job_metrics(path, "nightly", {"read": 10}, succeeded=True, seconds=1.0)
    succeeded_at = value(path, "crosslink_job_last_success_timestamp_seconds", job="nightly")
    time.sleep(0.01)  # so that the failed run's time differs from the success's

    write_job_metrics(path, "nightly", {"read": 4, "rejected": 4}, succeeded=False, seconds=2.0)

    assert value(path, "crosslink_job_succeeded", job="nightly") == 0
    assert value(path, "crosslink_job_last_success_timestamp_seconds", job="nightly") == succeeded_at
    assert value(path, "crosslink_job_last_run_timestamp_seconds", job="nightly") > succeeded_at
    assert value(path, "crosslink_job_adverts", job="nightly", outcome="rejected") == 4
    assert ("crosslink_job_adverts", (("job", "nightly"), ("outcome", "created"))) not in samples(path)


def test_a_failure_with_no_success_before_has_no_last_success(tmp_path: Path) -> None:
    path = tmp_path / "ingest.prom"
    write_job_metrics(path, "ingest", {}, succeeded=False, seconds=0.5)
    names = {name for name, _ in samples(path)}
    assert "crosslink_job_last_success_timestamp_seconds" not in names
    assert value(path, "crosslink_job_succeeded", job="ingest") == 0


def test_another_jobs_success_is_not_taken_for_this_ones(tmp_path: Path) -> None:
    path = tmp_path / "jobs.prom"
    write_job_metrics(path, "nightly", {}, succeeded=True, seconds=1.0)
    write_job_metrics(path, "ingest", {}, succeeded=False, seconds=1.0)
    names = {name for name, _ in samples(path)}
    assert "crosslink_job_last_success_timestamp_seconds" not in names


def test_an_unreadable_previous_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "ingest.prom"
    path.write_text("this is { not the text format\n", encoding="utf-8")
    write_job_metrics(path, "ingest", {"read": 1}, succeeded=False, seconds=1.0)
    assert value(path, "crosslink_job_adverts", job="ingest", outcome="read") == 1


def test_the_file_is_replaced_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "ingest.prom"
    for run in range(3):
        write_job_metrics(path, "ingest", {"read": run}, succeeded=True, seconds=1.0)
    assert [p.name for p in tmp_path.iterdir()] == ["ingest.prom"]
    assert value(path, "crosslink_job_adverts", job="ingest", outcome="read") == 2


def test_a_name_the_collector_ignores_is_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(JobMetricsError, match=r"does not end in \.prom"):
        write_job_metrics(tmp_path / "ingest.txt", "ingest", {}, succeeded=True, seconds=1.0)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_directory_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_job_metrics(tmp_path / "absent" / "ingest.prom", "ingest", {}, succeeded=True, seconds=1.0)
