"""What a node key says about its node, and how an analyst's typed value becomes one.

Keys carry their kind as a prefix (`phone:+447400123456`, `handle:telegram:dunkirk_crossing`), so the API
can tell an advert from a phone without asking the graph. Typed values are canonicalised by
`graph.identifiers.identify`, exactly as ingest canonicalised the adverts.
"""

from __future__ import annotations

from graph.identifiers import registry
from graph.read.reader import BadInput

# Key prefix -> (node label, the kind an analyst sees).
PREFIXES: dict[str, tuple[str, str]] = {
    "advert": ("Advert", "advert"),
    "handle": ("Account", "handle"),
    "account": ("Account", "handle"),
    "phone": ("Phone", "phone"),
    "payment": ("PaymentTag", "payment"),
    "email": ("Email", "email"),
    "url": ("Link", "url"),
    "domain": ("Domain", "domain"),
    "network": ("Network", "network"),
}
# The kinds of identifier node: every kind the identifier types key under (a wallet's is `payment`).
IDENTIFIER_KINDS = registry.TYPES.kinds


def kind_of(key: str) -> str | None:
    """The kind of node a key names (`phone`, `handle`, `advert`, `network`, ...), or None."""
    found = PREFIXES.get(key.partition(":")[0])
    return found[1] if found else None


def is_key(value: str) -> bool:
    """Whether `value` is written as a node key (`phone:+44...`, `advert:x:123`) rather than raw input."""
    prefix, colon, rest = value.partition(":")
    return bool(colon and rest) and prefix in PREFIXES and not rest.startswith("//")


def identifier_key(
    value: str, *, kind: str | None = None, region: str | None = None, platform: str | None = None
) -> str:
    """The canonical key of an identifier typed by an analyst, as ingest would have written it.

    A value already written as an identifier key is taken as it is. BadInput says why a value cannot be
    read (and what to add: a region for a national number, a platform for a bare handle).
    """
    value = value.strip()
    if not value:
        raise BadInput("the value is empty")
    if len(value) > 2000:
        raise BadInput("the value is longer than 2,000 characters; an identifier is shorter")
    if kind is None and is_key(value) and kind_of(value) in IDENTIFIER_KINDS:
        return value
    try:
        found = registry.identify(value, kind=kind, region=region, platform=platform)
        if found is None and kind is None and platform is not None:  # "@name" or "name" with its platform
            found = registry.identify(value, kind="handle", platform=platform)
    except ValueError as error:
        raise BadInput(str(error)) from None
    if found is None:
        hints = _hints(kind, {"region": region, "platform": platform})
        hint = f"; {' and '.join(hints)}" if hints else ""
        what = f"a valid {kind}" if kind else "a phone number, handle, payment tag, email or link"
        raise BadInput(f"{value!r} is not {what}{hint}")
    return found.key


def _hints(kind: str | None, given: dict[str, str | None]) -> list[str]:
    """What to tell an analyst whose value of `kind` gave no key, as the types that may read it say:
    what to add, in the order of the lookup's arguments `given`, then why such a value gives none."""
    types = registry.TYPES.reading(kind)
    hints = [
        type_.needs[argument]
        for argument, value in given.items()
        if value is None
        for type_ in types
        if argument in type_.needs
    ]
    return hints + [type_.unread_because for type_ in types if type_.unread_because]


def node_key(value: str, *, region: str | None = None, platform: str | None = None) -> str:
    """A node key from a key (`advert:...`, `network:...`, `phone:...`) or from a raw identifier value."""
    value = value.strip()
    if is_key(value):
        return value
    return identifier_key(value, region=region, platform=platform)


def account_key(platform: str, handle: str) -> str:
    """The key of an account from its platform and handle (or, for a WhatsApp author, its id)."""
    platform = platform.strip().lower()
    if platform == "twitter":
        platform = "x"
    handle = handle.strip()
    found = registry.identify(handle, kind="handle", platform=platform) if handle else None
    if found is not None and found.key.startswith(f"handle:{platform}:"):
        return found.key
    if not handle:
        raise BadInput("the handle is empty")
    return f"account:{platform}:{handle.lstrip('@')}"
