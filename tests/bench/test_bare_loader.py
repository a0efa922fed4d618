"""The bare loader's cached rows are rebuilt when anything that makes them changes, data included."""

from __future__ import annotations

import os
from pathlib import Path

import bench.bare_loader as bare_loader


def test_a_changed_lexicon_file_makes_the_cached_rows_stale(tmp_path: Path) -> None:
    """A lexicon or model file newer than every module changes an advert's hits and score, so it must
    count as a source of the rows: a cache kept after it changed compares stale rows with ingest's."""
    corpus = tmp_path / "adverts.jsonl"
    corpus.write_text("{}\n", encoding="utf-8")
    package = tmp_path / "graph"
    (package / "indicators" / "lexicon").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    code = package / "store.py"
    lexicon = package / "indicators" / "lexicon" / "en.toml"
    compiled = package / "__pycache__" / "store.cpython-311.pyc"
    for path in (code, lexicon, compiled):
        path.write_text("", encoding="utf-8")
    old, new, newest = 1_000_000_000, 2_000_000_000, 3_000_000_000
    for path in (corpus, code):
        os.utime(path, (old, old))
    os.utime(lexicon, (new, new))
    os.utime(compiled, (newest, newest))  # bytecode is not a source: Python rewrites it at will
    row_functions = Path(bare_loader.__file__).stat().st_mtime
    assert bare_loader.newest_source(corpus, package) == max(new, row_functions)
