"""Identifiers written the ways adverts write them, each with the keys it plants and the form's name.

Every form the extractor claims to read is here: separators of every kind (line breaks included),
`+44 (0)7…`, `0044…`, bare numbers after a messenger's name, national numbers beside the record's region
or a flag or country name, Arabic-Indic, Persian and full-width digits, emoji keycaps, O/l look-alike
letters, numbers spelled in English and French, profile and payment links, handle labels and
@mentions, IBANs, wallets and obfuscated mail addresses. The keys are built here from what was written,
never by running the extractor, so the truth can catch the extractor out.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from typing import NamedTuple

from graph.synth.identities import Account, BankAccount, Mailbox, PaymentTag, Wallet, Website
from graph.synth.phones import Phone
from graph.synth.templates import Language


class Rendered(NamedTuple):
    """What one identifier became in an advert: its text, the keys it plants, and how it was written."""

    text: str
    keys: tuple[str, ...]
    form: str


@dataclass(slots=True)
class Scene:
    """Where an identifier is written: the advert's language, platform and collection region."""

    rng: random.Random
    lang: Language
    platform: str
    region: str | None


# --- phones ---------------------------------------------------------------------------------------

# How often each phone form is chosen where it applies (a form that does not apply is skipped).
PHONE_FORMS: dict[str, float] = {
    "intl": 18,
    "e164": 5,
    "intl_trunk_paren": 4,
    "intl_trunk": 3,
    "double_zero": 7,
    "bare_cue": 6,
    "national_region": 9,
    "national_flag": 4,
    "national_name": 4,
    "arabic_indic": 9,
    "persian": 9,
    "fullwidth": 2,
    "keycap": 3,
    "lookalike": 3,
    "words_en": 6,
    "words_fr": 6,
    "linebreak": 3,
    "zero_width": 1,
    "wa_me": 6,
    "wa_api": 2,
    "tme_plus": 2,
}
# Forms of adverts that do not hide their number: agencies, employers, landlords, newsrooms.
PLAIN_PHONE_FORMS: dict[str, float] = {
    "intl": 40,
    "e164": 8,
    "double_zero": 10,
    "national_region": 30,
    "national_flag": 4,
    "wa_me": 8,
}

_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_FULLWIDTH = str.maketrans("0123456789+", "０１２３４５６７８９＋")
_SEPARATORS = (" ", " ", " ", "-", ".", " - ", "/", "  ", "·", "_")
_EN_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_FR_UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
)  # fmt: skip
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
# Flags only for countries with an emoji flag (Kosovo has none).
_NO_FLAG = frozenset({"XK"})


def flag(country: str) -> str:
    """The emoji flag of a country: two regional indicator symbols."""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in country)


def phone_forms(scene: Scene, phone: Phone, *, cue: bool, plain: bool = False) -> tuple[str, ...]:
    """The forms that can write `phone` in this scene; `cue` when the template puts a messenger word
    right before the number."""
    return _situation(scene, phone, cue, plain)[0]


def choose_phone_form(scene: Scene, phone: Phone, *, cue: bool, plain: bool = False) -> str:
    """A form for `phone`, drawn with the weights of `PHONE_FORMS` (or `PLAIN_PHONE_FORMS`)."""
    forms, cumulative = _situation(scene, phone, cue, plain)
    return scene.rng.choices(forms, cum_weights=cumulative)[0]


# The forms (and their cumulative weights) for each situation a phone can be written in: a handful
# of situations recur millions of times, so they are worked out once.
_SITUATIONS: dict[tuple, tuple[tuple[str, ...], list[float]]] = {}


def _situation(scene: Scene, phone: Phone, cue: bool, plain: bool) -> tuple[tuple[str, ...], list[float]]:
    lang = scene.lang
    has_01 = any(d in "01" for d in phone.nsn[1:])
    situation = (
        lang.code,
        phone.country,
        bool(phone.trunk),
        scene.region == phone.country,
        cue,
        plain,
        has_01,
    )
    found = _SITUATIONS.get(situation)
    if found is not None:
        return found
    forms = []
    for form in PLAIN_PHONE_FORMS if plain else PHONE_FORMS:
        if form in ("intl_trunk_paren", "intl_trunk") and not phone.trunk:
            continue
        if form == "bare_cue" and not cue:
            continue
        if form == "national_region" and scene.region != phone.country:
            continue
        if form == "national_flag" and phone.country in _NO_FLAG:
            continue
        if form == "national_name" and phone.country not in lang.country_names:
            continue
        if form == "arabic_indic" and "arabic" not in lang.digit_scripts:
            continue
        if form == "persian" and "persian" not in lang.digit_scripts:
            continue
        if form == "words_en" and lang.code != "en":
            continue
        if form == "words_fr" and lang.code != "fr":
            continue
        if form == "lookalike" and not has_01:
            continue
        forms.append(form)
    weights = PLAIN_PHONE_FORMS if plain else PHONE_FORMS
    found = _SITUATIONS[situation] = (tuple(forms), list(itertools.accumulate(weights[f] for f in forms)))
    return found


