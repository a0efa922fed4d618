"""Payment tags next to their service's name, and IBANs."""

from __future__ import annotations

import pytest

from graph.identifiers.document import Document
from graph.identifiers.payment import Payment, canonical_tag, iban_length


def find(text: str) -> list:
    return list(Payment().find(Document(text)))


def keys(text: str) -> list[str]:
    return [found.key for found in find(text)]


# --- tags ---------------------------------------------------------------------------------------


def test_labelled_revolut_and_venmo_tags():
    assert keys("Pay with Venmo @Coyote-Mike or Revolut @mikeroutes, then send the receipt") == [
        "payment:venmo:coyote-mike",
        "payment:revolut:mikeroutes",
    ]
    assert keys("Revolut: @BoatPay.") == ["payment:revolut:boatpay"]
    assert keys("revtag boat_pay2") == ["payment:revolut:boat_pay2"]
    assert keys("Venmo: border-runner") == ["payment:venmo:border-runner"]


def test_prose_after_a_service_name_is_not_a_tag():
    assert keys("We take Revolut only, or Venmo transfers") == []
    assert keys("Venmo: please ask first") == []


def test_tags_breaking_the_service_rules_are_dropped():
    assert keys("venmo @x") == []  # Venmo names are at least 5 characters
    assert keys("Revolut @ab") == []  # revtags are at least 3


def test_cashtag_needs_the_words_cash_app_nearby():
    assert keys("Cash App $BorderRunner88 only") == ["payment:cashapp:borderrunner88"]
    assert keys("$BorderRunner88 on CashApp") == ["payment:cashapp:borderrunner88"]
    assert keys("Send $BorderRunner88 the deposit") == []
    far = "Cash App accepted. " + "x" * 60 + " $BorderRunner88"
    assert keys(far) == []
    assert keys("cash app\n$BorderRunner88") == []  # not on the same line


def test_prices_are_not_cashtags():
    assert keys("Price $5k or $2500 by Cash App") == []
    assert keys("Cash App $Border_Runner") == []  # Cash App allows no symbols


def test_tag_span_points_at_the_original_text():
    text = "٢٠٢٤\u200b Revolut: @mikeroutes"
    found = find(text)[0]
    assert found.key == "payment:revolut:mikeroutes"
    assert text[found.span[0] : found.span[1]] == "@mikeroutes"
    assert found.value == "@mikeroutes"


@pytest.mark.parametrize(
    ("scheme", "name", "expected"),
    [
        ("paypal", "DoverExpress", "doverexpress"),
        ("paypal", "Dover_Express", None),
        ("paypal", "a" * 21, None),
        ("cashapp", "$BorderRunner88", "borderrunner88"),
        ("cashapp", "$5k", None),
        ("cashapp", "b" * 21, None),
        ("venmo", "@Coyote-Mike", "coyote-mike"),
        ("venmo", "mike", None),
        ("revolut", "@doverexp22", "doverexp22"),
        ("revolut", "ab", None),
        ("revolut", ".dover", None),
    ],
)
def test_name_rules(scheme, name, expected):
    assert canonical_tag(scheme, name) == expected


def test_clean_gives_the_same_key_as_find():
    payment = Payment()
    assert payment.clean("$BorderRunner88").key == "payment:cashapp:borderrunner88"
    assert payment.clean("BorderRunner88", platform="Cash App").key == "payment:cashapp:borderrunner88"
    assert payment.clean("@MikeRoutes", platform="revolut").key == keys("Revolut @mikeroutes")[0]
    assert payment.clean("venmo:Coyote-Mike").key == "payment:venmo:coyote-mike"
    assert payment.clean("Dover-Express", platform="paypal") is None
    assert payment.clean("mikeroutes", platform="zelle") is None


# --- IBAN ---------------------------------------------------------------------------------------


def test_iban_in_groups_compact_and_lower_case():
    assert keys("Deposit by bank transfer: GB90 HZOT 3692 4747 6073 35 (name K. Ahmed)") == [
        "payment:iban:GB90HZOT36924747607335"
    ]
    assert keys("IBAN de89370400440532013000") == ["payment:iban:DE89370400440532013000"]
    assert keys("FR14 2004 1010 0505 0001 3M02 606.") == ["payment:iban:FR1420041010050500013M02606"]


def test_iban_country_and_span():
    text = "\u200b٣ IBAN: gb82 west 1234 5698 7654 32 call me"
    found = find(text)[0]
    assert found.key == "payment:iban:GB82WEST12345698765432"
    assert found.country == "GB"
    assert text[found.span[0] : found.span[1]] == "gb82 west 1234 5698 7654 32"


def test_iban_with_wrong_check_digits_or_length_is_not_an_identifier():
    assert keys("GB91 HZOT 3692 4747 6073 35") == []  # check digits changed
    assert keys("GB90 HZOT 3692 4747 6073 36") == []  # last digit changed
    assert keys("GB90HZOT36924747607335X") == []  # runs on into a longer token
    assert keys("XX90 HZOT 3692 4747 6073 35") == []  # no such country


def test_iban_after_a_failed_candidate_is_still_found():
    assert keys("ref AB12 GB90 HZOT 3692 4747 6073 35") == ["payment:iban:GB90HZOT36924747607335"]


def test_iban_clean_matches_find():
    assert Payment().clean("gb90 hzot 3692 4747 6073 35").key == "payment:iban:GB90HZOT36924747607335"
    assert Payment().clean("GB91HZOT36924747607335") is None
    assert iban_length("GB") == 22
    assert iban_length("US") is None
