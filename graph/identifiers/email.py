"""Email addresses: `email:<local>@<domain>`, in lower case.

Mail providers ignore case, so an address copied in capitals is the same mailbox. Gmail also ignores
dots and everything after `+` in the local part, and googlemail.com is gmail.com, so those are
removed: `Passports.Fast+orders@googlemail.com` is `passportsfast@gmail.com`. Other providers keep
their dots and tags (they may be different mailboxes). The domain must end in a real public suffix
(the Public Suffix List snapshot bundled with tldextract); a punycode domain is decoded to Unicode as
a link's host is. Addresses are read in ASCII only, the form mail addresses take in adverts.

Addresses are also read from the usual obfuscations: `name [at] domain [dot] com`, `name(at)domain.com`,
and spoken, in the advert languages (`name at gmail dot com`, `name arobase orange point fr`): after the
everyday words "at", "et" and "chez" only for well-known mail providers, so that prose ("meet at noon.
com...") never turns into an address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.identifiers.base import Identifier, IdentifierType
from graph.identifiers.document import Document, fold, fold_case
from graph.identifiers.link import normalise_host, registered_domain

# ASCII only: adverts glue Arabic or Persian words to an address, and such letters never belong to it.
_LOCAL = r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*"
_LABEL = r"[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*"
_START = r"(?<![A-Za-z0-9_.%+\-])"
_PLAIN_RE = re.compile(rf"{_START}(?P<local>{_LOCAL})@(?P<domain>{_LABEL}(?:\.{_LABEL})+)")
# In adverts the search starts at each `@` and reads the local part backwards: faster than the
# pattern above, which tries every position.
_AT_DOMAIN_RE = re.compile(rf"@(?P<domain>{_LABEL}(?:\.{_LABEL})+)")
_LOCAL_RE = re.compile(_LOCAL)
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_%+-.")
_LOCAL_MAX = 64

# `[at]`, `(at)`, `{at}`, `<at>`, `[@]`; `[dot]`, `(.)`, ` dot ` or a plain dot between labels.
_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_BRACKET_AT = rf"{_OPEN}\s*(?:at|@)\s*{_CLOSE}"
# Words for "dot" in the advert languages.
_DOT_WORDS = r"dot|point|punto|punkt|τελεία|chấm|nokta|دوت|نقطه|نقطة"
_DOT = rf"(?:\s*{_OPEN}\s*(?:dot|\.)\s*{_CLOSE}\s*|[^\S\n]+(?:{_DOT_WORDS})[^\S\n]+|\.)"
_BRACKET_AT_RE = re.compile(_BRACKET_AT, re.IGNORECASE)
_DOT_SPLIT_RE = re.compile(_DOT, re.IGNORECASE)

# Providers whose name after a bare ` at ` makes an address (`sara at gmail dot com`).
MAIL_PROVIDERS = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.it yahoo.es ymail.com
    hotmail.com hotmail.co.uk hotmail.fr hotmail.de hotmail.it hotmail.es outlook.com outlook.fr
    outlook.de live.com live.co.uk live.fr msn.com icloud.com me.com aol.com protonmail.com proton.me
    pm.me gmx.com gmx.de gmx.net gmx.fr web.de yandex.ru yandex.com mail.ru inbox.ru bk.ru list.ru
    rambler.ru libero.it orange.fr wanadoo.fr laposte.net free.fr sfr.fr t-online.de seznam.cz wp.pl
    o2.pl onet.pl abv.bg ukr.net qq.com 163.com tutanota.com""".split()
)
# Spoken addresses, in the advert languages: `sara at gmail dot com`, `nadia arobase orange point fr`,
# `marco chiocciola libero punto it`, `kontakt Punkt reisen (at) gmx Punkt de`, `nikos παπάκι yahoo τελεία
# gr`, `thao a còng gmail chấm com`, `ahmet et outlook nokta com`, `omar آت yahoo دوت com`. The local part may
# spell its dots too (`ahmad dot rezaei`). Prose says "at", "et" and "chez" every line, so after them the
# domain must be a known mail provider; the words that only ever mean "@" (`arobase`, `chiocciola`,
# `παπάκι`...) may be followed by any domain written with a word for "dot".
_WEAK_AT = r"at|et|chez"
_STRONG_AT = r"arobase|arroba|chiocciola|παπάκι|a[^\S\n]?còng|آت|اَت|أت"
_AT_WORDS = rf"{_WEAK_AT}|{_STRONG_AT}"
_WORD_DOT = rf"[^\S\n]+(?:{_DOT_WORDS})[^\S\n]+"
_SPOKEN_DOT = rf"(?:{_WORD_DOT}|[^\S\n]*\.[^\S\n]*)"
_PROVIDERS = "|".join(
    _SPOKEN_DOT.join(re.escape(label) for label in domain.split("."))
    for domain in sorted(MAIL_PROVIDERS, key=len, reverse=True)
)
# Bounded repeats: each start of a long run of words costs a few words, so the search stays linear.
_SPOKEN_LOCAL = rf"{_LOCAL}(?:{_WORD_DOT}{_LOCAL}){{0,4}}"
_WORDED_DOMAIN = rf"{_LABEL}(?:{_SPOKEN_DOT}{_LABEL}){{0,5}}{_WORD_DOT}{_LABEL}"
_BRACKETED_RE = re.compile(
    rf"{_START}(?P<local>{_SPOKEN_LOCAL})\s*{_BRACKET_AT}\s*(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})+)",
    re.IGNORECASE,
)
_SPOKEN_AT = rf"[^\S\n]+[(\[]?(?:{_WEAK_AT})[)\]]?[^\S\n]+(?P<domain>{_PROVIDERS})"
_STRONG_SPOKEN_AT = rf"[^\S\n]+[(\[]?(?:{_STRONG_AT})[)\]]?[^\S\n]+(?P<worded>{_PROVIDERS}|{_WORDED_DOMAIN})"
_SPOKEN_RE = re.compile(
    rf"{_START}(?P<local>{_SPOKEN_LOCAL})(?:{_SPOKEN_AT}|{_STRONG_SPOKEN_AT})(?![\w\-]|\.\w)", re.IGNORECASE
)
# A first, cheaper test: a word for "at" between spaces or brackets (a newline let through: it only
# makes the test say yes more often).
_AT_WORD_RE = re.compile(rf"[\s(\[](?:{_AT_WORDS})[\s)\]]")
# Cheap test before the spoken search, in `fold_case(text)`: an everyday word for "at" before a mail
# provider's first label, or a word that only means "@" before a label and a dot or a word for one.
_SPOKEN_HINT_RE = re.compile(
    rf"(?<![^\s(\[])(?:(?:{_WEAK_AT})[)\]]?[^\S\n]+(?:"
    + "|".join(sorted({re.escape(d.split(".")[0]) for d in MAIL_PROVIDERS}))
    + rf")(?![\w\-])|(?:{_STRONG_AT})[)\]]?[^\S\n]+[\w\-]+(?:[^\S\n]*\.|{_WORD_DOT}))",
    re.IGNORECASE,
)
_GMAIL = frozenset({"gmail.com", "googlemail.com"})


