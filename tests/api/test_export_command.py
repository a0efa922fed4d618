"""`crosslink export` against the planted graph in the real Neo4j: files their own readers parse, standard
output, folders and archives, and clear failures."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import neo4j
import networkx
import pytest
from click.testing import CliRunner, Result
from planted import HUB_EMAIL, HUB_RULE, PHONE_A, PHONE_B, plant

from api.cli import main
from graph.config import Settings
from graph.crosslink import Crosslink
from graph.export import network_subgraph


@pytest.fixture(scope="module")
def graph(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> Iterator[Crosslink]:
    with pytest.MonkeyPatch.context() as env:
        for name, value in HUB_RULE.items():
            env.setenv(name, value)
        plant(neo4j_driver, neo4j_settings.database)
        yield Crosslink(neo4j_driver, neo4j_settings.database)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, ["export", *args])


def test_a_network_by_identifier_to_graphml(graph: Crosslink, tmp_path: Path) -> None:
    expected = network_subgraph(graph, PHONE_A)
    out = tmp_path / "network.graphml"
    result = invoke("network", "+44 7400 123456", "--format", "graphml", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    back = networkx.read_graphml(out, force_multigraph=True)
    assert set(back.nodes) == {node.id for node in expected.nodes}
    assert {key for _, _, key in back.edges(keys=True)} == {edge.id for edge in expected.edges}
    assert f"{len(expected.nodes)} nodes, {len(expected.edges)} edges" in result.stderr


def test_standard_output_for_one_file_and_a_zip_for_several(graph: Crosslink) -> None:
    id = network_subgraph(graph, PHONE_A).networks[0]["id"]
    gexf = invoke("network", id, "--format", "gexf", "--out", "-")
    assert gexf.exit_code == 0, gexf.stderr
    assert HUB_EMAIL in networkx.read_gexf(io.BytesIO(gexf.stdout_bytes)).nodes
    archive = invoke("network", id, "--format", "csv", "--out", "-")
    assert archive.exit_code == 0, archive.stderr
    with zipfile.ZipFile(io.BytesIO(archive.stdout_bytes)) as files:
        assert {"nodes.csv", "edges.csv", "networks.csv"} <= set(files.namelist())


def test_several_networks_to_a_folder_of_csv(graph: Crosslink, tmp_path: Path) -> None:
    result = invoke("networks", "--top", "2", "--format", "csv", "--out", str(tmp_path / "two"))
    assert result.exit_code == 0, result.stderr
    with (tmp_path / "two" / "nodes.csv").open(encoding="utf-8-sig", newline="") as nodes:
        ids = {row["id"] for row in csv.DictReader(nodes)}
    assert {PHONE_A, PHONE_B} <= ids
    by_id = invoke(
        "networks",
        "--id",
        network_subgraph(graph, PHONE_B).networks[0]["id"],
        "--format",
        "graphml",
        "--out",
        str(tmp_path / "b.graphml"),
    )
    assert by_id.exit_code == 0 and PHONE_A not in networkx.read_graphml(tmp_path / "b.graphml").nodes


def test_a_neighbourhood(graph: Crosslink, tmp_path: Path) -> None:
    out = tmp_path / "around.graphml"
    result = invoke("neighbourhood", PHONE_A, "--depth", "1", "--format", "graphml", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    nodes = networkx.read_graphml(out).nodes
    assert PHONE_A in nodes and "advert:tiktok:a4" in nodes and "handle:tiktok:kurd_way_uk" not in nodes


def test_failures_say_why(graph: Crosslink, tmp_path: Path) -> None:
    out = tmp_path / "x.graphml"
    missing = invoke("network", "n-nosuchnetwork", "--format", "graphml", "--out", str(out))
    assert missing.exit_code == 1 and "n-nosuchnetwork" in missing.stderr and not out.exists()
    unknown = invoke("network", "+44 7400 654321", "--format", "gexf", "--out", str(out))
    assert unknown.exit_code == 1 and "+447400654321" in unknown.stderr
    bad = invoke("network", PHONE_A, "--format", "pdf", "--out", str(out))
    assert bad.exit_code == 2 and "pdf" in bad.stderr
    nothing = invoke("networks", "--format", "csv", "--out", str(out))
    assert nothing.exit_code == 2 and "--top" in nothing.stderr
    deep = invoke("neighbourhood", PHONE_A, "--depth", "9", "--format", "csv", "--out", str(out))
    assert deep.exit_code == 1 and "depth" in deep.stderr
    unwritable = invoke(
        "network", PHONE_A, "--format", "graphml", "--out", str(tmp_path / "no" / "x.graphml")
    )
    assert unwritable.exit_code == 1 and "could not write" in unwritable.stderr


def test_a_file_is_replaced_whole_or_not_at_all(graph: Crosslink, tmp_path: Path) -> None:
    out = tmp_path / "network.gexf"
    out.write_text("an earlier export, longer than nothing " * 1000)
    assert invoke("network", PHONE_A, "--format", "gexf", "--out", str(out)).exit_code == 0
    assert networkx.read_gexf(out).number_of_nodes() > 0
    taken = tmp_path / "taken.graphml"
    taken.mkdir()  # a folder where the file should go: written beside it, then refused its place
    refused = invoke("network", PHONE_A, "--format", "graphml", "--out", str(taken))
    assert refused.exit_code == 1 and "could not write" in refused.stderr and taken.is_dir()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["network.gexf", "taken.graphml"]


def test_a_cut_is_reported(graph: Crosslink, tmp_path: Path) -> None:
    result = invoke("network", PHONE_A, "--format", "csv", "--out", str(tmp_path / "cut"), "--limit", "3")
    assert result.exit_code == 0 and "cut at 3 nodes" in result.stderr
    with (tmp_path / "cut" / "nodes.csv").open(encoding="utf-8-sig", newline="") as nodes:
        assert len(list(csv.DictReader(nodes))) == 3


def test_the_options_docs_exports_names_exist() -> None:
    # docs/exports.md tells an analyst which options to type: each must be one the commands take.
    docs = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", docs))
    taken = {
        option
        for command in main.commands["export"].commands.values()  # type: ignore[attr-defined]
        for parameter in command.params
        for option in parameter.opts
    }
    assert named and named <= taken | {"--help"}, named - taken
