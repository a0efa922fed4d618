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


def may_be_international(digits: str) -> bool:
    """False only when `+digits` cannot be a valid number: no calling code, or a plan it does not fit."""
    for size in range(1, min(_LONGEST_CODE, len(digits)) + 1):
        code = int(digits[:size])
        plan = _plan(code)
        if plan is None:
            continue
        prefixes = _trunk_prefixes(_home_metadata(code))
        return prefixes is None or plan.fits(_readings(digits[size:], prefixes))
    return False


def may_be_national(digits: str, region: str) -> bool:
    """False only when `digits`, read as a number written in `region`, cannot be a valid number."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return False
    if metadata.international_prefix and _compiled(metadata.international_prefix).match(digits):
        return True  # read as an international number after the region's exit code; left to the parse
    prefixes = _trunk_prefixes(metadata)
    plan = _plan(metadata.country_code)
    if prefixes is None or plan is None:
        return True
    if plan.fits(_readings(digits, prefixes)):
        return True
    # A national number written after its own calling code (`33 6 12 34 56 78`, `33 0 6…`, `33 00 6…`).
    if not digits.startswith(plan.code):
        return False
    rest = digits[len(plan.code) :]
    zeros = len(rest) - len(rest.lstrip("0"))
    return any(plan.fits(_readings(rest[k:], prefixes)) for k in range(zeros + 1))


def _readings(national: str, prefixes: tuple[str, ...]) -> list[str]:
    """The national significant numbers a parse may take from `national`: as written, or less a prefix."""
    return [national] + [national[len(p) :] for p in prefixes if national.startswith(p)]


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


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