def canonical_address(local: str, domain: str) -> str | None:
    """`local@domain` in canonical form, or None when it cannot be a deliverable address."""
    domain = normalise_host(domain)
    if not domain or not registered_domain(domain):
        return None
    local = local.lower()
    if domain in _GMAIL:
        local = local.partition("+")[0].replace(".", "")
        domain = "gmail.com"
    if not local or len(local) > 64:
        return None
    address = f"{local}@{domain}"
    return address if len(address) <= 254 else None


def _domain_from(written: str) -> str:
    """A domain (or a local part) written with `[dot]`, a word for "dot" or spaced dots, as a plain
    dotted name."""
    return ".".join(part.strip() for part in _DOT_SPLIT_RE.split(written) if part.strip())


def _written_domain(match: re.Match[str]) -> str:
    """The domain an obfuscated or spoken address match wrote, whichever alternative found it."""
    return match.group("domain") or match.groupdict().get("worded") or ""


def _plain_address(local: str, domain: str) -> tuple[str, int] | None:
    """The address and how much of the written domain it uses.

    A sentence may follow an address without a space (`a@b.com.Then`): the domain stops before a
    capitalised label after the second (`Sara@Gmail.Com` stays whole), and otherwise at the longest
    prefix that ends in a public suffix.
    """
    labels = domain.split(".")
    for i, label in enumerate(labels[2:], 2):
        if label[:1].isupper() and not label.isupper():
            labels = labels[:i]
            break
    for count in range(len(labels), 1, -1):
        written = ".".join(labels[:count])
        address = canonical_address(local, written)
        if address:
            return address, len(written)
    return None


