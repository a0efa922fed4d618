"""The network page's layout: Cytoscape.js's own force-directed layout (cose) against fCoSE, in Debian's
headless Chromium, on network-shaped graphs of growing size.

    python bench/page_layout.py [--nodes 100,300,500,2000] [--runs 5] [--seed 1] [--layouts cose,fcose]

Why fCoSE is vendored beside Cytoscape.js (api/pages/package.json): the page draws networks up to
`Network.graph`'s default limit, and the layout is what the analyst waits for once the data has come.
`fcose-draft` is fCoSE's spectral layout alone, without its force-directed refinement: what the page uses
for a big network (DRAFT_ABOVE in api/pages/network.js).
Each graph is built in the page from a seeded generator with a network's shape: adverts, each posted by
an account and mentioning one to three identifiers shared with other adverts, each advert and some
identifiers in one of a few countries. For each size and layout the median wall time of `--runs` runs
(a fresh Cytoscape instance each, the page's own options, no animation) is printed, with the drawing's
spread (the median edge length over the median node distance to the centre, lower is tighter) as a
crude check that the faster layout still separates the graph. Nothing is fetched: the vendored files
are loaded from api/pages/vendor/ (run scripts/setup first).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "api" / "pages" / "vendor"
SCRIPTS = ("cytoscape.js", "layout-base.js", "cose-base.js", "cytoscape-fcose.js")
CHROMIUM = "/usr/bin/chromium"

# Builds a network-shaped graph of about `nodes` nodes with a seeded generator, lays it out with
# `layout`, and answers the time and the spread. The options are the page's (api/pages/network.js).
MEASURE = """
([nodes, layout, seed]) => {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const adverts = Math.max(2, Math.round(nodes / 2.2));
  const accounts = Math.max(1, Math.round(adverts / 3));
  const identifiers = Math.max(1, Math.round(adverts / 2));
  const countries = 6;
  const elements = [];
  const edges = new Set();
  const node = (id) => elements.push({ group: "nodes", data: { id } });
  const edge = (source, target) => {
    const id = source + "->" + target;
    if (!edges.has(id)) {
      edges.add(id);
      elements.push({ group: "edges", data: { id, source, target } });
    }
  };
  for (let i = 0; i < countries; i++) node("c" + i);
  for (let i = 0; i < accounts; i++) node("u" + i);
  for (let i = 0; i < identifiers; i++) {
    node("i" + i);
    if (random() < 0.5) edge("i" + i, "c" + Math.floor(random() * countries));
  }
  for (let i = 0; i < adverts; i++) {
    node("a" + i);
    edge("u" + Math.floor(random() * accounts), "a" + i);
    edge("a" + i, "c" + Math.floor(random() * countries));
    const mentions = 1 + Math.floor(random() * 3);
    for (let m = 0; m < mentions; m++) edge("a" + i, "i" + Math.floor(random() * identifiers));
  }
  const container = document.getElementById("graph");
  const cy = cytoscape({ container, elements, layout: { name: "preset" } });
  const options = layout.startsWith("fcose")
    ? { name: "fcose", quality: layout === "fcose-draft" ? "draft" : "default", animate: false,
        randomize: true, nodeRepulsion: 9000, nodeDimensionsIncludeLabels: true, idealEdgeLength: 70,
        padding: 20 }
    : { name: "cose", animate: false, randomize: true, padding: 20 };
  const started = performance.now();
  cy.layout(options).run();
  const seconds = (performance.now() - started) / 1000;
  const median = (values) => { values.sort((a, b) => a - b); return values[Math.floor(values.length / 2)]; };
  const box = cy.nodes().boundingBox();
  const cx = (box.x1 + box.x2) / 2, cyy = (box.y1 + box.y2) / 2;
  const lengths = cy.edges().map((e) => {
    const s = e.source().position(), t = e.target().position();
    return Math.hypot(s.x - t.x, s.y - t.y);
  });
  const radii = cy.nodes().map((n) => Math.hypot(n.position("x") - cx, n.position("y") - cyy));
  const result = { seconds, nodes: cy.nodes().length, edges: cy.edges().length,
                   spread: median(lengths) / Math.max(median(radii), 1e-9) };
  cy.destroy();
  return result;
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", default="100,300,500,2000", help="graph sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--layouts", default="cose,fcose,fcose-draft", help="cose, fcose, fcose-draft")
    args = parser.parse_args()
    missing = [name for name in SCRIPTS if not (VENDOR / name).is_file()]
    if missing:
        sys.exit(f"page_layout: {', '.join(missing)} missing from {VENDOR}: run scripts/setup")
    sizes = [int(size) for size in args.nodes.split(",")]
    layouts = args.layouts.split(",")
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, Python {platform.python_version()}")
    print(f"median of {args.runs} runs, seed {args.seed}")
    print("| nodes | edges | layout | median s | min s | max s | spread |")
    print("|---:|---:|---|---:|---:|---:|---:|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        print(f"browser: Chromium {browser.version}", file=sys.stderr)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.set_content('<div id="graph" style="width: 1000px; height: 700px"></div>')
        for name in SCRIPTS:
            page.add_script_tag(path=str(VENDOR / name))
        for size in sizes:
            for layout in layouts:
                runs = range(args.runs)
                results = [page.evaluate(MEASURE, [size, layout, args.seed + run]) for run in runs]
                times = [r["seconds"] for r in results]
                print(
                    f"| {results[0]['nodes']} | {results[0]['edges']} | {layout} "
                    f"| {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f} "
                    f"| {statistics.median(r['spread'] for r in results):.2f} |",
                    flush=True,
                )
        browser.close()


if __name__ == "__main__":
    main()
