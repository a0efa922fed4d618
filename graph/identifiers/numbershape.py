"""Whether digits could be a valid phone number, judged from libphonenumber's metadata before parsing.

Parsing is by far the costliest step of reading a phone, and a long run of digit groups (a price list,
a timetable, or text built to stall the reader) offers many windows that no country's numbering plan
allows. Each country publishes the lengths and the general shape of its numbers; a window whose digits
fit none of them is dropped without a parse. The test only ever says "no" when parsing could not give
a valid number: where a country's rules for reading national numbers go beyond dropping a fixed trunk
prefix (a carrier code, a digit added back), it says "maybe" and leaves the answer to the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import phonenumbers

# Country calling codes are prefix-free and one to three digits long.
_LONGEST_CODE = 3
_LITERALS_RE = re.compile(r"\d+(?:\|\d+)*")


# The kinds of number a region's metadata describes; a valid number is one of them.
_NUMBER_TYPES = (
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the numbers of one calling code look like, over every region that shares it.

    libphonenumber calls a number valid when its national significant number has one of the region's
    lengths and fits both the region's general pattern and the pattern of one kind of number (mobile,
    fixed line, ...); `shape` asks the last two in one match, for every region of the code at once.
    """

    code: str
    lengths: frozenset[int]
    shape: re.Pattern[str]

    def fits(self, readings: list[str]) -> bool:
        return any(len(r) in self.lengths and self.shape.fullmatch(r) for r in readings)


@dataclass(frozen=True, slots=True)
class _Rules:
    """How a parse reads a number in one setting (a region's national format, or after a `+code`):
    the plan it must fit and the trunk prefixes it may drop; `open_ended` when the rule for dropping a
    prefix is more than a list of digit strings, so that nothing can be ruled out."""

    plan: _Plan
    prefixes: tuple[str, ...]
    open_ended: bool
    exit_code: re.Pattern[str] | None = None
    # How many digits a number written nationally may have: a plan's length, with or without a prefix.
    lengths: frozenset[int] = frozenset()

    def fits(self, national: str) -> bool:
        return self.open_ended or self.plan.fits(_readings(national, self.prefixes))


def may_be_international(digits: str) -> bool:
    """False only when `+digits` cannot be a valid number: no calling code, or a plan it does not fit."""
    for size in range(1, min(_LONGEST_CODE, len(digits)) + 1):
        rules = _international_rules(int(digits[:size]))
        if rules is not None:
            return rules.fits(digits[size:])
    return False


def may_be_national(digits: str, region: str) -> bool:
    """False only when `digits`, read as a number written in `region`, cannot be a valid number."""
    rules = _national_rules(region)
    if rules is None:
        return False
    if rules.open_ended or (rules.exit_code is not None and rules.exit_code.match(digits)):
        return True  # an exit code makes it an international number: left to the parse
    if len(digits) in rules.lengths and rules.fits(digits):
        return True
    # A national number written after its own calling code (`33 6 12 34 56 78`, `33 0 6…`, `33 00 6…`).
    code = rules.plan.code
    if not digits.startswith(code):
        return False
    rest = digits[len(code) :]
    zeros = len(rest) - len(rest.lstrip("0"))
    return any(rules.fits(rest[k:]) for k in range(zeros + 1))


@cache
def _international_rules(code: int) -> _Rules | None:
    plan = _plan(code)
    if plan is None:
        return None
    prefixes = _trunk_prefixes(_home_metadata(code))
    return _Rules(plan, prefixes or (), prefixes is None)


@cache
def _national_rules(region: str) -> _Rules | None:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return None
    plan = _plan(metadata.country_code)
    if plan is None:
        return None
    prefixes = _trunk_prefixes(metadata)
    exit_code = re.compile(metadata.international_prefix) if metadata.international_prefix else None
    lengths = {n + len(p) for n in plan.lengths for p in ("", *(prefixes or ()))}
    return _Rules(plan, prefixes or (), prefixes is None, exit_code, frozenset(lengths))


def _readings(national: str, prefixes: tuple[str, ...]) -> list[str]:
    """The national significant numbers a parse may take from `national`: as written, or less a prefix."""
    return [national] + [national[len(p) :] for p in prefixes if national.startswith(p)]


def _home_metadata(code: int) -> phonenumbers.PhoneMetadata | None:
    """The metadata a parse reads an international number of `code` with: its main region's."""
    region = phonenumbers.region_code_for_country_code(code)
    if region == "001":
        return phonenumbers.PhoneMetadata.metadata_for_nongeo_region(code)
    return phonenumbers.PhoneMetadata.metadata_for_region(region)


def _trunk_prefixes(metadata: phonenumbers.PhoneMetadata | None) -> tuple[str, ...] | None:
    """The prefixes a parse may strip from a national number; None when its rule is more than a list
    of digit strings (a carrier code, digits added back), so that no reading can be ruled out."""
    if metadata is None or metadata.national_prefix_transform_rule:
        return None
    prefixes = {metadata.national_prefix} if metadata.national_prefix else set()
    parsing = metadata.national_prefix_for_parsing
    if parsing:
        if not _LITERALS_RE.fullmatch(parsing):
            return None
        prefixes.update(parsing.split("|"))
    return tuple(sorted(prefixes))


@cache
def _plan(code: int) -> _Plan | None:
    """The plan of a calling code; None when no region or service uses it."""
    regions = phonenumbers.region_codes_for_country_code(code)
    if not regions or regions == (phonenumbers.UNKNOWN_REGION,):
        return None
    if "001" in regions:
        metadatas = [phonenumbers.PhoneMetadata.metadata_for_nongeo_region(code)]
    else:
        metadatas = [phonenumbers.PhoneMetadata.metadata_for_region(r) for r in regions]
    lengths: set[int] = set()
    shapes: list[str] = []
    for metadata in metadatas:
        shape = _region_shape(metadata)
        if shape is None:
            return _Plan(str(code), frozenset(range(1, 18)), re.compile(r"\d+"))  # nothing to judge by
        lengths.update(metadata.general_desc.possible_length)
        shapes.append(shape)
    return _Plan(str(code), frozenset(lengths), re.compile("|".join(shapes)))


def _region_shape(metadata: phonenumbers.PhoneMetadata | None) -> str | None:
    """A pattern matching the national numbers that fit the region's general pattern and one kind's."""
    general = metadata.general_desc if metadata is not None else None
    if general is None or not general.national_number_pattern or not general.possible_length:
        return None
    kinds = [getattr(metadata, kind) for kind in _NUMBER_TYPES]
    patterns = [
        desc.national_number_pattern for desc in kinds if desc is not None and desc.national_number_pattern
    ]
    if not patterns:
        return None
    either = "|".join(f"(?:{pattern})" for pattern in patterns)
    return f"(?=(?:{general.national_number_pattern})\\Z)(?:{either})"
