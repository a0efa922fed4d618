"""The networkx graph both GraphML and GEXF are written from: one type for each attribute name, as
Gephi and yEd read one declared type per name."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree

import networkx

from graph.export import Edge, Node, Subgraph, gexf, graphml

ADVERTS = (
    Node("advert:x:1", "Advert", "one", {"hub": False, "smuggling_score": 1, "post_id": 7}),
    Node("advert:x:2", "Advert", "two", {"hub": False, "smuggling_score": 0.5, "post_id": "a2"}),
)
TEMPLATE = (
    Edge(
        "SAME_TEMPLATE:advert:x:1->advert:x:2",
        "advert:x:1",
        "advert:x:2",
        "SAME_TEMPLATE",
        {"similarity": 1},
        (),
    ),
    Edge(
        "SAME_TEMPLATE:advert:x:2->advert:x:1",
        "advert:x:2",
        "advert:x:1",
        "SAME_TEMPLATE",
        {"similarity": 0.9},
        (),
    ),
)
MIXED = Subgraph("mixed", ADVERTS, TEMPLATE, (), False)


def test_graphml_declares_each_attribute_once() -> None:
    out = io.BytesIO()
    graphml.write(MIXED, out)
    keys = ElementTree.fromstring(out.getvalue()).findall("{http://graphml.graphdrawing.org/xmlns}key")
    declared = [(key.get("for"), key.get("attr.name")) for key in keys]
    assert len(declared) == len(set(declared))
    read = networkx.read_graphml(io.BytesIO(out.getvalue()))
    assert read.nodes["advert:x:1"]["smuggling_score"] == 1.0
    assert read.nodes["advert:x:2"]["smuggling_score"] == 0.5
    assert {read.nodes[n]["post_id"] for n in read.nodes} == {"7", "a2"}


def test_gexf_reads_back_every_value() -> None:
    out = io.BytesIO()
    gexf.write(MIXED, out)
    read = networkx.read_gexf(io.BytesIO(out.getvalue()))
    assert read.nodes["advert:x:2"]["smuggling_score"] == 0.5
    assert {read.nodes[n]["post_id"] for n in read.nodes} == {"7", "a2"}
    assert sorted(data["similarity"] for _, _, data in read.edges(data=True)) == [0.9, 1.0]


# Written by anyone: a vertical tab pasted from a word processor, a terminal escape, a non-character,
# and Windows line ends, which XML reads back as plain newlines unless written as references.
HOSTILE_TEXT = "Boat\x0bto UK\x1b[31m tonight \ufffe\r\ncall +44 7400 123456 \U0001f6a4"
HOSTILE = Subgraph(
    "hostile",
    (Node("advert:x:9", "Advert", "Boat to UK", {"hub": False, "text": HOSTILE_TEXT}),),
    (),
    (),
    False,
)


def test_texts_xml_cannot_hold_keep_their_length_and_line_ends() -> None:
    for module, read in ((graphml, networkx.read_graphml), (gexf, networkx.read_gexf)):
        out = io.BytesIO()
        module.write(HOSTILE, out)
        text = read(io.BytesIO(out.getvalue())).nodes["advert:x:9"]["text"]
        assert len(text) == len(HOSTILE_TEXT), module.__name__
        assert "\r\ncall +44 7400 123456 \U0001f6a4" in text, module.__name__
        assert text.index("+44") == HOSTILE_TEXT.index("+44"), module.__name__
