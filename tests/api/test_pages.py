"""The network pages are shells: served without a key, under a strict policy, the same for any network,
with every asset local and no data in them (the data comes from /graphql with the analyst's key)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from planted import IBAN_A, PHONE_A, Api

from api.app import create_app
from api.audit import AuditLog
from api.pages import ASSETS, PAGE_ASSETS, PAGE_FILES

NETWORKS_QUERY = "{ networks(first: 10) { edges { node { id key } } } }"


class _Urls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0
        self.style_attributes = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        for name in ("src", "href", "action", "data", "poster"):
            if named.get(name) and not (tag == "a" and named[name] == "/networks"):
                self.urls.append(named[name] or "")
        self.style_attributes += "style" in named or any(name.startswith("on") for name in named)
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        self.inline_scripts += self._in_script and bool(data.strip())

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def _planted_network_ids(api: Api) -> list[str]:
    return [edge["node"]["id"] for edge in api.data(NETWORKS_QUERY)["networks"]["edges"]]


def test_the_pages_are_served_without_a_key_under_a_strict_policy(api: Api) -> None:
    network = _planted_network_ids(api)[0]

    for path in ("/networks", f"/networks/{network}", "/networks/no-such-network"):
        response = api.client.get(path)

        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "connect-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe" not in policy and "http" not in policy
        assert response.headers["cache-control"] == "no-store"


def test_a_networks_page_is_the_same_shell_whatever_the_network(api: Api) -> None:
    first, second = _planted_network_ids(api)[:2]

    pages = {api.client.get(f"/networks/{name}").text for name in (first, second, "%3Cscript%3Ex")}

    assert len(pages) == 1, "the id is read by the page's script, never written into the shell"
    page = pages.pop()
    assert page == (PAGE_FILES / "network.html").read_text(encoding="utf-8")


def test_the_shells_hold_no_data(api: Api) -> None:
    networks = api.data(NETWORKS_QUERY)["networks"]["edges"]
    written = [PHONE_A.split(":", 1)[1], IBAN_A.rsplit(":", 1)[1], "crossinghelp"]
    written += [edge["node"]["key"] for edge in networks]

    for path in ("/networks", f"/networks/{networks[0]['node']['id']}"):
        page = api.client.get(path).text
        for value in written:
            assert value not in page, (path, value)


def test_every_asset_the_pages_load_is_served_from_here_without_a_key(api: Api) -> None:
    for path in ("/networks", "/networks/any"):
        parser = _Urls()
        parser.feed(api.client.get(path).text)

        assert parser.urls, "the page loads its scripts and styles"
        assert parser.inline_scripts == 0 and parser.style_attributes == 0, "no inline script or style"
        for url in parser.urls:
            assert url.startswith("/pages/assets/"), url
            response = api.client.get(url)
            assert response.status_code == 200, f"{url}: {response.text[:200]} (run scripts/setup)"
            assert len(response.content) > 100
            assert set(PAGE_ASSETS) >= {url.rsplit("/", 1)[1]}
    assert api.client.get("/pages/assets/package.json").status_code == 404
    assert api.client.get("/pages/assets/__init__.py").status_code == 404


def test_the_data_behind_the_pages_needs_the_key(api: Api) -> None:
    network = _planted_network_ids(api)[0]

    assert api.client.post("/graphql", json={"query": NETWORKS_QUERY}).status_code == 401
    assert api.client.get(f"/export/networks/{network}?format=csv").status_code == 401
    assert api.client.post("/networks", json={"query": NETWORKS_QUERY}).status_code == 401


def test_the_scripts_write_data_as_text_only() -> None:
    # Advert texts are written by anyone: they reach the page through textContent, never as markup.
    for name, asset in PAGE_ASSETS.items():
        if "vendor" in str(asset) or not name.endswith(".js"):
            continue
        source = asset.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
            assert sink not in source, (name, sink)
        code = re.sub(r"^\s*//.*$", "", source, flags=re.M).replace('"http://www.w3.org/2000/svg"', "")
        assert not re.search(r"https?:|//[a-z0-9]", code, flags=re.I), f"{name} names no other server"


def test_the_pages_are_served_from_the_installed_package() -> None:
    for name, asset in PAGE_ASSETS.items():
        assert asset.is_file(), f"{name}: {asset} is missing (run scripts/setup)"
        assert "node_modules" not in str(asset)


def test_a_missing_asset_is_a_503_saying_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(PAGE_ASSETS, "cytoscape.js", tmp_path / "cytoscape.js")
    ASSETS.forget()
    client = TestClient(create_app(audit=AuditLog(tmp_path / "audit.jsonl")))  # no graph needed: no lifespan

    response = client.get("/pages/assets/cytoscape.js")

    assert response.status_code == 503
    assert "scripts/setup" in response.json()["detail"]
    ASSETS.forget()


def _page_query() -> str:
    source = PAGE_ASSETS["network.js"].read_text(encoding="utf-8")
    block = re.search(r"var QUERY = \[(.*?)\]\.join", source, flags=re.S)
    assert block, "network.js keeps its query in QUERY"
    return "\n".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block.group(1)))


def test_the_network_page_receives_each_advert_text_a_bounded_number_of_times(api: Api) -> None:
    # An advert's text (written by anyone, long, mentioning one value many times) must not come back
    # once per mention: the page's answer grows with the texts, not with texts times their mentions.
    network = _planted_network_ids(api)[0]
    data = api.data(_page_query(), {"id": network, "limit": 2000})["network"]["graph"]
    answer = json.dumps(data, ensure_ascii=False)
    adverts = [node for node in data["nodes"] if node["kind"] == "Advert"]
    mentioned = {edge["source"] for edge in data["edges"] if edge["evidence"]}
    assert adverts and mentioned
    for advert in adverts:
        assert answer.count(json.dumps(advert["text"], ensure_ascii=False)) == 1, advert["id"]
