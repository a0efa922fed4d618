"""Links: `url:<canonical url>` and `domain:<registered domain>`, and what a platform link names.

Canonical URL: scheme and host in lower case, `https` when no scheme was written, no userinfo, no
default port, no fragment, tracking parameters (utm_*, fbclid, igsh, ...) dropped and the other query
parameters kept as written and in order, an empty path written `/`. The same link pasted from two
phones, with different tracking tags or capitals in the host, is then one node.

Hosts are kept in Unicode: punycode (`xn--bcher-kva.de`) is decoded with IDNA 2008/UTS 46, so the
punycode and the Unicode spelling of a host give one key, and the key reads as the advert does. The
domain is the name registered under a public suffix, private suffixes of the Public Suffix List
included (`sara.blogspot.com`, not `blogspot.com`), so unrelated sites on one hosting service do not
collapse into one node. Platform and payment hosts (facebook.com, wa.me, paypal.me, ...) give no
domain node: half the adverts link to them, and the account the link names is the real identifier.

A profile link (wa.me/<number>, t.me/<name>, instagram.com/<name>, paypal.me/<name>, ...) also yields
the phone, handle or payment it names, with the link's span and a rule naming the link form; those
keys are made by the phone, handle and payment types (looked up in the registry by name) so each
kind's rules live in one place. `Link` is registered as `url`, `Domain` as `domain`.
The Public Suffix List is the snapshot bundled with tldextract; it is never fetched.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import parse_qsl, unquote, unquote_plus, urlsplit

import idna
import tldextract

from graph.identifiers.base import Identifier, IdentifierType
from graph.identifiers.document import Document, fold
from graph.identifiers.handle import label_before

if TYPE_CHECKING:
    from graph.identifiers.registry import Registry

# Bundled PSL snapshot only: no suffix list URL and no disk cache, so nothing is fetched or written.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)

# Characters a URL may hold (RFC 3986 plus Unicode letters and digits, as adverts write IRIs).
_URL_CHAR = r"[\w\-.~:/?#\[\]@!$&'()*+,;=%]"
_LABEL = r"[^\W_]+(?:-+[^\W_]+)*"
_HOST = rf"{_LABEL}(?:\.{_LABEL})+"
_HOST_RE = re.compile(_HOST)
_PORT_AND_PATH = rf"(?::\d{{1,5}})?(?:[/?#]{_URL_CHAR}*)?"
_LINK_RE = re.compile(
    rf"(?P<scheme>(?<![A-Za-z0-9+.\-])(?i:https?|ftp|whatsapp|viber|tg)://{_URL_CHAR}+)"
    rf"|(?P<www>(?<![\w@.\-/$#])(?i:www)\.{_HOST}{_PORT_AND_PATH})"
    rf"|(?P<bare>(?<![\w@.\-/$#]){_HOST}{_PORT_AND_PATH})"
)
# Sentence punctuation that ends a link rather than belonging to it.
# Sentence punctuation after a link, and an empty fragment (`#`), which names nothing: dropped, so that a
# link's key is the one its own canonical form cleans to (`site.com/a.#` and `site.com/a.` are `site.com/a`).
_TRAILING = ".,;:!?)]}'\"#"
_CLOSERS = {")": "(", "]": "[", "}": "{"}

_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}
_WEB_SCHEMES = frozenset(_DEFAULT_PORTS)
_TRACKING = frozenset(
    """fbclid gclid dclid msclkid igshid igsh si mibextid ref_src ref _ga _gl mc_cid mc_eid yclid ttclid
    wbraid gbraid""".split()
)
_X_HOSTS = frozenset({"x.com", "twitter.com", "mobile.twitter.com", "www.x.com", "www.twitter.com"})

# Registered domains shared by everyone: a link to them names an account, never the advertiser's site.
SHARED_DOMAINS = frozenset(
    """facebook.com fb.com fb.me fb.watch messenger.com m.me instagram.com instagr.am tiktok.com x.com
    twitter.com t.co t.me telegram.me telegram.dog telegram.org wa.me whatsapp.com viber.com snapchat.com
    paypal.me paypal.com revolut.me revolut.com cash.app cash.me venmo.com wise.com youtube.com youtu.be
    google.com goo.gl bit.ly tinyurl.com linktr.ee""".split()
)

# Sub-hosts that show the same profile pages as the bare platform host.
_MIRROR_PREFIXES = ("www.", "m.", "mobile.", "web.", "mbasic.", "touch.", "business.", "account.")

# First path segments that are site pages, not account names.
_NOT_TELEGRAM = frozenset(
    """joinchat c share addstickers addemoji addtheme addlist proxy socks setlanguage iv bg login
    invoice confirmphone contact m giftcode boost""".split()
)
_NOT_INSTAGRAM = frozenset(
    """p reel reels tv explore accounts direct about developer legal web challenge s ar emails privacy
    session oauth api static""".split()
)
_NOT_X = frozenset(
    """i home search intent hashtag explore notifications messages settings share login logout signup
    tos privacy compose about download account jobs""".split()
)
_NOT_FACEBOOK = frozenset(
    """groups pages events share sharer watch photo photos permalink story posts reel reels marketplace
    gaming help login hashtag dialog plugins media videos stories notes messages friends search settings
    privacy policies legal business ads pg public fundraisers live bookmarks tr l""".split()
)
_NOT_VENMO = frozenset(
    """account about legal signup sign-in login business code settings referral resources info careers
    blog pay payment-links""".split()
)
_DIGITS_RE = re.compile(r"\+?(\d{6,15})")
# A word (a run of what str.split keeps) in which a `.` or a `/` stands before more of the word, read
# from the white space in front of it. Every link has one (`://`, `www.x`, `name.suffix`), so a word
# whose only dot ends a sentence is passed over. The first `.` or `/` decides: when it ends the word it
# is the only one. Starting at white space lets the search skip from one space to the next, and the
# possessive run never rereads a word, so a text is read in linear time.
_LINK_WORD_RE = re.compile(r"\s[^\s./]*+[./]\S+")
# Where a link's host ends.
_HOST_END_RE = re.compile(r"[:/?#]")


class _Parsed(NamedTuple):
    """A link taken apart after canonicalisation."""

    url: str
    scheme: str
    host: str
    path: str
    query: str


@lru_cache(maxsize=65536)
def normalise_host(host: str) -> str:
    """Lower-case host with punycode labels decoded to Unicode (IDNA 2008, UTS 46 mapping)."""
    host = host.strip().rstrip(".")
    if host.isascii() and "xn--" not in host.lower():
        # No punycode label: UTS 46 maps ASCII to its lower case and a label IDNA refuses falls back to
        # the lower case below, so either way the answer is the lower case, without the IDNA checks.
        return host.lower()
    try:
        return idna.decode(host, uts46=True)
    except (idna.IDNAError, UnicodeError, ValueError):
        return host.lower()


@lru_cache(maxsize=65536)
def registered_domain(host: str) -> str:
    """The domain registered under a public suffix (PSL private suffixes included), or ''."""
    found = _EXTRACT.extract_str(host)
    if not found.registry_suffix:
        return ""
    if found.top_domain_under_public_suffix:
        return found.top_domain_under_public_suffix
    # The host is itself a private suffix (`blogspot.com`): its owner registered it under the ICANN one.
    return _EXTRACT.extract_str(host, include_psl_private_domains=False).top_domain_under_public_suffix


@lru_cache(maxsize=4096)
def _is_ip(host: str) -> bool:
    """True for an IPv4 or IPv6 literal."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _is_latin(ch: str) -> bool:
    """True for ASCII and the Latin-1 / Latin Extended letters that hosts and paths use.

    Judged on the character a host name maps it to: the micro sign `µ` becomes the Greek `μ`.
    """
    return unicodedata.normalize("NFKC", ch)[:1] < "\u0250"


