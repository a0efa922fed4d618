"""Accounts, payment tags, bank accounts, wallets, mailboxes and websites a corpus plants.

Each value is made together with its canonical key, computed here by construction (lower case,
Facebook dots and Gmail dots dropped, IBAN compact, ...), never by asking the extractor: the truth
must be able to say when the extractor is wrong. Names that end in a serial number are unique by
construction; names made of words only are checked against the names already given out.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

import base58
import bech32
from Crypto.Hash import keccak
from stdnum import iban, numdb

from graph.synth.unique import Serials, digits_for

PLATFORM_MAX = {"instagram": 30, "tiktok": 24, "x": 15, "telegram": 32, "snapchat": 15, "facebook": 50}
# Separators a platform allows inside a username, the first one preferred.
_SEPARATORS = {
    "instagram": ("_", ".", ""),
    "tiktok": ("_", ".", ""),
    "x": ("_", ""),
    "telegram": ("_", ""),
    "snapchat": ("_", ".", "-", ""),
    "facebook": (".", ""),
}
_WORDY_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Account:
    """An account on a platform. WhatsApp accounts have no name, only an id (the sender)."""

    platform: str
    name: str | None  # as displayed, e.g. "Safe.Travel.UK"; the key lower-cases it
    id: str
    label: str  # the display name shown beside the handle

    @property
    def canonical(self) -> str | None:
        if self.name is None:
            return None
        name = self.name.lower()
        return name.replace(".", "") if self.platform == "facebook" else name

    @property
    def key(self) -> str:
        if self.name is None:
            return f"account:{self.platform}:{self.id}"
        return f"handle:{self.platform}:{self.canonical}"


@dataclass(frozen=True, slots=True)
class PaymentTag:
    """A PayPal.me, Revolut, Cash App or Venmo name, as the owner writes it."""

    scheme: str
    name: str

    @property
    def key(self) -> str:
        return f"payment:{self.scheme}:{self.name.lower()}"


@dataclass(frozen=True, slots=True)
class BankAccount:
    iban: str  # compact, upper case

    @property
    def key(self) -> str:
        return f"payment:iban:{self.iban}"


@dataclass(frozen=True, slots=True)
class Wallet:
    """A crypto address; `form` is btc (base58), bech32, eth or tron."""

    form: str
    address: str  # as written; an eth address may carry EIP-55 capitals

    @property
    def scheme(self) -> str:
        return {"bech32": "btc"}.get(self.form, self.form)

    @property
    def key(self) -> str:
        if self.form in ("eth", "bech32"):
            return f"payment:{self.scheme}:{self.address.lower()}"
        return f"payment:{self.scheme}:{self.address}"


@dataclass(frozen=True, slots=True)
class Mailbox:
    local: str  # as the owner writes it, dots included
    domain: str

    @property
    def key(self) -> str:
        local = self.local.lower()
        if self.domain == "gmail.com":
            local = local.partition("+")[0].replace(".", "")
        return f"email:{local}@{self.domain}"


@dataclass(frozen=True, slots=True)
class Website:
    host: str  # registered domain, lower case
    path: str  # a page on it, e.g. "/booking"

    @property
    def key(self) -> str:
        return f"domain:{self.host}"


Instrument = PaymentTag | BankAccount | Wallet

_MAIL_DOMAINS = (
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "yahoo.com",
    "proton.me",
)
_WEB_SUFFIXES = ("com", "com", "net", "info", "online", "site", "co.uk", "eu", "org", "xyz")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Belgian bank codes that python-stdnum's registry knows (a Belgian IBAN must name a real bank).
_BE_BANKS = ("001", "063", "068", "310", "320", "363", "539", "734", "735", "750", "001", "103")
_GB_BANKS = ("BARC", "HBUK", "LOYD", "NWBK", "MONZ", "REVO", "SRLG", "MIDL")
_STRUCTURE_RE = re.compile(r"(\d+)!([nac])")


class Identities:
    """The factory of everything a network or an advertiser owns, unique across one corpus."""

    def __init__(self, rng: random.Random, *, expected: int) -> None:
        self._rng = rng
        self._suffix_digits = digits_for(expected)
        self._suffixes = Serials(10**self._suffix_digits, rng)
        self._ids = Serials(9 * 10**14, rng)
        self._iban_serials: dict[str, Serials] = {}
        self._wordy: set[str] = set()

    def reserve(self, name: str) -> None:
        """Keep a words-only name (a hub's, a news site's) from being given to anyone else."""
        self._wordy.add(_letters(name))

    # --- names ------------------------------------------------------------------------------------

    def suffix(self) -> str:
        """A number no other name in the corpus ends with."""
        return str(self._suffixes.draw())

    def numeric_id(self) -> str:
        """A 15-digit platform id, unique in the corpus."""
        return str(10**14 + self._ids.draw())

    def brand(self, stems: tuple[str, ...]) -> tuple[list[str], str | None]:
        """The words of a network's brand and, for most, the number that makes it unique.

        About a third of brands are words only (`safe.crossing.uk`), given out once each; the others end
        in a serial (`safecrossing_48213`).
        """
        rng = self._rng
        for _ in range(8):
            words = rng.sample(stems, k=min(len(stems), rng.choice((1, 2, 2, 3))))
            if rng.random() < _WORDY_SHARE and len("".join(words)) >= 6:
                letters = "".join(words)
                if letters not in self._wordy:
                    self._wordy.add(letters)
                    return words, None
        return words, self.suffix()

    def account(self, platform: str, words: list[str], suffix: str | None, label: str) -> Account:
        """An account named after a brand, within the platform's username rules."""
        if platform == "whatsapp":
            return Account(platform, None, self.numeric_id(), label)
        name = self.username(platform, words, suffix)
        if suffix is None and _letters(name) != "".join(words):
            # Cut to fit the platform, a words-only name is no longer the one reserved: number it.
            name = self.username(platform, words, self.suffix())
        return Account(platform, name, self.numeric_id(), label)

    def username(self, platform: str, words: list[str], suffix: str | None) -> str:
        """A username for `platform`: words joined by a separator it allows, the serial last."""
        rng = self._rng
        seps = _SEPARATORS[platform]
        sep = rng.choice(seps)
        limit = PLATFORM_MAX[platform] - (len(suffix) + 1 if suffix else 0)
        kept = list(words)
        while len(kept) > 1 and len(sep.join(kept)) > limit:
            kept.pop()
        body = sep.join(kept)[:limit].rstrip("._-")
        if suffix:
            body += rng.choice(seps) + suffix
        if len(body.replace(".", "")) < 5:  # Telegram and Facebook need five characters
            body += "_official"[: PLATFORM_MAX[platform] - len(body)] if "_" in seps else "official"
            body = body[: PLATFORM_MAX[platform]].rstrip("._-")
        return _styled(rng, body)

    # --- money ------------------------------------------------------------------------------------

    def tag(self, scheme: str, words: list[str], suffix: str | None) -> PaymentTag:
        """A payment tag under each service's naming rules (see graph/identifiers/payment.py)."""
        rng = self._rng
        suffix = suffix or self.suffix()
        if scheme in ("paypal", "cashapp"):  # letters and digits, 20 at most; a cashtag starts with a letter
            name = "".join(w.capitalize() for w in words)[: 20 - len(suffix)] + suffix
        elif scheme == "venmo":
            name = "-".join(w.capitalize() for w in words)[: 29 - len(suffix)].rstrip("-") + "-" + suffix
        else:  # revolut: revtags are lower case, letters, digits and underscores
            name = rng.choice(("", "_")).join(words)[: 31 - len(suffix)] + suffix
        return PaymentTag(scheme, name)

    def bank_account(self, country: str) -> BankAccount:
        """A valid IBAN of `country`; the longest part of its BBAN holds a serial, so none repeats."""
        rng = self._rng
        info = numdb.get("iban").info(country)[0][1]
        parts = [(int(n), kind) for n, kind in _STRUCTURE_RE.findall(info["bban"])]
        serial_at = max(range(len(parts)), key=lambda i: parts[i][0])
        serials = self._iban_serials.get(country)
        if serials is None:
            serials = self._iban_serials[country] = Serials(10 ** parts[serial_at][0], rng)
        serial = str(serials.draw()).zfill(parts[serial_at][0])
        for _ in range(200):
            bban = ""
            for i, (size, kind) in enumerate(parts):
                if i == serial_at:
                    bban += serial
                elif kind == "a" and country == "GB" and i == 0:
                    bban += rng.choice(_GB_BANKS)
                elif kind == "a":
                    bban += "".join(rng.choice(_LETTERS) for _ in range(size))
                else:
                    bban += "".join(rng.choice("0123456789") for _ in range(size))
            if country == "LT":
                bban = "32500" + bban[5:]  # Revolut's Lithuanian bank code, the IBAN most tags sit on
            if country == "BE":
                body = rng.choice(_BE_BANKS) + bban[3:10]
                bban = body + f"{int(body) % 97 or 97:02d}"
            number = iban.calc_check_digits(country + "00" + bban)
            number = country + number + bban
            if iban.is_valid(number):
                return BankAccount(number)
        raise RuntimeError(f"could not make a valid {country} IBAN")

    def wallet(self, form: str) -> Wallet:
        """A crypto address with a correct checksum (random, so unique in practice: 2^160 choices)."""
        payload = self._rng.getrandbits(160).to_bytes(20, "big")
        if form == "btc":
            version = b"\x00" if self._rng.random() < 0.7 else b"\x05"
            return Wallet("btc", base58.b58encode_check(version + payload).decode("ascii"))
        if form == "bech32":
            return Wallet("bech32", bech32.encode("bc", 0, payload))
        if form == "tron":
            return Wallet("tron", base58.b58encode_check(b"\x41" + payload).decode("ascii"))
        address = payload.hex()
        if self._rng.random() < 0.5:
            address = eip55(address)
        return Wallet("eth", "0x" + address)

    # --- mail and web -----------------------------------------------------------------------------

    def mailbox(self, words: list[str], suffix: str | None = None) -> Mailbox:
        rng = self._rng
        suffix = suffix or self.suffix()
        domain = rng.choice(_MAIL_DOMAINS)
        seps = (".", "") if domain == "gmail.com" else (".", "_", "")  # Gmail allows no underscore
        local = rng.choice(seps).join(words) + rng.choice(("", ".")) + suffix
        return Mailbox(local, domain)

    def website(self, words: list[str], path: str = "/") -> Website:
        """A site on a registered domain no one else in the corpus has."""
        rng = self._rng
        for _ in range(20):
            chosen = rng.sample(words, k=min(len(words), rng.choice((2, 3))))
            if len(chosen) < 2:
                chosen.append(rng.choice(("travel", "trip", "europe", "vip", "express")))
            host = "-".join(chosen) + "." + rng.choice(_WEB_SUFFIXES)
            letters = _letters(host)
            if letters not in self._wordy:
                self._wordy.add(letters)
                return Website(host, path)
        return Website("-".join(words[:2] or ["site"]) + "-" + self.suffix() + ".com", path)


def eip55(hex40: str) -> str:
    """An Ethereum address in EIP-55 mixed case (the capitals are its checksum)."""
    digest = keccak.new(digest_bits=256, data=hex40.encode("ascii")).hexdigest()
    return "".join(
        c.upper() if c.isalpha() and int(h, 16) >= 8 else c for c, h in zip(hex40, digest, strict=False)
    )


def media_hash(rng: random.Random) -> str:
    """A media content hash as the collector records it."""
    return "sha256:" + hashlib.sha256(rng.getrandbits(128).to_bytes(16, "big")).hexdigest()


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _styled(rng: random.Random, name: str) -> str:
    """The name as its owner typed it: mostly lower case, sometimes capitalised words."""
    roll = rng.random()
    if roll < 0.7:
        return name
    if roll < 0.95:
        return re.sub(r"(^|[._\-])([a-z])", lambda m: m.group(1) + m.group(2).upper(), name)
    return name.upper() if len(name) <= 12 else name