def render_phone(scene: Scene, phone: Phone, form: str) -> Rendered:
    """`phone` written in `form` (see `PHONE_FORMS`); the key is always the number's E.164."""
    rng = scene.rng
    key = phone.key
    digits = phone.calling_code + phone.nsn
    if form == "e164":
        return Rendered(phone.e164, (key,), form)
    if form == "intl":
        return Rendered(_international(rng, phone), (key,), form)
    if form == "intl_trunk_paren":
        groups = phone.national_groups()
        groups[0] = "(0)" + groups[0][1:] if rng.random() < 0.7 else "(0) " + groups[0][1:]
        return Rendered(f"+{phone.calling_code} " + " ".join(groups), (key,), form)
    if form == "intl_trunk":
        return Rendered(f"+{phone.calling_code} " + " ".join(phone.national_groups()), (key,), form)
    if form == "double_zero":
        sep = rng.choice((" ", " ", "", "-"))
        head = rng.choice(("00" + phone.calling_code, "00 " + phone.calling_code))
        return Rendered(head + sep + sep.join(_regroup(rng, phone.international_groups())), (key,), form)
    if form == "bare_cue":
        text = (
            digits
            if rng.random() < 0.6
            else phone.calling_code + " " + " ".join(phone.international_groups())
        )
        return Rendered(text, (key,), form)
    if form == "national_region":
        return Rendered(_national(rng, phone), (key,), form)
    if form == "national_flag":
        national = _national(rng, phone)
        mark = flag(phone.country)
        text = f"{mark} {national}" if rng.random() < 0.7 else f"{national} {mark}"
        return Rendered(text, (key,), form)
    if form == "national_name":
        name = rng.choice(scene.lang.country_names[phone.country])
        national = _national(rng, phone)
        text = rng.choice((f"{name} {national}", f"{name}: {national}", f"{national} ({name})"))
        return Rendered(text, (key,), form)
    if form in ("arabic_indic", "persian", "fullwidth"):
        table = {"arabic_indic": _ARABIC, "persian": _PERSIAN, "fullwidth": _FULLWIDTH}[form]
        layout = _layout_for_script(scene, phone)
        return Rendered(layout.translate(table), (key,), form)
    if form == "keycap":
        return Rendered(_keycaps(rng, phone), (key,), form)
    if form == "lookalike":
        return Rendered(_lookalike(rng, phone), (key,), form)
    if form == "words_en":
        return Rendered(_english_words(scene, phone), (key,), form)
    if form == "words_fr":
        return Rendered(_french_words(scene, phone), (key,), form)
    if form == "linebreak":
        groups = [f"+{phone.calling_code}", *phone.international_groups()]
        at = rng.randrange(1, len(groups))
        sep = rng.choice((" ", "-", "."))
        text = sep.join(groups[:at]) + rng.choice(("\n", " \n", "\n\n")) + sep.join(groups[at:])
        return Rendered(text, (key,), form)
    if form == "zero_width":
        groups = phone.international_groups()
        joiner = rng.choice(("\u200b", "\u200c", "\u200d", "\u2060"))
        return Rendered(f"+{phone.calling_code}{joiner}" + joiner.join(groups), (key,), form)
    if form == "wa_me":
        return _linked(rng, "wa.me", f"/{digits}", "", (key,), form)
    if form == "wa_api":
        query = f"phone={digits}" + rng.choice(("", "", "&text=Hi", "&text=Salam"))
        return _linked(rng, "api.whatsapp.com", "/send", query, (key,), form, scheme=True)
    if form == "tme_plus":
        return _linked(rng, "t.me", f"/+{digits}", "", (key,), form)
    raise ValueError(f"unknown phone form {form!r}")


