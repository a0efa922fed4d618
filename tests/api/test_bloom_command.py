"""`crosslink bloom` prints the Bloom perspective, and cypher/bloom/crosslink.json is what it prints."""

import json
from pathlib import Path

from click.testing import CliRunner

from api.cli import main
from graph import model

COMMITTED = Path(__file__).resolve().parents[2] / "cypher" / "bloom" / "crosslink.json"


def test_the_committed_perspective_is_the_printed_one() -> None:
    printed = CliRunner().invoke(main, ["bloom"])
    assert printed.exit_code == 0, printed.output
    committed = COMMITTED.read_text(encoding="utf-8")
    assert printed.output == committed, (
        "cypher/bloom/crosslink.json is out of date: run `crosslink bloom > cypher/bloom/crosslink.json`"
    )


def test_the_printed_perspective_is_json_with_a_category_per_label() -> None:
    printed = CliRunner().invoke(main, ["bloom"])
    perspective = json.loads(printed.output)
    assert [c["labels"] for c in perspective["categories"]] == [[label.name] for label in model.LABELS]
    assert {r["name"] for r in perspective["relationshipTypes"]} == {r.name for r in model.RELATIONSHIPS}
    assert len(perspective["templates"]) == 5 and len(perspective["sceneActions"]) == 2
    assert perspective["name"] == "Crosslink" and perspective["version"] == "2.0.0"


def test_bloom_takes_no_arguments_and_needs_no_graph() -> None:
    """It prints from the model alone: no Neo4j settings are read, so it works before any server runs."""
    printed = CliRunner().invoke(
        main, ["bloom"], env={"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": ""}
    )
    assert printed.exit_code == 0
    refused = CliRunner().invoke(main, ["bloom", "extra"])
    assert refused.exit_code == 2 and "extra" in refused.output
