"""The i2 Analyst's Notebook export read back with the csv module: every node an entity row, every edge a
link row whose ends are entity rows, and an import specification naming only columns that exist."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from graph.export import Edge, Node, Subgraph
from graph.export.i2 import ENTITIES, LINKS, README, SPECIFICATION, ExportError, write
from tests.api.planted import HUB_EMAIL, IBAN_A, PHONE_A
from tests.graph.export.handbuilt import SUBGRAPH, TEXTS


def read_zip(subgraph: Subgraph) -> dict[str, bytes]:
    """The files of the export written as one zip archive to a stream, as a download is."""
    out = io.BytesIO()
    write(subgraph, out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    found = list(reader)
    return list(reader.fieldnames or []), found


def columns_named(spec: Any) -> set[str]:
    """Every column the specification refers to, wherever in it."""
    found: set[str] = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("column", "identity", "label", "date", "time", "description", "type_from_column"):
                found.add(value)
            else:
                found |= columns_named(value)
    elif isinstance(spec, list):
        for item in spec:
            found |= columns_named(item)
    return found


def assert_accounted(subgraph: Subgraph, files: dict[str, bytes]) -> None:
    _, entities = rows(files[ENTITIES])
    _, links = rows(files[LINKS])
    by_identity = {row["Identity"]: row for row in entities}
    assert len(by_identity) == len(entities) == len(subgraph.nodes)
    for node in subgraph.nodes:
        row = by_identity[node.id]
        assert (row["Label"], row["Kind"]) == (node.label, node.kind)
        assert row["Hub"] == ("true" if node.properties.get("hub") else "false")
    by_link = {row["Link Identity"]: row for row in links}
    assert len(by_link) == len(links) == len(subgraph.edges)
    for edge in subgraph.edges:
        row = by_link[edge.id]
        assert (row["End 1 Identity"], row["End 2 Identity"], row["Relationship"]) == (
            edge.source,
            edge.target,
            edge.type,
        )
        for end in ("End 1", "End 2"):
            entity = by_identity[row[f"{end} Identity"]]  # every end is an entity of entities.csv
            assert row[f"{end} Type"] == entity["Entity Type"]
            assert row[f"{end} Label"] == entity["Label"]
        for evidence in edge.evidence:
            assert f"[{evidence.value}]" in row["Evidence"]


def assert_specification_matches(files: dict[str, bytes]) -> None:
    spec = json.loads(files[SPECIFICATION])
    for step in spec["imports"]:
        header, _ = rows(files[step["file"]])
        named = columns_named(step)
        assert named, step
        assert named <= set(header), named - set(header)
    _, entities = rows(files[ENTITIES])
    _, links = rows(files[LINKS])
    used = {row["Entity Type"] for row in entities} | {row["Link Type"] for row in links}
    assert used <= {*spec["entity_types"], *spec["link_types"]}


def test_every_node_and_edge_is_a_row() -> None:
    assert_accounted(SUBGRAPH, read_zip(SUBGRAPH))


def test_the_specification_names_only_columns_that_exist() -> None:
    files = read_zip(SUBGRAPH)
    assert set(files) == {ENTITIES, LINKS, SPECIFICATION, README}
    assert_specification_matches(files)
    assert "Import Data" in files[README].decode("utf-8")


def test_types_dates_and_evidence_are_what_an_analyst_reads() -> None:
    files = read_zip(SUBGRAPH)
    _, entities = rows(files[ENTITIES])
    types = {row["Identity"]: row["Entity Type"] for row in entities}
    assert types["phone:+447400123456"] == "Telephone"
    assert types["payment:iban:GB33BUKB20201555555555"] == "Bank Account"
    assert types["payment:revolut:boatpay"] == "Account"
    assert types["advert:facebook:1"] == "Document"
    advert = next(row for row in entities if row["Identity"] == "advert:telegram:2")
    assert (advert["Date"], advert["Time"]) == ("2026-03-02", "11:30:00")
    assert advert["Description"] == TEXTS["advert:telegram:2"]  # Unicode and commas survive the CSV
    _, links = rows(files[LINKS])
    paypal = next(row for row in links if row["End 2 Identity"] == "payment:paypal:boatmoney")
    assert paypal["Evidence"].startswith("...") and "[PayPal @boatmoney]" in paypal["Evidence"]
    assert paypal["Date"] == "2026-03-02"


def test_a_time_that_is_not_iso_is_kept_as_written() -> None:
    def undated(node: Node) -> Node:
        return replace(node, properties={**node.properties, "posted_at": "early May"})

    odd = tuple(undated(n) if n.id == "advert:whatsapp:3" else n for n in SUBGRAPH.nodes)
    _, entities = rows(read_zip(replace(SUBGRAPH, nodes=odd))[ENTITIES])
    advert = next(row for row in entities if row["Identity"] == "advert:whatsapp:3")
    assert (advert["Date"], advert["Time"]) == ("early May", "")


def test_written_to_a_folder_or_a_zip_path_the_files_are_the_same(tmp_path: Path) -> None:
    from_stream = read_zip(SUBGRAPH)
    write(SUBGRAPH, tmp_path / "folder")
    assert {p.name: p.read_bytes() for p in (tmp_path / "folder").iterdir()} == from_stream
    write(SUBGRAPH, tmp_path / "export.zip")
    with zipfile.ZipFile(tmp_path / "export.zip") as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == from_stream


def test_an_unknown_kind_or_a_dangling_edge_is_refused_with_its_key() -> None:
    odd = replace(SUBGRAPH, nodes=(*SUBGRAPH.nodes, Node("tag:1", "Tag", "a tag", {})))
    with pytest.raises(ExportError, match="tag:1"):
        write(odd, io.BytesIO())
    dangling = Edge("POSTED:x->advert:facebook:1", "x", "advert:facebook:1", "POSTED", {}, ())
    with pytest.raises(ExportError, match="POSTED:x->advert:facebook:1"):
        write(replace(SUBGRAPH, edges=(*SUBGRAPH.edges, dangling)), io.BytesIO())


def test_a_planted_network_exports_whole(network_a: Subgraph) -> None:
    """Network A from the real ingest and rebuild (tests/graph/export/conftest.py)."""
    assert {PHONE_A, IBAN_A, HUB_EMAIL} <= {node.id for node in network_a.nodes}
    files = read_zip(network_a)
    assert_accounted(network_a, files)
    assert_specification_matches(files)
    _, entities = rows(files[ENTITIES])
    hub = next(row for row in entities if row["Identity"] == HUB_EMAIL)
    assert (hub["Entity Type"], hub["Hub"]) == ("Email", "true") and hub["Hub Reason"]
