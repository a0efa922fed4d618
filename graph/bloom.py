"""The Neo4j Bloom perspective of the Crosslink graph (also read by Explore in the Aura console and Neo4j
Desktop): a category per node label, styled relationship types, search phrases and scene actions.

Built from the graph's own description (`graph.model`), so a label or property renamed there is renamed
here; the Cypher of each search phrase and scene action is a file of `cypher/bloom/`, which an analyst can
also paste into Browser. `crosslink bloom` prints it; `cypher/bloom/crosslink.json` is that output,
committed. The file format follows the perspectives Bloom exports (docs/bloom.md says which parts of it
were checked against exported files and which were not).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

from graph import cypher, model

NAME = "Crosslink"
# The perspective's id stays the same from one generation to the next, so that importing a newer file
# replaces the older perspective instead of adding a second one.
ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://crosslink/bloom/perspective"))
# The format version of the perspectives Bloom 2 exports, which later releases import.
FORMAT_VERSION = "2.0.0"
# A fixed creation time (epoch milliseconds), so that the same model always gives the same file.
CREATED_AT = 1764892800000

QUERY_FOLDER = "bloom"
_QUERY_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

# Bloom's default palette, offered when a person adds a category by hand.
PALETTE = (
    "#FFE081", "#C990C0", "#F79767", "#57C7E3", "#F16667", "#D9C8AE", "#8DCC93",
    "#ECB5C9", "#4C8EDA", "#FFC454", "#DA7194", "#569480", "#848484", "#D9D9D9",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Style:
    """How a category's nodes look: a colour, a size (1 is Bloom's default) and an icon. Bloom names its
    built-in icons by id; the ids here are those Neo4j's own example perspectives give to categories of
    the same kind (a phone number, a user, a money transfer, a group, a state, a web domain), and
    "no-icon" leaves a plain circle whose colour and caption tell it apart."""

    colour: str
    size: float = 1
    icon: str = "no-icon"


STYLES: dict[str, Style] = {
    "Advert": Style("#D9C8AE"),
    "Account": Style("#57C7E3", 1, "DB188874-D25F-4B34-A296-E5E950072319"),
    "Phone": Style("#F79767", 1, "6D4B9047-8A4D-432F-B774-E7B8F8AA5FA8"),
    "PaymentTag": Style("#8DCC93", 1, "AE788B64-114D-4032-832D-0DECC5CB902D"),
    "Email": Style("#DA7194"),
    "Link": Style("#C990C0"),
    "Domain": Style("#4C8EDA", 1, "8EDB1503-B54A-4C25-B4BD-DC85A55BFDCA"),
    "Country": Style("#569480", 2, "0E360AEA-F63E-4F63-803B-B137881B0CD8"),
    "Network": Style("#F16667", 3, "1BA78CC1-ED89-46D5-9D2B-D78DC944A59D"),
}
WALLET_COLOUR = "#FFC454"  # payment tags that are crypto-currency wallets
HUB_COLOUR = "#6B6B6B"  # identifiers marked as hubs: shared too widely to join networks

RELATIONSHIP_STYLES: dict[str, Style] = {
    "POSTED": Style("#57C7E3", 2),
    "MENTIONS": Style("#F79767", 2),
    "USES": Style("#D9D9D9", 1),
    "IN_COUNTRY": Style("#569480", 1),
    "IN_CHAT": Style("#ECB5C9", 1),
    "FORWARDED_FROM": Style("#FFE081", 1),
    "ON_DOMAIN": Style("#4C8EDA", 1),
    "IN_NETWORK": Style("#F16667", 1),
    "SAME_TEMPLATE": Style("#FFC454", 3),
}
TEMPLATE_ONLY_COLOUR = "#FFC454"  # IN_NETWORK of a member joined through template links alone
NOT_JOINING_COLOUR = "#A5ABB6"  # SAME_TEMPLATE links of a hub template, which join nothing

# Bloom's names for the kinds of property value (as it writes them in exported perspectives; see
# docs/bloom.md for the one that could not be checked).
_DATA_TYPES = {
    model.STRING: "string",
    model.INTEGER: "bigint",
    model.FLOAT: "number",
    model.BOOLEAN: "boolean",
    model.DATETIME: "DateTime",
    model.STRINGS: "array",
    model.INTEGERS: "array",
    model.FLOATS: "array",
}


@dataclass(frozen=True, slots=True)
class Parameter:
    """A search phrase's parameter, offered with suggestions from one property of one label when given."""

    name: str
    suggestion_label: str | None = None
    suggestion_property: str | None = None