def _local_start(text: str, at: int) -> int | None:
    """Where the local part that ends at an `@` begins, or None when there is no valid one."""
    limit = max(0, at - _LOCAL_MAX - 1)
    start = at
    while start > limit and text[start - 1] in _LOCAL_CHARS:
        start -= 1
    if start == limit and start > 0 and text[start - 1] in _LOCAL_CHARS:
        return None  # longer than a local part may be
    while start < at and text[start] == ".":
        start += 1
    return start if start < at and _LOCAL_RE.fullmatch(text, start, at) else None


def _token_start(text: str, pos: int) -> int:
    """Where the run of non-space characters that ends at `pos` begins."""
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


class Email(IdentifierType):
    """Email addresses, plain or obfuscated with [at]/(at)/[dot] or spoken for a known provider."""

    name = "email"
    kind = "email"

    def find(self, doc: Document) -> Iterator[Identifier]:
        text = doc.masked()
        if "@" in text:
            yield from self._plain(doc, text)
            text = doc.masked()
        if _BRACKET_AT_RE.search(text):
            yield from self._search(doc, text, _BRACKETED_RE, "email:bracketed")
            text = doc.masked()
        folded = fold_case(text)
        if _AT_WORD_RE.search(folded) and _SPOKEN_HINT_RE.search(folded):
            yield from self._search(doc, text, _SPOKEN_RE, "email:spoken")

    def _plain(self, doc: Document, text: str) -> Iterator[Identifier]:
        for match in _AT_DOMAIN_RE.finditer(text):
            start = _local_start(text, match.start())
            if start is None or "://" in text[_token_start(text, start) : start]:
                continue  # no local part, or the user part of a link (https://user@host)
            found = _plain_address(text[start : match.start()], match.group("domain"))
            if found:
                address, used = found
                yield self._make(doc, start, match.start("domain") + used, address, "email")

    def _search(self, doc: Document, text: str, pattern: re.Pattern[str], rule: str) -> Iterator[Identifier]:
        for match in pattern.finditer(text):
            local = _domain_from(match.group("local"))
            address = canonical_address(local, _domain_from(_written_domain(match)))
            if address:
                yield self._make(doc, match.start(), match.end(), address, rule)

    def _make(self, doc: Document, start: int, end: int, address: str, rule: str) -> Identifier:
        """Claim an address's span and build its identifier."""
        doc.claim(start, end)
        span = doc.original_span(start, end)
        return Identifier(self.kind, f"email:{address}", doc.original[span[0] : span[1]], span, rule)

    def clean(self, raw: str, *, region: str | None = None, platform: str | None = None) -> Identifier | None:
        text = fold(raw.strip())[0].strip()
        text = text[7:] if text.lower().startswith("mailto:") else text
        for pattern in (_PLAIN_RE, _BRACKETED_RE, _SPOKEN_RE):
            match = pattern.fullmatch(text)
            if match:
                address = canonical_address(
                    _domain_from(match.group("local")), _domain_from(_written_domain(match))
                )
                if address:
                    return Identifier(self.kind, f"email:{address}", raw.strip(), (0, len(raw)), "clean")
        return None