def _script_cut(candidate: str) -> tuple[int, int]:
    """The part of a candidate that is in one script, as (start, end).

    Adverts glue words to links without a space (`للتواصلwa.me/447400123456`, `boats-uk.comبرای`); a
    switch between Latin and another script inside a run of letters and digits ends the link there.
    A digit after a non-Latin letter is no switch (`صفحة1`), nor is a switch next to punctuation
    (`wikipedia.org/wiki/عربي`).
    """
    if candidate.isascii():
        return 0, len(candidate)
    start, end = 0, len(candidate)
    for i in range(1, len(candidate)):
        before, ch = candidate[i - 1], candidate[i]
        if not (before.isalnum() and ch.isalnum()) or _is_latin(before) == _is_latin(ch):
            continue
        if not _is_latin(before) and ch.isdigit():
            continue
        if start == 0 and not any(c in "./:" for c in candidate[:i]):
            start = i  # a word glued in front of the link
            continue
        end = i
        break
    return start, end


def _trim(candidate: str) -> str:
    """Drop sentence punctuation after a link; keep a closing bracket that the link itself opened."""
    while candidate and candidate[-1] in _TRAILING:
        last = candidate[-1]
        opener = _CLOSERS.get(last)
        if opener and candidate.count(opener) >= candidate.count(last):
            break
        candidate = candidate[:-1]
    return candidate


