"""Where an advert says which country a national-format number belongs to.

A number written `07400 123456` is only a phone when the country is known. The advert's own region
comes first; otherwise the text must say it right next to the number: a flag, a country name in one of
the route's languages, or a label such as "UK number". Nothing here guesses from the language.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Names, adjectives and short labels per region, in the languages of the routes. Lower case; Arabic
# script is matched as written.
# fmt: off
_NAMES: dict[str, tuple[str, ...]] = {
    "GB": ("uk", "u.k.", "united kingdom", "england", "britain", "great britain", "british", "english number",
           "royaume-uni", "royaume uni", "angleterre", "anglais", "britannique",
           "بريطانيا", "انجلترا", "إنجلترا", "انگلیس", "بریتانیا", "بەریتانیا", "ئینگلتەرا", "انگلتەرا",
           "angli", "anglia", "britani", "mbretëria e bashkuar", "nước anh", "vương quốc anh", "ingiltere",
           "birleşik krallık", "inglaterra", "regno unito", "inghilterra"),
    "FR": ("france", "french", "français", "française", "francais", "francaise", "fransa", "فرنسا",
           "فرانسه", "فەرەنسا", "francë", "franca", "nước pháp", "francia"),
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
           "turqi", "turqia", "thổ nhĩ kỳ", "türk", "turchia"),
    "LY": ("libya", "libyan", "libye", "ليبيا", "ليبي", "لیبی", "لیبیا", "libi", "libia", "libya'da"),
    "TN": ("tunisia", "tunisian", "tunisie", "tunisien", "تونس", "تونسي", "tunizi", "tunus"),
    "DZ": ("algeria", "algerian", "algérie", "algerie", "algérien", "الجزائر", "جزائري", "الجزایر",
           "cezayir", "algjeri"),
    "MA": ("morocco", "moroccan", "maroc", "marocain", "المغرب", "مغربي", "مراکش", "marok"),
    "EG": ("egypt", "egyptian", "égypte", "egypte", "مصر", "مصري", "mısır", "egjipt", "ai cập"),
    "IQ": ("iraq", "iraqi", "irak", "العراق", "عراقي", "عراق", "عێراق", "kurdistan", "کوردستان"),
    "IR": ("iran", "iranian", "ایران", "إيران", "ئێران", "irani", "i̇ran"),
    "AF": ("afghanistan", "afghan", "افغانستان", "ئەفغانستان", "afganistan"),
    "PK": ("pakistan", "pakistani", "پاکستان", "باكستان"),
    "SY": ("syria", "syrian", "syrie", "سوريا", "سورية", "سوریه", "سووریا", "suriye"),
    "LB": ("lebanon", "liban", "لبنان", "lübnan"),
    "AL": ("albania", "albanian", "albanie", "shqipëri", "shqipëria", "shqiperi", "shqiperia", "shqiptar",
           "ألبانيا", "آلبانی", "arnavutluk"),
    "XK": ("kosovo", "kosova", "kosovë"),
    "RS": ("serbia", "serbie", "srbija", "serbi", "sırbistan"),
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
# Cities: weaker evidence than a country's name ("work in Duhok, 0361…" need not be an Iraqi number), so
# they only count after the advert's own region.
_CITIES: dict[str, tuple[str, ...]] = {
    "GB": ("londres", "london"),
    "FR": ("paris",),
    "TR": ("istanbul", "izmir", "i̇zmir", "i̇stanbul"),
    "LY": ("tripoli", "طرابلس", "zuwara", "زوارة", "benghazi", "بنغازي"),
    "TN": ("sfax", "صفاقس"),
    "IQ": ("erbil", "هەولێر", "sulaymaniyah", "سلێمانی", "duhok", "دهۆک"),
    "IR": ("tehran", "تهران"),
    "AF": ("kabul", "کابل"),
    "AL": ("tirana", "tiranë", "durrës", "durres", "vlorë", "vlore"),
    "XK": ("pristina", "prishtinë", "prishtina"),
    "RS": ("belgrade", "beograd"),
}
# Short Vietnamese names that are also everyday words ("anh" is "you", "pháp" is in "phương pháp"): they
# count only written with a capital, as a country is.
_CAPITALISED = {"Anh": "GB", "Pháp": "FR", "Đức": "DE", "Ý": "IT", "Mỹ": "US", "Bỉ": "BE"}
# Adjectives and phrases naming a number's country ("numër francez", "رقم إيطالي", "số Pháp").
_MORE_NAMES: dict[str, tuple[str, ...]] = {
    "GB": ("anglez", "angleze", "بريطاني", "انگلیسی", "số anh", "sim anh", "sđt anh", "đầu anh"),
    "FR": ("francez", "franceze", "فرنسي", "فرانسوی", "số pháp", "sim pháp", "sđt pháp", "đầu pháp", "ፈረንሳ"),
    "BE": ("belgian", "بەلجیکا", "belçika", "belg"),
    "IT": ("italien", "italienne", "إيطالي", "ايطالي", "ایتالیایی", "ጣልያን", "italiano", "italian"),
    "LY": ("libyen", "libyenne", "ሊብያ"),
    "TN": ("ቱኒዝያ", "tunisienne"),
    "TR": ("تركي", "ترکی", "türk hattı"),
    "GR": ("yunan", "grec", "grecque", "يوناني", "یونانی"),
    "RS": ("serbian", "serbe", "صربي", "صربيا", "صربستان", "سربیا", "sırp", "serbisë"),
    "BA": (
        "bosnian",
        "bosnien",
        "بوسني",
        "البوسنة",
        "بوسنی",
        "بوسنیا",
        "bosnjë",
        "bosnje",
        "bosnjës",
        "bosna hersek",
    ),
    "XK": ("kosovan", "kosovës", "كوسوفو", "کوزوو", "کوسوو"),
    "AL": ("albanais", "ئەلبانیا", "ألباني", "آلبانیایی", "shqiptare"),
    "VN": ("vietnamien", "số việt", "sim việt", "vietnamesische", "vietnamita", "βιετνάμ", "vietnamlı"),
}
# The same, in the other languages of the lexicon: a number is named the local way ("Deutsche Nummer",
# "numero libico", "ژمارەی عێراقی", "ቁጽሪ ጀርመን", "Hejmara Tirkî", "الرقم المصري"). Arabic adjectives are
# listed with their article too, as they are written.
# fmt: off
_ROUTE_NAMES: dict[str, tuple[str, ...]] = {
    "GB": ("englische", "englischen", "britische", "britischen", "großbritannien", "grossbritannien",
           "inglese", "britannico", "britannica", "αγγλία", "αγγλικό", "αγγλικός", "βρετανία", "βρετανικό",
           "ingiliz", "i̇ngiliz", "i̇ngiltere", "îngilîzî", "îngilîz", "îngilîstan", "brîtanya", "بەریتانی",
           "ئینگلیزی", "انګلستان", "انګلیسي", "برتانیه", "بريطانوي", "بریتانیایی", "البريطاني", "الإنجليزي",
           "انجليزي", "إنجليزي", "እንግሊዝ", "ብሪጣንያ", "anglisë", "britanik", "britanike"),
    "FR": ("französische", "französischen", "frankreich", "francese", "γαλλία", "γαλλικό", "fransız",
           "fransî", "fransayê", "فەرەنسی", "فرانسوي", "الفرنسي", "ፈረንሳይ", "francës"),
    "DE": ("allemand", "allemande", "deutsche", "deutschen", "deutsches", "tedesco", "tedesca", "γερμανία",
           "γερμανικό", "alman", "almanî", "almanyayê", "ئەڵمانی", "ئەلمانی", "المان", "الماني", "جرمني",
           "آلمانی", "ألماني", "الألماني", "الالماني", "ጀርመን", "gjerman", "gjermane", "gjermanisë",
           "gjermanise", "số đức"),
    "IT": ("italienische", "italienischen", "italien", "ιταλία", "ιταλικό", "italyan", "i̇talyan", "i̇talya",
           "îtalî", "îtalya", "ئیتاڵی", "ئیتالی", "ایټالیا", "ایټالوي", "الإيطالي", "الايطالي", "italiane",
           "số ý"),
    "GR": ("griechenland", "griechische", "griechischen", "greco", "greca", "ελλάδας", "ελληνικό", "ελληνική",
           "ελληνικός", "yewnanî", "yewnanistan", "yewnanistanê", "یۆنانی", "یوناني", "اليوناني", "ግሪኽ",
           "grek", "greke", "greqisë", "số hy lạp"),
    "TR": ("türkei", "türkische", "türkischen", "turco", "turca", "τουρκία", "τουρκικό", "tirk", "tirkî",
           "tirkiye", "tirkiyê", "تورکی", "ترکي", "التركي", "ቱርኪ", "turk", "turke", "turqisë", "số thổ"),
    "LY": ("libysche", "libyschen", "libico", "libica", "λιβύη", "λιβυκό", "libyalı", "lîbya", "lîbî",
           "الليبي", "libian", "libiane"),
    "TN": ("tunesien", "tunesische", "tunisino", "tunisina", "τυνησία", "التونسي", "tunizian", "tunuslu"),
    "EG": ("ägypten", "ägyptische", "egiziano", "egiziana", "egitto", "αίγυπτος", "αιγυπτιακό", "المصري",
           "ግብጺ", "misir", "misrê", "egjiptian", "egjiptiane"),
    "IQ": ("irakische", "irakischen", "iracheno", "irachena", "ιράκ", "iraklı", "iraq", "iraqê", "iraqî",
           "kurdistanê", "عێراقی", "کوردستانی", "العراقي", "عراقی", "ዒራቕ", "irakian"),
    "IR": ("iranische", "iranischen", "iranien", "iranienne", "iraniano", "iraniana", "ιράν", "i̇ranlı",
           "îran", "îranî", "ئێرانی", "ایراني", "ایرانی", "الإيراني", "الايراني", "إيراني", "ايراني", "ኢራን"),
    "AF": ("afghanische", "afghanischen", "afghane", "afghano", "afghana", "αφγανιστάν", "afgan",
           "efxanistan", "efxanî", "ئەفغانی", "افغاني", "افغان", "افغانی", "الأفغاني", "أفغاني"),
    "PK": ("pakistanais", "pakistanaise", "pakistanische", "pakistano", "پاکستاني", "پاکستانی", "الباكستاني",
           "باكستاني", "pakistanlı", "pakistanî"),
    "SD": ("sudanese", "soudanais", "soudanaise", "sudanesische", "سوداني", "السوداني", "سودانی", "sudanlı",
           "ሱዳናዊ"),
    "ER": ("eritrean", "érythréen", "érythréenne", "eritreische", "ኤርትራዊ", "ارتري", "إرتري", "eritreo"),
    "CM": ("cameroon", "cameroun", "camerounais", "camerounaise", "kamerun"),
    "AL": ("albanien", "albanische", "albanischen", "albanese", "αλβανία", "αλβανικό", "arnavut", "albanî",
           "الألباني", "shqiptarë"),
    "XK": ("kosovar", "kosovare", "kosovarë", "kosovos", "κοσσυφοπέδιο"),
    "RS": ("sirbî", "sirbistan", "sirbistanê", "serbische", "serbischen", "serbien", "serbo", "serba",
           "σερβία", "σερβικό"),
    "BA": ("bosnische", "bosnien", "bosniaco"),
    "NL": ("niederlande", "niederländische", "niederländischen", "holländische", "olanda", "olandese",
           "ολλανδία", "ολλανδικό", "néerlandais", "néerlandaise", "هولندي"),
    "AT": ("austria", "austrian", "autriche", "autrichien", "österreich", "österreichische",
           "österreichischen", "avusturya", "النمسا", "اتریش", "αυστρία"),
    "BE": ("belgische", "belgischen", "belgien", "belga", "βέλγιο"),
    "ES": ("spanische", "spanien", "spagnolo", "ισπανία", "ispanyol"),
    "SY": ("syrische", "syrien", "siriano", "sirian", "السوري", "سوري", "سوری", "suriyeli", "sûrî", "sûriye"),
    "LB": ("libanais", "lebanese", "اللبناني", "لبناني"),
    "MA": ("marokkanische", "marocchino", "المغربي"),
    "DZ": ("algerische", "algerino", "الجزائري"),
}
# fmt: on
_NAME_TO_REGION = {
    name.rstrip("."): region
    for table in (_NAMES, _MORE_NAMES, _ROUTE_NAMES)
    for region, names in table.items()
    for name in names
}
_CITY_TO_REGION = {name: region for region, names in _CITIES.items() for name in names}


@dataclass(frozen=True)
class _Table:
    """Names to regions, with how many words the longest name has, every length a name has and every
    start of a name (a word of the text that is none cannot begin one)."""

    regions: dict[str, str]
    longest: int
    lengths: frozenset[int]
    starts: frozenset[str]

    @classmethod
    def of(cls, regions: dict[str, str]) -> _Table:
        starts = frozenset(name[:k] for name in regions for k in range(1, len(name) + 1))
        return cls(regions, max(len(name.split()) for name in regions), frozenset(map(len, regions)), starts)


_NAMES_TABLE = _Table.of(_NAME_TO_REGION)
_CITIES_TABLE = _Table.of(_CITY_TO_REGION)
_WORD_RE = re.compile(r"\w+")
_FLAG_RE = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_ISO_LABEL_RE = re.compile(
    r"(?<![\w])\(?(UK|GB|FR|BE|DE|IT|GR|TR|LY|TN|DZ|MA|AL|XK|VN|SE|US|IQ|IR)\)?(?=[\s:]*[+\d])(?!\d)"
)


def is_country_name(word: str) -> bool:
    """True for a country's name, as in `Telegram: France: 06…` (a place, not an account)."""
    return word.lower().rstrip(".") in _NAME_TO_REGION


