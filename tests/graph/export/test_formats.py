"""The formats by name: each writes the planted network, names a download, and an unknown one is refused."""

from __future__ import annotations

import io

import pytest

from graph.export import Subgraph
from graph.export.formats import FORMATS, NAMES, FormatUnavailable, UnknownFormat, get


def test_names_are_read_as_typed_and_unknown_ones_listed() -> None:
    assert get(" GraphML ") is FORMATS["graphml"]
    with pytest.raises(UnknownFormat) as raised:
        get("pdf")
    assert "'pdf'" in str(raised.value) and all(name in str(raised.value) for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_format_writes_something_or_says_it_is_missing(network_a: Subgraph, name: str) -> None:
    out = io.BytesIO()
    try:
        get(name).write(network_a, out)
    except FormatUnavailable as error:  # a writer not in this installation
        assert name in str(error)
        return
    assert len(out.getvalue()) > 0
    if get(name).several_files:
        assert out.getvalue().startswith(b"PK")  # a zip archive


def test_download_names_are_safe(network_a: Subgraph) -> None:
    id = network_a.networks[0]["id"]
    assert get("graphml").filename(network_a) == f"network-{id}.graphml"
    assert get("csv").filename(network_a) == f"network-{id}-csv.zip"
    odd = Subgraph('neighbourhood of url:https://x.example/a b"c', (), (), (), False)
    assert get("gexf").filename(odd) == "neighbourhood-of-url-https-x.example-a-b-c.gexf"