def _is_tracking(name: str, host: str) -> bool:
    """True for a query parameter that only says where a click came from."""
    return (
        name in _TRACKING
        or name.startswith("utm_")
        or name.startswith("__")  # Facebook's __cft__[0], __tn__, __xts__
        or (name == "s" and host in _X_HOSTS)
    )


def _clean_query(query: str, host: str) -> str:
    """The query without tracking parameters, the others as written and in order."""
    kept = []
    for piece in query.split("&"):
        if piece and not _is_tracking(unquote_plus(piece.partition("=")[0]).lower(), host):
            kept.append(piece)
    return "&".join(kept)


def _upper_escapes(text: str) -> str:
    """Percent escapes in upper case (`%2b` and `%2B` are the same byte)."""
    if "%" not in text:
        return text
    return re.sub(r"%[0-9a-fA-F]{2}", lambda m: m.group().upper(), text)


@lru_cache(maxsize=16384)
def canonical_url(raw: str) -> _Parsed | None:
    """Canonicalise one link; None when it has no usable host (web links need a real public suffix)."""
    text = raw.strip()
    head = text[:12].lower()
    if "://" not in head:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    netloc = parts.netloc.rpartition("@")[2]
    host = netloc.rpartition(":")[0] if ":" in netloc and not netloc.endswith("]") else netloc
    host = normalise_host(host)
    if scheme in _WEB_SCHEMES:
        if not host or (host.rpartition(".")[2].isdigit() and not _is_ip(host)):
            return None
        if not (_is_ip(host) or registered_domain(host)):
            return None
        path = parts.path or "/"
    else:  # app links (whatsapp://send?phone=...) have a verb for a host and often no path
        host = host.lower()
        path = parts.path
    if _is_ip(host) and ":" in host and not host.startswith("["):
        host = f"[{host}]"
    authority = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    path = _upper_escapes(path)
    query = _upper_escapes(_clean_query(parts.query, host))
    # Without the fragment and tracking parameters, a link may end in what reads as sentence punctuation
    # (`site.com/a.#top`); dropped as it is from a link in text, so that the key cleans to itself.
    if query:
        query = _trim(query)
    elif path != "/":
        path = _trim(path) or "/"
    url = f"{scheme}://{authority}{path}" + (f"?{query}" if query else "")
    return _Parsed(url, scheme, host, path, query)


def _site(host: str) -> str:
    """The host with mirror prefixes (www., m., web., ...) removed."""
    changed = True
    while changed:
        changed = False
        for prefix in _MIRROR_PREFIXES:
            if host.startswith(prefix) and host.count(".") > 1:
                host = host[len(prefix) :]
                changed = True
    return host


def _param(query: str, name: str) -> str | None:
    """The first value of a query parameter."""
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key.lower() == name:
            return value
    return None


def _phone_digits(value: str | None) -> str | None:
    """The digits of a phone written in a link parameter, when there are enough of them."""
    if not value:
        return None
    digits = re.sub(r"\D", "", value)
    return digits if 6 <= len(digits) <= 15 else None


