"""Payment tags and bank accounts: `payment:<scheme>:<id>` for PayPal, Revolut, Cash App, Venmo, Wise, IBAN.

Tags are lower case without their `$` or `@`, since all these services match names case-insensitively;
an IBAN is compact and upper case, the form its check digits are computed on. Each scheme's naming
rules are checked here, and the link module builds paypal.me / revolut.me / cash.app / venmo.com /
wise.com/pay/me keys through `Payment.clean`, so a tag in a link and the same tag written after the
service's name in text give one key. Crypto wallets are in `wallet.py`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from stdnum import iban, numdb

from graph.identifiers.base import Identifier, IdentifierType
from graph.identifiers.document import Document, fold
from graph.identifiers.servicelabels import tagged

TAG_SCHEMES = ("paypal", "revolut", "cashapp", "venmo", "wise")
SCHEMES = (*TAG_SCHEMES, "iban")

# What an analyst may call a scheme.
SCHEME_ALIASES = {
    "paypal": "paypal",
    "paypal.me": "paypal",
    "revolut": "revolut",
    "revtag": "revolut",
    "revolut.me": "revolut",
    "cashapp": "cashapp",
    "cash app": "cashapp",
    "cash.app": "cashapp",
    "cashtag": "cashapp",
    "venmo": "venmo",
    "wise": "wise",
    "wisetag": "wise",
    "iban": "iban",
}

# Name rules, applied to the lower-cased name (see the `Payment` docstring for their sources).
_TAG_RULES = {
    "paypal": re.compile(r"[a-z0-9]{1,20}"),
    "revolut": re.compile(r"[a-z0-9_](?:[a-z0-9._-]{1,30})[a-z0-9_]"),
    "cashapp": re.compile(r"[a-z][a-z0-9]{0,19}"),
    "venmo": re.compile(r"[a-z0-9_-]{5,30}"),
    "wise": re.compile(r"[a-z0-9_](?:[a-z0-9._-]{1,30})[a-z0-9_]"),
}

# `$Tag` counts as a cashtag only within this many characters of the words Cash App, on one line.
_CASHAPP_WINDOW = 40
_CASHAPP_LABEL_RE = re.compile(r"(?<!\w)cash[\s-]?app(?!\w)", re.IGNORECASE)
# A cashtag in text must start with a letter: `$5k`, `$20usd` are prices.
_CASHTAG_RE = re.compile(r"(?<![\w$])\$(?P<name>[A-Za-z][A-Za-z0-9_]*)")

# Country letters not preceded by a letter or digit (checked after them, which is faster), check
# digits, then the account in groups separated by single spaces or dashes, or across a line break (as
# adverts paste it); cut to the country's length later.
_IBAN_GAP = r"(?:[ -]|\r?\n)?"
_IBAN_RE = re.compile(
    r"[A-Za-z]{2}(?<![A-Za-z0-9][A-Za-z]{2})[0-9]{2}(?:" + _IBAN_GAP + r"[A-Za-z0-9]){11,32}"
)
# The check digits after two letters, and enough of an account after them: in every text `_IBAN_RE` finds
# a candidate in. Starting at the digits, rarer than letters, makes it a quick test before that search.
_IBAN_HINT_RE = re.compile(r"[0-9]{2}(?<=[A-Za-z]{2}[0-9]{2})(?:" + _IBAN_GAP + r"[A-Za-z0-9]){11}")
_IBAN_DB = numdb.get("iban")
_STRUCTURE_LENGTH_RE = re.compile(r"(\d+)!")


@lru_cache(maxsize=256)
def iban_length(country: str) -> int | None:
    """The IBAN length of a country from python-stdnum's registry, or None for a non-IBAN country."""
    info = _IBAN_DB.info(country.upper())[0][1]
    bban = info.get("bban")
    if not bban:
        return None
    return 4 + sum(int(n) for n in _STRUCTURE_LENGTH_RE.findall(bban))


def canonical_tag(scheme: str, name: str) -> str | None:
    """The tag as the graph keys it, or None when the service could not have issued it."""
    rule = _TAG_RULES.get(scheme)
    name = name.strip().lstrip("@$").lower()
    if rule is None or not rule.fullmatch(name):
        return None
    return name


def canonical_iban(raw: str) -> str | None:
    """A compact upper-case IBAN when its country length and check digits are right."""
    compact = re.sub(r"[\s\-]", "", raw).upper()
    return compact if iban.is_valid(compact) else None


