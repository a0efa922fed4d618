"""The ingest benchmark's start-up measure: the first advert alone, and the ratio once it is taken off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bench.ingest_scale as ingest_scale


def advert(post_id: str) -> str:
    return json.dumps(
        {
            "platform": "facebook",
            "post_id": post_id,
            "author": {"handle": "seller"},
            "text": f"Advert {post_id}: WhatsApp +44 7957 500418",
            "posted_at": "2024-03-01T10:00:00Z",
        }
    )


def test_the_first_advert_is_written_alone_with_its_bare_row(tmp_path: Path) -> None:
    corpus = tmp_path / "adverts.jsonl"
    corpus.write_text("\n" + advert("1") + "\n" + advert("2") + "\n", encoding="utf-8")

    one, row = ingest_scale.first_advert(corpus)

    assert json.loads(one.read_text(encoding="utf-8"))["post_id"] == "1"
    rows = row.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 and json.loads(rows[0])["key"] == "advert:facebook:1"


def test_a_first_line_that_is_no_advert_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "adverts.jsonl"
    corpus.write_text('{"text": "no platform"}\n' + advert("2") + "\n", encoding="utf-8")

    with pytest.raises(SystemExit, match="not an advert"):
        ingest_scale.first_advert(corpus)


def test_the_ratio_past_start_up_takes_each_loaders_own_single_advert_time_off(
    capsys: pytest.CaptureFixture[str],
) -> None:
    results = {
        "bare-same": [71.0, 81.0, 91.0],
        "bare-one": [1.0, 1.0, 1.0],
        "crosslink": [96.0, 106.0, 116.0],
        "crosslink-one": [6.0, 6.0, 6.0],
    }

    ingest_scale.past_start_up(results)

    out = capsys.readouterr().out
    # Medians: (81 - 1) / (106 - 6) = 0.80; per round 70 / 90, 80 / 100, 90 / 110.
    assert "bare 1.0 s, crosslink 6.0 s" in out
    assert ": 0.80x (per round: 0.78, 0.80, 0.82)" in out