def platform_target(parsed: _Parsed) -> tuple[str, str, str, str] | None:
    """What a platform link names: (kind, raw value, platform or payment scheme, rule), or None."""
    scheme, query = parsed.scheme, parsed.query
    segments = [unquote(s) for s in parsed.path.split("/") if s]
    first = segments[0] if segments else ""
    second = segments[1] if len(segments) > 1 else ""
    low = first.lower()

    if scheme == "whatsapp":
        digits = _phone_digits(_param(query, "phone")) if parsed.host == "send" else None
        return ("phone", digits, "whatsapp", "link:whatsapp://send") if digits else None
    if scheme == "viber":
        digits = _phone_digits(_param(query, "number")) if parsed.host == "chat" else None
        return ("phone", digits, "viber", "link:viber://chat") if digits else None
    if scheme == "tg":
        if parsed.host != "resolve":
            return None
        digits = _phone_digits(_param(query, "phone"))
        if digits:
            return ("phone", digits, "telegram", "link:tg://resolve")
        name = _param(query, "domain")
        return ("handle", name, "telegram", "link:tg://resolve") if name else None
    if scheme not in _WEB_SCHEMES:
        return None

    site = _site(parsed.host)
    if site == "wa.me":
        match = _DIGITS_RE.fullmatch(first)
        return ("phone", match.group(1), "whatsapp", "link:wa.me") if match else None
    if site in ("api.whatsapp.com", "whatsapp.com"):
        digits = _phone_digits(_param(query, "phone")) if low == "send" else None
        return ("phone", digits, "whatsapp", "link:api.whatsapp.com/send") if digits else None
    if site in ("t.me", "telegram.me", "telegram.dog"):
        if first.startswith("+"):  # t.me/+<digits> is a phone; t.me/+<letters> a private invite
            match = _DIGITS_RE.fullmatch(first)
            return ("phone", match.group(1), "telegram", "link:t.me/+") if match else None
        name = second if low == "s" else ("" if low in _NOT_TELEGRAM else first)
        return ("handle", name, "telegram", f"link:{site}") if name else None
    if site in ("instagram.com", "instagr.am"):
        name = second if low in ("stories", "_u") else ("" if low in _NOT_INSTAGRAM else first)
        return ("handle", name, "instagram", "link:instagram.com") if name else None
    if site == "tiktok.com":
        return ("handle", first[1:], "tiktok", "link:tiktok.com/@") if first.startswith("@") else None
    if site in ("x.com", "twitter.com"):
        return ("handle", first, "x", f"link:{site}") if first and low not in _NOT_X else None
    if site in ("facebook.com", "fb.com"):
        if low == "profile.php":
            profile_id = _param(query, "id")
            ok = profile_id and profile_id.isdigit()
            return ("handle", profile_id, "facebook", "link:facebook.com/profile.php") if ok else None
        if low == "people" and len(segments) > 2 and segments[2].isdigit():
            return ("handle", segments[2], "facebook", "link:facebook.com/people")
        if not first or low in _NOT_FACEBOOK or low.endswith(".php"):
            return None
        return ("handle", first, "facebook", f"link:{site}")
    if site == "snapchat.com":
        name = second if low == "add" else (first[1:] if first.startswith("@") else "")
        return ("handle", name, "snapchat", "link:snapchat.com/add") if name else None
    if site == "paypal.me":
        return ("payment", first, "paypal", "link:paypal.me") if first else None
    if site == "paypal.com" and low == "paypalme" and second:
        return ("payment", second, "paypal", "link:paypal.com/paypalme")
    if site == "revolut.me":
        return ("payment", first, "revolut", "link:revolut.me") if first else None
    if site in ("cash.app", "cash.me"):
        return ("payment", first[1:], "cashapp", f"link:{site}/$") if first.startswith("$") else None
    if site == "venmo.com":
        name = second if low == "u" else ("" if low in _NOT_VENMO else first)
        return ("payment", name, "venmo", "link:venmo.com") if name else None
    if site == "wise.com" and low == "pay" and second.lower() == "me" and len(segments) > 2:
        return ("payment", segments[2], "wise", "link:wise.com/pay/me")
    return None


