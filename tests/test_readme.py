"""The README's "From Python" example runs as written, against the test Neo4j, on the planted adverts.

The first python block of that section is run with only its file name changed (`adverts.jsonl` becomes
tests/api/planted_adverts.jsonl), and what it prints is checked: a renamed method, a changed record
field or a value the planted graph does not hold fails here before a reader's notebook does.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import neo4j
import pytest
from graphql import build_schema, parse, validate

from graph import Crosslink
from graph.config import Settings
from tests.api.planted import HUB_RULE, PHONE_A, PLANTED

README = Path(__file__).resolve().parents[1] / "README.md"
# What the example prints for a network: id, score, platforms, countries, then the score explained.
NETWORK_LINE = re.compile(r"(n-\w+) (\d+(?:\.\d+)?) (\[.*?\]) (\[.*?\]) (Score .+)")
# And for a hop of the path: source, relation, target, then the texts of its evidence spans.
HOP_LINE = re.compile(r"(\S+) ([A-Z_]+) (\S+) (\[.*\])")
# A score explanation opens with the score and the three parts it is the sum of.
EXPLANATION_HEAD = re.compile(r"Score [\d.]+ of 100 = content [\d.]+ \+ shape [\d.]+ - benign [\d.]+\. ")
# A fenced GraphQL example.
GRAPHQL_BLOCK = re.compile(r"^```graphql\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def first_python_block(section: str) -> str:
    """The code of the first ```python block under the README heading `## <section>`."""
    text = README.read_text(encoding="utf-8")
    _, heading, rest = text.partition(f"\n## {section}\n")
    assert heading, f"README.md has no section '## {section}'"
    body = rest.split("\n## ", 1)[0]
    block = re.search(r"^```python\n(.*?)^```$", body, re.DOTALL | re.MULTILINE)
    assert block, f"README.md's '{section}' section has no python block"
    return block.group(1)


def test_the_from_python_example_runs_on_the_planted_adverts(
    empty_graph: neo4j.Driver,
    neo4j_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in HUB_RULE.items():  # the hub rule for a graph this small (planted.py says why)
        monkeypatch.setenv(name, value)
    code = first_python_block("From Python")
    assert code.count('"adverts.jsonl"') == 1
    code = code.replace('"adverts.jsonl"', repr(str(PLANTED)))

    exec(compile(code, str(README), "exec"), {"__name__": "readme"})

    lines = capsys.readouterr().out.splitlines()
    adverts = len(PLANTED.read_text(encoding="utf-8").splitlines())
    assert lines[0] == f"{adverts} 0"  # accepted, rejected

    networks = [match.groups() for line in lines if (match := NETWORK_LINE.fullmatch(line))]
    graph = Crosslink(empty_graph, neo4j_settings.database)
    spanning = graph.networks(min_countries=2, first=10).items
    assert [found[0] for found in networks] == [network.id for network in spanning] != []
    for *_, countries, explanation in networks:
        assert len(ast.literal_eval(countries)) >= 2
        assert EXPLANATION_HEAD.match(explanation)
    network_a = next(n for n in networks if "telegram" in ast.literal_eval(n[2]))
    assert ast.literal_eval(network_a[2]) == ["facebook", "instagram", "telegram", "tiktok"]
    assert {"FR", "IQ", "TR"} <= set(ast.literal_eval(network_a[3]))

    (phone,) = [line for line in lines if line.startswith(f"{PHONE_A} ")]
    assert phone.split()[1:3] == [str(graph.identifier(PHONE_A).mentioned_by), "adverts"]

    hops = [match.groups() for line in lines[lines.index(phone) + 1 :] if (match := HOP_LINE.fullmatch(line))]
    assert len(hops) == len(lines) - lines.index(phone) - 1 >= 1  # every line after it is a hop
    assert hops[0][0] == PHONE_A or hops[0][2] == PHONE_A
    assert "handle:telegram:calais_crossing_a" in hops[-1][::2]
    # Either advert tying them will do (a1 names both; the handle posted the wa.me one): the evidence
    # printed is text the adverts hold.
    texts = [json.loads(line)["text"] for line in PLANTED.read_text(encoding="utf-8").splitlines()]
    spans = [span for *_, printed in hops for span in ast.literal_eval(printed)]
    assert spans and all(any(span in text for text in texts) for span in spans)


def test_every_graphql_example_is_valid_against_the_schema() -> None:
    """A query an analyst copies from the README must not fail on a renamed field or argument."""
    schema = build_schema((README.parent / "schema.graphql").read_text(encoding="utf-8"))
    blocks = GRAPHQL_BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks, "README.md has no graphql example"
    for block in blocks:
        assert validate(schema, parse(block)) == [], block
