"""Written forms: every obfuscation is used, and each one plants the key it was made from."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from graph.synth.identities import Account, Mailbox
from graph.synth.languages import LANGUAGES
from graph.synth.phones import PhoneBook
from graph.synth.render import (
    EMAIL_FORMS,
    HANDLE_FORMS,
    PAYMENT_FORMS,
    PHONE_FORMS,
    SITE_FORMS,
    Scene,
    french_pair,
    phone_forms,
    render_email,
    render_handle,
    render_phone,
    url_key,
)

ALL_FORMS = {
    *PHONE_FORMS, *HANDLE_FORMS, "label_x", *EMAIL_FORMS, *PAYMENT_FORMS, *SITE_FORMS, "aggregator_link"
}  # fmt: skip


def test_every_form_is_used(large_corpus) -> None:
    used = Counter(form for t in large_corpus.truth for form in set(t["forms"].values()))
    assert ALL_FORMS - set(used) == set()
    assert set(used) <= ALL_FORMS


def test_every_phone_form_is_used_in_the_small_corpus(corpus) -> None:
    used = {form for t in corpus.truth for form in t["forms"].values()}
    assert set(PHONE_FORMS) <= used


@pytest.fixture(scope="module")
def phones():
    book = PhoneBook(random.Random(5))
    return {country: book.new(country) for country in ("GB", "FR", "IT", "TN", "IR", "VN")}


EN_DIGIT = re.compile(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b")
# What each form's text must show, whatever the number.
SHOWS = {
    "e164": lambda t, p: t == p.e164,
    "intl": lambda t, p: t.lstrip("(").startswith("+" + p.calling_code),
    "intl_trunk_paren": lambda t, p: "(0)" in t or "(0) " in t,
    "intl_trunk": lambda t, p: f"+{p.calling_code} 0" in t,
    "double_zero": lambda t, p: t.replace(" ", "").startswith("00" + p.calling_code),
    "bare_cue": lambda t, p: t.replace(" ", "") == p.calling_code + p.nsn,
    "national_region": lambda t, p: t.startswith(p.trunk) and "+" not in t,
    "national_flag": lambda t, p: any(0x1F1E6 <= ord(c) <= 0x1F1FF for c in t),
    "national_name": lambda t, p: any(c.isalpha() for c in t),
    "arabic_indic": lambda t, p: any("٠" <= c <= "٩" for c in t),
    "persian": lambda t, p: any("۰" <= c <= "۹" for c in t),
    "fullwidth": lambda t, p: any("０" <= c <= "９" for c in t),
    "keycap": lambda t, p: "\u20e3" in t,
    "lookalike": lambda t, p: any(c in "OolI" for c in t),
    "words_en": lambda t, p: not any(c.isdigit() for c in t) and len(EN_DIGIT.findall(t)) >= 5,
    "words_fr": lambda t, p: not any(c.isdigit() for c in t),
    "linebreak": lambda t, p: "\n" in t,
    "zero_width": lambda t, p: any(c in "\u200b\u200c\u200d\u2060" for c in t),
    "wa_me": lambda t, p: t.endswith("wa.me/" + p.calling_code + p.nsn),
    "wa_api": lambda t, p: f"api.whatsapp.com/send?phone={p.calling_code}{p.nsn}" in t,
    "tme_plus": lambda t, p: t.endswith(f"t.me/+{p.calling_code}{p.nsn}"),
}


def test_every_phone_form_is_checked() -> None:
    assert set(SHOWS) == set(PHONE_FORMS)


@pytest.mark.parametrize("form", list(PHONE_FORMS))
def test_each_phone_form_plants_the_number_in_its_own_way(phones, form) -> None:
    lang = {"words_en": "en", "words_fr": "fr", "arabic_indic": "ar", "persian": "fa"}.get(form, "en")
    rendered_any = False
    for country, phone in phones.items():
        for seed in range(20):
            scene = Scene(random.Random(seed), LANGUAGES[lang], "facebook", country if seed % 2 else None)
            if form not in phone_forms(scene, phone, cue=True):
                continue
            rendered = render_phone(scene, phone, form)
            rendered_any = True
            assert rendered.keys[0] == phone.key and rendered.form == form
            assert SHOWS[form](rendered.text, phone), (form, rendered.text)
            if form in ("wa_me", "wa_api", "tme_plus"):
                assert rendered.keys[1].startswith("url:https://")
    assert rendered_any


def test_national_forms_only_where_the_country_can_be_known(phones) -> None:
    phone = phones["GB"]
    elsewhere = Scene(random.Random(1), LANGUAGES["en"], "x", "FR")
    at_home = Scene(random.Random(1), LANGUAGES["en"], "x", "GB")
    assert "national_region" not in phone_forms(elsewhere, phone, cue=False)
    assert "national_region" in phone_forms(at_home, phone, cue=False)
    assert "bare_cue" not in phone_forms(at_home, phone, cue=False)


@pytest.mark.parametrize(
    ("pair", "words"),
    [
        ("06", "zéro six"),
        ("12", "douze"),
        ("21", "vingt et un"),
        ("34", "trente-quatre"),
        ("70", "soixante-dix"),
        ("71", "soixante et onze"),
        ("78", "soixante-dix-huit"),
        ("80", "quatre-vingts"),
        ("81", "quatre-vingt-un"),
        ("91", "quatre-vingt-onze"),
        ("99", "quatre-vingt-dix-neuf"),
    ],
)
def test_french_reads_numbers_in_pairs(pair: str, words: str) -> None:
    assert french_pair(pair) == words


def test_handles_are_keyed_lower_case_and_facebook_without_dots() -> None:
    scene = Scene(random.Random(3), LANGUAGES["en"], "facebook", None)
    account = Account("facebook", "Safe.Travel.UK24", "100000000000001", "Safe Travel")
    assert account.key == "handle:facebook:safetraveluk24"
    assert render_handle(scene, account, "mention").text == "@Safe.Travel.UK24"
    profile = render_handle(scene, account, "fb_profile")
    assert profile.keys[0] == "handle:facebook:100000000000001"
    link = render_handle(scene, Account("tiktok", "Boat_UK", "1", "x"), "link")
    assert link.keys == (
        "handle:tiktok:boat_uk",
        url_key(link.text.removeprefix("https://").split("/")[0], "/@Boat_UK"),
    )


def test_gmail_addresses_are_keyed_without_dots_and_tags() -> None:
    mailbox = Mailbox("safe.trip.123", "gmail.com")
    assert mailbox.key == "email:safetrip123@gmail.com"
    for seed in range(30):
        rendered = render_email(Scene(random.Random(seed), LANGUAGES["en"], "x", None), mailbox)
        assert rendered.keys == ("email:safetrip123@gmail.com",)
    assert Mailbox("Safe.Trip", "hotmail.com").key == "email:safe.trip@hotmail.com"