def _international(rng: random.Random, phone: Phone) -> str:
    groups = _regroup(rng, phone.international_groups())
    sep = rng.choice(_SEPARATORS)
    head = f"+{phone.calling_code}"
    roll = rng.random()
    if roll < 0.1:
        head = f"(+{phone.calling_code})"
    elif roll < 0.2:
        return head + sep + "".join(groups)
    return head + rng.choice((" ", sep)) + sep.join(groups)


def _national(rng: random.Random, phone: Phone) -> str:
    groups = phone.national_groups()
    roll = rng.random()
    if roll < 0.15:
        return "".join(groups)
    return rng.choice((" ", " ", "-", ".", " ")).join(groups)


def _regroup(rng: random.Random, groups: list[str]) -> list[str]:
    """The country's grouping mostly; sometimes pairs or threes, as people retype numbers."""
    if rng.random() < 0.7:
        return groups
    digits = "".join(groups)
    size = rng.choice((2, 3, 4))
    return [digits[i : i + size] for i in range(0, len(digits), size)]


def _layout_for_script(scene: Scene, phone: Phone) -> str:
    """A written layout for a digit-script form: international, 00, or national in its region."""
    rng = scene.rng
    choices = ["intl", "intl", "double_zero"]
    if scene.region == phone.country:
        choices.append("national")
    layout = rng.choice(choices)
    sep = rng.choice((" ", " ", "-", ""))
    if layout == "national":
        return sep.join(phone.national_groups())
    head = "+" + phone.calling_code if layout == "intl" else "00" + phone.calling_code
    return head + (sep or " ") + sep.join(phone.international_groups())


def _keycaps(rng: random.Random, phone: Phone) -> str:
    cap = "\ufe0f\u20e3" if rng.random() < 0.8 else "\u20e3"
    plus = rng.choice(("➕", "+"))
    groups = [phone.calling_code, *phone.international_groups()]
    sep = rng.choice(("", " ", ""))
    return plus + sep.join("".join(d + cap for d in group) for group in groups)


def _lookalike(rng: random.Random, phone: Phone) -> str:
    """Some 0s written O or o and 1s written l or I, inside an international number."""
    groups = phone.international_groups()
    nsn = list("".join(groups))
    spots = [i for i, d in enumerate(nsn) if d in "01" and i > 0]
    rng.shuffle(spots)
    for i in spots[: rng.randint(1, 3)]:
        nsn[i] = rng.choice(("O", "o")) if nsn[i] == "0" else rng.choice(("l", "I"))
    out, at = [], 0
    for group in groups:
        out.append("".join(nsn[at : at + len(group)]))
        at += len(group)
    sep = rng.choice((" ", "-", "."))
    return f"+{phone.calling_code} " + sep.join(out)


def _country_mark(scene: Scene, phone: Phone) -> str:
    """A flag or the language's name of the country, written before a national number as evidence."""
    names = scene.lang.country_names.get(phone.country)
    if names and (phone.country in _NO_FLAG or scene.rng.random() < 0.5):
        return scene.rng.choice(names) + ": "
    return flag(phone.country) + " "


def _english_words(scene: Scene, phone: Phone) -> str:
    """Digit by digit in English words, with double/triple and `oh` as people read numbers out."""
    rng = scene.rng
    national = scene.region == phone.country or rng.random() < 0.3
    if national:
        head = "" if scene.region == phone.country else _country_mark(scene, phone)
        return head + _spell_english(rng, phone.national)
    # A calling code is read digit by digit ("plus four four"), never "plus double four".
    code = " ".join(_EN_DIGITS[int(d)] for d in phone.calling_code)
    return f"plus {code}, " + _spell_english(rng, phone.nsn)


def _spell_english(rng: random.Random, digits: str) -> str:
    words, i = [], 0
    while i < len(digits):
        digit = digits[i]
        run = 1
        while i + run < len(digits) and digits[i + run] == digit and run < 3:
            run += 1
        if run == 3 and rng.random() < 0.6:
            words.append("triple " + _EN_DIGITS[int(digit)])
            i += 3
        elif run >= 2 and rng.random() < 0.7:
            words.append(
                "double " + ("oh" if digit == "0" and rng.random() < 0.5 else _EN_DIGITS[int(digit)])
            )
            i += 2
        else:
            words.append("oh" if digit == "0" and rng.random() < 0.4 else _EN_DIGITS[int(digit)])
            i += 1
    return rng.choice((" ", " ", ", ")).join(words) if len(words) > 1 else words[0]


