"""Email addresses, plain and obfuscated, and their canonical keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identifiers import email
from graph.identifiers.document import Document, fold_case
from graph.identifiers.email import Email


def find(text: str) -> list:
    return list(Email().find(Document(text)))


def keys(text: str) -> list[str]:
    return [found.key for found in find(text)]


def test_address_is_lower_cased_and_other_providers_keep_dots_and_tags():
    assert keys("Write to k.ahmed.travel@outlook.com or K.AHMED.TRAVEL@OUTLOOK.COM") == [
        "email:k.ahmed.travel@outlook.com",
        "email:k.ahmed.travel@outlook.com",
    ]
    assert keys("sara+visa@boats-uk.co.uk") == ["email:sara+visa@boats-uk.co.uk"]


def test_gmail_dots_tags_and_googlemail_give_one_key():
    assert keys("passports.fast@gmail.com or Passports.Fast+orders@googlemail.com") == [
        "email:passportsfast@gmail.com",
        "email:passportsfast@gmail.com",
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("sara [at] gmail [dot] com", "email:sara@gmail.com"),
        ("sara(at)boats-uk.co.uk", "email:sara@boats-uk.co.uk"),
        ("SARA (AT) Yahoo (DOT) fr", "email:sara@yahoo.fr"),
        ("sara{at}boats-uk.com", "email:sara@boats-uk.com"),
        ("sara [@] boats-uk [.] com", "email:sara@boats-uk.com"),
        ("sara.k at gmail dot com", "email:sarak@gmail.com"),
        ("sara at hotmail.co.uk", "email:sara@hotmail.co.uk"),
    ],
)
def test_obfuscated_addresses(text, key):
    found = find(f"Contact: {text}. Thanks")
    assert [f.key for f in found] == [key]
    assert found[0].value == text


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "ahmad dot rezaei at outlook dot com",
            "email:ahmad.rezaei@outlook.com",
        ),  # dots spelled in the local
        ("nadia.coiffure arobase orange point fr", "email:nadia.coiffure@orange.fr"),
        ("julie.marchand chez laposte point net", "email:julie.marchand@laposte.net"),
        ("marco.rossi84 chiocciola libero punto it", "email:marco.rossi84@libero.it"),
        ("kontakt Punkt reisen (at) gmx Punkt de", "email:kontakt.reisen@gmx.de"),
        ("nikos.papas παπάκι yahoo τελεία gr", "email:nikos.papas@yahoo.gr"),
        ("thao.nail a còng gmail chấm com", "email:thaonail@gmail.com"),
        ("ahmet.demir et outlook nokta com", "email:ahmet.demir@outlook.com"),
        ("omar.salem1990 آت yahoo دوت com", "email:omar.salem1990@yahoo.com"),
        (
            "info arobase boats-uk point fr",
            "email:info@boats-uk.fr",
        ),  # a word only ever meaning @: any domain
    ],
)
def test_addresses_spoken_in_the_advert_languages(text, key):
    assert [f.key for f in find(f"Contact: {text}. Thanks")] == [key]


@pytest.mark.parametrize(
    "text",
    ["Pierre et Marie at home dot", "rendez-vous chez Paul point final", "we meet at boats-uk point fr"],
)
def test_everyday_words_for_at_need_a_mail_provider(text):
    assert find(text) == []


def test_prose_is_not_an_address():
    assert keys("We meet at noon. Come at dover dot com time") == []
    assert keys("sara at boats-uk dot com") == []  # spoken form only for known mail providers
    assert keys("we are at gmail dot company") == []


def test_invalid_addresses_are_dropped():
    assert keys("sara@boats.invalidtld") == []
    assert keys("sara@localhost") == []
    assert keys("@sara.travel") == []
    assert keys("https://user@boats-uk.com/login") == []  # the user part of a link


def test_a_sentence_glued_after_the_address_is_not_part_of_it():
    assert keys("mail x@gmail.com.Then call") == ["email:x@gmail.com"]
    assert keys("Mail Sara@Gmail.Com") == ["email:sara@gmail.com"]
    assert keys("راسلنيsara@gmail.comللتواصل") == ["email:sara@gmail.com"]


def test_punycode_domain_is_decoded():
    assert keys("info@xn--bcher-kva.de") == ["email:info@bücher.de"]


def test_span_points_at_the_original_text():
    text = "\u200b\u200c٠٧ sara [at] gmail [dot] com"
    found = find(text)[0]
    assert text[found.span[0] : found.span[1]] == "sara [at] gmail [dot] com"
    text = "رقم ٤٤\u200b Sara.K@Gmail.com!"
    found = find(text)[0]
    assert text[found.span[0] : found.span[1]] == "Sara.K@Gmail.com"
    assert found.value == "Sara.K@Gmail.com"


def test_clean_gives_the_same_key_as_find():
    email = Email()
    assert email.clean(" Passports.Fast+orders@googlemail.com ").key == keys("passportsfast@gmail.com")[0]
    assert email.clean("mailto:K.Ahmed@Outlook.com").key == "email:k.ahmed@outlook.com"
    assert email.clean("sara [at] gmail [dot] com").key == "email:sara@gmail.com"
    assert email.clean("sara@nowhere") is None
    assert email.clean("not an email") is None


SPOKEN_PIECES = st.sampled_from(
    ["sara", " at ", " AT ", "\tAt\t", "\u00a0at\u00a0", "at", "gmail", "GMAIL", " dot ", "com", "yahoo", ".",
     "\n", " ", "\x00", "a", " arobase ", " PUNKT ", " (at) ", " chiocciola ", " τελεία ", "boats", "fr"]
)  # fmt: skip


@given(st.lists(SPOKEN_PIECES, max_size=10).map("".join))
def test_a_spoken_address_passes_the_quick_test(text: str) -> None:
    if email._SPOKEN_RE.search(text):
        assert email._AT_WORD_RE.search(fold_case(text))
        assert email._SPOKEN_HINT_RE.search(fold_case(text))
