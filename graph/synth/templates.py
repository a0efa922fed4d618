"""What a language needs to write an advert, and the small helpers that fill its templates.

Each language module (`graph/synth/languages/`) is plain data: sentences with `{placeholders}` for the
parts of a smuggling advert (opener, pitch, departure, seats, price, contact lines), of the adverts
that must not be mistaken for one (travel agencies, jobs, rentals, news, chatter) and of the benign
organisations that post across platforms and borders as networks do (`BenignPhrases`), plus how the
language writes money, dates, times and country names. Prices, dates, times and counts are the hard
negatives: numbers an extractor must not turn into phones.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

DIGITS = {
    "latin": None,
    "arabic": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
    "persian": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
}
# A messenger word right before the number: the only place a bare international number is read.
_CUE_RE = re.compile(r"\{app\}[^{}\w]{0,3}\{phone\}")


@dataclass(frozen=True)
class BenignPhrases:
    """How legitimate organisations on the smuggling corridors write: the hard negatives.

    Posts may use {name} {dep} {dest} {place} {city} {day} {date} {time} {price} {n} {number}: the same
    places, prices, departures and boats as the smuggling adverts, written as bookings, timetables,
    enrolments, parcel rates, donation appeals, headlines and vacancies.
    """

    ferry: tuple[str, ...]  # travel agencies and ferry operators
    school: tuple[str, ...]  # language schools with visa support
    cargo: tuple[str, ...]  # cargo and parcel firms between the same countries
    charity: tuple[str, ...]  # rescue and refugee charities
    news: tuple[str, ...]  # newsrooms reporting on crossings, quoting smugglers' prices
    jobs: tuple[str, ...]  # job agencies recruiting abroad
    registration: tuple[str, ...]  # company, licence or charity number lines: {number}
    quote_intros: tuple[str, ...]  # a newsroom introducing a smuggling advert it quotes word for word
    contact_lines: tuple[str, ...]  # {phone}
    donation_lines: tuple[str, ...]  # {payment}


@dataclass(frozen=True)
class Language:
    """The sentences and conventions of one language. See the module docstring."""

    code: str
    name: str
    # How it writes digits besides Latin ones ("arabic" ٠-٩, "persian" ۰-۹).
    digit_scripts: tuple[str, ...]
    # Messenger names as written in this language; {app} in contact lines.
    apps: tuple[str, ...]
    # Names written next to a national number to say its country ("UK number", "ليبيا").
    country_names: Mapping[str, tuple[str, ...]]
    # Platform names in this language's script, before a handle ("تلگرام: @name").
    handle_labels: Mapping[str, tuple[str, ...]]
    places: Mapping[str, str]
    days: tuple[str, ...]  # Monday first
    date_formats: tuple[str, ...]  # {d} {dd} {m} {mm} {y}
    time_formats: tuple[str, ...]  # {h} {hh} {min}
    money: tuple[tuple[str, float], ...]  # ("{amount} €", units per euro)
    thousands: tuple[str, ...]
    # Smuggling adverts.
    openers: tuple[str, ...]  # {dep} {dest}
    pitches: tuple[str, ...]
    departures: tuple[str, ...]  # {day} {date} {time}
    seats: tuple[str, ...]  # {n}
    prices: tuple[str, ...]  # {price}
    phone_lines: tuple[str, ...]  # {app} {phone}
    new_number_lines: tuple[str, ...]  # {app} {phone}
    handle_lines: tuple[str, ...]  # {handle}
    new_account_lines: tuple[str, ...]  # {handle}
    payment_lines: tuple[str, ...]  # {payment}
    email_lines: tuple[str, ...]  # {email}
    site_lines: tuple[str, ...]  # {site}
    hub_lines: Mapping[str, tuple[str, ...]]  # hotline / famous / aggregator: {hub}
    bumps: tuple[str, ...]  # the small edit of a repost
    hashtags: tuple[str, ...]
    # Adverts that are not smuggling: all may use {name} {dest} {city} {place} {price} {n} {date}
    # {time} {phone}.
    travel: tuple[str, ...]
    jobs: tuple[str, ...]
    rentals: tuple[str, ...]
    news: tuple[str, ...]
    chatter: tuple[str, ...]
    holiday_places: tuple[str, ...]
    cities: Mapping[str, tuple[str, ...]]  # country -> cities, for jobs and rentals there
    agency_names: tuple[str, ...]
    person_names: tuple[str, ...]  # display names of ordinary users
    latin_names: tuple[str, ...]  # the same people's usernames, in Latin letters
    brand_stems: tuple[str, ...]  # Latin words networks build their handles from
    brand_names: tuple[str, ...]  # display names of network accounts
    benign: BenignPhrases | None = None
    cue_phone_lines: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue_phone_lines", tuple(t for t in self.phone_lines if cue_before_phone(t)))

    @property
    def home(self) -> tuple[str, ...]:
        """Countries whose numbers this language's ordinary adverts carry."""
        return tuple(self.cities)


def cue_before_phone(template: str) -> bool:
    """True when a contact template writes the messenger's name right before the number."""
    return bool(_CUE_RE.search(template))


def native(text: str, script: str) -> str:
    """`text` with its digits written in `script`."""
    table = DIGITS[script]
    return text.translate(table) if table else text


def amount(lang: Language, rng: random.Random, euros: float, script: str) -> str:
    """A price in one of the language's currencies, rounded as people round prices."""
    template, rate = rng.choice(lang.money)
    value = euros * rate
    places = max(0, len(str(int(value))) - 2)
    value = max(1, int(round(value, -places)))
    text = str(value)
    if value >= 1000:
        sep = rng.choice(lang.thousands)
        groups = []
        while text:
            groups.insert(0, text[-3:])
            text = text[:-3]
        text = sep.join(groups)
    return native(template.format(amount=text), script)


def moment(lang: Language, rng: random.Random, timestamp: float, script: str) -> dict[str, str]:
    """Day name, date and time of a departure a few days after `timestamp`, as the language writes them."""
    when = time.gmtime(timestamp + rng.randrange(1, 10) * 86400)
    hour = rng.choice((1, 2, 3, 4, 5, 20, 21, 22, 23, 23))  # crossings leave at night
    minute = rng.choice((0, 0, 0, 15, 30, 30, 45))
    fields = {
        "d": str(when.tm_mday),
        "dd": f"{when.tm_mday:02d}",
        "m": str(when.tm_mon),
        "mm": f"{when.tm_mon:02d}",
        "y": str(when.tm_year),
    }
    clock = {"h": str(hour), "hh": f"{hour:02d}", "min": f"{minute:02d}"}
    return {
        "day": lang.days[when.tm_wday],
        "date": native(rng.choice(lang.date_formats).format(**fields), script),
        "time": native(rng.choice(lang.time_formats).format(**clock), script),
    }


def fill(template: str, **values: str) -> str:
    """A template with its placeholders filled; unknown placeholders are an error in the template."""
    return template.format_map(values)
