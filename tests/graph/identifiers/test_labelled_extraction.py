"""Checks on the hand-labelled advert set itself (tests/data/labelled_adverts.jsonl).

These tests do not import the extractor: they make sure that the labels obey the
extractor's contract (canonical keys, valid phones / IBANs / wallets, handle rules)
and that the set keeps its size, language mix and share of hard negatives.
Only phonenumbers, python-stdnum, base58, bech32 and the standard library are used.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import base58
import bech32
import phonenumbers
import pytest
from stdnum import iban as stdnum_iban

DATA = Path(__file__).resolve().parents[2] / "data" / "labelled_adverts.jsonl"

FIELDS = {"id", "lang", "platform", "region", "text", "expected", "note"}
PLATFORMS = {"facebook", "instagram", "tiktok", "x", "telegram", "whatsapp"}
HANDLE_PLATFORMS = {"facebook", "instagram", "tiktok", "x", "telegram", "snapchat"}
SCORED_KINDS = {"phone", "handle", "payment", "email"}
PAYMENT_SCHEMES = {"paypal", "revolut", "cashapp", "venmo", "wise", "iban", "btc", "eth", "tron"}
MAIN_LANGUAGES = {"en", "fr", "ar", "fa", "ckb", "sq", "vi", "tr"}
OTHER_LANGUAGES = {"ps", "ti", "es", "it", "am", "bn", "mixed"}

HANDLE_RULES = {
    "instagram": re.compile(r"[a-z0-9._]{1,30}"),
    "tiktok": re.compile(r"[a-z0-9_.]{2,24}"),
    "x": re.compile(r"[a-z0-9_]{1,15}"),
    "telegram": re.compile(r"[a-z][a-z0-9_]{4,31}"),
    "snapchat": re.compile(r"[a-z][a-z0-9._-]{2,14}"),
    # dots are removed from Facebook names in the key; numeric profile ids are kept
    "facebook": re.compile(r"[a-z0-9]{5,50}"),
}
PAYMENT_NAME_RULES = {
    "paypal": re.compile(r"[a-z0-9]{1,20}"),
    "revolut": re.compile(r"[a-z0-9._-]{3,32}"),
    "cashapp": re.compile(r"[a-z][a-z0-9_]{0,19}"),
    "venmo": re.compile(r"[a-z0-9_-]{5,30}"),
    "wise": re.compile(r"[a-z0-9._-]{3,32}"),
}
EMAIL_RE = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}")
ID_RE = re.compile(r"([a-z]+)-(\d{3})")


def _load() -> list[dict]:
    records = []
    with DATA.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            assert line.strip(), f"blank line {lineno}"
            records.append(json.loads(line))
    return records


RECORDS = _load()


def _is_negative(rec: dict) -> bool:
    return not rec["expected"] or "negative" in rec["note"].lower()


def _all_keys():
    for rec in RECORDS:
        for key in rec["expected"]:
            yield rec, key


def test_file_is_utf8_without_ascii_escapes():
    raw = DATA.read_bytes().decode("utf-8")
    assert "\\u06" not in raw, "write with ensure_ascii=False"
    assert raw.endswith("\n")


def test_size_and_unique_ids():
    assert len(RECORDS) >= 300
    ids = [r["id"] for r in RECORDS]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, dupes


@pytest.mark.parametrize("rec", RECORDS, ids=lambda r: r["id"])
def test_record_shape(rec):
    assert set(rec) == FIELDS
    m = ID_RE.fullmatch(rec["id"])
    assert m and m.group(1) == rec["lang"], "id is <lang>-NNN"
    assert rec["lang"] in MAIN_LANGUAGES | OTHER_LANGUAGES
    assert rec["platform"] in PLATFORMS
    region = rec["region"]
    assert region is None or region in phonenumbers.SUPPORTED_REGIONS
    assert isinstance(rec["text"], str) and rec["text"].strip()
    assert isinstance(rec["note"], str) and rec["note"].strip()
    exp = rec["expected"]
    assert isinstance(exp, list)
    assert exp == sorted(set(exp)), "expected must be sorted and without duplicates"
    for key in exp:
        assert key.split(":", 1)[0] in SCORED_KINDS, key


def test_languages():
    counts = Counter(r["lang"] for r in RECORDS)
    for lang in MAIN_LANGUAGES:
        assert counts[lang] >= 25, (lang, counts[lang])
    assert sum(1 for n in counts.values() if n >= 25) >= 8
    # the smaller languages are present too
    for lang in OTHER_LANGUAGES:
        assert counts[lang] >= 3, (lang, counts[lang])


def test_phone_keys_are_valid_e164():
    for rec, key in _all_keys():
        if not key.startswith("phone:"):
            continue
        number = key.removeprefix("phone:")
        assert re.fullmatch(r"\+[1-9]\d{6,14}", number), (rec["id"], key)
        parsed = phonenumbers.parse(number, None)
        assert phonenumbers.is_valid_number(parsed), (rec["id"], key)
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number


def test_handle_keys_follow_platform_rules():
    for rec, key in _all_keys():
        if not key.startswith("handle:"):
            continue
        parts = key.split(":")
        assert len(parts) == 3, (rec["id"], key)
        _, platform, name = parts
        assert platform in HANDLE_PLATFORMS, (rec["id"], key)
        assert HANDLE_RULES[platform].fullmatch(name), (rec["id"], key)
        # the name (case-insensitively; Facebook without its dots) is written in the advert
        text = rec["text"].lower()
        if platform == "facebook":
            text = text.replace(".", "")
        assert name in text, (rec["id"], key)


def _base58check(address: str) -> bytes | None:
    try:
        return base58.b58decode_check(address)
    except ValueError:
        return None


def _payment_ok(scheme: str, ident: str) -> bool:
    if scheme == "iban":
        return ident == ident.upper() and " " not in ident and stdnum_iban.is_valid(ident)
    if scheme == "btc":
        if ident.startswith("bc1"):
            witver, prog = bech32.decode("bc", ident)
            return ident == ident.lower() and witver is not None and prog is not None
        raw = _base58check(ident)
        return raw is not None and len(raw) == 21 and raw[0] in (0x00, 0x05)
    if scheme == "tron":
        raw = _base58check(ident)
        return ident.startswith("T") and raw is not None and len(raw) == 21 and raw[0] == 0x41
    if scheme == "eth":
        return re.fullmatch(r"0x[0-9a-f]{40}", ident) is not None
    return PAYMENT_NAME_RULES[scheme].fullmatch(ident) is not None


def test_payment_keys_are_valid():
    for rec, key in _all_keys():
        if not key.startswith("payment:"):
            continue
        parts = key.split(":")
        assert len(parts) == 3, (rec["id"], key)
        _, scheme, ident = parts
        assert scheme in PAYMENT_SCHEMES, (rec["id"], key)
        assert _payment_ok(scheme, ident), (rec["id"], key)
        # the identifier is written in the advert (IBANs may be split in groups)
        squeezed = re.sub(r"\s+", "", rec["text"])
        if scheme == "iban":
            assert ident in squeezed.upper(), (rec["id"], key)
        elif scheme in ("eth", "btc") and ident.startswith(("0x", "bc1")):
            assert ident in squeezed.lower(), (rec["id"], key)
        elif scheme in ("btc", "tron"):
            assert ident in squeezed, (rec["id"], key)
        else:
            assert ident in rec["text"].lower(), (rec["id"], key)


def test_email_keys_are_canonical():
    for rec, key in _all_keys():
        if not key.startswith("email:"):
            continue
        address = key.removeprefix("email:")
        assert EMAIL_RE.fullmatch(address), (rec["id"], key)
        local, domain = address.rsplit("@", 1)
        assert domain != "googlemail.com", (rec["id"], key)
        if domain == "gmail.com":
            assert "." not in local and "+" not in local, (rec["id"], key)
            squeezed = rec["text"].lower().replace(".", "")
            assert local in squeezed, (rec["id"], key)
        else:
            assert address in rec["text"].lower(), (rec["id"], key)


def test_share_of_hard_negatives():
    negatives = sum(1 for r in RECORDS if _is_negative(r))
    empty = sum(1 for r in RECORDS if not r["expected"])
    assert negatives >= 0.25 * len(RECORDS), (negatives, len(RECORDS))
    assert empty >= 20


def test_coverage_of_kinds():
    keys = [k for _, k in _all_keys()]
    schemes = Counter(k.split(":")[1] for k in keys if k.startswith("payment:"))
    assert schemes["iban"] >= 6
    assert schemes["btc"] >= 5
    assert schemes["eth"] >= 5
    assert schemes["tron"] >= 4
    for scheme in ("paypal", "revolut", "cashapp", "venmo"):
        assert schemes[scheme] >= 3, scheme
    ibans = {k.split(":")[2][:2] for k in keys if k.startswith("payment:iban:")}
    assert len(ibans) >= 4, ibans
    platforms = Counter(k.split(":")[1] for k in keys if k.startswith("handle:"))
    for platform in HANDLE_PLATFORMS:
        assert platforms[platform] >= 5, platform
    assert sum(1 for k in keys if k.startswith("email:")) >= 10
    assert any(k.startswith("email:") and k.endswith("@gmail.com") for k in keys)
    countries = {
        phonenumbers.region_code_for_number(phonenumbers.parse(k.removeprefix("phone:")))
        for k in keys
        if k.startswith("phone:")
    }
    assert len(countries) >= 15, countries
