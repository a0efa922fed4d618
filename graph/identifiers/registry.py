"""The identifier kinds in the order they read an advert, and the one entry point that walks them.

Order matters: a later kind never sees text an earlier one claimed. Emails go first (their domains are
not links), then links (a wa.me number or a post id inside a URL is not a free-standing phone),
payments and wallets (an IBAN's digits are not a phone), handles, and phones last.
"""

from __future__ import annotations

from graph.identifiers.base import Identifier, IdentifierType
from graph.identifiers.document import Document
from graph.identifiers.email import Email
from graph.identifiers.handle import Handle
from graph.identifiers.link import Link
from graph.identifiers.payment import Payment
from graph.identifiers.phone import Phone
from graph.identifiers.wallet import Wallet

FINDERS: tuple[IdentifierType, ...] = (Email(), Link(), Payment(), Wallet(), Handle(), Phone())

# The kinds an analyst can name when looking a value up, each with the type that cleans it.
CLEANERS: dict[str, IdentifierType] = {
    "phone": FINDERS[5],
    "handle": FINDERS[4],
    "email": FINDERS[0],
    "url": FINDERS[1],
}


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
    found = [identifier for finder in FINDERS for identifier in finder.find(doc)]
    return sorted(found, key=lambda identifier: (identifier.span, identifier.kind))


def identify(
    raw: str, *, kind: str | None = None, region: str | None = None, platform: str | None = None
) -> Identifier | None:
    """The identifier an analyst means by a typed value, canonicalised exactly as ingest does.

    With `kind` the value is cleaned as that kind; without it the value is read like a tiny advert
    and the identifier covering most of it wins, so a pasted wa.me link finds the phone node.
    """
    if kind == "payment":
        found = [i for i in extract(raw, platform=platform, region=region) if i.kind == "payment"]
        if found:
            return found[0]
        # A bare tag typed without its service's name ("$BorderRunner88", "boatpay" with platform=revolut).
        return Payment().clean(raw, platform=platform) or Wallet().clean(raw)
    if kind is not None:
        cleaner = CLEANERS.get(kind)
        if cleaner is None:
            raise ValueError(
                f"unknown identifier kind {kind!r}; expected one of {sorted([*CLEANERS, 'payment'])}"
            )
        return cleaner.clean(raw, region=region, platform=platform)
    found = [i for i in extract(raw, platform=platform, region=region) if i.kind not in ("url", "domain")]
    if not found:
        return Phone().clean(raw, region=region)
    return max(found, key=lambda i: i.span[1] - i.span[0])
