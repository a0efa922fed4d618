"""The corpus files: exact counts, the ingest format, and the same bytes for the same seed."""

from __future__ import annotations

import re
from pathlib import Path

from graph.advert import parse_advert
from graph.synth import generate
from graph.synth.posts import PLATFORMS, WINDOW_END, WINDOW_START, iso

ISO_UTC = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
MEDIA = re.compile(r"sha256:[0-9a-f]{64}")


def _bytes(path: Path) -> dict[str, bytes]:
    return {name: (path / name).read_bytes() for name in ("adverts.jsonl", "truth.jsonl", "networks.jsonl")}


def test_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    generate(tmp_path / "a", adverts=600, seed=42)
    generate(tmp_path / "b", adverts=600, seed=42)
    generate(tmp_path / "c", adverts=600, seed=43)
    assert _bytes(tmp_path / "a") == _bytes(tmp_path / "b")
    first, other = _bytes(tmp_path / "a"), _bytes(tmp_path / "c")
    assert all(first[name] != other[name] for name in first)


def test_exactly_the_adverts_asked_for(corpus) -> None:
    assert len(corpus.adverts) == len(corpus.truth) == 2000 == corpus.report.adverts
    assert sum(corpus.report.kinds.values()) == 2000
    assert (
        corpus.report.kinds["network"] + corpus.report.kinds["benign"]
        == corpus.report.network_adverts
        == sum(n["size"] for n in corpus.planted)
    )
    assert corpus.report.kinds["benign"] == corpus.report.benign_adverts > 0


def test_tiny_corpora(tmp_path: Path) -> None:
    for count in (0, 1, 5, 39):
        report = generate(tmp_path / str(count), adverts=count, seed=1)
        lines = (tmp_path / str(count) / "adverts.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == count == report.adverts


def test_every_line_is_a_valid_advert_of_the_ingest_format(corpus) -> None:
    for record in corpus.adverts:
        assert set(record) == {
            "platform", "post_id", "url", "author", "text", "posted_at", "lang", "region", "media", "source"
        }  # fmt: skip
        assert record["platform"] in PLATFORMS
        assert isinstance(record["post_id"], str) and record["post_id"]
        assert ISO_UTC.fullmatch(record["posted_at"])
        assert iso(WINDOW_START) <= record["posted_at"] <= iso(WINDOW_END)
        assert set(record["author"]) == {"handle", "id", "name"}
        assert record["text"].strip()
        assert all(MEDIA.fullmatch(media) for media in record["media"])
        assert record["source"] == "synth"
        assert (record["url"] is None) == (record["platform"] == "whatsapp")
        advert = parse_advert(record)  # the ingest's own validation accepts it
        assert advert.region == record["region"]


def test_post_ids_are_unique_per_platform(corpus) -> None:
    keys = [(a["platform"], a["post_id"]) for a in corpus.adverts]
    assert len(set(keys)) == len(keys)


def test_region_is_left_out_on_about_half(corpus) -> None:
    missing = sum(a["region"] is None for a in corpus.adverts) / len(corpus.adverts)
    assert 0.4 < missing < 0.6


def test_the_source_is_the_callers(tmp_path: Path) -> None:
    generate(tmp_path, adverts=20, seed=3, source="synth-test")
    assert '"source":"synth-test"' in (tmp_path / "adverts.jsonl").read_text(encoding="utf-8")


def test_report_says_how_fast(corpus) -> None:
    report = corpus.report.as_json()
    assert report["adverts"] == 2000 and report["adverts_per_second"] > 0
    assert corpus.report.largest_network == max(n["size"] for n in corpus.planted)