@cache
def _registry() -> Registry:
    """The registry, whose types turn what a link names into keys (imported late: it imports this module)."""
    from graph.identifiers.registry import TYPES

    return TYPES


def derived_identifier(parsed: _Parsed, span: tuple[int, int]) -> Identifier | None:
    """The phone, handle or payment a platform link names, placed at the link's span."""
    found = _named_by(parsed)
    if found is None:
        return None
    return Identifier(found.kind, found.key, found.value, span, found.rule, found.country)


@lru_cache(maxsize=16384)
def _named_by(parsed: _Parsed) -> Identifier | None:
    """What a link names, with the link form's rule: the same link in many adverts is read once."""
    target = platform_target(parsed)
    if target is None:
        return None
    kind, raw, platform, rule = target
    cleaner = _registry().get(kind)
    found = cleaner.clean("+" + raw) if kind == "phone" else cleaner.clean(raw, platform=platform)
    return dataclasses.replace(found, rule=rule) if found else None


def _bare_host_ok(text: str, start: int, host_text: str) -> bool:
    """A bare `name.suffix` is a site only when no handle label precedes it and it is not a run-on."""
    if label_before(text, start) or text[max(0, start - 2) : start] == "@ ":  # `@ shop.uk`: a handle
        return False
    if all(label.isdigit() for label in host_text.split(".")):  # +216.28.210.106 is a phone, not an IP
        return False
    # `now.Price` is two sentences missing a space, not a host.
    return not any(label[:1].isupper() and not label.isupper() for label in host_text.split(".")[1:])


def _typed_link(raw: str) -> str:
    """An analyst's link, folded like an advert and stripped of surrounding brackets and quotes."""
    return _trim(fold(raw.strip())[0].strip().strip("<>\"'"))


