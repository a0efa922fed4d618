"""What every identifier kind shares: the found value, and the interface a kind implements.

Each kind (phone, handle, payment, wallet, email, link and domain) is one class that can both *find*
identifiers in an advert and *clean* a single value typed by an analyst, so that a lookup and an
ingest always agree on the canonical key. `registry.TYPES` holds them by name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar

from graph.identifiers.document import Document


@dataclass(frozen=True, slots=True)
class Identifier:
    """One identifier found in an advert.

    `key` is canonical and is also the node key in the graph (`phone:+447400123456`); `value` is the
    form shown to a person; `span` is (start, end) in the original text, so evidence can point at it;
    `rule` names what found it, so a surprising match can be traced; `country` is ISO 3166 alpha-2
    where the identifier itself says it (a phone's calling code, an IBAN's prefix).
    """

    kind: str
    key: str
    value: str
    span: tuple[int, int]
    rule: str
    country: str | None = None

    @property
    def scheme(self) -> str:
        """The part of the key after the kind: a handle's platform, a payment's scheme."""
        return self.key.split(":", 2)[1]

    def __reduce__(self) -> tuple[type[Identifier], tuple[Any, ...]]:
        # Extraction workers send identifiers back pickled; a frozen, slotted dataclass otherwise
        # unpickles through a generic setstate that looks its fields up again for every instance.
        return type(self), tuple(getattr(self, name) for name in _IDENTIFIER_FIELDS)


_IDENTIFIER_FIELDS = tuple(f.name for f in fields(Identifier))


class IdentifierType:
    """One kind of identifier: finds it in a document and cleans a single raw value.

    `name` is what the registry knows the type by and what an analyst names as a kind; `kind` is the
    graph kind of the keys it makes (the key's prefix). They differ where types share a prefix: a
    wallet is looked up as `wallet` but stored, like a payment tag, under `payment:`.
    """

    name: ClassVar[str]
    kind: ClassVar[str]
    # An analyst types some values as adverts write them (`Revolut: @boatpay`, a paypal.me link), so a
    # lookup of this kind reads the value like a tiny advert before cleaning it.
    read_in_context: ClassVar[bool] = False
    # Whether a value typed without a kind may resolve to this one. Not so for a link's url and domain:
    # a pasted wa.me link means the phone it names.
    untyped_match: ClassVar[bool] = True
    # What to tell an analyst whose value, read as this type, gave no key: for a lookup argument the
    # type reads values with (`region`, `platform`), what to add when it was not given ...
    needs: ClassVar[Mapping[str, str]] = {}
    # ... and why a value that looks right may still give none, said whatever was given.
    unread_because: ClassVar[str | None] = None

    def find(self, doc: Document) -> Iterator[Identifier]:
        """Yield identifiers of this kind, claiming their spans in `doc` so later kinds skip them."""
        raise NotImplementedError

    def clean(self, raw: str, *, region: str | None = None, platform: str | None = None) -> Identifier | None:
        """Canonicalise one value as an analyst would type it; None when it is not a valid identifier."""
        raise NotImplementedError