def french_pair(pair: str) -> str:
    """Two digits as French reads them in a phone number: `06` zéro six, `78` soixante-dix-huit."""
    if pair[0] == "0":
        return "zéro " + _FR_UNITS[int(pair[1])]
    value = int(pair)
    if value < 20:
        return _FR_UNITS[value]
    tens, unit = divmod(value, 10)
    if tens == 7:
        return "soixante et onze" if unit == 1 else "soixante-" + _FR_UNITS[10 + unit]
    if tens == 8:
        return "quatre-vingts" if unit == 0 else "quatre-vingt-" + _FR_UNITS[unit]
    if tens == 9:
        return "quatre-vingt-" + _FR_UNITS[10 + unit]
    word = _FR_TENS[tens]
    if unit == 0:
        return word
    if unit == 1:
        return word + " et un"
    return word + "-" + _FR_UNITS[unit]


def _spell_french(digits: str) -> str:
    """Pairs separated by commas (a plain space would join `soixante douze` into 72)."""
    pairs = []
    if len(digits) % 2:
        pairs.append(_FR_UNITS[int(digits[0])])
        digits = digits[1:]
    pairs.extend(french_pair(digits[i : i + 2]) for i in range(0, len(digits), 2))
    return ", ".join(pairs)


def _french_words(scene: Scene, phone: Phone) -> str:
    """National numbers in pairs (`zéro six, douze, …`), international ones as `plus` and the code's
    digits, then pairs."""
    rng = scene.rng
    if scene.region == phone.country or rng.random() < 0.4:
        head = "" if scene.region == phone.country else _country_mark(scene, phone)
        return head + _spell_french(phone.national)
    code = " ".join(_FR_UNITS[int(d)] for d in phone.calling_code)
    return f"plus {code}, " + _spell_french(phone.nsn)


# --- links ----------------------------------------------------------------------------------------


def url_key(host: str, path: str, query: str = "") -> str:
    """The extractor's canonical url for a link written with this host, path and kept query."""
    return f"url:https://{host.lower()}{path or '/'}" + (f"?{query}" if query else "")


def _linked(
    rng: random.Random,
    host: str,
    path: str,
    query: str,
    keys: tuple[str, ...],
    form: str,
    *,
    scheme: bool = False,
    tracking: str = "",
) -> Rendered:
    """A link, written with or without `https://`, planting `keys` and its own url key."""
    written = ("https://" if scheme or rng.random() < 0.4 else "") + host + path
    if query:
        written += "?" + query
    if tracking:
        written += ("&" if query else "?") + tracking
    return Rendered(written, (*keys, url_key(host, path, query)), form)


# --- handles --------------------------------------------------------------------------------------

LATIN_LABELS: dict[str, tuple[str, ...]] = {
    "telegram": ("Telegram", "telegram", "TG", "tg"),
    "instagram": ("Instagram", "insta", "Insta", "IG", "ig"),
    "tiktok": ("TikTok", "tiktok", "Tiktok"),
    "snapchat": ("Snapchat", "snap", "Snap"),
    "facebook": ("Facebook", "FB", "fb"),
    "x": ("Twitter", "twitter", "Twitter", "X"),
}
HANDLE_FORMS: dict[str, float] = {
    "mention": 30,
    "label_colon": 14,
    "label_at": 10,
    "label_space": 5,
    "label_filler": 3,
    "label_native": 8,
    "link": 22,
    "fb_profile": 4,
}


def handle_forms(scene: Scene, account: Account) -> list[str]:
    """The forms that can name `account` in this scene."""
    forms = []
    for form in HANDLE_FORMS:
        if form == "mention" and (account.platform != scene.platform or scene.platform == "whatsapp"):
            continue
        if form == "label_space" and not any(c.isdigit() or c in "._" for c in account.name or ""):
            continue
        if form == "label_native" and account.platform not in scene.lang.handle_labels:
            continue
        if form == "fb_profile" and account.platform != "facebook":
            continue
        forms.append(form)
    return forms