class Payment(IdentifierType):
    """Payment tags (PayPal.me, Revolut, Cash App, Venmo, Wise) and IBANs.

    Name rules, checked on the lower-cased name:
    - paypal: 1 to 20 letters and digits. PayPal's PayPal.Me help page: alphanumeric characters only
      (A-Z, 0-9), no symbols, dashes or spaces, at most 20 characters, case-insensitive.
    - cashapp: 1 to 20 letters and digits, starting with a letter. Cash App's $Cashtags help page
      (cash.app/help, "Cashtags"): at least one letter, no longer than 20 characters, no symbols, dashes
      or spaces, not case-sensitive. It only asks for *a* letter; we ask for a first letter so that
      prices written `$5k` are never cashtags.
    - venmo: 5 to 30 letters, digits, `-` and `_`. PayPal's API schema gives Venmo user names the
      alphabet `[-a-zA-Z0-9_]`; Venmo's sign-up asks for at least 5 characters; guides quote 16 or 30
      as the maximum and we take the wider.
    - revolut: 3 to 32 letters, digits, `_`, `.` and `-`, not starting or ending with `.` or `-`.
      Revolut publishes no rule that we could find (its Community Standards name the RevTag as a
      social feature, nothing more); revtags and revolut.me names seen in the wild are letters, digits
      and `_` of up to 16, and the bounds are wider so that no real tag is dropped.
    - wise: the Revolut bounds. Wise's help page on Wisetags says only that a Wisetag is shared as a
      link or QR code and cannot be changed; it publishes no alphabet or length, so the bounds are wide.
    A tag is found in text only right after its service's name (`servicelabels`), or as a `$cashtag`
    a few words from Cash App; links are the link module's. An IBAN is found anywhere, in groups or
    compact, in any case, and must pass python-stdnum's country length, structure and mod-97 check.
    """

    name = "payment"
    kind = "payment"
    read_in_context = True

    def find(self, doc: Document) -> Iterator[Identifier]:
        yield from self._labelled_tags(doc, doc.masked())
        text = doc.masked()
        if "$" in text and "cash" in text.lower():
            yield from self._cashtags(doc, text)
        yield from self._ibans(doc, text)

    def _make(
        self, doc: Document, start: int, end: int, key: str, rule: str, country: str | None = None
    ) -> Identifier:
        """Claim a span and build its identifier."""
        doc.claim(start, end)
        span = doc.original_span(start, end)
        return Identifier(self.kind, key, doc.original[span[0] : span[1]], span, rule, country)

    def _cashtags(self, doc: Document, text: str) -> Iterator[Identifier]:
        """`$Tag` within a few words of Cash App on the same line."""
        labels = [m.span() for m in _CASHAPP_LABEL_RE.finditer(text)]
        if not labels:
            return
        for match in _CASHTAG_RE.finditer(text):
            start, end = match.span()
            if not _label_near(text, start, end, labels):
                continue
            name = canonical_tag("cashapp", match.group("name"))
            if name:
                yield self._make(doc, start, end, f"payment:cashapp:{name}", "label:cashapp")

    def _labelled_tags(self, doc: Document, text: str) -> Iterator[Identifier]:
        """A name right after a service's name: `PayPal @name`, `revolut: name`, `Cash App $name`.

        A `@name` there that the service could not have issued is still the service's, never a handle
        of the advert's platform: its span is claimed and no key is made.
        """
        for found in tagged(text):
            if not found.marked:
                continue
            name = canonical_tag(found.scheme, found.name)
            if name is not None:
                key = f"payment:{found.scheme}:{name}"
                yield self._make(doc, found.start, found.end, key, f"label:{found.scheme}")
            elif found.sigil:
                doc.claim(found.start, found.end)

    def _ibans(self, doc: Document, text: str) -> Iterator[Identifier]:
        """IBANs anywhere; after a failed candidate the search resumes inside it."""
        if _IBAN_HINT_RE.search(text) is None:
            return
        pos = 0
        while True:
            match = _IBAN_RE.search(text, pos)
            if match is None:
                return
            found = self._iban_at(doc, text, match)
            if found is None:
                pos = match.start() + 1
                continue
            identifier, pos = found
            yield identifier

    def _iban_at(self, doc: Document, text: str, match: re.Match[str]) -> tuple[Identifier, int] | None:
        """The IBAN starting at a candidate, cut to its country's length, and where it ends."""
        where = [i for i in range(match.start(), match.end()) if text[i].isalnum()]
        length = iban_length(text[where[0] : where[0] + 2])
        if length is None or len(where) < length:
            return None
        end = where[length - 1] + 1
        if end < len(text) and text[end].isalnum():  # runs on into a longer token
            return None
        number = "".join(text[i] for i in where[:length]).upper()
        if not iban.is_valid(number):
            return None
        return self._make(doc, match.start(), end, f"payment:iban:{number}", "iban", number[:2]), end

    def clean(self, raw: str, *, region: str | None = None, platform: str | None = None) -> Identifier | None:
        text = fold(raw.strip())[0].strip().removeprefix("payment:")
        if platform:
            scheme = SCHEME_ALIASES.get(platform.strip().lower())
            if scheme is None:
                return None
        else:  # `revolut:boatpay`, `$Cashtag`, or an IBAN
            head, sep, rest = text.partition(":")
            scheme = SCHEME_ALIASES.get(head.strip().lower()) if sep else None
            if scheme:
                text = rest
            else:
                scheme = "cashapp" if text.startswith("$") else "iban"
        if scheme == "iban":
            number = canonical_iban(text)
            if number is None:
                return None
            return Identifier(
                self.kind, f"payment:iban:{number}", raw.strip(), (0, len(raw)), "clean", number[:2]
            )
        name = canonical_tag(scheme, text)
        if name is None:
            return None
        return Identifier(self.kind, f"payment:{scheme}:{name}", raw.strip(), (0, len(raw)), "clean")


def _label_near(text: str, start: int, end: int, labels: list[tuple[int, int]]) -> bool:
    """True when one of the labels (in text order) is a few words from the tag, on its line.

    Only the closest label on each side can be near enough, so each tag looks at two labels however
    many the text has: a text made of labels and tags is read in linear time.
    """
    before = bisect.bisect_right(labels, start, key=lambda label: label[1]) - 1
    after = bisect.bisect_left(labels, end, key=lambda label: label[0])
    return (before >= 0 and _near(text, start, end, labels[before])) or (
        after < len(labels) and _near(text, start, end, labels[after])
    )


def _near(text: str, start: int, end: int, label: tuple[int, int]) -> bool:
    """True when a tag and a label are at most a few words apart on one line."""
    if label[1] <= start:
        between = text[label[1] : start]
    elif end <= label[0]:
        between = text[end : label[0]]
    else:
        return False
    return len(between) <= _CASHAPP_WINDOW and "\n" not in between