@dataclass(frozen=True, slots=True)
class SearchPhrase:
    """A question an analyst types into Bloom's search bar; `text` holds its `$parameters`."""

    name: str
    text: str
    query: str
    parameters: tuple[Parameter, ...] = ()


@dataclass(frozen=True, slots=True)
class SceneAction:
    """A query run from the context menu on what is selected: nodes ($nodes) or relationships
    ($relationships), given by element id."""

    name: str
    query: str


SEARCH_PHRASES: tuple[SearchPhrase, ...] = (
    SearchPhrase(
        "Network of an identifier", "Network of $identifier", "network_of", (Parameter("identifier"),)
    ),
    SearchPhrase(
        "Cross-border networks in a country",
        "Cross-border networks in $country",
        "cross_border_networks",
        (Parameter("country", "Country", "key"),),
    ),
    SearchPhrase(
        "Accounts sharing a payment tag",
        "Accounts sharing a payment tag with $account",
        "accounts_sharing_payment_tag",
        (Parameter("account", "Account", "handle"),),
    ),
    SearchPhrase(
        "What links two nodes", "What links $a and $b", "what_links", (Parameter("a"), Parameter("b"))
    ),
    SearchPhrase(
        "Adverts of a network",
        "Adverts of network $id",
        "network_adverts",
        (Parameter("id", "Network", "id"),),
    ),
)

SCENE_ACTIONS: tuple[SceneAction, ...] = (
    SceneAction("Expand to its network", "expand_to_network"),
    SceneAction("Show the evidence", "show_evidence"),
)


@cache
def query(name: str) -> str:
    """The text of `cypher/bloom/<name>.cypher`, header comment included (Neo4j ignores `//` lines)."""
    if not _QUERY_NAME.fullmatch(name):
        raise cypher.CypherNotFound(f"{name!r} is not a query name (lower case letters, digits and _)")
    path = cypher.queries() / QUERY_FOLDER / f"{name}.cypher"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise cypher.CypherNotFound(f"no Bloom query named {name!r}: {path} does not exist") from None


def parameters(text: str) -> set[str]:
    """The `$parameters` a query uses, its `//` comment lines aside."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return set(_PARAMETER.findall(body))


def perspective() -> dict[str, Any]:
    """The perspective, as the JSON object Bloom imports. Raises ValueError when a search phrase's text
    and its query disagree on their parameters, or a scene action's query reads none of the selection."""
    return {
        "name": NAME,
        "id": ID,
        "categories": [_category(index, label) for index, label in enumerate(model.LABELS, start=1)],
        "relationshipTypes": [_relationship_type(r) for r in model.RELATIONSHIPS],
        "palette": {"colors": list(PALETTE), "currentIndex": len(model.LABELS) % len(PALETTE)},
        "createdAt": CREATED_AT,
        "lastEditedAt": CREATED_AT,
        "templates": [_template(index, phrase) for index, phrase in enumerate(SEARCH_PHRASES)],
        "sceneActions": [_scene_action(index, action) for index, action in enumerate(SCENE_ACTIONS)],
        "hiddenRelationshipTypes": [],
        "hiddenCategories": [],
        # The bookkeeping labels (ingest runs, API keys, leases) stay out of an analyst's scenes.
        "hideUncategorisedData": True,
        "parentPerspectiveId": None,
        "labels": {label.name: _label_properties(label) for label in model.LABELS},
        "metadata": _metadata(),
        "version": FORMAT_VERSION,
        "isAuto": False,
    }


def perspective_json() -> str:
    """The perspective as the text of `cypher/bloom/crosslink.json`, ending with a newline."""
    return json.dumps(perspective(), ensure_ascii=False, indent=2) + "\n"


def _category(index: int, label: model.Label) -> dict[str, Any]:
    style = STYLES[label.name]
    return {
        "id": index,
        "name": label.name,
        "color": style.colour,
        "size": style.size,
        "icon": style.icon,
        "labels": [label.name],
        "properties": [
            {
                "name": p.name,
                "exclude": p.internal,
                "isCaption": p.name in label.caption,
                "dataType": _DATA_TYPES[p.kind],
            }
            for p in label.properties
        ],
        "caption": [""],
        "createdAt": CREATED_AT,
        "lastEditedAt": CREATED_AT,
        "styleRules": _category_rules(label),
    }


