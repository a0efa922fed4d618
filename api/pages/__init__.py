"""The network pages: the triage list at /networks and one network drawn at /networks/{id}.

Both are static shells that hold no data, served without a key like the IDE: the page asks the analyst
for their key, keeps it in the tab's sessionStorage and sends it only in the Authorization header of its
requests to /graphql and /export. Every script and style comes from this package (Cytoscape.js copied
from npm into vendor/ by scripts/setup), so the pages work offline and load nothing from elsewhere.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response

from api.assets import Assets

PAGE_FILES = resources.files("api") / "pages"
# Served by the name the page asks for, nothing else: the pages' own files and the vendored libraries.
PAGE_ASSETS = {
    "cytoscape.js": PAGE_FILES / "vendor" / "cytoscape.js",
    "layout-base.js": PAGE_FILES / "vendor" / "layout-base.js",
    "cose-base.js": PAGE_FILES / "vendor" / "cose-base.js",
    "cytoscape-fcose.js": PAGE_FILES / "vendor" / "cytoscape-fcose.js",
    "common.js": PAGE_FILES / "common.js",
    "networks.js": PAGE_FILES / "networks.js",
    "network.js": PAGE_FILES / "network.js",
    "pages.css": PAGE_FILES / "pages.css",
}
ASSETS_PATH = "/pages/assets"
ASSETS = Assets(
    PAGE_ASSETS,
    missing="the network pages are not installed ({asset} is missing): run scripts/setup, which copies "
    "Cytoscape.js into the package, and build any wheel after that",
    headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
)
# Stricter than the IDE's: no inline style either (Cytoscape draws on a canvas; the page styles itself
# from pages.css), and downloads are saved from blobs the page makes itself.
PAGES_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
_SHELL_HEADERS = {
    "Content-Security-Policy": PAGES_CSP,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def register(app: FastAPI) -> None:
    """Add the pages' routes to `app`."""

    @app.get("/networks", response_class=HTMLResponse)
    async def networks_page() -> Response:
        """The triage list: networks by score, each linking to its page."""
        return _shell("networks.html")

    @app.get("/networks/{network_id}", response_class=HTMLResponse)
    async def network_page(network_id: str) -> Response:
        """One network's page, the same shell for any id: the page reads the id from its address and asks
        for the network with the analyst's key, so an unknown id is answered there, not here."""
        return _shell("network.html")

    @app.get(ASSETS_PATH + "/{name}")
    async def page_asset(name: str) -> Response:
        return ASSETS.response(name)


def _shell(name: str) -> HTMLResponse:
    html = (PAGE_FILES / name).read_text(encoding="utf-8")
    return HTMLResponse(html, headers=_SHELL_HEADERS)