# A platform's profile link written so that filters do not see a link: `t[.]me/name`, `wa(.)me/44…`,
# `t . me / name`, `tiktok dot com slash @name`. Only the platforms' and payment services' own hosts are
# read so, whose path names an account: a defanged link to any other site names nothing Crosslink keys.
_DEFANGED_DOT = (
    r"(?:[^\S\n]*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))[^\S\n]*"
    r"|[^\S\n]+\.[^\S\n]*|\.[^\S\n]+|[^\S\n]+dot[^\S\n]+)"
)
_DEFANGED_SLASH = r"(?:[^\S\n]*/[^\S\n]*|[^\S\n]+slash[^\S\n]+)"
# The look-ahead for the hosts' first letters lets the search pass over every other position at once.
_DEFANGED_RE = re.compile(
    r"(?=[twifxspvrc])(?<![\w.@/])(?P<host>t|wa|instagram|tiktok|facebook|twitter|x|snapchat|paypal|revolut|venmo|cash)"
    + _DEFANGED_DOT
    + r"(?P<suffix>me|com|app)"
    + _DEFANGED_SLASH
    + r"(?P<path>[@$+]?\w[\w.\-]*(?:/[@$]?\w[\w.\-]*)?)",
    re.IGNORECASE,
)


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Link-shaped matches, searched only in the words that may hold one (a link has no space)."""
    # A space in front makes the first word start after white space too; its match begins at the space,
    # which is where the word begins in `text`.
    for word in _LINK_WORD_RE.finditer(" " + text):
        yield from _LINK_RE.finditer(text, word.start(), word.end() - 1)


class Link(IdentifierType):
    """Web and app links: one `url:` per link, its `domain:`, and the account a platform link names."""

    name = "url"
    kind = "url"
    untyped_match = False

    def find(self, doc: Document) -> Iterator[Identifier]:
        text = doc.masked()
        spelled_slash = "slash" in text or "SLASH" in text or "Slash" in text
        if "." not in text and "/" not in text and not spelled_slash:
            return
        if "/" in text or spelled_slash:
            yield from self._defanged(doc, text)
            text = doc.masked()
        for match in _candidates(text):
            head, tail = _script_cut(match.group())
            candidate = _trim(match.group()[head:tail])
            if not candidate:
                continue
            form = match.lastgroup or "bare"
            start = match.start() + head
            end = start + len(candidate)
            parsed = canonical_url(candidate)
            if parsed is None:
                continue
            if form == "bare":
                host_text = _HOST_END_RE.split(candidate, maxsplit=1)[0]
                has_path = len(host_text) < len(candidate)
                is_platform = registered_domain(parsed.host) in SHARED_DOMAINS
                if not (is_platform and has_path) and not _bare_host_ok(text, start, host_text):
                    continue
            doc.claim(start, end)
            span = doc.original_span(start, end)
            value = doc.original[span[0] : span[1]]
            rule = f"link:{form}"
            yield Identifier("url", f"url:{parsed.url}", value, span, rule)
            domain = self._domain(parsed)
            if domain:
                yield Identifier("domain", f"domain:{domain}", value, span, rule)
            derived = derived_identifier(parsed, span)
            if derived:
                yield derived

    @staticmethod
    def _defanged(doc: Document, text: str) -> Iterator[Identifier]:
        """Profile links written apart (`t[.]me/name`): the link, keyed as if written whole, and what it
        names; only a link that names an account counts."""
        for match in _DEFANGED_RE.finditer(text):
            path = _trim(match.group("path"))
            parsed = canonical_url(f"https://{match.group('host')}.{match.group('suffix')}/{path}")
            if parsed is None or registered_domain(parsed.host) not in SHARED_DOMAINS:
                continue
            end = match.start("path") + len(path)
            span = doc.original_span(match.start(), end)
            derived = derived_identifier(parsed, span)
            if derived is None:
                continue
            doc.claim(match.start(), end)
            yield Identifier(
                "url", f"url:{parsed.url}", doc.original[span[0] : span[1]], span, "link:defanged"
            )
            yield derived

    @staticmethod
    def _domain(parsed: _Parsed) -> str:
        """The registered domain worth a node, or '' (IP addresses, app links, platform hosts)."""
        if parsed.scheme not in _WEB_SCHEMES or _is_ip(parsed.host):
            return ""
        domain = registered_domain(parsed.host)
        # A name no registry issues (`a_b.co.uk`: an underscore) is kept as a link but is not a site.
        return "" if domain in SHARED_DOMAINS or not _HOST_RE.fullmatch(domain) else domain

    def _parse_input(self, raw: str) -> _Parsed | None:
        """An analyst's link, folded like an advert and stripped of surrounding brackets and quotes."""
        text = _typed_link(raw)
        return canonical_url(text) if text else None

    def clean(self, raw: str, *, region: str | None = None, platform: str | None = None) -> Identifier | None:
        parsed = self._parse_input(raw)
        if parsed is None:
            return None
        return Identifier("url", f"url:{parsed.url}", raw.strip(), (0, len(raw)), "clean")


class Domain(IdentifierType):
    """Registered domains: `domain:<registered domain>`, the site a link points at.

    A domain is only ever read off a link, so `Link.find` yields it from the same parse as the link and
    this type finds nothing of its own. It is registered by itself so that an analyst can name it and
    its typed value is cleaned to the key ingest writes: a platform or payment host, which ingest keeps
    no domain node for, cleans to None.
    """

    name = "domain"
    kind = "domain"
    untyped_match = False
    unread_because = "a platform's host (facebook.com, wa.me) is kept as the account its link names"

    def find(self, doc: Document) -> Iterator[Identifier]:
        return iter(())

    def clean(self, raw: str, *, region: str | None = None, platform: str | None = None) -> Identifier | None:
        # Read as an advert's link is read, so that only a value ingest would take for a link (not an
        # email's domain, not `name (at) host`) gives a domain, and the one it gives is ingest's.
        text = _typed_link(raw)
        for found in Link().find(Document(text)):
            if found.kind == self.kind and found.span == (0, len(text)):
                return Identifier(self.kind, found.key, raw.strip(), (0, len(raw)), "clean")
        return None