def flag_region(flag: str) -> str:
    """The region code a flag emoji stands for (two regional indicator symbols)."""
    return "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in flag)


def _normal(region: str) -> str:
    return "GB" if region == "UK" else region


# Few entries: a text may be an advert of 100,000 characters, and the cache keeps each one alive.
@lru_cache(maxsize=256)
def mentions(text: str, *, cities: bool = True) -> tuple[tuple[int, int, str], ...]:
    """Every (start, end, region) a text names, by flag, name, ISO label or (with `cities`) city.

    Remembered for the texts asked about again (a network's adverts); `Places` reads each text once
    and does not keep it.
    """
    return _mentions(text, cities=cities)


def _mentions(text: str, *, cities: bool = True) -> tuple[tuple[int, int, str], ...]:
    names, city_names = _read(text, cities=cities)
    return tuple(sorted(names + city_names))


def _read(text: str, *, cities: bool) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """What the text names other than cities (flags, names, ISO labels), and the cities it names."""
    found: list[tuple[int, int, str]] = []
    if not text.isascii():
        found += [(m.start(), m.end(), flag_region(m.group())) for m in _FLAG_RE.finditer(text)]
    # No name holds a digit, so runs of digits (most of the words of a price list) are left out.
    words = [m.span() for m in _WORD_RE.finditer(text) if not m.group().isdigit()]
    lowered = _lowered(text)
    found += _named(text, lowered, words, _NAMES_TABLE)
    found += [(s, e, _CAPITALISED[text[s:e]]) for s, e in words if text[s:e] in _CAPITALISED]
    found += [(m.start(), m.end(), _normal(m.group(1))) for m in _ISO_LABEL_RE.finditer(text)]
    return found, _named(text, lowered, words, _CITIES_TABLE) if cities else []