def _category_rules(label: model.Label) -> list[dict[str, Any]]:
    """Wallets told apart from other payment tags, and hubs greyed, by rules on their properties."""
    rules = []
    if label is model.PAYMENT_TAG:
        rules += [
            _rule(f"wallet-{scheme}", "scheme_string", "equals", WALLET_COLOUR, size=2, value=scheme)
            for scheme in model.WALLET_SCHEMES
        ]
    if label.name in model.IDENTIFIERS:
        rules.append(_rule(f"hub-{label.name.lower()}", "hub_boolean", "is-true", HUB_COLOUR))
    return rules


def _rule(
    name: str,
    based_on: str,
    condition: str,
    colour: str,
    *,
    size: float | None = None,
    value: str | None = None,
) -> dict[str, Any]:
    """A "single" style rule: one colour (and size, when given) for the elements meeting one condition
    on one property (`based_on` is the property's name and Bloom data type, as Bloom writes it)."""
    rule: dict[str, Any] = {
        "id": f"rule:{name}",
        "type": "single",
        "basedOn": based_on,
        "condition": condition,
        "color": colour,
        "applyColor": True,
        "size": size if size is not None else 1,
        "applySize": size is not None,
    }
    if value is not None:
        rule["conditionValue"] = value
    return rule


def _relationship_type(relationship: model.Relationship) -> dict[str, Any]:
    style = RELATIONSHIP_STYLES[relationship.name]
    rules = []
    if relationship.name == "IN_NETWORK":
        rules.append(_rule("template-member", "via_string", "equals", TEMPLATE_ONLY_COLOUR, value="template"))
    if relationship.name == "SAME_TEMPLATE":
        rules.append(_rule("template-not-joining", "joins_boolean", "is-false", NOT_JOINING_COLOUR))
    return {
        "id": relationship.name,
        "name": relationship.name,
        "color": style.colour,
        "size": style.size,
        "properties": [_property_key(relationship.name, p) for p in relationship.properties],
        "styleRules": rules,
    }


def _label_properties(label: model.Label) -> list[dict[str, str]]:
    return [_property_key(label.name, p) for p in label.properties]


def _property_key(owner: str, prop: model.Property) -> dict[str, str]:
    return {"propertyKey": prop.name, "type": owner, "dataType": _DATA_TYPES[prop.kind]}


def _metadata() -> dict[str, Any]:
    """What Bloom keeps of the graph's shape: which properties are indexed (it searches by them) and
    which label is linked to which by each relationship type."""
    return {
        "indexes": [
            {
                "label": label.name,
                "type": "native",
                "propertyKeys": [p.name for p in label.properties if p.indexed],
            }
            for label in model.LABELS
        ],
        "pathSegments": [
            {"source": source, "relationshipType": r.name, "target": target}
            for r in model.RELATIONSHIPS
            for source in r.sources
            for target in r.targets
        ],
        "stats": {"labels": {}, "relationshipTypes": {}},
    }


def _template(index: int, phrase: SearchPhrase) -> dict[str, Any]:
    text = query(phrase.query)
    named = {p.name for p in phrase.parameters}
    if set(_PARAMETER.findall(phrase.text)) != named or parameters(text) != named:
        raise ValueError(
            f"search phrase {phrase.text!r}: its text, its parameters ({sorted(named)}) and "
            f"cypher/bloom/{phrase.query}.cypher ({sorted(parameters(text))}) must name the same parameters"
        )
    return {
        "name": phrase.name,
        "id": f"tmpl:{CREATED_AT + index}",
        "createdAt": CREATED_AT,
        "text": phrase.text,
        "cypher": text.rstrip("\n"),
        "params": [
            {
                "name": f"${p.name}",
                "dataType": "String",
                "collapsed": False,
                "suggestionLabel": p.suggestion_label,
                "suggestionProp": p.suggestion_property,
                "suggestionBoolean": False,
                "cypher": None,
            }
            for p in phrase.parameters
        ],
        "hasCypherErrors": False,
    }


def _scene_action(index: int, action: SceneAction) -> dict[str, Any]:
    text = query(action.query)
    if not parameters(text) or not parameters(text) <= {"nodes", "relationships"}:
        raise ValueError(
            f"scene action {action.name!r}: cypher/bloom/{action.query}.cypher must read the selection "
            f"($nodes or $relationships) and nothing else, not {sorted(parameters(text))}"
        )
    return {
        "name": action.name,
        "id": f"action:{CREATED_AT + index}",
        "createdAt": CREATED_AT,
        "text": action.name,
        "cypher": text.rstrip("\n"),
        "params": [],
        "isUpdateQuery": False,
        "hasCypherErrors": False,
    }
