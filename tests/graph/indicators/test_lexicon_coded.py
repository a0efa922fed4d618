"""Coded offers: the euphemisms adverts use for the crossing, its payment and its instructions ("see the
white cliffs", "pay when you see the lights", the "VIP" way, a free place for whoever steers the boat,
"don't give this number to anyone", a borrowed passport). In every language the term is found in an
offer written for the test, and not in an honest post of a ferry line, travel agency, school, charity,
newsroom or employer that uses the same everyday words."""

import pytest

from graph.indicators.match import default

# (language, an offer that speaks in code, the headword it must hit, an honest post it must not hit)
CODED = [
    (
        "en",
        "Who wants to see the white cliffs this week? Message me",
        "see the white cliffs",
        "Day trip to Dover castle and the white cliffs, coach from London, book online",
    ),
    (
        "en",
        "Half now, the rest when you see the lights",
        "when you see the lights",
        "The Christmas lights switch-on is on Friday, see you there",
    ),
    (
        "en",
        "Looking for a guy to drive the boat, travel free if you drive",
        "travel free if you drive",
        "Self-drive boat hire on the lake, no licence needed, children travel free",
    ),
    (
        "en",
        "Car on Friday. Don't give this number to anyone",
        "don't give this number to anyone",
        "Call our helpline on this number anytime, we never share your details",
    ),
    (
        "en",
        "Flight with a borrowed passport, same age same height",
        "borrowed passport",
        "Renew your passport online before you book your flight",
    ),
    (
        "fr",
        "Qui veut voir les falaises blanches ce mois-ci ? En privé",
        "voir les falaises blanches",
        "Randonnée sur les falaises d'Étretat, guide et déjeuner compris",
    ),
    (
        "fr",
        "On cherche quelqu'un pour conduire le zodiac, le capitaine voyage gratuitement",
        "le capitaine voyage gratuitement",
        "Croisière en famille : les enfants voyagent gratuitement, réservation en ligne",
    ),
    (
        "fr",
        "Rendez-vous samedi. Ne donne ce numéro à personne",
        "ne donne ce numéro à personne",
        "Notre numéro vert est gratuit, appelez-nous du lundi au vendredi",
    ),
    (
        "ar",
        "نص المبلغ هلق والباقي لما تشوف الضو",
        "لما تشوف الضو",
        "رحلة بحرية عائلية لمشاهدة غروب الشمس، الحجز عبر الموقع",
    ),
    (
        "ar",
        "مطلوب سواق بلم والسفر ببلاش",
        "سواق بلم",
        "مطلوب سائق شاحنة برخصة عمومية، راتب شهري وتأمين صحي",
    ),
    (
        "ar",
        "السيارة جاية الجمعة، لا تعطي الرقم لحدا",
        "لا تعطي الرقم لحدا",
        "للاستفسار اتصلوا على الرقم الموحد من الأحد إلى الخميس",
    ),
    (
        "fa",
        "مسیر VIP با پرواز، قیمت در پیوی",
        "مسیر VIP",
        "تور لاکچری استانبول، هتل پنج ستاره و ترانسفر فرودگاه",
    ),
    (
        "fa",
        "ماشین جمعه شب میاد، این شماره رو به کسی نده",
        "این شماره رو به کسی نده",
        "برای رزرو با این شماره تماس بگیرید، ساعت کاری ۹ تا ۱۷",
    ),
    (
        "ps",
        "VIP لاره، بیه په پیغام کې",
        "VIP لاره",
        "د کابل نه استانبول ته مستقیم پرواز، ټکټونه آنلاین واخلئ",
    ),
    (
        "ps",
        "موټر جمعه شپه راځي، دا شمېره چا ته مه ورکوه",
        "دا شمېره چا ته مه ورکوه",
        "د معلوماتو لپاره په دې شمېره اړیکه ونیسئ",
    ),
    (
        "ckb",
        "ڕێگای VIP بە فڕۆکە، نرخ لە تایبەت",
        "ڕێگای VIP",
        "گەشتی خێزانی بۆ ئیستانبوڵ، هوتێل و فڕۆکە، تۆمارکردن لە ئۆفیس",
    ),
    (
        "ckb",
        "تەکسی شەوی هەینی دێت. ئەم ژمارەیە مەدە بە کەس",
        "ئەم ژمارەیە مەدە بە کەس",
        "بۆ زانیاری زیاتر پەیوەندی بکەن بەم ژمارەیە",
    ),
    (
        "kmr",
        "Rêya VIP bi balafirê, biha di taybet de",
        "rêya VIP",
        "Rêwîtiya malbatî bo Stenbolê, otêl û balafir, qeydkirin li ofîsê",
    ),
    (
        "kmr",
        "Erebe şeva înê tê. Vê hejmarê nede kesî",
        "vê hejmarê nede kesî",
        "Ji bo agahiyan bi vê hejmarê re têkilî daynin",
    ),
    (
        "sq",
        "Udhëtim i sigurt 100% për djemtë, shkruani në privat",
        "udhëtim i sigurt 100%",
        "Udhëtim i sigurt me autobusët tanë, bileta online",
    ),
    (
        "sq",
        "Kërkojmë dikë të drejtojë gomonen, udhëtimi falas",
        "të drejtojë gomonen",
        "Gomone me qira në Ksamil, pa patentë, për familje",
    ),
    (
        "vi",
        "Ai cần đi VIP thì nhắn em, giá riêng",
        "đi VIP",
        "Vé máy bay hạng thương gia, phòng chờ VIP tại sân bay",
    ),
    (
        "vi",
        "Xe đến tối thứ sáu, đừng đưa số này cho ai",
        "đừng đưa số này cho ai",
        "Mọi thắc mắc xin gọi số này trong giờ hành chính",
    ),
    (
        "tr",
        "VIP geçiş, yürüyüş yok, detaylar özelden",
        "VIP geçiş",
        "VIP transfer hizmeti, havalimanından otele, online rezervasyon",
    ),
    (
        "tr",
        "Araba cuma gecesi gelir, bu numarayı kimseye verme",
        "bu numarayı kimseye verme",
        "Bilgi için bu numarayı arayabilirsiniz, hafta içi 9-18",
    ),
    (
        "tr",
        "Yarısı şimdi, kalanı karşıda ödeme",
        "karşıda ödeme",
        "Karşıya geçiş için vapur saatleri ve ödeme seçenekleri",
    ),
    (
        "it",
        "Metà adesso e il resto quando vedi le luci",
        "quando vedi le luci",
        "Vieni a vedere le luci di Natale in piazza, ingresso libero",
    ),
    (
        "it",
        "Cerchiamo chi sa guidare il gommone, il capitano viaggia gratis",
        "il capitano viaggia gratis",
        "Noleggio gommoni senza patente, i bambini viaggiano gratis",
    ),
    (
        "de",
        "Hälfte jetzt, Rest wenn du die Lichter siehst",
        "wenn du die Lichter siehst",
        "Weihnachtsmarkt mit Lichterzauber, Eintritt frei",
    ),
    (
        "de",
        "Abholung Sonntag. Gib diese Nummer niemandem",
        "gib diese Nummer niemandem",
        "Unter dieser Nummer erreichen Sie unsere Hotline werktags",
    ),
    (
        "el",
        "Μισά τώρα, τα υπόλοιπα όταν δεις τα φώτα",
        "όταν δεις τα φώτα",
        "Κρουαζιέρα στο ηλιοβασίλεμα με φαγητό, κρατήσεις online",
    ),
    (
        "el",
        "Ταξίδι με δανεικό διαβατήριο, ίδια ηλικία",
        "δανεικό διαβατήριο",
        "Ανανεώστε το διαβατήριό σας πριν κλείσετε εισιτήρια",
    ),
    (
        "ti",
        "VIP መገዲ ብነፋሪት፡ ዋጋ ብውልቂ",
        "VIP መገዲ",
        "ናይ ኢትዮጵያ ኣየር መንገዲ ቲኬት ኣዲስ ኣበባ → ሮማ",
    ),
    (
        "ti",
        "ብዝተለቅሐ ፓስፖርት ብነፋሪት",
        "ዝተለቅሐ ፓስፖርት",
        "ፓስፖርትኩም ሒዝኩም ናብ ኤምባሲ ምጹ",
    ),
    (
        "en",
        "From Athens to any country in Europe, with or without papers",
        "with or without papers",
        "Open to all applicants, with or without experience",
    ),
    (
        "de",
        "Fahrt nach Deutschland mit oder ohne Papiere, Familien willkommen",
        "mit oder ohne Papiere",
        "Sprachkurse für alle, mit oder ohne Vorkenntnisse",
    ),
    (
        "tr",
        "Pasaport senin fotoğrafınla, turist gibi geçersin",
        "turist gibi geçersin",
        "Kapadokya'yı bir turist gibi değil, yerel gibi gezin",
    ),
    (
        "fa",
        "کیس پناهندگی: داستانت رو می نویسیم و برای مصاحبه آماده ات می کنیم",
        "داستانت رو می نویسیم",
        "کلاس داستان نویسی برای نوجوانان، ثبت نام در آموزشگاه",
    ),
    (
        "ps",
        "ډنکي لاره د مکسیکو له لارې، بیه په پیغام کې",
        "ډنکي",
        "د امریکا ویزې لپاره سفارت ته وخت واخلئ",
    ),
]


def headwords(text: str, lang: str) -> list[str]:
    """The headwords of every term `text` hits."""
    return [hit.term for hit in default().find(text, lang)]


@pytest.mark.parametrize(("lang", "offer", "term", "honest"), CODED)
def test_a_coded_offer_is_found_in_an_offer(lang: str, offer: str, term: str, honest: str) -> None:
    assert term in headwords(offer, lang)


@pytest.mark.parametrize(("lang", "offer", "term", "honest"), CODED)
def test_a_coded_offer_is_not_found_in_an_honest_post(lang: str, offer: str, term: str, honest: str) -> None:
    assert term not in headwords(honest, lang)


def test_every_language_has_a_coded_offer_here() -> None:
    assert {lang for lang, *_ in CODED} == set("en fr ar fa ps ckb kmr sq vi tr ti it de el".split())
