"""The in-browser IDE works offline (every asset local, nothing else allowed); schema.graphql is current."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from planted import Api

from api.app import IDE, IDE_ASSETS, create_app
from api.audit import AuditLog
from api.commands.schema import schema as schema_command
from api.commands.schema import sdl
from graph.config import REPO_ROOT


class _Urls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "action", "data", "poster") and value:
                self.urls.append(value)


def test_the_ide_page_references_only_local_urls_and_forbids_others(api: Api) -> None:
    response = api.client.get("/ide")
    parser = _Urls()
    parser.feed(response.text)

    assert response.status_code == 200
    assert parser.urls, "the page loads its scripts and styles"
    for url in parser.urls:
        assert url.startswith("/ide/assets/"), url
    assert not re.search(r"(https?:)?//", re.sub(r"<!--.*?-->", "", response.text, flags=re.S))
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy
    assert "http" not in policy


def test_every_asset_the_page_loads_is_served_from_here(api: Api) -> None:
    parser = _Urls()
    parser.feed(api.client.get("/ide").text)

    for url in parser.urls:
        response = api.client.get(url)
        assert response.status_code == 200, f"{url}: {response.text[:200]} (run scripts/setup)"
        assert len(response.content) > 20
    css = api.client.get("/ide/assets/graphiql.css").text
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), "the stylesheet loads nothing from outside"
    assert api.client.get("/ide/assets/package.json").status_code == 404
    assert set(IDE_ASSETS) >= {url.rsplit("/", 1)[1] for url in parser.urls}


def test_the_committed_schema_is_the_printed_schema() -> None:
    committed = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")

    assert committed == sdl(), "schema.graphql is out of date: run `crosslink schema > schema.graphql`"
    printed = CliRunner().invoke(schema_command)
    assert printed.exit_code == 0
    assert printed.output == committed
    for name in ("identifier", "networks", "network", "account", "advert", "search", "path", "neighbourhood"):
        assert re.search(rf"^  {name}\(", committed, flags=re.M) or f"  {name}:" in committed, name


def test_the_ide_is_served_from_the_installed_package() -> None:
    # Package data (api/graphiql, its vendor/ filled by scripts/setup), so that a wheel serves it too.
    for name, asset in IDE_ASSETS.items():
        assert asset.is_file(), f"{name}: {asset} is missing (run scripts/setup)"
        assert "node_modules" not in str(asset)


def test_a_missing_asset_is_a_503_saying_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(IDE_ASSETS, "graphiql.js", tmp_path / "graphiql.js")
    IDE.forget()
    client = TestClient(create_app(audit=AuditLog(tmp_path / "audit.jsonl")))  # no graph needed: no lifespan

    response = client.get("/ide/assets/graphiql.js")

    assert response.status_code == 503
    assert "scripts/setup" in response.json()["detail"]
    IDE.forget()
