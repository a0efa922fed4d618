"""The identifier types by name, in the order they read an advert, and the entry points that walk them.

Order matters: a later type never sees text an earlier one claimed. Emails go first (their domains are
not links), then links and their domains (a wa.me number or a post id inside a URL is not a
free-standing phone), payments and wallets (an IBAN's digits are not a phone), handles, and phones last.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter

from graph.identifiers.base import Identifier, IdentifierType
from graph.identifiers.document import Document
from graph.identifiers.email import Email
from graph.identifiers.handle import Handle
from graph.identifiers.link import Domain, Link
from graph.identifiers.payment import Payment
from graph.identifiers.phone import Phone
from graph.identifiers.wallet import Wallet


class UnknownKind(ValueError):
    """A kind named that no type is registered under; the message lists the names there are."""

    def __init__(self, name: str, names: Iterable[str]) -> None:
        super().__init__(f"unknown identifier kind {name!r}; expected one of {', '.join(sorted(names))}")
        self.name = name


class Registry:
    """Identifier types under their unique names, in extraction order.

    `TYPES.get("wallet")` (or `TYPES.wallet`) finds a type by its name, so no caller depends on where a
    type sits in the order; iterating walks the types in the order they read an advert.
    """

    def __init__(self, *types: IdentifierType) -> None:
        by_name: dict[str, IdentifierType] = {}
        for type_ in types:
            if type_.name in by_name:
                raise ValueError(f"two identifier types are registered as {type_.name!r}")
            if hasattr(Registry, type_.name):  # `TYPES.<name>` would find the registry's own attribute
                raise ValueError(f"an identifier type cannot be registered as {type_.name!r}")
            by_name[type_.name] = type_
        self._by_name = by_name
        self._order = tuple(types)

    def __iter__(self) -> Iterator[IdentifierType]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __getattr__(self, name: str) -> IdentifierType:
        # Reached only for names the registry has no attribute of its own for: `TYPES.phone`.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._by_name[name]
        except KeyError:
            raise AttributeError(str(UnknownKind(name, self._by_name))) from None

    def __repr__(self) -> str:
        return f"Registry({', '.join(self.names)})"

    @property
    def names(self) -> tuple[str, ...]:
        """Every registered name, in extraction order: the kinds an analyst can name."""
        return tuple(type_.name for type_ in self._order)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The graph kinds the types' keys fall under (their key prefixes), each once."""
        return tuple(dict.fromkeys(type_.kind for type_ in self._order))

    def get(self, name: str) -> IdentifierType:
        """The type registered as `name`; UnknownKind (a ValueError) names the ones there are."""
        try:
            return self._by_name[name]
        except KeyError:
            raise UnknownKind(name, self._by_name) from None

    def covering(self, name: str) -> tuple[IdentifierType, ...]:
        """The types that clean a value an analyst names as `name`, in extraction order.

        A name that is also a graph kind stands for every type whose keys fall under it (`payment`:
        tags, IBANs and wallets), so an analyst need not know which type made a key; any other name
        (`wallet`) stands for its own type alone.
        """
        named = self.get(name)
        if named.name != named.kind:
            return (named,)
        return tuple(type_ for type_ in self._order if type_.kind == named.kind)

    def reading(self, name: str | None) -> tuple[IdentifierType, ...]:
        """The types a value an analyst types as `name` may be read as (`covering`); for a value typed
        without a kind (None), every type such a value may resolve to (`IdentifierType.untyped_match`)."""
        if name is not None:
            return self.covering(name)
        return tuple(type_ for type_ in self._order if type_.untyped_match)


TYPES = Registry(Email(), Link(), Domain(), Payment(), Wallet(), Handle(), Phone())

# Where an identifier stands, and its kind for two at one place: the order of `occurrences`.
_TEXT_ORDER = attrgetter("span", "kind")

# Kinds a value typed without a kind never resolves to (see `IdentifierType.untyped_match`).
_NOT_UNTYPED = frozenset(type_.kind for type_ in TYPES if not type_.untyped_match)


def extract(text: str, *, platform: str | None = None, region: str | None = None) -> list[Identifier]:
    """Every identifier in an advert's text, once per key (its first occurrence), in text order.

    `platform` is where the advert was posted (a bare @mention is an account there); `region` is the
    country to read national-format phone numbers in, when the source knows it.
    """
    first: dict[str, Identifier] = {}
    for found in occurrences(text, platform=platform, region=region):
        first.setdefault(found.key, found)
    return list(first.values())


def occurrences(text: str, *, platform: str | None = None, region: str | None = None) -> list[Identifier]:
    """Every occurrence of every identifier, repeats included, in text order: the evidence spans."""
    doc = Document(text, platform=platform, region=region)
    found = [identifier for type_ in TYPES for identifier in type_.find(doc)]
    return sorted(found, key=_TEXT_ORDER)


def identify(
    raw: str, *, kind: str | None = None, region: str | None = None, platform: str | None = None
) -> Identifier | None:
    """The identifier an analyst means by a typed value, canonicalised exactly as ingest does.

    `kind` is a registered name (`TYPES.names`): the value is cleaned as that type, or as any type of
    that graph kind (see `Registry.covering`). Without it the value is read like a tiny advert and the
    identifier covering most of it wins, so a pasted wa.me link finds the phone node.
    """
    if kind is not None:
        return _identify_as(TYPES.covering(kind), raw, region=region, platform=platform)
    found = [i for i in extract(raw, platform=platform, region=region) if i.kind not in _NOT_UNTYPED]
    if not found:
        # Bare international digits, which an advert needs a `+` or a cue beside to count as a phone.
        return TYPES.phone.clean(raw, region=region)
    return max(found, key=lambda i: i.span[1] - i.span[0])


def _identify_as(
    types: tuple[IdentifierType, ...], raw: str, *, region: str | None, platform: str | None
) -> Identifier | None:
    """The first of `types` that reads the value: in context first where a type asks, then cleaned."""
    if any(type_.read_in_context for type_ in types):
        kinds = {type_.kind for type_ in types}
        found = [i for i in extract(raw, platform=platform, region=region) if i.kind in kinds]
        if found:
            return found[0]
    for type_ in types:
        cleaned = type_.clean(raw, region=region, platform=platform)
        if cleaned is not None:
            return cleaned
    return None
