"""The check before the parse may only ever rule out what libphonenumber would call invalid."""

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identifiers.numbershape import may_be_international, may_be_national

REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
# Regions of the routes, drawn more often than the rest.
ROUTE_REGIONS = ["GB", "FR", "US", "IT", "DE", "TN", "AL", "VN", "IQ", "LY", "TR", "SE", "BE", "GR"]


def valid(raw: str, region: str | None) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(raw, region))
    except phonenumbers.NumberParseException:
        return False


def examples() -> list[tuple[str, str]]:
    """Every example number libphonenumber ships, of every kind, as its national digits and region."""
    found = []
    for region in REGIONS:
        for kind in range(12):
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                found.append((region, number))
    return found


@pytest.mark.parametrize(("region", "number"), examples())
def test_every_example_number_may_be_a_number(region: str, number: phonenumbers.PhoneNumber) -> None:
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    assert may_be_international(international[1:])
    assert may_be_national("".join(c for c in national if c.isdigit()), region)


digits = st.text(alphabet="0123456789", min_size=6, max_size=17)
regions = st.one_of(st.sampled_from(REGIONS), st.sampled_from(ROUTE_REGIONS))


@given(digits=digits, region=regions, zero=st.booleans(), code=st.booleans())
def test_never_rules_out_a_valid_national_number(digits: str, region: str, zero: bool, code: bool) -> None:
    if zero:
        digits = "0" + digits[1:]
    if code:
        digits = str(phonenumbers.country_code_for_region(region)) + digits
    if not may_be_national(digits, region):
        assert not valid(digits, region)


@given(digits=digits)
def test_never_rules_out_a_valid_international_number(digits: str) -> None:
    if not may_be_international(digits):
        assert not valid("+" + digits, None)


def test_rules_out_what_no_plan_allows() -> None:
    assert not may_be_international("999123456")  # no country has calling code 999
    assert not may_be_national("12345", "FR")  # too short for France
    assert not may_be_national("0123456789012", "FR")  # too long
