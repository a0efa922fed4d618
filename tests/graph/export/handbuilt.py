"""A subgraph built by hand for the FtM and i2 writers' tests: every node kind, edge type and payment
scheme an export can hold, with the evidence spans found in the adverts' texts."""

from __future__ import annotations

from typing import Any

from graph.export import Edge, Evidence, Node, Subgraph

NETWORK = "n-handbuilt"
TEXTS = {
    "advert:facebook:1": (
        "Boat to UK from Dunkirk, call +44 7400 123456 or Telegram @dunkirk_crossing. "
        "Pay IBAN GB33BUKB20201555555555, revolut: boatpay, BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq. "
        "Details https://example.org/boats. Questions crossinghelp@gmail.com"
    ),
    "advert:telegram:2": (
        "Channel crossing tonight. Call 07400 123456. PayPal @boatmoney, "
        "ETH 0x52908400098527886E0F7030069857D2E4169EE7. Help crossinghelp@gmail.com"
    ),
    "advert:whatsapp:3": "Safe trip to England, +44 7400 123456",
}


def _common(**extra: Any) -> dict[str, Any]:
    return {"hub": False, "hub_reason": None, "network": NETWORK, **extra}


def _advert(key: str, platform: str, posted_at: str, lang: str, region: str) -> Node:
    text = TEXTS[key]
    props = _common(
        platform=platform,
        post_id=key.rsplit(":", 1)[-1],
        url=f"https://{platform}.example/{key.rsplit(':', 1)[-1]}",
        text=text,
        posted_at=posted_at,
        lang=lang,
        region=region,
        smuggling_score=0.8,
        via="identifier",
    )
    return Node(key, "Advert", text[:40], props)


def _mention(advert: str, target: str, *written: str) -> Edge:
    text = TEXTS[advert]
    evidence = []
    for value in written:
        start = text.index(value)
        evidence.append(Evidence(advert, text, start, start + len(value), value))
    return Edge(
        f"MENTIONS:{advert}->{target}", advert, target, "MENTIONS", {"count": len(written)}, tuple(evidence)
    )


def _edge(kind: str, source: str, target: str, **props: Any) -> Edge:
    return Edge(f"{kind}:{source}->{target}", source, target, kind, props, ())


NODES = (
    _advert("advert:facebook:1", "facebook", "2026-03-01T10:00:00+00:00", "en", "FR"),
    _advert("advert:telegram:2", "telegram", "2026-03-02T11:30:00+00:00", "en", "FR"),
    _advert("advert:whatsapp:3", "whatsapp", "2026-03-03T08:15:00+00:00", "en", "GB"),
    Node(
        "handle:facebook:alice.boats",
        "Account",
        "@alice.boats (facebook)",
        _common(platform="facebook", handle="alice.boats", name="Alice Boats"),
    ),
    Node(
        "handle:telegram:dunkirk_crossing",
        "Account",
        "@dunkirk_crossing (telegram)",
        _common(platform="telegram", handle="dunkirk_crossing", name=None),
    ),
    Node(
        "account:whatsapp:99887766",
        "Account",
        "whatsapp account 99887766",
        _common(platform="whatsapp", handle=None, name="Trips"),
    ),
    Node("phone:+447400123456", "Phone", "+447400123456", _common(e164="+447400123456", country="GB")),
    Node(
        "email:crossinghelp@gmail.com",
        "Email",
        "crossinghelp@gmail.com",
        {
            **_common(address="crossinghelp@gmail.com"),
            "hub": True,
            "hub_reason": "help desk of many groups",
            "network": None,
        },
    ),
    Node(
        "payment:iban:GB33BUKB20201555555555",
        "PaymentTag",
        "iban: GB33BUKB20201555555555",
        _common(scheme="iban", value="GB33BUKB20201555555555", country="GB"),
    ),
    Node(
        "payment:revolut:boatpay",
        "PaymentTag",
        "revolut: boatpay",
        _common(scheme="revolut", value="boatpay", country=None),
    ),
    Node(
        "payment:paypal:boatmoney",
        "PaymentTag",
        "paypal: boatmoney",
        _common(scheme="paypal", value="boatmoney", country=None),
    ),
    Node(
        "payment:btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "PaymentTag",
        "btc: bc1qar0s…",
        _common(scheme="btc", value="bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", country=None),
    ),
    Node(
        "payment:eth:0x52908400098527886e0f7030069857d2e4169ee7",
        "PaymentTag",
        "eth: 0x5290…",
        _common(scheme="eth", value="0x52908400098527886e0f7030069857d2e4169ee7", country=None),
    ),
    Node(
        "url:https://example.org/boats",
        "Link",
        "https://example.org/boats",
        _common(url="https://example.org/boats"),
    ),
    Node("domain:example.org", "Domain", "example.org", _common(domain="example.org")),
    Node("FR", "Country", "FR", _common(code="FR", network=None)),
    Node("GB", "Country", "GB", _common(code="GB", network=None)),
)

EDGES = (
    _edge("POSTED", "handle:facebook:alice.boats", "advert:facebook:1"),
    _edge("POSTED", "handle:telegram:dunkirk_crossing", "advert:telegram:2"),
    _edge("POSTED", "account:whatsapp:99887766", "advert:whatsapp:3"),
    _mention("advert:facebook:1", "phone:+447400123456", "+44 7400 123456"),
    _mention("advert:facebook:1", "handle:telegram:dunkirk_crossing", "@dunkirk_crossing"),
    _mention("advert:facebook:1", "payment:iban:GB33BUKB20201555555555", "GB33BUKB20201555555555"),
    _mention("advert:facebook:1", "payment:revolut:boatpay", "revolut: boatpay"),
    _mention(
        "advert:facebook:1",
        "payment:btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    ),
    _mention("advert:facebook:1", "url:https://example.org/boats", "https://example.org/boats"),
    _mention("advert:facebook:1", "domain:example.org", "https://example.org/boats"),
    _mention("advert:facebook:1", "email:crossinghelp@gmail.com", "crossinghelp@gmail.com"),
    _mention("advert:telegram:2", "phone:+447400123456", "07400 123456"),
    _mention("advert:telegram:2", "payment:paypal:boatmoney", "PayPal @boatmoney"),
    _mention(
        "advert:telegram:2",
        "payment:eth:0x52908400098527886e0f7030069857d2e4169ee7",
        "0x52908400098527886E0F7030069857D2E4169EE7",
    ),
    _mention("advert:telegram:2", "email:crossinghelp@gmail.com", "crossinghelp@gmail.com"),
    _mention("advert:whatsapp:3", "phone:+447400123456", "+44 7400 123456"),
    _edge("IN_COUNTRY", "advert:facebook:1", "FR"),
    _edge("IN_COUNTRY", "advert:telegram:2", "FR"),
    _edge("IN_COUNTRY", "advert:whatsapp:3", "GB"),
    _edge("IN_COUNTRY", "phone:+447400123456", "GB"),
    _edge("IN_COUNTRY", "payment:iban:GB33BUKB20201555555555", "GB"),
    _edge("ON_DOMAIN", "url:https://example.org/boats", "domain:example.org"),
    _edge(
        "SAME_TEMPLATE",
        "advert:facebook:1",
        "advert:telegram:2",
        similarity=0.82,
        joins=False,
        reason="hub template",
    ),
)

SUBGRAPH = Subgraph(
    title=f"network {NETWORK}",
    nodes=NODES,
    edges=EDGES,
    networks=({"id": NETWORK, "score": 0.7, "size": 6},),
    truncated=False,
)
