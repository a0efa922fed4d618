"""Account handles: `handle:<platform>:<name>`.

A handle is only worth a node when it is a name the platform could really have issued, so each
platform's username rules are checked. Names are lower-cased (every platform here treats them
case-insensitively) and Facebook's dots are dropped because Facebook ignores them. A Facebook numeric
profile id is kept as the name: it is the one identifier that survives a change of username.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from graph.identifiers.base import Identifier, IdentifierType
from graph.identifiers.countries import is_country_name
from graph.identifiers.document import Document, fold, fold_case, quick_pattern

PLATFORMS = ("facebook", "instagram", "tiktok", "x", "telegram", "snapchat")

# What an analyst or an advert may call a platform.
PLATFORM_ALIASES = {
    "facebook": "facebook",
    "fb": "facebook",
    "instagram": "instagram",
    "insta": "instagram",
    "ig": "instagram",
    "tiktok": "tiktok",
    "x": "x",
    "twitter": "x",
    "telegram": "telegram",
    "tg": "telegram",
    "snapchat": "snapchat",
    "snap": "snapchat",
}

# Username rules as the platforms publish them (length and alphabet), applied to the lower-cased name.
_RULES = {
    "instagram": re.compile(r"(?!\.)(?!.*\.\.)[a-z0-9._]{1,30}(?<!\.)"),
    "tiktok": re.compile(r"[a-z0-9_.]{2,24}(?<!\.)"),
    "x": re.compile(r"[a-z0-9_]{1,15}"),
    "telegram": re.compile(r"[a-z][a-z0-9_]{3,30}[a-z0-9]"),
    "snapchat": re.compile(r"[a-z][a-z0-9._-]{1,13}[a-z0-9]"),
    "facebook": re.compile(r"[a-z0-9.]{5,50}|[0-9]{5,20}"),
}

# Words in several languages and scripts that introduce a handle of a given platform. X is only a label
# with a colon after it ("X: @name", "X username: name"), or as a capital before an @name or a name with
# a digit or underscore ("X @boat_uk", "X boat_47010"): a lone x is too common a letter.
_LABELS = {
    "telegram": r"telegram|telegramm|tg|tele|تلي|تلگرام|تلغرام|تيليجرام|تليجرام|تيلجرام|تێلێگرام|تلەگرام|"
    r"ټیلیګرام|телеграм|ቴሌግራም|ተለግራም",
    "instagram": r"instagram|insta|ig|انستغرام|انستقرام|انستا|اینستاگرام|اینستا|ئینستاگرام|ئینستا|انسټاګرام|"
    r"ኢንስታግራም|ኢንስታ",
    "tiktok": r"tik\s?tok|tt|تيك\s?توك|تیک\s?تاک|تیکتاک|تیک‌تاک|ټیک\s?ټاک|ቲክቶክ",
    "snapchat": r"snapchat|snap|سناب\s?شات|سناب|سناپ\s?چت|سناپ|اسنپ\s?چت|اسنپ|سنەپ|سنیپ\s?چټ|سنپ\s?چیټ|"
    r"ስናፕቻት|ስናፕ",
    "facebook": r"facebook|fb|فيسبوك|فيس\s?بوك|فیسبوک|فەیسبووک|فېسبوک|ፌስቡክ|ፈይስቡክ",
    "x": r"twitter|تويتر|توییتر|x(?=[^\S\n]*(?:(?:username|handle|id|account)[^\S\n]*)?:)"
    r"|(?-i:X)(?=[^\S\n]+@?[A-Za-z0-9._]*[\d_@])",
}
# The labels but X's capital form, in lower case: found in `fold_case(text)` wherever `_LABEL_RE` may find
# a label (the capital X in the text itself), a search that is several times faster. The X pattern is
# cut where its capital form begins.
_LOWER_LABELS = "|".join(alt.partition("|(?-i:X)")[0] for alt in _LABELS.values())
_LABEL_HINT_RE = quick_pattern(_LOWER_LABELS)
# Words that may stand between a label and the name: "snap is: name", "fb id: name".
# ... in the advert languages too: "insta page", "kullanıcı adı", "آیدی", "پاڼه", "nick".
_FILLER = (
    r"(?:(?:id|is|name|username|user|handle|account|page|channel|est|c'est|me|nick|kullanıcı adı|hesabı|"
    r"hesabım|sayfası|seite|pagina|σελίδα|faqja|trang|kênh|آیدی|ایدی|ئایدی|معرف|يوزر|پیج|پەیج|پاڼه|"
    r"صفحة|صفحه|حساب)(?![\w.\-]))?"
)
_LABEL_ALTERNATIVES = "|".join(f"(?P<{p}>{alt})" for p, alt in _LABELS.items())
# Arabic writes the article (and "and", "by") joined to the platform's name: الانستا, والتلغرام.
_ARTICLE = r"(?:[وبف]?ال|و)?"
# A Turkish case ending after an apostrophe (Telegram'dan, Instagram'da); Persian or Sorani "my"
# (ئینستاگرامم).
_SUFFIX = r"(?:['’][^\W\d_]{1,5}|م)?"


def _label(names: str) -> str:
    """A platform's label as it stands before a name: one of `names`, with the Arabic article or a
    case ending joined to it, standing as a word of its own."""
    return rf"(?<![\w@.]){_ARTICLE}(?:{names}){_SUFFIX}(?![\w])"


_LABEL_RE = re.compile(
    _label(_LABEL_ALTERNATIVES)
    + r"(?P<gap>[^\S\n]*"
    + _FILLER
    + r"[^\w\n@]{0,6})(?P<at>@[^\S\n]?)?(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)",
    re.IGNORECASE,
)
# A label (and filler) ending right where some text ends: what comes next is a handle, not a site.
_LABEL_AT_END_RE = re.compile(
    _label("|".join(_LABELS.values())) + r"[^\S\n]*" + _FILLER + r"[^\w\n@]{0,6}$", re.IGNORECASE
)
_LABEL_WINDOW = 32
# `@name`, and `@ name` with a space (written so to slip past filters) when the name could be nothing
# else: it holds an underscore, a dot inside it or a digit among letters (`@ eu_trips_admin`, `@ shop.uk`),
# where prose has `@ the station`, `@ Heathrow` or `@ 9pm`.
# A name glued to a dash and more (`@safehaven-legal.org`) is part of a longer token, not a handle.
_MENTION_RE = re.compile(r"(?<![\w@./])@(?P<space>[^\S\n])?(?P<name>[A-Za-z0-9_][A-Za-z0-9._]*+)(?!-\w)")
_SPACED_NAME_RE = re.compile(r".*(?:_|\.[A-Za-z0-9])|(?=.*\d)(?:.*[A-Za-z]){4}")

# Words that follow a platform label in prose ("Telegram: contact me") and are never handles.
_PROSE = frozenset(
    """contact message messages link links below above profile account channel group groups page
    only also here there admin number phone call chat write send direct inbox private video
    contactez moi nous ici lien groupe compte canal page profil only available today now please
    pour avec sans sur dans direct privé ecrire écrire appel numéro""".split()
)


# What a bare `@word` names when it calls on a group rather than an account: Facebook's `@everyone`,
# `@followers` and `@highlight`, and the chat apps' `@all`, `@here` and `@channel`.
_GROUP_MENTIONS = frozenset({"everyone", "everybody", "followers", "highlight", "all", "here", "channel"})


# `@name on Instagram`, `@name sur TikTok`: the platform named right after a mention is its own.
_PLATFORM_AFTER_RE = re.compile(
    r"[^\S\n]+(?:on|sur|auf|su|στο|على|در|په|li|në|trên)[^\S\n]+(?:" + _LABEL_ALTERNATIVES + r")(?!\w)",
    re.IGNORECASE,
)


def _platform_after(text: str, end: int) -> str | None:
    """The platform a mention ending at `end` is said to be on, if the text names one right after it."""
    match = _PLATFORM_AFTER_RE.match(text, end)
    return next(p for p in _LABELS if match.group(p)) if match else None


# Platforms whose names may end with an underscore (`@dunkirk_boat_` on TikTok): there the underscore
# is part of the name; elsewhere, like a dot or a dash, it is punctuation after it.
_TRAILING_UNDERSCORE = frozenset({"instagram", "tiktok", "x"})


def trim(name: str, platform: str) -> str:
    """The name without the sentence punctuation written after it, keeping what the platform allows.

    A dot or dash at the end is never part of a name (no platform here lets a name end with one); an
    underscore is, on the platforms that allow it, so `@dunkirk_boat_.` on TikTok is `dunkirk_boat_`.
    """
    if platform in _TRAILING_UNDERSCORE:
        return name.rstrip(".-")
    return name.rstrip("._-")


def may_hold_label(text: str) -> bool:
    """False when no handle label can be in `text`: a quick test before the slow label search."""
    return "X" in text or _LABEL_HINT_RE.search(fold_case(text)) is not None


def label_before(text: str, start: int) -> bool:
    """True when a handle label ends right before `start`, as in `insta: sara.travel`."""
    return bool(_LABEL_AT_END_RE.search(text, max(0, start - _LABEL_WINDOW), start))


def canonical_platform(platform: str | None) -> str | None:
    """The platform's canonical name, or None for platforms without handles here (WhatsApp)."""
    if not platform:
        return None
    return PLATFORM_ALIASES.get(platform.strip().lower())


