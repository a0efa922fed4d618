"""The network page in a real browser: Debian's Chromium, driven by Playwright, against the app served by
uvicorn on 127.0.0.1 over the planted graph. The page draws what the API answers, shows an edge's evidence
on a click, sends the key only in headers, and asks nothing of any other host.

`CROSSLINK_SCREENSHOT=docs/img/network-page.png` also saves the screenshot there (the README's picture).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx2
import neo4j
import networkx
import pytest
import uvicorn
from planted import HUB_RULE, PHONE_A, make_keys, plant
from playwright.sync_api import Browser, Page, sync_playwright

from api.app import create_app
from api.audit import AuditLog
from graph import apikeys, casework
from graph.config import REPO_ROOT, Settings

CHROMIUM = Path("/usr/bin/chromium")
SUFFIXES = (".graphml", ".gexf", ".ftm.json", ".zip", ".zip")
GRAPH_QUERY = """
query ($id: ID!) {
  network(id: $id) {
    graph {
      nodes { id kind hub postedAt text }
      edges { id source target type evidence { advert start end value } }
      truncated
    }
  }
}
"""


@dataclass
class Served:
    """The app on a real port: its address and the keys of each role."""

    base: str
    keys: dict[str, str]
    requests: list[str] = field(default_factory=list)

    def graphql(self, query: str, variables: dict[str, Any]) -> Any:
        answer = httpx2.post(
            f"{self.base}/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.keys['reader']}"},
            timeout=60,
        ).json()
        assert "errors" not in answer, answer["errors"]
        return answer["data"]


@pytest.fixture(scope="module")
def served(
    neo4j_driver: neo4j.Driver, neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """The app over the planted graph, served by uvicorn in a thread on a free port of 127.0.0.1."""
    with pytest.MonkeyPatch.context() as env:
        for name, value in HUB_RULE.items():
            env.setenv(name, value)
        database = neo4j_settings.database
        plant(neo4j_driver, database)
        apikeys.ensure_schema(neo4j_driver, database)
        casework.ensure_schema(neo4j_driver, database)
        keys, _ = make_keys(neo4j_driver, database)
        audit = AuditLog(tmp_path_factory.mktemp("audit") / "audit.jsonl")
        app = create_app(neo4j_driver, database, audit=audit, settings=neo4j_settings)
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", loop="asyncio")
        )
        thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
        thread.start()
        try:
            _wait_until_started(server, thread)
            yield Served(f"http://127.0.0.1:{port}", keys)
        finally:
            server.should_exit = True
            thread.join(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    """Wait for uvicorn to listen (its start-up reaches Neo4j); fail if it stopped instead."""
    while not server.started:
        if not thread.is_alive():
            pytest.fail("the app did not start under uvicorn (see its log above)", pytrace=False)
        time.sleep(0.05)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium (scripts/setup installs it); a missing browser fails, never skips."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"the browser tests need Debian's Chromium at {CHROMIUM}: run scripts/setup, which installs "
            "the packages chromium and chromium-driver",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watched:
    """A page, with every request it made and every error it logged (a CSP violation is one)."""

    page: Page
    requests: list[str]
    errors: list[str]


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 860}, accept_downloads=True)
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))

    def local_only(route: Any) -> None:  # anything else is refused here as well as reported below
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    context.route("**/*", local_only)
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield Watched(page, requests, errors)
    finally:
        context.close()


def _network_of(served: Served, identifier: str) -> str:
    query = "query ($v: String!) { identifier(value: $v) { networks { id } } }"
    return served.graphql(query, {"v": identifier})["identifier"]["networks"][0]["id"]


def _open_with_key(watched: Watched, url: str, key: str) -> None:
    page = watched.page
    page.goto(url)
    page.locator("#key-form").wait_for(state="visible")
    page.fill("#key-input", key)
    page.press("#key-input", "Enter")


def _clear_edge(page: Page, candidates: list[str]) -> dict[str, Any]:
    """Of the candidate edges, the one whose drawn midpoint lies farthest from every node and every other
    edge, with that midpoint in the page's coordinates (so that a click there lands on the edge alone).

    The layout is random, so another edge sometimes crosses a candidate at its midpoint; a click there may
    pick either edge. Each other edge is measured as the two straight pieces through its own midpoint, which
    also follows the bend of parallel edges.
    """
    return page.evaluate(
        """(ids) => {
          const cy = window.crosslinkGraph;
          const box = document.getElementById("graph").getBoundingClientRect();
          const toSegment = (p, a, b) => {
            const dx = b.x - a.x, dy = b.y - a.y;
            const length = dx * dx + dy * dy;
            const t = length ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length)) : 0;
            return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
          };
          let best = null;
          for (const id of ids) {
            const edge = cy.getElementById(id);
            const mid = edge.renderedMidpoint();
            let clearance = Infinity;
            cy.nodes().forEach((node) => {
              const b = node.renderedBoundingBox({ includeLabels: true });
              const dx = Math.max(b.x1 - mid.x, 0, mid.x - b.x2);
              const dy = Math.max(b.y1 - mid.y, 0, mid.y - b.y2);
              clearance = Math.min(clearance, Math.hypot(dx, dy));
            });
            cy.edges().forEach((other) => {
              if (other.same(edge)) return;
              const bend = other.renderedMidpoint();
              clearance = Math.min(
                clearance,
                toSegment(mid, other.renderedSourceEndpoint(), bend),
                toSegment(mid, bend, other.renderedTargetEndpoint())
              );
            });
            if (!best || clearance > best.clearance) {
              best = { id, clearance, x: box.left + mid.x, y: box.top + mid.y };
            }
          }
          return best;
        }""",
        candidates,
    )


def test_the_network_page_draws_the_api_graph_and_shows_an_edge_evidence(
    served: Served, watched: Watched, tmp_path: Path
) -> None:
    network = _network_of(served, PHONE_A)
    graph = served.graphql(GRAPH_QUERY, {"id": network})["network"]["graph"]
    key = served.keys["reader"]
    page = watched.page

    _open_with_key(watched, f"{served.base}/networks/{network}", key)
    drawing = page.locator("#graph[data-state='ready']")
    drawing.wait_for(timeout=60_000)

    assert not graph["truncated"]
    assert int(drawing.get_attribute("data-nodes") or -1) == len(graph["nodes"])
    assert int(drawing.get_attribute("data-edges") or -1) == len(graph["edges"])
    drawn = page.evaluate(
        "() => [crosslinkGraph.nodes().map((n) => n.id()), crosslinkGraph.edges().map((e) => e.id())]"
    )
    assert sorted(drawn[0]) == sorted(node["id"] for node in graph["nodes"])
    assert sorted(drawn[1]) == sorted(edge["id"] for edge in graph["edges"])

    dashed = page.evaluate(
        "() => crosslinkGraph.nodes().filter((n) => n.style('border-style') === 'dashed').map((n) => n.id())"
    )
    assert sorted(dashed) == sorted(node["id"] for node in graph["nodes"] if node["hub"])
    assert dashed, "the planted help-desk email is a hub, drawn apart"
    adverts = [node for node in graph["nodes"] if node["kind"] == "Advert" and node["postedAt"]]
    assert page.locator("#timeline rect.mark").count() == len(adverts) > 1

    edges = {edge["id"]: edge for edge in graph["edges"]}
    mentions = [edge["id"] for edge in graph["edges"] if edge["type"] == "MENTIONS" and edge["evidence"]]
    assert mentions, "the planted network's adverts mention identifiers"
    target = _clear_edge(page, mentions)
    assert target["clearance"] > 6, f"no evidence edge is drawn clear of the others: {target}"
    page.mouse.click(target["x"], target["y"])
    details = page.locator(f"#details[data-edge='{target['id']}']")
    details.wait_for(timeout=10_000)

    shown = details.locator(".evidence")
    evidence = edges[target["id"]]["evidence"]
    assert shown.count() == len(evidence)
    texts = {node["id"]: node["text"] for node in graph["nodes"]}
    for block, expected in zip(shown.all(), evidence, strict=True):
        text = texts[expected["advert"]]
        assert block.locator(".advert-text").text_content() == text
        assert block.locator("mark").text_content() == expected["value"]
        assert text[expected["start"] : expected["end"]] == expected["value"]

    saved = {name: _export(page, name, tmp_path) for name in ("graphml", "gexf", "ftm", "i2", "csv")}
    exported = networkx.read_graphml(saved["graphml"])
    assert sorted(exported.nodes) == sorted(node["id"] for node in graph["nodes"])
    for path, suffix in zip(saved.values(), SUFFIXES, strict=True):
        assert path.name.endswith(suffix), path.name
    exports = [url for url in watched.requests if "/export/networks/" in url]
    assert len(exports) == 5 and all("limit=20000" in url for url in exports), exports
    page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Saved')")
    assert "cut at" not in (page.text_content("#status") or ""), "the planted network is whole"

    assert watched.requests, "the page was watched"
    for url in watched.requests:
        assert urlsplit(url).hostname == "127.0.0.1", url
        assert key not in url and key.split("_", 2)[2] not in url, "the key never goes in an address"
    assert any(urlsplit(url).path == "/graphql" for url in watched.requests)
    assert not watched.errors, watched.errors

    _screenshot(page, tmp_path)


def _export(page: Page, name: str, folder: Path) -> Path:
    """Click the export button of format `name`; the file the browser saved."""
    with page.expect_download() as downloading:
        page.click(f"#export-buttons button[data-format='{name}']")
    saved = folder / downloading.value.suggested_filename
    downloading.value.save_as(saved)
    assert saved.stat().st_size > 0, name
    return saved


def _screenshot(page: Page, tmp_path: Path) -> None:
    """Into the test's output, and where CROSSLINK_SCREENSHOT says (the README's image)."""
    page.screenshot(path=str(tmp_path / "network-page.png"))
    assert (tmp_path / "network-page.png").stat().st_size > 10_000
    wanted = os.environ.get("CROSSLINK_SCREENSHOT")
    if wanted:
        path = Path(wanted) if Path(wanted).is_absolute() else REPO_ROOT / wanted
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path))


def test_the_triage_list_links_each_network_to_its_page(served: Served, watched: Watched) -> None:
    query = "{ networks(orderBy: SCORE, first: 50) { edges { node { id score } } } }"
    expected = [edge["node"]["id"] for edge in served.graphql(query, {})["networks"]["edges"]]
    page = watched.page

    _open_with_key(watched, f"{served.base}/networks", served.keys["reader"])
    page.locator("#networks:not([hidden]) tbody tr").first.wait_for(timeout=30_000)

    rows = page.locator("#networks tbody tr")
    assert [row.get_attribute("data-network") for row in rows.all()] == expected
    first = rows.first.locator("a")
    assert first.get_attribute("href") == f"/networks/{expected[0]}"
    first.click()
    page.locator("#graph[data-state='ready']").wait_for(timeout=60_000)  # the key was kept for the tab
    assert page.locator("#key-form").is_hidden()
    for url in watched.requests:
        assert urlsplit(url).hostname == "127.0.0.1", url
    assert not watched.errors, watched.errors


def test_an_unknown_network_is_said_so_and_nothing_is_drawn(served: Served, watched: Watched) -> None:
    page = watched.page

    _open_with_key(watched, f"{served.base}/networks/n-nosuchnetwork", served.keys["reader"])
    page.locator("#status.error").wait_for(timeout=30_000)

    assert "n-nosuchnetwork" in (page.text_content("#status") or "")
    assert page.get_attribute("#graph", "data-state") == "empty"
    assert page.locator("#key-form").is_hidden(), "the key was accepted"


def test_a_refused_key_is_asked_again_and_nothing_is_drawn(served: Served, watched: Watched) -> None:
    page = watched.page

    _open_with_key(watched, f"{served.base}/networks/{_network_of(served, PHONE_A)}", served.keys["revoked"])
    page.wait_for_function("() => document.getElementById('status').textContent.includes('refused')")

    assert "refused" in (page.text_content("#status") or "")
    assert page.evaluate("() => window.sessionStorage.length") == 0
    assert page.get_attribute("#graph", "data-state") == "empty"
    assert json.dumps(watched.requests).count("/graphql") == 1