def render_handle(scene: Scene, account: Account, form: str | None = None) -> Rendered:
    """An account named in text: @mention, a label (`tg: @name`), or a profile link."""
    rng = scene.rng
    if form is None:
        forms = handle_forms(scene, account)
        form = rng.choices(forms, weights=[HANDLE_FORMS[f] for f in forms])[0]
    name = account.name or ""
    key = account.key
    if form == "mention":
        return Rendered("@" + name, (key,), form)
    if form == "fb_profile":
        host = rng.choice(("facebook.com", "www.facebook.com", "m.facebook.com"))
        profile = f"handle:facebook:{account.id}"
        return _linked(rng, host, "/profile.php", f"id={account.id}", (profile,), form)
    if form == "link":
        return _profile_link(rng, account)
    if form == "label_native":
        label = rng.choice(scene.lang.handle_labels[account.platform])
        return Rendered(label + rng.choice((": ", ": @", " @", ":")) + name, (key,), form)
    label = rng.choice(LATIN_LABELS[account.platform])
    if form == "label_colon":
        text = label + rng.choice((": ", ": @", ":", ": ")) + name
    elif form == "label_at":
        text = label + " @" + name
    elif form == "label_space":
        text = label + " " + name
    else:  # label_filler
        text = label + rng.choice((" id: ", " username: @", " is @", " ID: ")) + name
    form = "label_x" if label == "X" else form
    return Rendered(text, (key,), form)


def _profile_link(rng: random.Random, account: Account) -> Rendered:
    name, key, platform = account.name or "", account.key, account.platform
    form = "link"
    if platform == "telegram":
        return _linked(rng, rng.choice(("t.me", "t.me", "telegram.me")), f"/{name}", "", (key,), form)
    if platform == "instagram":
        host = rng.choice(("instagram.com", "www.instagram.com"))
        tracking = f"igsh={rng.getrandbits(48):012x}" if rng.random() < 0.3 else ""
        return _linked(rng, host, f"/{name}", "", (key,), form, tracking=tracking)
    if platform == "tiktok":
        return _linked(rng, rng.choice(("tiktok.com", "www.tiktok.com")), f"/@{name}", "", (key,), form)
    if platform == "x":
        return _linked(rng, rng.choice(("x.com", "twitter.com")), f"/{name}", "", (key,), form)
    if platform == "snapchat":
        return _linked(
            rng, rng.choice(("snapchat.com", "www.snapchat.com")), f"/add/{name}", "", (key,), form
        )
    host = rng.choice(("facebook.com", "www.facebook.com", "fb.com", "m.facebook.com"))
    return _linked(rng, host, f"/{name}", "", (key,), form)


# --- money ----------------------------------------------------------------------------------------


PAYMENT_FORMS = (
    "paypal_link", "revolut_link", "revolut_label", "cashapp_link", "cashapp_label", "venmo_link",
    "venmo_label", "iban_grouped", "iban_compact", "iban_lower", "wallet_btc", "wallet_bech32", "wallet_eth",
    "wallet_tron",
)  # fmt: skip
SITE_FORMS = ("site_bare", "site_www", "site_https", "site_tracking")


def render_payment(scene: Scene, instrument: PaymentTag | BankAccount | Wallet) -> Rendered:
    """A payment tag as a link or label, an IBAN grouped or compact, a wallet after its coin's name."""
    rng = scene.rng
    if isinstance(instrument, BankAccount):
        return _iban(rng, instrument)
    if isinstance(instrument, Wallet):
        return _wallet(rng, instrument)
    key, name, scheme = instrument.key, instrument.name, instrument.scheme
    link = rng.random() < 0.55
    if scheme == "paypal":  # the extractor reads PayPal only from its links
        if rng.random() < 0.2:
            return _linked(rng, "www.paypal.com", f"/paypalme/{name}", "", (key,), "paypal_link", scheme=True)
        return _linked(rng, "paypal.me", f"/{name}", "", (key,), "paypal_link")
    if scheme == "revolut":
        if link:
            return _linked(rng, "revolut.me", f"/{name}", "", (key,), "revolut_link")
        text = rng.choice(("Revolut: @", "Revolut @", "revtag: ", "Revtag @", "Revolut: ")) + name
        return Rendered(text, (key,), "revolut_label")
    if scheme == "cashapp":
        if link:
            return _linked(rng, "cash.app", f"/${name}", "", (key,), "cashapp_link")
        return Rendered(
            rng.choice(("Cash App $", "CashApp: $", "cash app $")) + name, (key,), "cashapp_label"
        )
    if link:
        return _linked(rng, "venmo.com", f"/u/{name}", "", (key,), "venmo_link")
    return Rendered(rng.choice(("Venmo @", "venmo: ", "Venmo: @")) + name, (key,), "venmo_label")