def canonical_name(name: str, platform: str) -> str | None:
    """The name as the graph keys it, or None when the platform could not have issued it."""
    name = name.strip().lstrip("@").lower()
    rule = _RULES.get(platform)
    if rule is None or not rule.fullmatch(name):
        return None
    if platform == "facebook":
        name = name.replace(".", "")
        if len(name) < 5:
            return None
    return name


class Handle(IdentifierType):
    """Account handles from labels (`tg: @name`, `insta name_1`) and bare `@mentions`.

    A bare mention belongs to the advert's own platform; on WhatsApp or an unknown platform it is
    dropped, since there is nothing to say which account it names.
    """

    name = "handle"
    kind = "handle"
    # A profile link (`https://t.me/boatman`, `instagram.com/sara.travel`) pasted as a handle names it.
    read_in_context = True
    needs: ClassVar[Mapping[str, str]] = {
        "platform": 'a bare handle needs its platform (e.g. platform: "telegram")'
    }

    def find(self, doc: Document) -> Iterator[Identifier]:
        text = doc.masked()
        labelled = may_hold_label(text)
        if "@" not in text and not labelled:
            return
        if labelled:
            yield from self._labelled(doc, text)
        text = doc.masked()
        if "@" not in text:
            return
        posted_on = canonical_platform(doc.platform)
        for match in _MENTION_RE.finditer(text):
            platform = _platform_after(text, match.end()) or posted_on
            if platform is None:
                continue
            name = trim(match.group("name"), platform)
            if name.lower() in _GROUP_MENTIONS:
                continue
            if match.group("space") and not _SPACED_NAME_RE.match(name):
                continue
            found = self._make(doc, match, platform, "mention")
            if found:
                yield found

    def _labelled(self, doc: Document, text: str) -> Iterator[Identifier]:
        """Names after a platform's label. A name that is another label (`سناپ: snap: name`) is no
        handle, so the search goes on from it rather than past it."""
        pos = 0
        while (match := _LABEL_RE.search(text, pos)) is not None:
            pos = match.end()
            platform = next(p for p in _LABELS if match.group(p))
            name = trim(match.group("name"), platform)
            if name.lower() in PLATFORM_ALIASES:
                pos = match.start("name")
                continue
            if self._names_a_handle(doc, text, match, name, platform):
                found = self._make(doc, match, platform, f"label:{platform}")
                if found:
                    yield found

    @staticmethod
    def _names_a_handle(doc: Document, text: str, match: re.Match[str], name: str, platform: str) -> bool:
        """Whether the name after a label is a handle rather than prose, a place or a number."""
        gap = slice(match.end(platform), match.start("name"))
        if doc.text[gap] != text[gap]:  # an identifier claimed in between: the label was its own
            return False
        explicit = bool(match.group("at")) or ":" in match.group("gap") or "=" in match.group("gap")
        looks_like_handle = any(c.isdigit() or c in "._" for c in name)
        if not (explicit or looks_like_handle) or name.lower() in _PROSE:
            return False
        if not match.group("at") and is_country_name(name):  # "Telegram: France: 06…" names a place
            return False
        return any(c.isalpha() for c in name) or platform == "facebook"

    def _make(self, doc: Document, match: re.Match[str], platform: str, rule: str) -> Identifier | None:
        name_text = trim(match.group("name"), platform)
        name = canonical_name(name_text, platform)
        if name is None:
            return None
        start = match.start("at") if match.groupdict().get("at") else match.start("name")
        if rule == "mention":
            start = match.start()
        end = match.start("name") + len(name_text)
        doc.claim(start, end)
        return Identifier(
            kind=self.kind,
            key=f"handle:{platform}:{name}",
            value=doc.original[slice(*doc.original_span(start, end))],
            span=doc.original_span(start, end),
            rule=rule,
        )

    def clean(self, raw: str, *, region: str | None = None, platform: str | None = None) -> Identifier | None:
        canonical = canonical_platform(platform)
        if canonical is None:
            return None
        # Folded as an advert's text is, so that a name written with look-alike digits (`sara_1²`) or
        # full-width letters is the account ingest keyed.
        name = canonical_name(fold(raw)[0], canonical)
        if name is None:
            return None
        return Identifier(self.kind, f"handle:{canonical}:{name}", raw.strip(), (0, len(raw)), "clean")
