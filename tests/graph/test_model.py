"""The graph model agrees with the schema ingest applies: every label it describes has its key constraint,
and every relationship type joins labels it describes."""

import re

import pytest

from graph import cypher, model

CONSTRAINT = re.compile(r"FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE")


def constrained() -> set[tuple[str, str]]:
    statements = cypher.statements("schema") + cypher.statements("networks_schema")
    return {found.groups() for s in statements if (found := CONSTRAINT.search(s))}


def test_every_label_is_unique_by_its_key_in_the_schema():
    assert {(label.name, "key") for label in model.LABELS} <= constrained()


def test_every_label_has_an_indexed_key_and_captions_it_holds():
    for label in model.LABELS:
        assert label.property("key").indexed, label.name
        for caption in label.caption:
            assert not label.property(caption).internal, (label.name, caption)


def test_relationships_join_the_labels_described():
    names = {label.name for label in model.LABELS}
    for relationship in model.RELATIONSHIPS:
        assert set(relationship.sources) | set(relationship.targets) <= names, relationship.name


def test_identifiers_and_wallets_are_described():
    assert set(model.IDENTIFIERS) <= {label.name for label in model.LABELS}
    assert model.WALLET_SCHEMES == ("btc", "eth", "tron")
    for name in model.IDENTIFIERS:
        assert model.label(name).property("hub").optional


def test_unknown_names_are_refused_by_name():
    with pytest.raises(KeyError, match="Tag"):
        model.label("Tag")
    with pytest.raises(KeyError, match="TAGS"):
        model.relationship("TAGS")
    with pytest.raises(KeyError, match="nickname"):
        model.ACCOUNT.property("nickname")
    assert model.relationship("MENTIONS").targets == model.IDENTIFIERS