def _lowered(text: str) -> str | None:
    """The text in lower case when every slice of it lowers to the same slice of this, else None.

    Lower-casing maps each character on its own, except the capital sigma (its form depends on the
    letters around it), and never to fewer characters: a result as long as the text, from a text
    without a capital sigma, lines up with the text character for character.
    """
    if "\u03a3" in text:
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def _named(
    text: str, lowered: str | None, words: list[tuple[int, int]], table: _Table
) -> list[tuple[int, int, str]]:
    """Names from `table` in the text: at each word, the longest run of words that is a known name.

    With the text's aligned lower case (`_lowered`), only the words that start some name are tried,
    and a run is sliced from it only when it is as long as some name.
    """
    found: list[tuple[int, int, str]] = []
    regions, lengths = table.regions, table.lengths
    if lowered is None:
        tried: Iterable[int] = range(len(words))
    else:
        tried = [k for k, (start, end) in enumerate(words) if lowered[start:end] in table.starts]
    i = 0  # the first word not yet inside a name found
    for k in tried:
        if k < i:
            continue
        start = words[k][0]
        for size in range(min(table.longest, len(words) - k), 0, -1):
            end = words[k + size - 1][1]
            if lowered is None:
                region = regions.get(text[start:end].lower())
            elif end - start in lengths:
                region = regions.get(lowered[start:end])
            else:
                continue
            if region:
                found.append((start, end, region))
                i = k + size
                break
    return found


