"""Payment tags next to their service's name, and IBANs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identifiers import extract, payment, servicelabels
from graph.identifiers.document import Document, fold_case
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PayPal @DoverExp22", "payment:paypal:doverexp22"),
        ("paypal: DoverExpress", "payment:paypal:doverexpress"),
        ("PayPal - doverexpress", "payment:paypal:doverexpress"),
        ("Revolut @mikeroutes", "payment:revolut:mikeroutes"),
        ("revolut: mikeroutes", "payment:revolut:mikeroutes"),
        ("Revtag @mikeroutes", "payment:revolut:mikeroutes"),
        ("Cash App $BorderRunner", "payment:cashapp:borderrunner"),
        ("cashapp BorderRunner", "payment:cashapp:borderrunner"),
        ("Cash App: borderrunner", "payment:cashapp:borderrunner"),
        ("Venmo @Coyote-Mike", "payment:venmo:coyote-mike"),
        ("Wise @mikeroutes", "payment:wise:mikeroutes"),
        ("Wisetag mikeroutes", "payment:wise:mikeroutes"),
        ("paiement PayPal : doverexpress", "payment:paypal:doverexpress"),
        ("الدفع بايبال: doverexpress", "payment:paypal:doverexpress"),
        ("پرداخت با پی\u200cپال: doverexpress", "payment:paypal:doverexpress"),
        ("Ödeme PayPal'dan @doverexpress", "payment:paypal:doverexpress"),
        ("pagesa me PayPal @doverexpress", "payment:paypal:doverexpress"),
        ("chuyển khoản PayPal @doverexpress", "payment:paypal:doverexpress"),
        ("per PayPal an @doverexpress", "payment:paypal:doverexpress"),
        ("pagamento PayPal a @doverexpress", "payment:paypal:doverexpress"),
        ("PayPal 👉 @doverexpress", "payment:paypal:doverexpress"),  # arrows point to the tag
        ("PayPal ➡️ doverexpress", "payment:paypal:doverexpress"),
        ("Revolut: 👉 mikeroutes", "payment:revolut:mikeroutes"),
        ("PayPal => doverexpress", "payment:paypal:doverexpress"),
        ("pay with Cash App -> $BorderRunner", "payment:cashapp:borderrunner"),
    ],
)
def test_tag_after_its_service_name(text, expected):
    assert keys(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "PayPal accepted",
        "pay by PayPal or cash",
        "Revolut card",
        "we take Cash App too",
        "Payment: PayPal - Revolut - cash on arrival",
        "Revolut - Monzo - Wise",  # other means of payment listed after one
        "PayPal: +44 7400 123456",  # a phone, read by the phone finder
        "PayPal: 2500 per person",
        "PayPal to Ahmed after arrival",  # a bare word after a filler is not marked as a tag
        "be wise @ night",
        "paiement PayPal : accepté",
        "Zahlung per PayPal oder bar",
        "PayPal kabul edilir",
        "PayPal 👉 accepted",
        "PayPal 👇",
        "PayPal 👉 DM me",  # an arrow to how to reach the seller, not to a tag
        "PayPal 👉 whatsapp",
        "Revolut -> instant",
        "PayPal > Stripe",
        "PayPal 👉 me",
    ],
)
def test_service_name_in_prose_is_not_a_tag(text):
    assert keys(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ادفع بايبال 👈 @KhaledExpress وأرسل الإيصال", "payment:paypal:khaledexpress"),  # right to left
        ("پرداخت با رولوت ➡️ @aminpay", "payment:revolut:aminpay"),  # Persian
        ("ڕیڤۆلوت ➡️ @shvank90 پاشان وێنە بنێرە", "payment:revolut:shvank90"),  # Sorani
        ("پیسې په پې پال: GulTransport ولېږئ", "payment:paypal:gultransport"),  # Pashto
        ("Ödeme Wise üzerinden @kemal_yolcu hesabına", "payment:wise:kemal_yolcu"),  # Turkish "via"
        ("الدفع عبر Wise تاغ: hamzatransfer", "payment:wise:hamzatransfer"),  # Arabic "tag"
        ("Πληρωμή μέσω Revolut μέσω @nikos_tr", "payment:revolut:nikos_tr"),
        ("send it on cash app $ AbuJTravel and the picture", "payment:cashapp:abujtravel"),  # spaced sigil
        ("Payment Wise (@docsfastuk) or Revolut", "payment:wise:docsfastuk"),  # in brackets
        ("PayPal'a min: azadkurdpay û IBAN", "payment:paypal:azadkurdpay"),  # Kurmanji "my"
        ("Chuyển cọc qua Revolut của em: @tuan_nguyen91", "payment:revolut:tuan_nguyen91"),
    ],
)
def test_tag_after_its_service_name_in_more_scripts(text, expected):
    # On Instagram, where each of these names could be a handle: the tag is the service's alone.
    assert [found.key for found in extract(text, platform="instagram")] == [expected]


@pytest.mark.parametrize(
    "text",
    ["nous acceptons PayPal - le plus simple", "PayPal ile ödeme kabul edilir", "پی پال قبول میکنیم"],
)
def test_articles_and_prose_after_a_service_name_are_not_tags(text):
    assert keys(text) == []


def test_tag_after_service_name_is_not_a_platform_handle():
    found = extract("Deposit by PayPal @DoverExp22, DM @dover_boats", platform="instagram")
    assert [i.key for i in found] == ["payment:paypal:doverexp22", "handle:instagram:dover_boats"]


def test_tag_an_arrow_points_to_is_not_a_platform_handle():
    found = extract("PayPal 👉 @DoverExp22 | DM 👉 @dover_boats", platform="instagram")
    assert [i.key for i in found] == ["payment:paypal:doverexp22", "handle:instagram:dover_boats"]


def test_an_arrow_with_a_skin_tone_points_as_well():
    assert [i.key for i in extract("PayPal 👉🏽 @DoverExp22", platform="instagram")] == [
        "payment:paypal:doverexp22"
    ]


def test_an_arrow_to_a_contact_word_leaves_the_handle_after_it():
    found = extract("PayPal 👉 DM 👉 @dover_boats", platform="instagram")
    assert [i.key for i in found] == ["handle:instagram:dover_boats"]


def test_invalid_tag_after_service_name_is_claimed_but_not_kept():
    # PayPal names have no underscore: not a PayPal tag, and still not the advert's Instagram account.
    assert [i.key for i in extract("PayPal @dover_exp", platform="instagram")] == []


def test_tag_after_name_and_in_a_link_are_one_key():
    text = "paypal.me/DoverExpress or PayPal @doverexpress; revolut.me/mikeroutes = Revolut: @MikeRoutes"
    payments = sorted({i.key for i in extract(text) if i.kind == "payment"})
    assert payments == ["payment:paypal:doverexpress", "payment:revolut:mikeroutes"]
    assert {i.key for i in extract("cash.app/$BorderRunner")} >= {keys("cashapp: BorderRunner")[0]}
    assert {i.key for i in extract("wise.com/pay/me/mikeroutes")} >= {keys("Wise @mikeroutes")[0]}


def test_wallet_after_its_currency_label():
    tron = "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC"
    for text in (f"USDT (TRC20): {tron}", f"USDT TRC-20 - {tron}"):
        assert [i.key for i in extract(text, platform="telegram")] == [f"payment:tron:{tron}"]
    btc = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
    assert [i.key for i in extract(f"BTC: {btc}", platform="telegram")] == [f"payment:btc:{btc}"]


def test_cashtag_needs_the_words_cash_app_nearby():
    assert keys("Cash App $BorderRunner88 only") == ["payment:cashapp:borderrunner88"]
    assert keys("$BorderRunner88 on CashApp") == ["payment:cashapp:borderrunner88"]
    assert keys("Send $BorderRunner88 the deposit") == []
    far = "Cash App accepted. " + "x" * 60 + " $BorderRunner88"
    assert keys(far) == []
    assert keys("cash app\n$BorderRunner88") == []  # not on the same line


def test_cashtag_is_read_beside_the_closest_label_among_many():
    labels = "Cash App, " * 30
    assert keys(labels + "\n$BorderRunner88 on Cash App") == ["payment:cashapp:borderrunner88"]
    assert keys(labels + "x" * 60 + " $BorderRunner88") == []
    assert keys("$BorderRunner88 " + "x" * 60 + " " + labels) == []


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
        ("wise", "@MikeRoutes", "mikeroutes"),
        ("wise", "m", None),
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
    assert payment.clean("@MikeRoutes", platform="Wisetag").key == keys("Wise @mikeroutes")[0]
    assert payment.clean("Dover-Express", platform="paypal") is None
    assert payment.clean("mikeroutes", platform="zelle") is None


# --- IBAN ---------------------------------------------------------------------------------------


def test_iban_in_groups_compact_and_lower_case():
    assert keys("Deposit by bank transfer: GB90 HZOT 3692 4747 6073 35 (name K. Ahmed)") == [
        "payment:iban:GB90HZOT36924747607335"
    ]
    assert keys("IBAN de89370400440532013000") == ["payment:iban:DE89370400440532013000"]
    assert keys("FR14 2004 1010 0505 0001 3M02 606.") == ["payment:iban:FR1420041010050500013M02606"]


@pytest.mark.parametrize(
    "text",
    [
        "IBAN : BE49-3583-8977-7471 Titulaire",  # dashes
        "IBAN\nBE49 3583\n8977 7471\nBIC: GEBABEBB",  # pasted across line breaks
        "BE49 3583 8977 7471\nMerci",
    ],
)
def test_iban_with_dashes_or_across_lines(text):
    assert keys(text) == ["payment:iban:BE49358389777471"]


def test_iban_across_lines_with_a_wrong_check_digit_is_not_one():
    assert keys("IBAN\nBE48 3583\n8977 7471") == []


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


SERVICE_PIECES = st.sampled_from(
    ["PayPal", "pay pal", "PAY-PAL", "revolut", "RevTag", "cash app", "CashTag", "Venmo", "Wise", "WISE",
     "wise", "wiſe tag", "TransferWise", "بايبال", "باي بال", "'dan", "’a", " ", "\n", ":", "@", "$",
     "boat_1", "x", ".", "/", "\u0130", "\x00"]
)  # fmt: skip


@given(st.lists(SERVICE_PIECES, max_size=10).map("".join))
def test_a_text_naming_a_service_passes_the_quick_test(text: str) -> None:
    if servicelabels._LABEL_RE.search(text):
        assert servicelabels._NAME_HINT_RE.search(fold_case(text))


IBAN_PIECES = st.sampled_from(["GB", "gb", "82", "0", "WEST", "1234", " ", "  ", "x", "-", "\n", "é", "DE89"])


@given(st.lists(IBAN_PIECES, max_size=16).map("".join))
def test_a_text_with_an_iban_candidate_passes_the_quick_test(text: str) -> None:
    if payment._IBAN_RE.search(text):
        assert payment._IBAN_HINT_RE.search(text)
