"""Planted phone numbers: valid mobile numbers per country, never repeated, and their look-alikes.

Numbers are drawn from each country's mobile ranges (the prefixes below) through a permutation of a
counter, so no two planted numbers are ever equal. The last digit makes the digit sum of the national
number a multiple of ten; a look-alike (one digit changed) therefore never equals any planted number,
which lets the corpus plant look-alikes without remembering every number it drew. Every number is
checked with libphonenumber once, when it is made, and kept only when valid and mobile.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from graph.synth.unique import Serials

# National significant number length and mobile prefixes per country (checked against libphonenumber
# in the tests: nearly every number drawn under these prefixes is a valid mobile number).
# fmt: off
MOBILE_RANGES: dict[str, tuple[int, tuple[str, ...]]] = {
    "GB": (10, ("74", "75", "77", "78", "79")),
    "FR": (9, ("6", "7")),
    "BE": (9, ("46", "47", "48", "49")),
    "AL": (9, ("67", "68", "69")),
    "IT": (10, ("32", "33", "34", "35", "36", "38", "39")),
    "LY": (9, ("91", "92", "94")),
    "TN": (8, ("2", "5", "9")),
    "TR": (10, ("50", "53", "54", "55")),
    "GR": (10, ("69",)),
    "IR": (10, ("91", "93")),
    "AF": (9, ("70", "72", "77", "78", "79")),
    "RS": (9, ("60", "61", "62", "63", "64", "65", "66", "69")),
    "BA": (8, ("61", "62", "63", "65", "66")),
    "XK": (8, ("43", "44", "45", "48", "49")),
    "VN": (9, ("3", "9")),
    "IQ": (10, ("750", "751", "770", "771", "780", "790")),
    "ER": (7, ("7",)),
    "DE": (11, ("151", "152", "157", "160", "170", "171", "176")),
}
# fmt: on
_MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
_GROUPS_RE = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Phone:
    """One planted number. `groups` split `trunk + nsn` as the country writes it nationally."""

    country: str
    calling_code: str
    nsn: str
    trunk: str
    groups: tuple[int, ...]

    @property
    def e164(self) -> str:
        return f"+{self.calling_code}{self.nsn}"

    @property
    def key(self) -> str:
        return f"phone:+{self.calling_code}{self.nsn}"

    @property
    def national(self) -> str:
        """The national digits with the trunk prefix, as dialled inside the country."""
        return self.trunk + self.nsn

    def national_groups(self) -> list[str]:
        """The national digits cut into the country's usual groups."""
        return _cut(self.national, self.groups)

    def international_groups(self) -> list[str]:
        """The national significant number cut as after `+<code>` (the trunk prefix dropped)."""
        groups = list(self.groups)
        if self.trunk:
            groups[0] -= len(self.trunk)
            if groups[0] <= 0:
                groups = groups[1:]
        return _cut(self.nsn, tuple(groups))


def _cut(digits: str, sizes: tuple[int, ...]) -> list[str]:
    out, at = [], 0
    for size in sizes:
        if at >= len(digits):
            break
        out.append(digits[at : at + size])
        at += size
    if at < len(digits):
        out.append(digits[at:])
    return out


def is_valid_mobile(country: str, calling_code: int, nsn: str) -> bool:
    """True when libphonenumber says the number is valid for that country, and mobile.

    `is_valid_number_for_region` is `is_valid_number` with the country fixed, which spares the search
    for the region among those sharing a calling code (+44, +39) that makes `is_valid_number` slow.
    """
    number = phonenumbers.PhoneNumber(country_code=calling_code, national_number=int(nsn))
    if not phonenumbers.is_valid_number_for_region(number, country):
        return False
    return phonenumbers.number_type(number) in _MOBILE_TYPES


def check_digit(digits: str) -> str:
    """The digit that makes the digit sum of `digits` plus itself a multiple of ten."""
    return str(-sum(map(int, digits)) % 10)


class PhoneBook:
    """Makes planted numbers for any country in `MOBILE_RANGES`, each one new and valid."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._serials: dict[str, Serials] = {}
        self._groups: dict[tuple[str, str], tuple[int, ...]] = {}
        self.made = 0

    def new(self, country: str) -> Phone:
        """A valid mobile number of `country` that no earlier call returned."""
        length, prefixes = MOBILE_RANGES[country]
        serials = self._serials.get(country)
        free = length - len(prefixes[0]) - 1
        if serials is None:
            serials = self._serials[country] = Serials(len(prefixes) * 10**free, self._rng)
        code = phonenumbers.country_code_for_region(country)
        while True:
            value = serials.draw()
            prefix = prefixes[value // 10**free]
            body = prefix + str(value % 10**free).zfill(free)
            nsn = body + check_digit(body)
            if is_valid_mobile(country, code, nsn):
                self.made += 1
                return self._phone(country, code, nsn, prefix)

    def toll_free(self, country: str, prefix: str, length: int) -> Phone:
        """A valid number in a non-mobile range (a public hotline), e.g. GB `800`."""
        code = phonenumbers.country_code_for_region(country)
        free = length - len(prefix) - 1
        while True:
            body = prefix + str(self._rng.randrange(10**free)).zfill(free)
            nsn = body + check_digit(body)
            number = phonenumbers.PhoneNumber(country_code=code, national_number=int(nsn))
            if phonenumbers.is_valid_number(number):
                return self._phone(country, code, nsn, prefix)

    def lookalike(self, phone: Phone, rng: random.Random) -> Phone | None:
        """A valid number one digit away from `phone`, or None when no tried change is valid.

        The prefix is kept, so the look-alike is a number of the same country and operator; the changed
        digit breaks the digit-sum rule, so it can never be a planted number.
        """
        prefixes = MOBILE_RANGES.get(phone.country, (0, (phone.nsn[:2],)))[1]
        start = len(prefixes[0])
        code = int(phone.calling_code)
        positions = list(range(start, len(phone.nsn)))
        rng.shuffle(positions)
        for at in positions[:4]:
            old = int(phone.nsn[at])
            new = (old + rng.randrange(1, 10)) % 10
            nsn = phone.nsn[:at] + str(new) + phone.nsn[at + 1 :]
            if is_valid_mobile(phone.country, code, nsn):
                return self._phone(phone.country, code, nsn, phone.nsn[:start])
        return None

    def _phone(self, country: str, code: int, nsn: str, prefix: str) -> Phone:
        trunk = _trunk(country)
        groups = self._groups.get((country, prefix))
        if groups is None:
            groups = self._groups[(country, prefix)] = _national_grouping(code, nsn, len(trunk + nsn))
        return Phone(country, str(code), nsn, trunk, groups)


def _trunk(country: str) -> str:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(country)
    prefix = metadata.national_prefix if metadata else None
    # North America drops its trunk 1 in writing; none of the route countries is there.
    return prefix or ""


def _national_grouping(code: int, nsn: str, total: int) -> tuple[int, ...]:
    """The group sizes of libphonenumber's national format for a number of this range."""
    number = phonenumbers.PhoneNumber(country_code=code, national_number=int(nsn))
    written = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    sizes = tuple(len(group) for group in _GROUPS_RE.findall(written))
    return sizes if sum(sizes) == total else (total,)