class Places:
    """The regions one text names, indexed by where they stand.

    Asking what is named near a span looks only at the names within reach of it, so a finder that
    asks for every candidate of a long text does work in proportion to the candidates, not to the
    candidates times the names.
    """

    def __init__(
        self,
        text: str,
        *,
        cities: bool = True,
        named: tuple[tuple[int, int, str], ...] | None = None,
    ) -> None:
        """`named`, when given, is the text's names already read (start, end, region), in order."""
        self.text = text
        self.named = _mentions(text, cities=cities) if named is None else named
        self._starts = [start for start, _, _ in self.named]

    @classmethod
    def without_and_with_cities(cls, text: str) -> tuple[Places, Places]:
        """`Places(text, cities=False)` and `Places(text)`, from one reading of the text."""
        names, city_names = _read(text, cities=True)
        without = cls(text, named=tuple(sorted(names)))
        return without, cls(text, named=tuple(sorted(names + city_names)))

    def named_within(self, start: int, end: int) -> bool:
        """Whether any name starts in [start, end)."""
        first = bisect.bisect_left(self._starts, start)
        return first < len(self._starts) and self._starts[first] < end

    def near(self, start: int, end: int, *, before: int = 40, after: int = 25) -> list[str]:
        """Regions named on the same line as text[start:end] and close to it, nearest first.

        A name after the span counts as twice as far as it stands: adverts name a number before it
        ("Iran number 0912…, UK number 07…"), and a name just after one number is the next one's."""
        reach = max(0, start - before)
        first = bisect.bisect_left(self._starts, reach)
        last = bisect.bisect_left(self._starts, end + after, first)
        if first == last:
            return []
        text = self.text
        newline = text.rfind("\n", reach, start)
        if newline >= 0:
            first = bisect.bisect_left(self._starts, newline + 1, first, last)
        newline = text.find("\n", end, end + after)
        highest = newline if newline >= 0 else end + after
        near: list[tuple[int, str]] = []
        for m_start, m_end, region in self.named[first:last]:
            if m_end <= start:
                near.append((start - m_end, region))
            elif m_start >= end and m_end <= highest:
                near.append((2 * (m_start - end) + 1, region))
        near.sort()
        return list(dict.fromkeys(region for _, region in near))


def regions_near(
    text: str, start: int, end: int, *, before: int = 40, after: int = 25, cities: bool = True
) -> list[str]:
    """Regions named on the same line as text[start:end] and close to it, nearest first.

    For one question about a text; a finder asking about many spans keeps a `Places` instead.
    """
    return Places(text, cities=cities).near(start, end, before=before, after=after)
