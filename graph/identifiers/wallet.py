"""Crypto wallets: `payment:btc:<address>`, `payment:eth:<0x address>`, `payment:tron:<address>`.

Every address carries a checksum, and only addresses that pass it become keys: a changed character is
a different (usually unusable) wallet, and a random-looking token is not a wallet at all. Base58
addresses (bitcoin P2PKH/P2SH, TRON) are case-sensitive and kept as written; bech32 bitcoin addresses
and Ethereum addresses are case-insensitive and keyed in lower case. A mixed-case Ethereum address
encodes an EIP-55 checksum in its capitals; when that checksum fails the address was mistyped and is
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import base58
import bech32
from Crypto.Hash import keccak

from graph.identifiers.base import Identifier, IdentifierType
from graph.identifiers.document import Document, fold

_B58 = r"[1-9A-HJ-NP-Za-km-z]"
_BECH32 = r"[02-9ac-hj-np-zAC-HJ-NP-Z]"
_PATTERNS = {
    "eth": r"0x[0-9A-Fa-f]{40}",
    "bech32": r"(?:bc1|BC1)" + _BECH32 + r"{11,71}",
    "tron": r"T" + _B58 + r"{33}",
    "base58": r"[13]" + _B58 + r"{25,34}",
}
_FULL = {name: re.compile(p) for name, p in _PATTERNS.items()}
# Whole tokens only: an address inside a longer run of letters and digits is something else. The
# shortest address in use (P2PKH) has 26 characters, so only runs that long are looked at.
_RUN_RE = re.compile(r"[A-Za-z0-9]{26,}")

_BECH32M_CONST = 0x2BC830A3  # BIP 350; witness version 0 keeps bech32's constant 1


def _base58_payload(address: str) -> bytes | None:
    """The version byte and hash of a base58check address, or None when the checksum fails."""
    try:
        payload = base58.b58decode_check(address)
    except ValueError:
        return None
    return payload if len(payload) == 21 else None


def _segwit_ok(address: str) -> bool:
    """True for a mainnet segwit address with a valid bech32 (v0) or bech32m (v1+) checksum."""
    if address != address.lower() and address != address.upper():
        return False
    address = address.lower()
    sep = address.rfind("1")
    if address[:sep] != "bc" or len(address) > 90 or sep + 7 > len(address):
        return False
    data = [bech32.CHARSET.find(c) for c in address[sep + 1 :]]
    if -1 in data or data[0] > 16:
        return False
    expected = 1 if data[0] == 0 else _BECH32M_CONST
    if bech32.bech32_polymod(bech32.bech32_hrp_expand("bc") + data) != expected:
        return False
    program = bech32.convertbits(data[1:-6], 5, 8, False)
    if program is None or not 2 <= len(program) <= 40:
        return False
    return data[0] != 0 or len(program) in (20, 32)


def _eip55_ok(address: str) -> bool:
    """True when an Ethereum address is single-case or its capitals match the EIP-55 checksum."""
    hex40 = address[2:]
    letters = [c for c in hex40 if c.isalpha()]
    if all(c.islower() for c in letters) or all(c.isupper() for c in letters):
        return True
    digest = keccak.new(digest_bits=256, data=hex40.lower().encode("ascii")).hexdigest()
    return all(
        c.isupper() == (int(h, 16) >= 8) for c, h in zip(hex40, digest[:40], strict=True) if c.isalpha()
    )


def _form(token: str) -> str | None:
    """Which address form a token has the shape of (see `_PATTERNS`), or None."""
    for form, pattern in _FULL.items():
        if pattern.fullmatch(token):
            return form
    return None


def wallet_key(form: str, address: str) -> str | None:
    """The key for an address of a given form (see `_PATTERNS`), or None when its checksum fails."""
    if form == "eth":
        return f"payment:eth:{address.lower()}" if _eip55_ok(address) else None
    if form == "bech32":
        return f"payment:btc:{address.lower()}" if _segwit_ok(address) else None
    payload = _base58_payload(address)
    if payload is None:
        return None
    if form == "tron":
        return f"payment:tron:{address}" if payload[0] == 0x41 else None
    return f"payment:btc:{address}" if payload[0] in (0x00, 0x05) else None


class Wallet(IdentifierType):
    """Bitcoin (base58 P2PKH/P2SH, bech32/bech32m), Ethereum (EIP-55) and TRON addresses."""

    name = "wallet"
    kind = "payment"  # wallets share the payment: prefix with tags and IBANs

    def find(self, doc: Document) -> Iterator[Identifier]:
        text = doc.masked()
        for match in _RUN_RE.finditer(text):
            address = match.group()
            form = _form(address)
            key = wallet_key(form, address) if form else None
            if key is None:
                continue
            start, end = match.span()
            doc.claim(start, end)
            span = doc.original_span(start, end)
            yield Identifier(self.kind, key, doc.original[span[0] : span[1]], span, f"wallet:{form}")

    def clean(self, raw: str, *, region: str | None = None, platform: str | None = None) -> Identifier | None:
        text = fold(raw.strip())[0].strip()
        form = _form(text)
        key = wallet_key(form, text) if form else None
        return Identifier(self.kind, key, raw.strip(), (0, len(raw)), "clean") if key else None
