"""Queries loaded by name from `cypher/`, each with a header saying what it does."""

from __future__ import annotations

import pytest

from graph import cypher


def test_every_query_file_starts_with_a_header_comment() -> None:
    files = sorted((f for f in cypher.queries().iterdir() if f.name.endswith(".cypher")), key=str)
    assert len(files) > 50
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("// "), path.name


def test_load_is_by_name_and_cached() -> None:
    assert cypher.load("advert_write") is cypher.load("advert_write")
    assert "MERGE (a:Advert {key: row.key})" in cypher.load("advert_write")


@pytest.mark.parametrize("name", ["no_such_query", "../pyproject", "Schema"])
def test_unknown_names_are_refused(name: str) -> None:
    with pytest.raises(cypher.CypherNotFound):
        cypher.load(name)


def test_statements_split_on_line_ending_semicolons_without_comments() -> None:
    statements = cypher.statements("schema")
    assert statements[0].startswith("CREATE CONSTRAINT advert_key")
    assert not any(s.endswith(";") or "//" in s for s in statements)


def test_variant_fills_slots_with_plain_names_only() -> None:
    text = cypher.variant("read_networks_page", order="size")
    assert "ORDER BY n.size DESC" in text and "{{" not in text
    with pytest.raises(ValueError, match="plain name"):
        cypher.variant("read_networks_page", order="size DESC, n.key // ")
    with pytest.raises(ValueError, match=r"no \{\{colour\}\} slot"):
        cypher.variant("read_networks_page", order="size", colour="red")
    with pytest.raises(ValueError, match="left unfilled"):
        cypher.variant("read_networks_page")


def test_variant_fills_a_slot_with_a_small_whole_number() -> None:
    assert "{1,4}" in cypher.variant("read_path", max_hops="4")
    for bad in ("4}]->(x) DETACH DELETE x //", "-1", "123"):
        with pytest.raises(ValueError, match="plain name or number"):
            cypher.variant("read_path", max_hops=bad)


def test_a_checkout_not_installed_reads_the_cypher_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the installed `graph.queries` package (another checkout's code on sys.path), the files
    are read from the repository's own cypher/ folder, the same files."""
    installed = {path.name for path in cypher.queries().iterdir() if path.name.endswith(".cypher")}
    monkeypatch.setattr(cypher, "QUERIES_PACKAGE", "graph.no_such_package")
    folder = cypher.queries()
    assert folder.name == "cypher" and (folder / "read_path.cypher").is_file()
    assert {path.name for path in folder.iterdir() if path.name.endswith(".cypher")} == installed