def _iban(rng: random.Random, account: BankAccount) -> Rendered:
    number = account.iban
    roll = rng.random()
    if roll < 0.55:
        body, form = " ".join(number[i : i + 4] for i in range(0, len(number), 4)), "iban_grouped"
    elif roll < 0.9:
        body, form = number, "iban_compact"
    else:
        body, form = number.lower(), "iban_lower"
    return Rendered(rng.choice(("IBAN: ", "IBAN ", "", "iban: ")) + body, (account.key,), form)


_WALLET_LABELS = {
    "tron": ("USDT (TRC20): ", "USDT TRC20 ", "TRC20: ", "USDT ", "Tether TRC20: "),
    "btc": ("BTC: ", "Bitcoin ", "btc ", "BTC "),
    "bech32": ("BTC: ", "Bitcoin: ", "btc "),
    "eth": ("ETH: ", "USDT (ERC20): ", "Ethereum ", "ERC20 "),
}


def _wallet(rng: random.Random, wallet: Wallet) -> Rendered:
    return Rendered(
        rng.choice(_WALLET_LABELS[wallet.form]) + wallet.address, (wallet.key,), "wallet_" + wallet.form
    )


# --- mail and web ---------------------------------------------------------------------------------

EMAIL_FORMS: dict[str, float] = {
    "plain": 30,
    "caps": 8,
    "gmail_dots": 10,
    "gmail_plus": 8,
    "googlemail": 4,
    "bracket_at": 14,
    "paren_at": 10,
    "spoken": 12,
}


def render_email(scene: Scene, mailbox: Mailbox) -> Rendered:
    rng = scene.rng
    gmail = mailbox.domain == "gmail.com"
    forms = [f for f in EMAIL_FORMS if gmail or f not in ("gmail_dots", "gmail_plus", "googlemail")]
    form = rng.choices(forms, weights=[EMAIL_FORMS[f] for f in forms])[0]
    local, domain = mailbox.local, mailbox.domain
    if form == "caps":
        local = local.capitalize() if rng.random() < 0.5 else local.upper()
        domain = domain.capitalize()
    elif form == "gmail_dots":
        plain = local.replace(".", "")
        cuts = sorted(rng.sample(range(1, len(plain)), k=min(len(plain) - 1, rng.randint(1, 3))))
        pieces, last = [], 0
        for cut in cuts:
            pieces.append(plain[last:cut])
            last = cut
        local = ".".join([*pieces, plain[last:]])
    elif form == "gmail_plus":
        local = local + "+" + rng.choice(("booking", "info", "uk", "trip", "1"))
    elif form == "googlemail":
        domain = "googlemail.com"
    if form == "bracket_at":
        at, dot = rng.choice(((" [at] ", " [dot] "), ("[at]", "[dot]"), (" [@] ", "."), ("{at}", "{dot}")))
        return Rendered(local + at + domain.replace(".", dot), (mailbox.key,), form)
    if form == "paren_at":
        at, dot = rng.choice(((" (at) ", " (dot) "), ("(at)", "."), (" (at) ", ".")))
        return Rendered(local + at + domain.replace(".", dot), (mailbox.key,), form)
    if form == "spoken":
        return Rendered(local + " at " + domain.replace(".", " dot "), (mailbox.key,), form)
    return Rendered(f"{local}@{domain}", (mailbox.key,), form)


def render_site(scene: Scene, site: Website) -> Rendered:
    """A website: bare host, www., https:// with a page, or with a tracking tag."""
    rng = scene.rng
    roll = rng.random()
    if roll < 0.35:
        return Rendered(site.host, (url_key(site.host, "/"), site.key), "site_bare")
    if roll < 0.6:
        host = "www." + site.host
        return Rendered(host, (url_key(host, "/"), site.key), "site_www")
    if roll < 0.85:
        return Rendered(
            "https://" + site.host + site.path, (url_key(site.host, site.path), site.key), "site_https"
        )
    text = f"https://{site.host}{site.path}?utm_source={scene.platform}&utm_medium=social"
    return Rendered(text, (url_key(site.host, site.path), site.key), "site_tracking")


def render_aggregator(scene: Scene, name: str) -> Rendered:
    """A link-in-bio page (linktr.ee): the url is the identifier; the host is everyone's."""
    return _linked(scene.rng, "linktr.ee", f"/{name}", "", (), "aggregator_link")
