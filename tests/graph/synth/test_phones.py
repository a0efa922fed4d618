"""Planted numbers: valid mobile numbers of their country, never repeated; look-alikes one digit off."""

import random

import phonenumbers
import pytest

from graph.synth.phones import MOBILE_RANGES, PhoneBook, check_digit


@pytest.mark.parametrize("country", sorted(MOBILE_RANGES))
def test_new_numbers_are_valid_mobiles_of_the_country(country: str) -> None:
    book = PhoneBook(random.Random(country))
    phones = [book.new(country) for _ in range(200)]
    assert len({p.key for p in phones}) == 200
    for phone in phones:
        number = phonenumbers.parse(phone.e164)
        assert phonenumbers.is_valid_number(number)
        assert phonenumbers.region_code_for_number(number) == country
        assert phonenumbers.number_type(number) in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
        assert "".join(phone.national_groups()) == phone.trunk + phone.nsn
        assert "".join(phone.international_groups()) == phone.nsn
        assert sum(map(int, phone.nsn)) % 10 == 0


def test_lookalikes_differ_by_one_digit_and_are_never_planted() -> None:
    book = PhoneBook(random.Random(9))
    rng = random.Random(9)
    made = 0
    for country in MOBILE_RANGES:
        phone = book.new(country)
        fake = book.lookalike(phone, rng)
        if fake is None:
            continue
        made += 1
        assert fake.country == phone.country and len(fake.nsn) == len(phone.nsn)
        assert sum(a != b for a, b in zip(fake.nsn, phone.nsn, strict=True)) == 1
        assert sum(map(int, fake.nsn)) % 10 != 0  # outside the space planted numbers are drawn from
        assert phonenumbers.is_valid_number(phonenumbers.parse(fake.e164))
    assert made >= len(MOBILE_RANGES) - 2


def test_hotlines_are_valid() -> None:
    book = PhoneBook(random.Random(1))
    for country, prefix, length in (("GB", "800", 10), ("IT", "800", 9), ("FR", "80", 9)):
        phone = book.toll_free(country, prefix, length)
        assert phonenumbers.is_valid_number(phonenumbers.parse(phone.e164))


def test_check_digit() -> None:
    assert check_digit("7400123") == str(-(7 + 4 + 1 + 2 + 3) % 10)
