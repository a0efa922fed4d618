"""A payment service's name written before a tag: `PayPal @name`, `revolut: name`, `Cash App $name`.

Adverts give a payment tag by writing the service's name and then the tag, in whatever language the
advert is in: `paiement PayPal : nom`, `بايبال: name`, `PayPal'dan @name`, `per PayPal an @name`. The
tag after the name belongs to that service, not to the platform the advert is on, so a `@name` there
is not a platform handle. This module only reads the words; `payment.Payment` checks each service's
naming rules and makes the keys.

Prose after a service's name (`PayPal accepted`, `pay by PayPal or cash`, `Revolut card`, `Cash App
too`) must not become a tag, so a name counts only when the advert marks it as one (see `Tagged`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from graph.identifiers.document import fold_case, quick_pattern

# The names of each service as adverts write them, Latin and Arabic-script spellings (Arabic, Persian,
# Pashto and Sorani write the vowels and the v differently: ريفولوت, رولوت, ڕیڤۆلوت; پې پال, پەی پاڵ).
# Persian `پی‌پال` is matched without its zero-width non-joiner, which the document fold drops. Wise is
# an English word too, so only its capitalised name or its tag word counts; its Arabic-script
# spellings are no everyday word.
_SERVICES = {
    "paypal": r"pay[\s-]?pal|بايبال|باي[\s-]?بال|باى[\s-]?بال|پ[یيې][\s-]?پال|پ[یيې]پال|پەی[\s-]?پاڵ",
    "revolut": r"revolut|rev[\s-]?tag|ر[يی]فولوت|ر[يی]وولوت|رفولوت|رولوت|ر[يی]ولوت|ڕ[یي]ڤ[ۆو]ل[ۆو]ت",
    "cashapp": r"cash[\s-]?app|cash[\s-]?tag|ك[اأ]ش[\s-]?[اآ]ب|ک[ا]?ش[\s-]?[اآ]پ",
    "venmo": r"venmo|فينمو|ونمو",
    "wise": r"wise[\s-]?tag|transfer[\s-]?wise|(?-i:Wise|WISE)|وا[يی]ز",
}
# The names in lower case, Wise's capital forms included: found in `fold_case(text)` wherever
# `_LABEL_RE` may find a name, a search that is several times faster.
_NAME_HINT_RE = quick_pattern("|".join(_SERVICES.values()).replace("(?-i:Wise|WISE)", "wise"))
# Label words that are themselves the word for a tag: what follows them is a tag without more ado.
_TAG_WORDS = re.compile(r"rev[\s-]?tag|cash[\s-]?tag|wise[\s-]?tag", re.IGNORECASE)

# Words that may stand between the service's name and the tag, in the lexicon's languages:
# "PayPal is", "paypal: account", "per PayPal an", "PayPal'a hesabı", "chuyển khoản PayPal cho".
_FILLER = (
    r"is|me|at|on|to|via|id|tag|username|user|name|account|acc|address|"
    r"est|à|au|sur|compte|nom|adresse|"
    r"an|auf|ist|konto|"
    r"a|su|è|conto|nome|"
    r"hesabı|hesabına|hesap|adı|adresi|üzerinden|uzerinden|ile|"
    r"te|tek|në|llogaria|min|"
    r"cho|tới|đến|là|của|em|mình|"
    r"على|الى|إلى|عبر|حساب|باسم|به|آیدی|ایدی|تاغ|تاگ|تاق|آی\s?دی|ته|بۆ|"
    r"στο|στον|μέσω"
)
# A Turkish case ending glued to the name with an apostrophe: PayPal'dan, PayPal'a, Revolut'tan.
_SUFFIX = r"(?:['’][^\W\d_]{1,6})?"
_LABEL_RE = re.compile(
    r"(?<![\w@./$])(?:"
    + "|".join(f"(?P<{s}>{alt})" for s, alt in _SERVICES.items())
    + r")"
    + _SUFFIX
    + r"(?![\w.]|/)",
    re.IGNORECASE,
)
# Marks that point from a service's name to its tag: a colon, an equals sign, a dash, and the arrows
# adverts draw, as characters or emoji with or without a skin tone ("PayPal 👉🏽 @name", "Revolut ➡️
# name", "pay -> name"); up to three of them, spaced or not. Text written right to left points on to
# the tag with a left arrow (`بايبال 👈 @name`), so those count too: between a service's name and a
# tag, either arrow links them.
_MARKS = "(?:->|=>|[:=\\-–→⇒⟶➔➜➝➞➡👉👇⬇⤵←⇐⬅👈])[\U0001f3fb-\U0001f3ff]?"
# What may follow a service's name up to the tag: fillers, marks, and the tag itself with its `@` or
# `$`. The gap and the name are bounded (no service allows a tag near 64 characters), so each service
# name is read in constant time, however long the text after it runs on.
_TAIL_RE = re.compile(
    r"(?P<gap>(?:[^\S\n]{1,3}(?:" + _FILLER + r")(?!\w)){0,2}[^\S\n]{0,3}"
    r"(?P<mark>" + _MARKS + r"(?:[^\S\n]{0,2}" + _MARKS + r"){0,2})?[^\S\n]{0,3}[(\[]?)"
    r"(?P<sigil>[@$][^\S\n]?)?(?P<name>[A-Za-z0-9][A-Za-z0-9._-]{0,63})(?![A-Za-z0-9._-])",
    re.IGNORECASE,
)

# Words that follow a service's name (or an arrow after it) in prose, in the lexicon's languages, and
# the other means of payment adverts list beside it: never tags.
_PROSE = frozenset(
    """please only accepted accept accepts available also here there payment payments transfer transfers
    send pay and or the account details number tag username link below above message contact business
    card app preferred welcome friends family too ok okay yes no fine possible fees fee free cash bank
    crypto usdt btc bitcoin western union moneygram paypal revolut cashapp venmo wise skrill zelle
    monzo starling n26 barclays hsbc lloyds santander payoneer neteller binance bizum lydia satispay
    papara ininal ria remitly worldremit sepa iban gift deposit with works work
    accepté acceptée acceptés oui non aussi seulement uniquement disponible bienvenu possible espèces
    virement carte ou et le la les de des du un une
    akzeptiert möglich ja nein nur auch bar überweisung oder und
    accettato accettata sì solo anche contanti bonifico carta oppure
    kabul olur var yok evet hayır geçerli nakit havale veya ile
    pranohet pranojmë po jo vetëm edhe cash para
    được có không nhận tiền mặt hoặc và
    ναι όχι μόνο δεκτό
    me us you dm pm inbox ib bio whatsapp telegram signal viber chat call text now today fast instant
    instantly
    quick easy safe secure stripe sumup klarna applepay gpay visa mastercard cards""".split()
)


@dataclass(frozen=True, slots=True)
class Tagged:
    """A name written after a payment service's name, and where it stands in the text.

    `marked` is true when the advert marks the name as a tag: an `@` or `$` before it, a `:`, `=`,
    dash or arrow after the service's name, a tag word (`revtag`, `cashtag`, `Wisetag`), or a name no word is
    written like (a digit, an underscore or a capital inside it: `boat_pay`, `DoverExp22`, `BorderRun`).
    `start` is where the tag begins (its `@` or `$` included), `name` the name without trailing
    sentence punctuation.
    """

    scheme: str
    name: str
    start: int
    end: int
    sigil: str
    marked: bool


def tagged(text: str) -> Iterator[Tagged]:
    """Every name written right after a payment service's name, in text order.

    Each service's name is found once, and the text after it is read with a bounded gap, so the whole
    text is read in linear time; a name that is prose (`PayPal accepted`) is left out.
    """
    if _NAME_HINT_RE.search(fold_case(text)) is None:
        return
    for label in _LABEL_RE.finditer(text):
        tail = _TAIL_RE.match(text, label.end())
        if tail is None:
            continue
        scheme = label.lastgroup or ""
        name = tail.group("name").rstrip(".-")
        if not name or name.lower() in _PROSE or not any(c.isalpha() for c in name):
            continue
        sigil = tail.group("sigil") or ""
        marked = bool(sigil or tail.group("mark") or _TAG_WORDS.fullmatch(label.group(scheme)))
        marked = marked or _looks_like_tag(name)
        start = tail.start("sigil") if sigil else tail.start("name")
        yield Tagged(scheme, name, start, tail.start("name") + len(name), sigil, marked)


def _looks_like_tag(name: str) -> bool:
    """True for a name no word is written like: a digit, an underscore, or a capital after a small letter."""
    if any(c.isdigit() or c == "_" for c in name):
        return True
    return any(a.islower() and b.isupper() for a, b in pairwise(name))
