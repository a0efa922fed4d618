"""Where an advert says which country a national-format number belongs to.

A number written `07400 123456` is only a phone when the country is known. The advert's own region
comes first; otherwise the text must say it right next to the number: a flag, a country name in one of
the route's languages, or a label such as "UK number". Nothing here guesses from the language.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Names, adjectives and short labels per region, in the languages of the routes. Lower case; Arabic
# script is matched as written.
# fmt: off
_NAMES: dict[str, tuple[str, ...]] = {
    "GB": ("uk", "u.k.", "united kingdom", "england", "britain", "great britain", "british", "english number",
           "royaume-uni", "royaume uni", "angleterre", "anglais", "britannique", "londres", "london",
           "بريطانيا", "انجلترا", "إنجلترا", "انگلیس", "بریتانیا", "بەریتانیا", "ئینگلتەرا", "انگلتەرا",
           "angli", "anglia", "britani", "mbretëria e bashkuar", "nước anh", "vương quốc anh", "ingiltere",
           "birleşik krallık", "inglaterra", "regno unito", "inghilterra"),
    "FR": ("france", "french", "français", "française", "francais", "francaise", "fransa", "فرنسا",
           "فرانسه", "فەرەنسا", "francë", "franca", "nước pháp", "francia", "paris"),
    "BE": ("belgium", "belgique", "belge", "بلجيكا", "بلژیک", "belgjikë", "belgjika", "bỉ", "belçika",
           "belgio", "bélgica"),
    "DE": ("germany", "german", "allemagne", "deutschland", "ألمانيا", "المانيا", "آلمان", "ئەڵمانیا",
           "gjermani", "gjermania", "nước đức", "almanya", "germania", "alemania"),
    "NL": ("netherlands", "holland", "dutch", "pays-bas", "هولندا", "هلند", "hollanda", "holandë", "hà lan"),
    "IT": ("italy", "italian", "italie", "italia", "إيطاليا", "ايطاليا", "ایتالیا", "ئیتاڵیا", "itali",
           "italisë", "nước ý", "italya"),
    "ES": ("spain", "spanish", "espagne", "españa", "espana", "إسبانيا", "اسبانيا", "اسپانیا", "spanjë",
           "tây ban nha", "ispanya", "spagna"),
    "GR": ("greece", "greek", "grèce", "grece", "ελλάδα", "اليونان", "یونان", "یۆنان", "greqi", "greqia",
           "hy lạp", "yunanistan", "grecia"),
    "TR": ("turkey", "turkish", "türkiye", "turkiye", "turquie", "turc", "تركيا", "ترکیه", "تورکیا",
           "turqi", "turqia", "thổ nhĩ kỳ", "türk", "turchia", "istanbul", "izmir", "i̇zmir", "i̇stanbul"),
    "LY": ("libya", "libyan", "libye", "ليبيا", "ليبي", "لیبی", "لیبیا", "libi", "libia", "libya'da",
           "tripoli", "طرابلس", "zuwara", "زوارة", "benghazi", "بنغازي"),
    "TN": ("tunisia", "tunisian", "tunisie", "tunisien", "تونس", "تونسي", "tunizi", "tunus", "sfax", "صفاقس"),
    "DZ": ("algeria", "algerian", "algérie", "algerie", "algérien", "الجزائر", "جزائري", "الجزایر",
           "cezayir", "algjeri"),
    "MA": ("morocco", "moroccan", "maroc", "marocain", "المغرب", "مغربي", "مراکش", "marok"),
    "EG": ("egypt", "egyptian", "égypte", "egypte", "مصر", "مصري", "mısır", "egjipt", "ai cập"),
    "IQ": ("iraq", "iraqi", "irak", "العراق", "عراقي", "عراق", "عێراق", "kurdistan", "کوردستان",
           "erbil", "هەولێر", "sulaymaniyah", "سلێمانی", "duhok", "دهۆک"),
    "IR": ("iran", "iranian", "ایران", "إيران", "ئێران", "irani", "i̇ran", "tehran", "تهران"),
    "AF": ("afghanistan", "afghan", "افغانستان", "ئەفغانستان", "afganistan", "kabul", "کابل"),
    "PK": ("pakistan", "pakistani", "پاکستان", "باكستان"),
    "SY": ("syria", "syrian", "syrie", "سوريا", "سورية", "سوریه", "سووریا", "suriye"),
    "LB": ("lebanon", "liban", "لبنان", "lübnan"),
    "AL": ("albania", "albanian", "albanie", "shqipëri", "shqipëria", "shqiperi", "shqiperia", "shqiptar",
           "ألبانيا", "آلبانی", "arnavutluk", "tirana", "tiranë", "durrës", "durres", "vlorë", "vlore"),
    "XK": ("kosovo", "kosova", "kosovë", "pristina", "prishtinë", "prishtina"),
    "RS": ("serbia", "serbie", "srbija", "serbi", "sırbistan", "belgrade", "beograd"),
    "BA": ("bosnia", "bosnie", "bosna"),
    "HR": ("croatia", "croatie", "hrvatska", "kroaci"),
    "MK": ("north macedonia", "macedonia", "macédoine", "maqedoni"),
    "VN": ("vietnam", "viet nam", "việt nam", "vietnamese", "vietnamien", "فيتنام", "ویتنام", "vietnami"),
    "CN": ("china", "chine", "trung quốc", "الصين", "چین", "çin"),
    "ER": ("eritrea", "érythrée", "إريتريا", "ارتريا", "ኤርትራ", "eritre"),
    "ET": ("ethiopia", "éthiopie", "إثيوبيا", "ኢትዮጵያ", "etiyopya"),
    "SD": ("sudan", "soudan", "السودان", "سودان", "ሱዳን"),
    "SE": ("sweden", "swedish", "suède", "sverige", "السويد", "سوئد", "سوید", "suedi", "thụy điển", "isveç"),
    "US": ("usa", "u.s.", "united states", "america", "american", "états-unis", "etats-unis", "أمريكا",
           "امريكا", "آمریکا", "amerika", "shba", "nước mỹ"),
    "CY": ("cyprus", "chypre", "قبرص", "قبرس", "kıbrıs", "qipro"),
    "BG": ("bulgaria", "bulgarie", "bullgari", "bulgaristan"),
}
# fmt: on

# Looked up by word n-grams rather than one huge alternation: a dictionary probe per word is far
# cheaper than trying every name at every position. Trailing dots are dropped so "U.K." matches.
_NAME_TO_REGION = {name.rstrip("."): region for region, names in _NAMES.items() for name in names}
_LONGEST_NAME = max(len(name.split()) for name in _NAME_TO_REGION)
_WORD_RE = re.compile(r"\w+")
_FLAG_RE = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_ISO_LABEL_RE = re.compile(
    r"(?<![\w])\(?(UK|GB|FR|BE|DE|IT|GR|TR|LY|TN|DZ|MA|AL|XK|VN|SE|US|IQ|IR)\)?(?=[\s:]*[+\d])"
)


def flag_region(flag: str) -> str:
    """The region code a flag emoji stands for (two regional indicator symbols)."""
    return "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in flag)


def _normal(region: str) -> str:
    return "GB" if region == "UK" else region


@lru_cache(maxsize=4096)
def mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every (start, end, region) a text names, by flag, name or ISO label, in text order."""
    found: list[tuple[int, int, str]] = []
    if not text.isascii():
        found += [(m.start(), m.end(), flag_region(m.group())) for m in _FLAG_RE.finditer(text)]
    found += _named(text)
    found += [(m.start(), m.end(), _normal(m.group(1))) for m in _ISO_LABEL_RE.finditer(text)]
    found.sort()
    return tuple(found)


def _named(text: str) -> list[tuple[int, int, str]]:
    """Country names in the text: the longest run of up to three words that is a known name."""
    words = [m.span() for m in _WORD_RE.finditer(text)]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_NAME + 1, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + size - 1][1]
            region = _NAME_TO_REGION.get(text[start:end].lower())
            if region:
                found.append((start, end, region))
                i += size
                break
        else:
            i += 1
    return found


def regions_near(text: str, start: int, end: int, *, before: int = 40, after: int = 25) -> list[str]:
    """Regions named on the same line as text[start:end] and close to it, nearest first."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    near: list[tuple[int, str]] = []
    for m_start, m_end, region in mentions(text):
        if m_end <= start and m_start >= max(line_start, start - before):
            near.append((start - m_end, region))
        elif m_start >= end and m_end <= min(line_end, end + after):
            near.append((m_start - end, region))
    near.sort()
    seen: list[str] = []
    for _, region in near:
        if region not in seen:
            seen.append(region)
    return seen
