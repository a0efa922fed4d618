"""Concepts said in everyday words: two words of a kind near each other, in any of the lexicons' languages.

A lexicon term is a phrase, matched as written; an advert by a writer who never read the lexicon says
the same thing in other words ("the money only when you have arrived", "bezahlt wird erst, wenn ihr
angekommen seid"). What stays the same across writers is the pair of ideas: a payment word near an
arrival word, a hiding word near a vehicle, a negation right before "questions", a phone near a plastic
bag. Each concept below lists, per language, the words of its two sides (folded as the lexicon's terms
are, graph.indicators.normalise); an advert that holds a word of each side of one language in one
sentence, with at most `window` words between them, gets one hit of the concept's category and weight,
whose span runs from the first word to the second, so an analyst sees the words that made it. A
label question ("Payment? Only when you arrive", "Zahlung? Erst bei Ankunft") is read as one sentence
with its answer: one or two words from a sentence's or line's start to a question mark, holding a word
of the concept's first side (what a label names: the payment, the phone, the visa) and none of its
second, whose first-side word then pairs with the answer's words. "Arrival time? Payment by card" and
"Do you want to pay by card? We arrive at ten" stay two sentences. An
`ordered` concept needs its first side before its second (a negation before what it denies), in every
language or in those it names: where an imperative always comes before its object ("delete the
message"); elsewhere the verb may come last or its object first ("die Nachricht löschen", "kimseye
söyleme"), and the other concepts (payment and arrival, hiding and a vehicle, ...) are said in either
order everywhere ("arrival, then payment"). Words a concept names as `unless_beside` take a word of
either side out when right beside it ("pas de questions bêtes").

A word of a side is a whole word, or a phrase of whole words, listed with its inflections (no stems: the
lookup is by whole word). An apostrophe parts words, in the lists as in adverts, so that an elided
article or preposition is a word of its own: "l'arrivée", "d'arrivée", "all'arrivo", "dell'arrivo" hold
the word of arrival, as "the lorry's" holds the lorry ("don't tell" is the words "don", "t", "tell").
The words are general vocabulary and weak alone by design (money, arrive, lorry, phone): only the pair
is a sign. A concept is kept only when the pair is rare in the posts of travel agencies, ferry
operators, cargo firms, charities, news outlets, job boards and language schools (so "hidden" counts
only as a verb of hiding, never as in "no hidden fees"), and its weight is at most that of the lexicon's
weakest phrase for the same idea. A pair that overlaps a lexicon hit of the same category and at least
its weight adds nothing (the lexicon's phrase said it).

Fast path: the folded text is cut into words by one regular expression in C, and the words of every
side are looked up at once in one set; only a text that holds words of some side is read again word by
word. Each concept's nearest pair is found by bisection over the places of its words, and whether a
word is a label's is read from at most four words around it, so the whole is linear in the text (times
the log of a word's count), whatever the text repeats.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from graph.indicators.match import Hit
from graph.indicators.normalise import Folded, fold_term


@dataclass(frozen=True, slots=True)
class Concept:
    """Two kinds of word that, near each other, say one thing an advert offers."""

    category: str
    weight: float
    means: str
    window: int  # at most this many words between the two
    first: Mapping[str, str]  # language -> words of the first side, "|" between them
    second: Mapping[str, str]  # language -> words of the second side
    # Whether the first side must come before the second: in every language, or in those named.
    ordered: bool | frozenset[str] = False
    # language -> words that, right before or after a word of either side, give it another sense
    unless_beside: Mapping[str, str] = field(default_factory=dict)

    def in_order(self, lang: str) -> bool:
        """Whether the concept's first side must come first in `lang`."""
        return self.ordered is True or (isinstance(self.ordered, frozenset) and lang in self.ordered)


# Words for money and paying, shared by the concepts of payment.
PAYING = {
    "en": "pay|paid|paying|payment|money|cash|the money",
    "fr": "payer|payez|paye|paie|paiement|argent",
    "de": "zahlen|zahlst|zahlt|bezahlen|bezahlt|bezahlst|geld|zahlung|bezahlung",
    "it": "pagate|pagare|paghi|pagamento|pagato|soldi|contanti",
    "el": "πληρωνεις|πληρωνετε|πληρωμη|πληρωσεις|λεφτα|χρηματα|plirwneis|plironeis|lefta",
    "tr": "para|parayi|parasi|odeme|ode|odeyin|odersin|odersiniz",
    "sq": "pagesa|paguan|paguani|paguhet|leket|parate|paraja|parat",
    "vi": "tra tien|thanh toan|dong tien|gui tien",
    "ar": "الفلوس|فلوس|المبلغ|الدفع|تدفع|ادفع|تدفعوا|تدفعون|المصاري|مصاري|flous|lflous|floos|dfa3",
    "fa": "پول|پولو|پولش|پرداخت|پرداختی|pool|pul|poolo",
    "ps": "پیسې|پیسی|پیسو|تادیه|pese|paise",
    "ckb": "پارە|پارەکە|پارەکەت|پارەی|para|paray|parakay",
    "kmr": "pere|pereyê|peran|pereyan",
    "ti": "ገንዘብ|ክፍሊት|ትኸፍሉ|ትኸፍል",
}

CONCEPTS = (
    Concept(
        "price",
        0.35,
        "payment tied to arrival, in everyday words",
        6,
        PAYING,
        {
            "en": "arrive|arrived|arrival|arrives|arriving",
            "fr": "arrive|arrivee|arrives|arrivez|arriver",
            "de": "ankommst|ankommt|ankommen|angekommen|ankunft",
            "it": "arrivati|arrivi|arrivo|arrivate|arrivata|arrivato|arrivare",
            "el": "φτασεις|φτασετε|φτασιμο|φτανεις|φτασει|αφιξη|ftaseis",
            "tr": "varinca|varis|vardiktan|vardiginda|varmadan|ulasinca|ulastiktan",
            "sq": "mberritjes|mberrin|mberrini|mberritje|arrin|arrini|arritjes",
            "vi": "den noi|toi noi|khi den|khi toi|khi sang",
            "ar": "توصل|توصلوا|تصل|الوصول|وصولك|وصول|twsal|tosal|twosal|touslo",
            "fa": "رسیدن|رسیدی|برسی|رسیدید|برسید|رسیدین|برسین|beresi|residan|residi|beresid",
            "ps": "ورسیږې|ورسیدل|رسیدو|ورسېږې|ورسیږئ|رسیدل",
            "ckb": "گەیشتن|گەیشتی|گەیشتنت|دەگەیت|بگەیت|گەیشتنی|gayshtn|gayshti|gayshtin",
            "kmr": "gihiştin|gihişt|bigihêjî|gihîştin|bigihêjin|gihiştinê",
            "ti": "ምብጻሕ|ምስበጻሕኩም|ምስበጻሕካ|በጻሕኩም|ትበጽሑ",
        },
    ),
    Concept(
        "price",
        0.3,
        "money left with a guarantor until the crossing is done",
        4,
        PAYING | {"en": "pay|paid|paying|payment|money|cash|the money|deposit|deposited"},
        {
            "en": "guarantor|trusted person|trusted man|middleman",
            "fr": "garant|intermediaire",
            "de": "vertrauensmann|treuhänder|bürge|mittelsmann",
            "it": "garante|intermediario",
            "el": "εγγυητη|εγγυητης|μεσαζοντα",
            "tr": "emanete|emanette|emanetciye|emanetci|kefil",
            "sq": "garant|garantues|ndermjetes",
            "vi": "nguoi bao lanh|nguoi giu tien",
            "ar": "الضامن|ضامن|امانه|الامانه|كفيل",
            "fa": "ضامن|امانت|امانتی|amanat|zamen",
            "ps": "ضامن|امانت",
            "ckb": "زامن|ئەمانەت|کەفیل",
            "kmr": "kefîl|emanet",
            "ti": "ዋሕስ",
        },
    ),
    Concept(
        "service",
        0.25,
        "someone arrived with them or thanks to them (an arrival told as proof)",
        3,
        {
            "en": "arrived|made it|crossed",
            "fr": "arrive|arrivee|arrives",
            "de": "angekommen|ankam|geschafft",
            "it": "arrivato|arrivata|arrivati|arrivate",
            "el": "εφτασε|εφτασαν|περασε|περασαν",
            "tr": "vardi|ulasti|gecti|vardilar|ulastilar",
            "sq": "mberriti|mberriten|kaloi|kaluan|arriti",
            "vi": "da den|da toi|da qua",
            "ar": "وصل|وصلت|وصلوا|عبروا|wsal|wesel|wslo",
            "fa": "رسید|رسیدند|رد شد|رد شدن",
            "ps": "ورسید|ورسېد|ورسیدل|تېر شو",
            "ckb": "گەیشت|پەڕینەوە|پەڕیەوە",
            "kmr": "gihişt|gihîşt|derbas bû",
            "ti": "በጺሑ|በጺሖም|ኣትዩ|ሓሊፉ",
        },
        {
            "en": "with them|with him|thanks to them|thanks to him|through them",
            "fr": "avec eux|avec lui|grace a eux|grace a lui|par eux",
            "de": "mit ihnen|mit ihm|dank ihnen|dank ihm",
            "it": "con loro|con lui|grazie a loro|grazie a lui|tramite loro",
            "el": "μαζι τους|μαζι του|χαρη σε αυτους|μεσω αυτων",
            "tr": "bunlarla|onlarla|onunla|onlar sayesinde|bunlar sayesinde",
            "sq": "me ta|fale tyre|fale tij|nepermjet tyre",
            "vi": "voi ho|nho ho|cung ho",
            "ar": "معهم|معاهم|معاه|بفضلهم|عن طريقهم|m3ahom|m3ahum|m3ah",
            "fa": "باهاشون|با اینها|همراهشان|همراه اینها|با ایشان|باهاش",
            "ps": "ورسره|له دوی سره|د دوی په مرسته",
            "ckb": "لەگەڵیان|لەگەڵ ئەوان|بە هۆی ئەوان",
            "kmr": "bi wan re|bi wî re|bi saya wan",
            "ti": "ምሳታቶም|ምስኦም|ብኣታቶም",
        },
    ),
    Concept(
        "secrecy",
        0.45,
        "no questions asked (about the load, the passengers, the trip)",
        0,  # the negation right before "questions": "no stupid questions" welcomes every question
        {
            "en": "no|without|zero|never any|without any|without asking|without asking any",
            "fr": "pas de|sans|aucune|zero|sans poser de|sans trop de",
            "de": "keine|ohne|null|ohne viele|ohne lange|ohne große",
            "it": "nessuna|senza|zero|senza fare|senza troppe",
            "el": "χωρις|καμια|xwris|χωρις πολλες",
            # Turkish puts the negation after the question: its sides are listed in that order.
            "tr": "soru|sorgu|sormak|sorgu sual",
            "sq": "pa|asnje",
            "vi": "khong|dung",
            "ar": "بدون|بلا|من غير|bdoun|bla|بدون أي|بلا أي|من غير أي",
            "fa": "بدون|بی|bedoone|bedun|بدون هیچ",
            "ps": "بې|پرته له",
            "ckb": "بێ|بەبێ",
            "kmr": "bê|bêyî",
            "ti": "ብዘይ",
        },
        {
            "en": "questions",
            "fr": "questions",
            "de": "fragen",
            "it": "domande",
            "el": "ερωτησεις|erwtiseis|erotiseis",
            "tr": "yok|sorulmaz|sorulmadan",
            "sq": "pyetje",
            "vi": "hoi han|hoi gi",
            "ar": "اسئله|اسیله|سوال|سیوال|as2ila|so2al",
            "fa": "سوال|سئوال|پرسش|soal|sowal|سوالی|سئوالی",
            "ps": "پوښتنې|پوښتنو|پوښتنه",
            "ckb": "پرسیار",
            "kmr": "pirs|pirsan",
            "ti": "ሕቶ|ሕቶታት",
        },
        ordered=True,
        # The adjective that makes it "no stupid questions", after the noun in French, before it in Turkish.
        unless_beside={"fr": "stupides|betes|idiotes|stupide|bete|idiote", "tr": "aptal|aptalca|sacma"},
    ),
    Concept(
        "service",
        0.4,
        "hiding in a vehicle",
        4,
        {
            "en": "hide|hiding|hidden in|hidden inside|hidden behind|hidden under|concealed in",
            "fr": "cache dans|caches dans|cache derriere|caches derriere|cachette|planque|planques",
            "de": "versteckt im|versteckt in|versteckt hinter|versteck|verstecken",
            "it": "nascosto nel|nascosti nel|nascosto in|nascosti in|nascosti dietro|nascondiglio",
            "el": "κρυμμενος|κρυμμενοι|κρυψωνα|krymmenos",
            "tr": "saklanarak|gizlenerek|saklanip|gizlenip|zula",
            "sq": "fshehur|fshehje|fshihemi",
            "vi": "tron trong|giau trong|an nap",
            "ar": "مخبا|مخبی|تخبیه|mkhabi",
            "fa": "قایم|جاسازی|پنهان شده|مخفی شده|ghayem",
            "ps": "پټ ځای|پټ شوي|پټ کړي",
            "ckb": "شاردراوە|خۆشاردنەوە|شاردنەوە",
            "kmr": "xwe veşartin|veşartin",
            "ti": "ተሓቢኡ|ዝተሓብአ|ሕቡእ",
        },
        {
            "en": "car|lorry|lorries|truck|trucks|trailer|van|boot|trunk|container",
            "fr": "voiture|camion|remorque|coffre|camionnette|conteneur",
            "de": "auto|lkw|laster|transporter|anhänger|kofferraum|container|wagen",
            "it": "macchina|camion|tir|furgone|rimorchio|bagagliaio|auto",
            "el": "αυτοκινητο|φορτηγο|φορτηγακι|νταλικα|πορτμπαγκαζ|κοντεινερ",
            "tr": "araba|arac|tir|kamyon|kamyonet|dorse|bagaj|konteyner|minibus",
            "sq": "makine|makina|kamion|kamioni|rimorkio|furgon|bagazh",
            "vi": "xe tai|xe hoi|container|thung xe|cop xe",
            "ar": "سیاره|السیاره|شاحنه|الشاحنه|تریلا|الصندوق|کونتینر|trila|tomobil",
            "fa": "ماشین|موتر|کامیون|تریلی|صندوق عقب|کانتینر|mashin|motar",
            "ps": "موټر|لارۍ|ټرک|کانټینر",
            "ckb": "ئۆتۆمبێل|سەیارە|لۆری|تریلە|بارهەڵگر",
            "kmr": "erebe|otomobîl|kamyon|tir|trimbêl",
            "ti": "መኪና|ሎሪ|ኮንቴነር",
        },
    ),
    Concept(
        "service",
        0.4,
        "a phone kept in a plastic bag (a sea crossing's instruction)",
        4,
        {
            "en": "phone|phones|mobile",
            "fr": "telephone|portable|tel",
            "de": "handy|telefon|handys",
            "it": "telefono|cellulare|telefonino",
            "el": "κινητο|τηλεφωνο|κινητα",
            "tr": "telefon|telefonu|telefonlar|telefonunuzu",
            "sq": "telefon|telefoni|telefonin|celular",
            "vi": "dien thoai",
            "ar": "التلفون|تلفون|الموبایل|موبایل|الجوال|جوال|التلیفون|tilifoun",
            "fa": "گوشی|موبایل|تلفن|گوشیتون|گوشیت",
            "ps": "موبایل|ټیلیفون|ګوشی",
            "ckb": "مۆبایل|تەلەفۆن|مۆبایلەکەت",
            "kmr": "telefon|telefona|mobîl",
            "ti": "ሞባይል|ተሌፎን",
        },
        {
            "en": "plastic bag|plastic bags|nylon bag|nylon|zip bag|ziplock|freezer bag",
            "fr": "sac plastique|sac en plastique|sachet plastique|pochette plastique",
            "de": "plastiktüte|plastikbeutel|gefrierbeutel|tüte",
            "it": "busta di plastica|sacchetto di plastica|sacchetto",
            "el": "σακουλα|νααλον|ναιλον|πλαστικη σακουλα",
            "tr": "posete|poset|naylon|naylona|posette",
            "sq": "qese plastike|qese|najlon",
            "vi": "tui nilon|nilon|tui ni long",
            "ar": "کیس نایلون|نایلون|کیس|نایلو",
            "fa": "کیسه نایلون|نایلون|کیسه|کیسه پلاستیکی",
            "ps": "نایلون|کڅوړه|پلاستیکي کڅوړه",
            "ckb": "نایلۆن|کیسە",
            "kmr": "naylon|tûrik",
            "ti": "ናይሎን",
        },
    ),
    Concept(
        "documents",
        0.4,
        "a visa or passport said to be real 'in the system'",
        4,
        {
            "en": "visa|passport|passports|residence card|id card",
            "fr": "visa|passeport|titre de sejour|carte de sejour",
            "de": "visum|pass|aufenthaltstitel|ausweis",
            "it": "visto|passaporto|permesso di soggiorno",
            "el": "βιζα|διαβατηριο|αδεια διαμονης",
            "tr": "vize|pasaport|oturum",
            "sq": "vize|viza|pasaporte|leje qendrimi",
            "vi": "visa|ho chieu|the cu tru",
            "ar": "فیزا|الفیزا|جواز|الجواز|اقامه|الاقامه",
            "fa": "ویزا|ویزه|پاسپورت|اقامت",
            "ps": "ویزه|ویزا|پاسپورت",
            "ckb": "ڤیزا|ڤیزای|ڤیزە|پاسپۆرت|ئیقامە",
            "kmr": "vîze|pasaport",
            "ti": "ቪዛ|ፓስፖርት",
        },
        {
            "en": "in the system|on the system|in system",
            "fr": "dans le systeme",
            "de": "im system",
            "it": "nel sistema",
            "el": "στο συστημα",
            "tr": "sistemde|sisteme kayitli",
            "sq": "ne sistem",
            "vi": "tren he thong|co tren he thong",
            "ar": "بالسیستم|فی السیستم|بالنظام|فی النظام",
            "fa": "تو سیستم|در سیستم|سیستمی",
            "ps": "په سیسټم کې",
            "ckb": "لە سیستەمدا",
            "kmr": "di sîstemê de",
            "ti": "ኣብ ሲስተም",
        },
    ),
    Concept(
        "secrecy",
        0.45,
        "delete the message, do not pass it on",
        3,
        {
            "en": "delete|erase|don't forward|do not forward|dont forward",
            "fr": "supprime|supprimez|efface|effacez",
            "de": "lösch|lösche|löscht|löschen|nicht weiterleiten",
            "it": "cancella|cancellate|elimina|eliminate|non inoltrare",
            "el": "σβηστε|σβησε|διαγραψτε|διαγραψε",
            "tr": "sil|silin|paylasmayin",
            "sq": "fshije|fshijeni|fshi",
            "vi": "xoa|xoa di",
            "ar": "امسح|امسحوا|احذف|احذفوا",
            "fa": "پاک کن|پاک کنید|پاکش کن|حذف کن|حذف کنید",
            "ps": "پاک کړئ|پاک کړه|ړنګ کړئ",
            "ckb": "بسڕەوە|بسڕنەوە",
            "kmr": "jê bibe|jê bibin|paqij bike",
            "ti": "ሰርዞ|ሰርዝዎ|ደምስሶ",
        },
        {
            "en": "message|messages|msg|chat|conversation",
            "fr": "message|messages|msg|conversation",
            "de": "nachricht|nachrichten|chat",
            "it": "messaggio|messaggi|chat",
            "el": "μηνυμα|μηνυματα",
            "tr": "mesaji|mesaj|mesajlari|yazismayi",
            "sq": "mesazhin|mesazh|mesazhet",
            "vi": "tin nhan",
            "ar": "الرساله|رساله|الرسایل|المحادثه",
            "fa": "پیام|پیامو|مسیج",
            "ps": "پیغام|مسیج|پیام",
            "ckb": "نامەکە|نامە|پەیامەکە",
            "kmr": "mesajê|mesaj|peyamê",
            "ti": "መልእኽቲ",
        },
        # The imperative comes first there ("message us to delete your account", "gửi tin nhắn để xóa",
        # "scrivici un messaggio ed elimina ogni dubbio" are no sign); German or Turkish may put it last.
        ordered=frozenset({"en", "fr", "it", "ar", "vi"}),
    ),
    Concept(
        "secrecy",
        0.35,
        "tell no one",
        2,
        {
            "en": "don't tell|dont tell|do not tell|never tell|don't say|dont say",
            "fr": "ne dis|ne le dis|ne dites|ne le dites|n'en parle|n'en parlez",
            # The whole construction: an imperative, or a verb with its negation. "sagt" alone is also "says"
            # ("die Polizei sagt, dass niemandem ..."), "dire" alone "to say" ("nessuno può dire"), "πεις"
            # alone "to say" ("τι να πεις; κανένα πρόβλημα"), "تقول" alone "you say".
            "de": (
                "sag|sag es|sagt es|sag das|sagt das|erzähl|"
                "erzähle|erzähl es|erzählt es|verrat|verrate|verratet es"
            ),
            "it": (
                "non dire|non dirlo|non dirle|non ditelo|"
                "non dite|non dica|non lo dire|non raccontare|non raccontate"
            ),
            "el": (
                "μην πεις|μη πεις|μην το πεις|μη το πεις|μην πειτε|"
                "μη πειτε|μην το πειτε|μη το πειτε|μην το λες|μην λες"
            ),
            "tr": "soyleme|soylemeyin|anlatma|anlatmayin",
            "sq": "thuaj|thoni|tregoni|trego",
            "vi": "dung noi|khong noi",
            "ar": (
                "لا تقول|ما تقول|لا تقولوا|ما تقولوا|لا تقل|لا تخبر|ما تخبر|لا تخبروا|"
                "لا تحکی|ما تحکی|لا تحکوا|ما تحکوا|ما تقولش|متقولش|ما تحکیش|متحکیش"
            ),
            "fa": "نگو|نگید|نگین|نگویید",
            "ps": "مه وایه|مه وایئ",
            "ckb": "مەڵێ|مەڵێن",
            "kmr": "nebêje|nebêjin",
            "ti": "ኣይትንገር|ኣይትንገሩ",
        },
        {
            "en": "anyone|anybody|nobody|no one|noone",
            "fr": "personne",
            "de": "niemandem",
            "it": "nessuno|a nessuno",
            "el": "κανεναν|σε κανεναν|σε κανενα",
            "tr": "kimseye|hic kimseye",
            "sq": "askujt",  # "to no one"; not "askush", "no one" as a subject ("më thoni nëse askush vjen")
            "vi": "ai|bat ky ai",
            "ar": "لحد|لاحد|حدا|لحدا|احد|احدا",
            "fa": "کسی|به کسی|هیچکس|هیچ کس",
            "ps": "چا ته|هیچا ته|هیچاته",
            "ckb": "کەس|بە کەس",
            "kmr": "kesî|ji kesî re|tu kesî",
            "ti": "ንማንም|ንዝኾነ ሰብ",
        },
        # The imperative comes first there ("das schadet niemandem, sag ich", "ai không nói được tiếng Anh"
        # are no sign); Italian, Greek and Albanian may put "to no one" first for weight, the others last.
        ordered=frozenset({"en", "fr", "de", "ar", "vi"}),
    ),
    Concept(
        "documents",
        0.35,
        "a passport, ID, permit or visa sold (a selling word beside a document)",
        2,
        {
            # "sell" rather than "sold" (news of a ring that sold passports), and no bare "available" or
            # "ready in" ("visa on arrival available", "your visa ready in 5 days" are agencies' words).
            "en": (
                "sell|selling|for sale|made in|passes the scanner|passes the machine|"
                "passes any control|passes every control|passes all checks|pass the scanner|pass any control"
            ),
            "fr": (
                "vente|vend|vends|vendons|a vendre|fait en|faits en|passe le scanner|"
                "passe la machine|passe le controle|passe tous les controles|passent les controles"
            ),
            "de": (
                "verkaufen|verkaufe|gemacht in|geht durch den scanner|"
                "geht durch jede kontrolle|besteht jede kontrolle|kommt durch jede kontrolle"
            ),
            "it": (
                "vendo|vendiamo|vendesi|in vendita|fatto in|fatti in|passa lo scanner|passa il controllo|"
                "passa i controlli|supera i controlli|supera ogni controllo"
            ),
            "el": (
                "πουλαμε|πουλαω|πωλειται|πωλουνται|πουλιουνται|φτιαχνουμε|περναει τον ελεγχο|"
                "περνανε τον ελεγχο|περναει απο το σκανερ|poulame|pwleitai"
            ),
            "tr": "satilik|satiyoruz|satilir|satisi|satis|makineden gecer|kontrolden gecer|taramadan gecer",
            "sq": ("shesim|shitet|shiten|shitje|kalon kontrollin|kalon skanerin|kalojne kontrollin"),
            # Not "bán" alone: folded, it is also "bạn" (you).
            "vi": "can ban|chuyen ban|ban gap|qua may soi|qua may quet|qua moi kiem tra|qua kiem tra",
            "ar": (
                "نبيع|بنبيع|للبيع|يباع|تباع|متوفر للبيع|يمر من الجهاز|يعبر الجهاز|يمر من التفتيش|"
                "nbi3|nbe3|lilbay3|lelbe3"
            ),
            "fa": (
                "فروش|میفروشیم|فروشیم|فروشی|دستگاه رد میشه|اسکنر رد میشه|forosh|foroosh|mifrushim|mifroshim"
            ),
            "ps": "پلورو|پلورل|د پلور|د پلور لپاره|خرڅوو|خرڅیږي|plorel|kharsawo",
            "ckb": "دەفرۆشین|فرۆشتن|دەفرۆشرێت|دەفرۆشرێ|defroshin|froshtn",
            "kmr": "difroşin|difroşim|tê firotin|tên firotin|ji bo firotinê|firotin|difroşe",
            "ti": "ንሸይጥ|ይሽየጥ|ንመሸጣ|መሸጣ|ንሸጥ",
        },
        {
            "en": (
                "passport|passports|id card|id cards|identity card|identity cards|residence permit|"
                "residence permits|residence card|residence cards|driving licence|driving licences|"
                "driving license|driver's license|visas|schengen visa|work visa|student visa|tourist visa|"
                "visit visa|work permit|work permits|"
                "national insurance number|ni number|brp|green card|green cards"
            ),
            "fr": (
                "passeport|passeports|carte d'identite|cartes d'identite|cni|titre de sejour|"
                "titres de sejour|"
                "carte de sejour|cartes de sejour|permis de conduire|visas|visa schengen|visa de travail|"
                "visa etudiant|permis de travail|"
                "carte vitale"
            ),
            "de": (
                "pass|passe|reisepass|reisepasse|ausweis|ausweise|personalausweis|aufenthaltstitel|"
                "aufenthaltserlaubnis|fuhrerschein|fuhrerscheine|visum|visa schengen|schengen visa|"
                "arbeitserlaubnis"
            ),
            # Not "visto" alone: it is also "seen" ("ho visto in vendita").
            "it": (
                "passaporto|passaporti|carta d'identita|carta di identita|carte d'identita|"
                "permesso di soggiorno|permessi di soggiorno|patente|patenti|visto schengen|visti schengen|"
                "visto turistico|visto di lavoro|permesso di lavoro|codice fiscale"
            ),
            "el": (
                "διαβατηριο|διαβατηρια|ταυτοτητα|ταυτοτητες|αδεια διαμονης|αδειες διαμονης|διπλωμα οδηγησης|"
                "βιζα|βιζες|αδεια εργασιας|αμκα|diavatirio|diavatiria|viza"
            ),
            "tr": (
                "pasaport|pasaportu|pasaportlar|kimlik|kimlik karti|kimlikler|oturum karti|oturma izni|"
                "ehliyet|ehliyetler|vize|vizesi|calisma izni|ikamet izni|ikamet karti"
            ),
            "sq": (
                "pasaporte|pasaporta|pasaporten|leternjoftim|leternjoftime|karte identiteti|leje qendrimi|"
                "patente|patenta|vize|viza|vizen|leje pune"
            ),
            "vi": (
                "ho chieu|can cuoc|the can cuoc|chung minh thu|cmnd|the cu tru|bang lai|bang lai xe|"
                "giay phep lai xe|visa|thi thuc|giay phep lao dong"
            ),
            "ar": (
                "جواز|جوازات|جواز سفر|الجواز|هویه|هویات|بطاقه هویه|اقامه|اقامات|الاقامه|رخصه قیاده|"
                "رخصه سواقه|شهاده سواقه|فیزا|فیزات|الفیزا|تصریح عمل|باسبور|بسبور|jawaz|jawazat|iqama|viza|"
                "fiza"
            ),
            "fa": (
                "پاسپورت|پاسپورتهای|گذرنامه|کارت شناسایی|کارت ملی|کارت اقامت|اقامت|گواهینامه|ویزا|ویزه|"
                "اجازه کار|تذکره|pasport|viza|eghamat|tazkira"
            ),
            "ps": (
                "پاسپورت|پاسپورټ|پاسپورټونه|جوازونه|د اوسیدو کارت|تذکره|ویزه|ویزا|اقامت|د اوسېدو اجازه|"
                "د موټر چلولو جواز|د کار اجازه|pasport|"
                "tazkira|viza"
            ),
            "ckb": (
                "پاسپۆرت|پاسەپۆرت|ناسنامە|کارتی نیشتەجێبوون|ئیقامە|مۆڵەتی شۆفێری|ڤیزا|ڤیزە|مۆڵەتی کار|"
                "pasport|nasnama|viza|iqama"
            ),
            "kmr": (
                "pasaport|pasaporta|pasaportê|pasaportan|qerta rûniştinê|nasname|nasnameyê|îqame|ehliyet|"
                "ehliyeta|vîze|vîza|destûra xebatê|"
                "destûra rûniştinê|destûra ajotinê"
            ),
            "ti": "ፓስፖርት|ፓስፖርታት|መንነት|መንነት ወረቐት|ቪዛ|መንበሪ ፍቓድ|መንጃ ፍቓድ|ፍቓድ ስራሕ",
        },
        # What an honest post sells or makes with a document (its photo, its cover, an appointment), and
        # a negation ("we do not sell visas").
        unless_beside={
            "en": (
                "photo|photos|holder|holders|cover|covers|case|cases|wallet|wallets|appointment|appointments|"
                "office|service|services|renewal|renewals|application|applications|required|needed|e|evisa|"
                "sticker|stickers|card|cards|mastercard|accepted|debit|credit|not|never|t|fake|forged|"
                "counterfeit|false|bogus"
            ),
            "fr": (
                "carte|cb|mastercard|acceptee|ne|pas|jamais|faux|fausses|falsifies|photo|photos|etui|etuis|"
                "protege|rendez|rdv|service|"
                "services|renouvellement|"
                "demande|exige|requis"
            ),
            "de": (
                "karte|kreditkarte|mastercard|nicht|kein|keine|gefalschte|gefalschten|falsche|falschen|foto|"
                "fotos|hulle|hullen|etui|"
                "termin|termine|amt|antrag|erforderlich|notig"
            ),
            "it": (
                "non|mai|falsi|falso|false|contraffatti|foto|custodia|custodie|porta|ufficio|appuntamento|"
                "rinnovo|richiesta|necessaria"
            ),
            "el": (
                "δεν|μην|πλαστα|πλαστο|πλαστες|πλαστων|φωτογραφια|φωτογραφιες|θηκη|θηκες|ραντεβου|ανανεωση|"
                "αιτηση|απαιτειται"
            ),
            "tr": (
                "degil|sahte|fotografi|fotograf|kilifi|kilif|randevu|randevusu|yenileme|basvuru|gerekli|sart"
            ),
            "sq": "nuk|s|false|falsifikuara|foto|kellef|termin|rinovim|aplikim|kerkohet",
            "vi": "khong|anh|hen|gia",
            "ar": "لا|ما|مش|مزوره|مزور|مزیفه|صوره|صور|غلاف|موعد|تجدید|مطلوب",
            "fa": "نمی|نه|جعلی|تقلبی|عکس|کاور|جلد|نوبت|تمدید|لازم",
            "ps": "نه|جعلي|عکس|پوښ|نوبت",
            "ckb": "نا|نە|ساختە|وێنە|بەرگ|بەرگی|نۆبە|نوێکردنەوە",
            "kmr": "na|ne|sexte|wêne|berg|randevû|nûkirin",
            "ti": "ኣይ|ሓሶት|ስእሊ|ቆጸራ",
        },
    ),
    Concept(
        "documents",
        0.35,
        "an asylum story written or taught for the client (what to say, which country to name)",
        5,
        {
            # A story made or taught for the client, never "your story" alone: charities ask refugees to
            # tell theirs, lawyers "prepare you for the interview" and "explain what to expect".
            "en": (
                "write your story|write you a story|we write stories|we write the story|prepare your story|"
                "prepare a story|prepare the story|make you a story|give you a story|a strong story|"
                "ready story|ready made story|story ready|which country to say|what country to say|"
                "say you are from|say you come from|say you're from|tell you what to say|"
                "teach you what to say|exactly what to say|learn the story by heart"
            ),
            "fr": (
                "ecrire ton histoire|ecrire votre histoire|on ecrit ton histoire|on ecrit votre histoire|"
                "preparer ton histoire|preparons ton histoire|preparons votre histoire|"
                "on prepare ton histoire|"
                "histoire prete|histoire solide|une bonne histoire|quel pays dire|quel pays tu dois dire|"
                "dire que tu viens|dites que vous venez|on te dit quoi dire|on vous dit quoi dire|"
                "on t'apprend quoi dire|quoi dire"
            ),
            "de": (
                "wir schreiben deine geschichte|wir schreiben ihre geschichte|schreiben dir eine geschichte|"
                "geschichte vorbereiten|fertige geschichte|starke geschichte|gute geschichte|"
                "welches land du sagen|welches land sagen|was du sagen musst|was du sagen sollst|"
                "was ihr sagen musst|sag dass du aus|sagen dass du aus|geschichte auswendig"
            ),
            "it": (
                "scriviamo la tua storia|scrivere la tua storia|ti scriviamo una storia|"
                "prepariamo la tua storia|"
                "prepariamo la storia|storia pronta|storia forte|una buona storia|che paese dire|"
                "quale paese dire|cosa devi dire|cosa dire esattamente|ti insegniamo cosa dire|"
                "ti diciamo cosa dire|di che sei di|di che vieni da"
            ),
            "el": (
                "γραφουμε την ιστορια σου|σου γραφουμε ιστορια|ετοιμαζουμε την ιστορια σου|ετοιμη ιστορια|"
                "δυνατη ιστορια|καλη ιστορια|ποια χωρα να πεις|τι χωρα να πεις|τι να πεις ακριβως|"
                "σου λεμε τι να πεις|σου μαθαινουμε τι να πεις|να πεις οτι εισαι απο"
            ),
            "tr": (
                "hikayeni yaziyoruz|hikayenizi yaziyoruz|hikaye yaziyoruz|hikayeni hazirliyoruz|"
                "hikaye hazirliyoruz|hazir hikaye|saglam hikaye|guclu hikaye|iyi bir hikaye|"
                "hangi ulkeyi soyleyecegini|hangi ulkeden oldugunu soyleyecegini|ne soyleyecegini|"
                "ne soyleyeceginizi|ne diyecegini|ezberletiyoruz"
            ),
            "sq": (
                "ta shkruajme historine|shkruajme historine|ta pergatisim historine|pergatisim historine|"
                "histori te gatshme|histori e gatshme|histori e forte|cfare shteti te thuash|"
                "cfare duhet te thuash|thuaj qe je nga"
            ),
            "vi": (
                "viet cau chuyen|soan cau chuyen|cau chuyen san|kich ban|day cach khai|huong dan cach khai|"
                "khai nuoc nao|khai la nguoi|noi la nguoi|hoc thuoc"
            ),
            "ar": (
                "نكتب قصتك|نكتبلك قصه|نكتب لك قصه|نجهز قصتك|نجهزلك قصه|نحضر قصتك|قصه جاهزه|قصه قویه|"
                "قصه مقنعه|نعلمك شو تقول|نعلمك ماذا تقول|نقلك شو تحكی|تقول انك من|تحكی انك من|ای بلد تقول|"
                "شو البلد اللی تقول|2issa jahze|qissa jahza|2esa jahze"
            ),
            "fa": (
                "داستان مینویسیم|داستان می نویسیم|داستانتو مینویسیم|داستان میسازیم|داستان آماده|"
                "کیس آماده|کیس ساختگی|کیس مینویسیم|چی باید بگی|یادت میدیم چی بگی|بگی اهل|بگی مال|"
                "dastan amade|kays amade|case amade"
            ),
            "ps": (
                "کیسه لیکو|کیسه درته لیکو|کیسه جوړوو|تیاره کیسه|کیسه تیاره|څه باید ووایې|درته وایو څه ووایې|"
                "ووایه چې د"
            ),
            "ckb": (
                "چیرۆک دەنووسین|چیرۆکت بۆ دەنووسین|چیرۆکی ئامادە|چیرۆکێکی بەهێز|کەیس دەنووسین|کەیسی ئامادە|"
                "چی بڵێیت|چی بڵێی|فێرت دەکەین چی بڵێیت|بڵێ خەڵکی|kaysi amada|chiroki amada"
            ),
            "kmr": (
                "çîroka te dinivîsin|çîrokê dinivîsin|çîroka amade|çîrokeke amade|çîrokeke xurt|"
                "çi bibêjî|çi divê bibêjî|em dibêjin çi bibêjî|bêje ku tu ji|bibêje tu ji"
            ),
            "ti": "ዛንታኻ ንጽሕፈልካ|ዛንታ ንጽሕፍ|ዛንታ ነዳሉ|ድልው ዛንታ|ሓያል ዛንታ|እንታይ ክትብል ከም ዘለካ|እንታይ ከም እትብል ንምህረካ",
        },
        {
            # The asylum procedure, never a bare "interview" ("what to say in a job interview").
            "en": (
                "asylum|home office|bamf|ofpra|substantive interview|big interview|caseworker|"
                "immigration officer|refugee status"
            ),
            "fr": "asile|ofpra|cnda|officier de protection|statut de refugie|bamf|home office",
            "de": (
                "asyl|asylantrag|asylverfahren|bamf|anhorung|auslanderbehorde|home office|ofpra|"
                "fluchtlingsstatus"
            ),
            "it": (
                "asilo|commissione territoriale|protezione internazionale|status di rifugiato|audizione|bamf|"
                "home office"
            ),
            "el": (
                "ασυλο|ασυλου|υπηρεσια ασυλου|επιτροπη προσφυγων|προσφυγικο καθεστως|bamf|home office|asylo"
            ),
            "tr": "iltica|siginma|gocmen idaresi|bamf|home office|multeci statusu|multecilik",
            "sq": "azil|azilit|azilin|azilkerkues|home office|bamf|statusi i refugjatit",
            "vi": "ti nan|xin ti nan|ho so ti nan|phong van ti nan|home office|bamf|so di tru",
            "ar": (
                "لجوء|اللجوء|للجوء|باللجوء|مقابله اللجوء|الهوم اوفیس|هوم اوفیس|البامف|بامف|اوفبرا|lujoo2|"
                "lejou2|luju2|"
                "home office|bamf"
            ),
            "fa": (
                "پناهندگی|مصاحبه پناهندگی|مصاحبه کمپ|اداره مهاجرت|هوم آفیس|بامف|panahandegi|home office|bamf"
            ),
            "ps": "پناه|پناهندګي|پناه غوښتنه|د پناه مرکه|هوم افس|بامف|panahandagi|home office|bamf",
            "ckb": (
                "پەنابەری|پەنابەرییەکەت|پەنابەر|چاوپێکەوتنی پەنابەری|هۆم ئۆفیس|بامف|penaberi|panabari|"
                "home office|bamf"
            ),
            "kmr": (
                "penaberî|penaberiyê|penaberiya|îltica|hevpeyvîna penaberiyê|home office|bamf|"
                "statûya penaberiyê"
            ),
            "ti": "ዑቕባ|ንዑቕባ|ሕቶ ዑቕባ|ሆም ኦፊስ|ባምፍ",
        },
    ),
    Concept(
        "documents",
        0.35,
        "a visa in the client's own passport without the embassy, interview or appointment",
        6,
        {
            "en": (
                "in your passport|on your passport|your own passport|your real passport|"
                "your original passport|stamped in your passport"
            ),
            "fr": (
                "sur ton passeport|sur votre passeport|dans ton passeport|dans votre passeport|"
                "sur ton propre passeport|sur votre propre passeport|ton vrai passeport|votre vrai passeport|"
                "ton passeport original|votre passeport original"
            ),
            "de": (
                "in deinem pass|in deinen pass|in ihrem pass|in ihren pass|auf deinen pass|im eigenen pass|"
                "in deinem eigenen pass|deinen echten pass|in deinem echten pass|in deinem reisepass|"
                "in deinen reisepass|eigenen reisepass"
            ),
            "it": (
                "sul tuo passaporto|nel tuo passaporto|sul tuo vero passaporto|sul passaporto originale|"
                "sul tuo passaporto originale|nel tuo passaporto originale|tuo vero passaporto|"
                "sul proprio passaporto"
            ),
            "el": (
                "στο διαβατηριο σου|στο δικο σου διαβατηριο|στο αληθινο σου διαβατηριο|"
                "στο πραγματικο σου διαβατηριο|στο γνησιο διαβατηριο σου|sto diavatirio sou"
            ),
            "tr": (
                "kendi pasaportuna|kendi pasaportunuza|kendi pasaportunda|kendi pasaportunla|pasaportunuza|"
                "pasaportuna|orijinal pasaportuna|gercek pasaportuna"
            ),
            "sq": ("pasaporten tende|pasaporten tuaj|pasaporten e vertete|pasaporten origjinale"),
            "vi": (
                "tren ho chieu cua ban|vao ho chieu cua ban|ho chieu that|ho chieu chinh chu|ho chieu goc|"
                "dan vao ho chieu|dong vao ho chieu"
            ),
            "ar": (
                "على جوازك|ع جوازك|بجوازك|على جواز سفرك|على جوازك الاصلی|بجوازك الاصلی|على جوازك الحقیقی|"
                "جوازك الاصلی|جوازك الشخصی|3la jawazak|bjawazak"
            ),
            "fa": (
                "روی پاسپورت خودت|تو پاسپورت خودت|رو پاسپورت خودت|روی پاسپورت خودتون|پاسپورت خودت|"
                "پاسپورت خودتان|پاسپورت خودتون|پاسپورت اصلی خودت|pasport khodet|pasporte khodet|"
                "pasport khodetan"
            ),
            "ps": (
                "په خپل پاسپورت|په اصلي پاسپورټ|په خپل اصلي پاسپورت|ستاسو په پاسپورت|په خپل پاسپورټ|"
                "ستا په پاسپورټ|"
                "pa khpal pasport"
            ),
            "ckb": (
                "پاسپۆرتی ڕەسەنی خۆت|پاسپۆرتی خۆت|پاسپۆرتی ڕاستەقینەی خۆت|"
                "پاسپۆرتی ئەسڵی خۆت|"
                "pasporti xot|pasporti khot|pasporti xoy"
            ),
            "kmr": ("pasaporta te|pasaporta te ya rastîn|pasaporta xwe ya orjînal|pasaporta xwe"),
            "ti": "ናትካ ፓስፖርት|ፓስፖርትካ|ኦሪጅናል ፓስፖርትካ",
        },
        {
            "en": (
                "without embassy|without the embassy|no embassy|without going to the embassy|no interview|"
                "without interview|without an interview|no appointment|without appointment|"
                "without an appointment|"
                "no biometrics|without biometrics|without fingerprints|no fingerprints"
            ),
            "fr": (
                "sans ambassade|sans passer par l'ambassade|sans aller a l'ambassade|sans consulat|"
                "sans rendez vous|sans rdv|sans entretien|pas d'entretien|pas de rendez vous|pas d'ambassade|"
                "sans empreintes|sans biometrie"
            ),
            "de": (
                "ohne botschaft|ohne die botschaft|ohne konsulat|ohne termin|ohne interview|ohne gesprach|"
                "ohne fingerabdrucke|ohne biometrie|kein termin|keine botschaft|kein interview|"
                "ohne zur botschaft"
            ),
            "it": (
                "senza ambasciata|senza passare dall'ambasciata|senza andare in ambasciata|senza consolato|"
                "senza appuntamento|senza intervista|senza colloquio|niente ambasciata|niente appuntamento|"
                "niente intervista|senza impronte"
            ),
            "el": (
                "χωρις πρεσβεια|χωρις να πας στην πρεσβεια|χωρις ραντεβου|χωρις συνεντευξη|χωρις προξενειο|"
                "χωρις δακτυλικα|xwris presveia|xoris presveia|xwris rantevou|xoris rantevou"
            ),
            "tr": (
                "elciliksiz|elcilige gitmeden|konsolosluga gitmeden|randevusuz|randevu olmadan|mulakatsiz|"
                "mulakat olmadan|parmak izi olmadan|elcilik yok|randevu yok|mulakat yok"
            ),
            "sq": (
                "pa ambasade|pa shkuar ne ambasade|pa konsullate|pa termin|pa takim|pa interviste|"
                "pa gjurme gishtash|pa biometri"
            ),
            "vi": (
                "khong can phong van|khong phong van|khong qua dai su quan|khong can dai su quan|"
                "khong can len dai su quan|khong can hen|khong can lay van tay|khong can sinh trac"
            ),
            "ar": (
                "بدون سفاره|بلا سفاره|من غیر سفاره|بدون ما تروح عالسفاره|بدون مقابله|بلا مقابله|بدون موعد|"
                "بلا موعد|بدون بصمه|بلا بصمه|بدون مراجعه السفاره|bdoun sifara|bla sefara|bdun mou3ad|"
                "bdoun moqabala"
            ),
            "fa": (
                "بدون سفارت|بی سفارت|بدون مراجعه به سفارت|بدون وقت سفارت|بدون مصاحبه|بی مصاحبه|بدون نوبت|"
                "بدون انگشت نگاری|بدون بیومتریک|bedoone sefarat|bedun sefarat|bedun mosahebe|bedoone mosahebe"
            ),
            "ps": (
                "بې له سفارت|مرکه نشته|سفارت ته اړتیا نشته|پرته له سفارت|سفارت ته له تللو پرته|بې مرکې|"
                "پرته له مرکې|بې له مرکې|بې نوبته|"
                "پرته له نوبت"
            ),
            "ckb": (
                "بێ باڵیۆزخانە|بێ چاوپێکەوتنی|بەبێ باڵیۆزخانە|بەبێ چوونە باڵیۆزخانە|بێ چاوپێکەوتن|"
                "بەبێ چاوپێکەوتن|بێ مەوعید|"
                "بەبێ مەوعید|بێ نۆبە|بەبێ پەنجەمۆر|be balyozxana|bebe balyozxana|be chawpekawtn"
            ),
            "kmr": (
                "bê balyozxane|bê hevpeyvîna|bêyî balyozxaneyê|bê konsolxane|bê hevpeyvîn|bêyî hevpeyvînê|"
                "bê randevû|"
                "bêyî randevû|bê şopa tiliyan|bê ku biçî balyozxaneyê"
            ),
            "ti": "ብዘይ ኤምባሲ|ብዘይ ቃለ መሕትት|ብዘይ ቆጸራ|ብዘይ ኣሻራ|ኤምባሲ ከይከድካ|ብዘይ ምኻድ ኤምባሲ",
        },
        # A visa stamped on arrival, or an e-visa, also needs no embassy: the agencies that sell them say so.
        unless_beside={
            "en": "needed|required|necessary|arrival|e|evisa|electronic|online",
            "fr": "necessaire|requis|arrivee|ligne|electronique",
            "de": "notig|notwendig|erforderlich|online|elektronisch|ankunft",
            "it": "necessario|richiesto|online|elettronico|arrivo",
            "el": "απαιτειται|χρειαζεται|αφιξη|ηλεκτρονικη|online",
            "tr": "gerekli|gerekmez|online|elektronik|kapida",
            "sq": "nevojitet|kerkohet|online|elektronike",
            "vi": "dien|online",
            "ar": "مطلوب|لازم|الكترونیه|اونلاین",
            "fa": "لازم|الکترونیک|آنلاین",
            "ps": "اړین|انلاین",
            "ckb": "پێویست|ئۆنلاین",
            "kmr": "pêwîst|online",
            "ti": "የድሊ",
        },
    ),
    Concept(
        "documents",
        0.3,
        "an asylum story's dates or details learned by heart for the interview",
        4,
        {
            # Learning by heart, never "prepare" or "practise": lawyers prepare clients for the interview,
            # and "μάθε" or "mësoni" alone are also "find out" ("μάθε τις ημερομηνίες" of an exam).
            "en": "memorise|memorize|memorised|memorized|memorising|memorizing|by heart",
            "fr": "memorise|memorisez|memoriser|par coeur|retiens bien|retenez bien",
            "de": "auswendig|einpragen|pragt euch|prag dir|merk dir gut|einpauken",
            "it": "a memoria|memorizza|memorizzate|memorizzare|memorizzale",
            "el": "απ εξω|απεξω|αποστηθισε|αποστηθιστε|αποστηθιση|αποστηθιζεις",
            "tr": "ezberle|ezberleyin|ezberlemen|ezberlemelisin|ezberleyeceksin|ezberlet|ezberletiyoruz",
            "sq": "permendesh|mbaj mend mire|mbani mend mire",
            "vi": "hoc thuoc|thuoc long|nho ky",
            "ar": "احفظ|احفظها|احفظوا|احفظو|تحفظ|تحفظها|ابصم|ابصمها|بصم|عن ظهر قلب|e7faz|i7faz",
            "fa": "حفظ کن|حفظ کنید|حفظش کن|حفظ کنی|ازبر|از بر کن|یاد بگی|hefz kon",
            "ps": "یاد کړه|یاد کړئ|یاد یې کړه|حفظ کړه|حفظ کړئ|ازبر",
            "ckb": "لەبەر بکە|لەبەری بکە|لەبەر بکەن|لەبەربکە|لەبەر بکەیت|لەبەری بکەن",
            "kmr": "jiber bike|jiber bikin|ji ber bike|ji ber bikin|ezber bike|ezber bikin",
            "ti": "ኣጽኒዕካ ሓዝ|ኣጽኒዕኩም ሓዙ|ኣጽንዕ|ኣጽንዑ|ብልቢ ሓዝ",
        },
        {
            # The client's story and its dates; never "answers" (a language school's "memorise the answers
            # for the speaking test"), and in the languages of the idiom "to know a story by heart" only
            # the client's own story, not a job interview's "details" ("memorise the company's details
            # before the interview").
            "en": "your story|your case|the dates|your dates|all the dates|all dates",
            "fr": "ton histoire|ton recit|votre histoire|votre recit|tes dates|toutes les dates|audition",
            "de": "deine geschichte|ihre geschichte|deine daten|alle daten|anhorung",
            "it": "la tua storia|tua storia|le tue date|tutte le date|audizione",
            "el": "ημερομηνιες|ιστορια|λεπτομερειες|συνεντευξη",
            "tr": (
                "tarihleri|tarihler|tarihlerini|hikaye|hikayeni|hikayeyi|hikayen|detaylari|ayrintilari|"
                "mulakat|mulakattan|mulakatta|mulakata|gorusme|gorusmeden"
            ),
            "sq": "datat|daten|historine|historia|detajet|intervisten|intervistes|intervista|interviste",
            "vi": "ngay thang|cau chuyen|chi tiet|phong van",
            "ar": "التواريخ|تواريخ|القصه|قصتك|التفاصيل|المقابله|مقابله|الانترفيو",
            "fa": "تاریخ ها|تاریخها|تاریخ|داستان|داستانت|قصه|جزئیات|مصاحبه",
            "ps": "تاریخونه|نیټې|کیسه|کیسې|جزییات|مرکه|مرکې|انټرویو",
            "ckb": "بەروارەکان|بەروار|بەروارەکانی|چیرۆکەکە|چیرۆکەکەت|وردەکارییەکان|چاوپێکەوتن|چاوپێکەوتنەکە",
            "kmr": "dîrokan|dîrokên|çîrokê|çîroka xwe|hûrguliyan|hevpeyvînê|hevpeyvîn",
            "ti": "ዕለታት|ዛንታ|ዛንታኻ|ቃለ መሕትት|ዝርዝር",
        },
        # A job interview or a language test is no asylum interview.
        unless_beside={
            "en": "job|ielts|speaking|exam|test|driving",
            "fr": "embauche|examen|oral",
            "de": "vorstellungsgesprach|prufung|bewerbungsgesprach",
            "it": "lavoro|esame|orale",
            "el": "εργασιας|εξετασεις",
            "tr": "is|sinav|sinavi",
            "sq": "punes|pune|provimin|provimi",
            "vi": "viec|thi",
            "ar": "العمل|عمل|الامتحان",
            "fa": "کاری|امتحان",
            "ps": "دندې|ازموینه",
            "ckb": "کار|تاقیکردنەوە",
            "kmr": "karê|îmtîhan",
            "ti": "ስራሕ|ፈተና",
        },
    ),
    Concept(
        "documents",
        0.35,
        "travel on a relative's or a look-alike's passport",
        3,
        {
            "en": "passport|passports|id card|id cards",
            "fr": "passeport|passeports|carte d'identite|cartes d'identite|cni",
            "de": "reisepass|reisepasse|ausweis|personalausweis",
            "it": "passaporto|passaporti|carta d'identita|carta di identita|carte d'identita",
            "el": "διαβατηριο|διαβατηρια|ταυτοτητα|ταυτοτητες|diavatirio|diavatiria",
            "tr": "pasaport|pasaportu|pasaportla|pasaportuyla|pasaportlar|kimlik|kimligi|kimligiyle",
            "sq": "pasaporte|pasaporta|pasaporten|pasaportin|leternjoftim|leternjoftimi|karte identiteti",
            "vi": "ho chieu|can cuoc|cmnd|the can cuoc",
            "ar": "جواز|جوازات|الجواز|باسبور|هويه|الهويه|jawaz|basbor",
            "fa": "پاسپورت|پاسپورتی|گذرنامه|تذکره|کارت ملی",
            "ps": "پاسپورت|پاسپورټ|تذکره",
            "ckb": "پاسپۆرت|پاسپۆرتی|ناسنامە|ناسنامەی",
            "kmr": "pasaport|pasaporta|pasaportê|nasname|nasnameya",
            "ti": "ፓስፖርት|መንነት",
        },
        {
            # Whose cousin, brother or relative ("your cousin", "ton frère"), or a face like yours; never a
            # relative with no whose ("my brother's passport has expired"), never a child ("renew your
            # child's passport") and never "similar" alone ("passports and similar documents").
            "en": (
                "your cousin|your brother|a cousin|a brother|a relative|looks like you|look like you|"
                "looking like you|same face|lookalike|look alike|resembles you|resemble you|like your face|"
                "matches your face"
            ),
            "fr": (
                "ton cousin|ta cousine|ton frere|ta soeur|un cousin|un frere|un parent|qui te ressemble|"
                "qui vous ressemble|te ressemble|vous ressemble|ressemblant|ressemblante|sosie|meme visage|"
                "meme tete"
            ),
            "de": (
                "deines cousins|deiner cousine|deines bruders|deiner schwester|eines verwandten|vom bruder|"
                "vom cousin|ahnlich sehen|ahnlich sieht|ahnlichem gesicht|gleiches gesicht|doppelganger"
            ),
            "it": (
                "tuo cugino|tua cugina|tuo fratello|tua sorella|un parente|un cugino|ti somiglia|"
                "ti assomiglia|somigliante|somiglianti|sosia"
            ),
            "el": "ξαδερφου σου|αδερφου σου|συγγενη σου|ξαδερφης σου|σου μοιαζει|σου μοιαζουν|ιδιο προσωπο",
            "tr": ("kuzenin|kuzeninin|kardesinin|abinin|akrabanin|benzeyen|sana benzeyen|ayni yuz"),
            "sq": "te ngjan|te ngjajne|te njejten fytyre",
            "vi": "giong ban|giong mat|cung khuon mat",
            "ar": "ابن عمك|ابن خالك|اخوك|قريبك|يشبهك|بيشبهك|تشبهك|نفس الوجه|نفس الشكل",
            "fa": "پسرعموت|پسر عموت|برادرت|شبیهت|شبیه تو|هم قیافه",
            "ps": "ستا د ورور|ستا په څېر|ستا په شان|ورته مخ",
            "ckb": "ئامۆزاکەت|براکەت|لە تۆ دەچێت|هەمان ڕووخسار",
            "kmr": "pismamê te|kurapê te|birayê te|dişibe te|heman rû|rûyê te",
            "ti": "ሓውካ|ሓውኻ|ዝመስለካ|ዝመስለኪ|ተመሳሳሊ ገጽ",
        },
        # The passport comes first where the owner follows it ("passeport de ton cousin", "pasaporta që të
        # ngjan"): "ton cousin a eu son passeport" is news from the family.
        ordered=frozenset({"fr", "de", "it", "el", "sq", "vi", "ar", "fa", "ckb", "kmr"}),
        # An expired, renewed, lost or stolen passport, or its photo, is no borrowed passport.
        unless_beside={
            "en": (
                "expired|expires|renew|renewal|renewed|lost|stolen|launch|club|shop|signing|fair|review|photo"
            ),
            "fr": "expire|renouvellement|renouveler|perdu|vole|photo",
            "de": "auf|abgelaufen|verlangern|verlangerung|verloren|gestohlen|foto",
            "it": "scaduto|rinnovo|rinnovare|smarrito|rubato|foto",
            "el": "ληξη|εληξε|ανανεωση|χαθηκε|κλαπηκε|φωτογραφια",
            "tr": "suresi|yenileme|yeniletmek|kayip|calindi|fotografi",
            "sq": "skaduar|rinovim|rinovimi|humbur|vjedhur|foto",
            "vi": "han|mat|the",
            "ar": "منتهي|تجديد|ضايع|مسروق|صوره",
            "fa": "تمدید|گم|عکس",
            "ps": "تمدید|ورک",
            "ckb": "نوێکردنەوە|ونبوو",
            "kmr": "nûkirin|windabûyî",
            "ti": "ምሕዳስ|ዝጠፍአ",
        },
    ),
    Concept(
        "documents",
        0.3,
        "children added to a family-reunion file (a service adding them, not a parent asking)",
        5,
        {
            # The service's own "we add", never "you can add" or "children can be added": honest legal
            # aid explains how a parent adds his children to an application.
            "en": "we add|we'll add|we will add|we also add|we include|we'll include",
            "fr": "on ajoute|nous ajoutons|on rajoute|on ajoutera|nous ajouterons",
            "de": "wir fugen|wir tragen",
            "it": "aggiungiamo|aggiungeremo|inseriamo nel fascicolo",
            "el": "προσθετουμε|θα προσθεσουμε|βαζουμε στον φακελο",
            "tr": "ekliyoruz|ekleriz|ekleyecegiz|ekleyebiliriz",
            "sq": "shtojme|i shtojme|do shtojme|do i shtojme",
            "vi": "them vao ho so|bo sung vao ho so",
            "ar": "نضيف|بنضيف|منضيف|نضيفلك|نزيدلك",
            "fa": "اضافه میکنیم|اضافه می کنیم|اضافه کنیم|اضافه میکنم",
            "ps": "ورزیاتوو|زیاتوو|ور زیاتوو|اضافه کوو",
            "ckb": "زیاد دەکەین|زیادی دەکەین|زیادیان دەکەین",
            "kmr": "zêde dikin|lê zêde dikin|em zêde dikin",
            "ti": "ንውስኽ|ንውስኸልካ|ንውስኾም",
        },
        {
            "en": "kids|children|child|kid|nephews|nieces",
            "fr": "enfants|enfant|gosses|neveux|niece|nieces",
            "de": "kinder|kind|kindern|neffen|nichten",
            "it": "figli|figlio|figlia|bambini|nipoti",
            "el": "παιδια|παιδι|ανιψια|ανιψιους",
            "tr": "cocuk|cocuklar|cocuklari|cocuklarinizi|cocuklarini|cocugu|yegen|yegenler",
            "sq": "femije|femijet|femijen|nipat|mbesat",
            "vi": "con|con cai|cac con|tre em|chau",
            "ar": "اولاد|الاولاد|اطفال|الاطفال|ولاد|اولادك|ابناء|ابنائك",
            "fa": "بچه|بچه ها|فرزند|فرزندان|اولاد",
            "ps": "ماشومان|ماشوم|اولاد|بچي",
            "ckb": "منداڵ|منداڵەکان|منداڵی|مناڵ|منداڵەکانت",
            "kmr": "zarok|zarokan|zarokên|zarokê",
            "ti": "ቆልዑ|ቆልዓ|ውሉድ",
        },
        # A parent's question ("how do we add our children?", "comment on ajoute les enfants ?") and a
        # child seat added to a booking are no service padding a file.
        unless_beside={
            "en": "do|can|how|should|could|seat|seats",
            "fr": "comment|peut|pouvons|siege",
            "de": "wie|konnen|kindersitz",
            "it": "come|possiamo|seggiolino",
        },
    ),
)

# A word: letters and digits, up to an apostrophe (folded from ’ ʼ ‘ by graph.indicators.normalise).
WORD = re.compile(r"\w+")
# The places of a side's phrases in a text: (first word, last word, end in the folded text), in text order.
Places = list[tuple[int, int, int]]

# Marks that end a sentence: . ! ? … and those of the lexicons' scripts and of others adverts borrow
# (Arabic ؟, Urdu and Pashto ۔, Devanagari ।, Ethiopic ። ፧, Chinese 。, the Greek question mark, full-width
# forms). A run of them ends a sentence unless a letter or digit follows at once ("1.500", "wa.me",
# "?start="), an ellipsis even then ("pay...arrive"). A line break ends one too, as adverts write one
# statement a line, unless its line ends with a comma or a colon ("Payment:" over "after arrival").
END_MARKS = ".!?…\u061f\u06d4\u0964\u1362\u1367\u3002\u037e\uff01\uff1f\uff61"
# Those that ask: a sentence they end may be a label question, read with its answer.
QUESTION_MARKS = "?\u061f\u1367\u037e\uff1f"
LINE_BREAK = r"\r\n|[\n\r\u2028\u2029\x85\v\f]"
LINE_BREAKS = re.compile(LINE_BREAK)
SENTENCE_END = re.compile(
    rf"(?P<joined>[,:،][^\S\n\r]*+)?(?:{LINE_BREAK})"
    # Only from a run's first mark: from inside it the run's end and what follows are the same, and
    # trying each would read a run of marks followed by a letter in time quadratic in its length.
    rf"|(?<![{END_MARKS}])[{END_MARKS}]++(?!\w)"
    r"|(?:\.\.|…)[.…]*+"
)
# A full stop after one letter ("z. B.", "e.g.", an initial) or after one of these short forms ends no
# sentence. Short forms that often end one ("etc.", "usw.", "km.") are not listed.
ABBREVIATIONS = frozenset(
    "approx appr ca cca dr mr mrs ms st vs nr tel tél τηλ incl inkl bzw evtl ggf ex env mme sig dott".split()
)
WORD_BEFORE = re.compile(r"(?<!\w)\w{1,8}$")


def sentence_ends(text: str) -> list[int]:
    """Where the sentences of `text` end, in text order: the offsets of their end marks and line breaks."""
    return [
        end.start()
        for end in SENTENCE_END.finditer(text)
        if end.group("joined") is None and not (end.group() == "." and abbreviated(text, end.start()))
    ]


def abbreviated(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes a short form rather than a sentence."""
    word = WORD_BEFORE.search(text, max(0, stop - 8), stop)
    if not word:
        return False
    found = word.group()
    return (len(found) == 1 and found.isalpha()) or found.casefold() in ABBREVIATIONS


@dataclass(frozen=True, slots=True)
class Side:
    """One side of one concept in one language: which concept, which side, which language."""

    concept: int
    side: int
    lang: str


@cache
def vocabulary() -> tuple[dict[str, list[tuple[list[str], Side]]], frozenset[str]]:
    """Each phrase's first folded word -> (the phrase's folded words, its side), and the set of those
    first words: built once per process, so that a text is read against every side at once. A phrase
    is a list, as a slice of the text's words is, so that one comparison tells whether it is there."""
    index: dict[str, list[tuple[list[str], Side]]] = {}
    for number, concept in enumerate(CONCEPTS):
        for side, words in enumerate((concept.first, concept.second)):
            for lang, line in words.items():
                for phrase in line.split("|"):
                    folded = WORD.findall(fold_term(phrase))
                    if folded:
                        index.setdefault(folded[0], []).append((folded, Side(number, side, lang)))
    return index, frozenset(index)


@cache
def spoilers() -> dict[tuple[int, str], frozenset[str]]:
    """(concept, language) -> the folded words that, beside a word of either side, take it out."""
    return {
        (number, lang): frozenset(fold_term(word) for word in line.split("|"))
        for number, concept in enumerate(CONCEPTS)
        for lang, line in concept.unless_beside.items()
    }


# Words are numbered with a jump of more words than any window at each sentence end, so that no pair
# spans one and `nearest` needs no other test.
SENTENCE_GAP = 1 + max(concept.window for concept in CONCEPTS)


def pairs(folded: Folded, original: str | None = None) -> list[tuple[int, int, Concept, str]]:
    """The concepts the folded text says in a pair of words of one sentence: (start, end, concept,
    language), spans in `folded.text`. The first pair of each concept and language is enough (a concept
    is one sign). `original`, the text `folded` was folded from, shows the line breaks (folded to spaces)."""
    text = folded.text
    index, words = vocabulary()
    said = WORD.findall(text)
    if words.isdisjoint(said):
        return []
    found: dict[tuple[int, str], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for position, word in enumerate(said):
        for phrase, side in index.get(word, ()):
            end = position + len(phrase) - 1
            key = (side.concept, side.lang)
            if (
                end < len(said)
                and said[position : end + 1] == phrase
                and not beside(said, position, end, spoilers().get(key))
            ):
                found.setdefault(key, ([], []))[side.side].append((position, end))
    both = [(key, sides) for key, sides in found.items() if sides[0] and sides[1]]
    if not both:
        return []
    # Where each word is written, needed only now: most texts with a pair's word have no whole pair.
    tokens = [(match.group(), match.start(), match.end()) for match in WORD.finditer(text)]
    sentences = Sentences.of(tokens, folded, original)
    starts: dict[int, int] = {}  # a numbered word -> where it starts in the folded text
    result = []
    for (number, lang), sides in both:
        concept = CONCEPTS[number]
        first = numbered(sides[0], tokens, sentences, starts, labels_of=sides[1])
        second = numbered(sides[1], tokens, sentences, starts)
        span = nearest(first, second, concept.window, ordered=concept.in_order(lang))
        if span:
            (start, _, _), (_, _, stop) = span
            result.append((starts[start], stop, concept, lang))
    return result


def beside(said: list[str], first: int, last: int, words: frozenset[str] | None) -> bool:
    """Whether the word right before `first` or right after `last` of the text's words is one of `words`."""
    if not words:
        return False
    return (first > 0 and said[first - 1] in words) or (last + 1 < len(said) and said[last + 1] in words)


@dataclass(frozen=True, slots=True)
class Sentences:
    """Where a text's sentences end, which sentence each token is in, and which tokens share a line."""

    text: str  # the text the ends are offsets in: the advert's own when given (it has the line breaks)
    ends: list[int]
    count: int  # how many tokens
    offset: Callable[[int], int]  # a token -> where it starts in `text`

    @classmethod
    def of(cls, tokens: list[tuple[str, int, int]], folded: Folded, original: str | None) -> Sentences:
        """The sentences of the folded text's tokens, read from `original` when given."""
        if original is None:
            text, offset = folded.text, lambda position: tokens[position][1]
        else:
            text, offset = original, lambda position: folded.starts[tokens[position][1]]
        return cls(text, sentence_ends(text), len(tokens), offset)

    def sentence(self, position: int) -> int:
        """The number of the sentence the token at `position` is in."""
        return bisect_right(self.ends, self.offset(position))

    def one_line(self, start: int, end: int) -> bool:
        """Whether the tokens from `start` to `end` are on one line (of `text`: the folded one has none)."""
        return LINE_BREAKS.search(self.text, self.offset(start), self.offset(end)) is None

    def asks(self, number: int) -> bool:
        """Whether sentence `number` ends with a question mark."""
        return number < len(self.ends) and self.text[self.ends[number]] in QUESTION_MARKS

    def label(self, number: int, first: int, last: int) -> tuple[int, int] | None:
        """The first and last token of the label question that the phrase at tokens `first` to `last`,
        in sentence `number`, is in, if any: at most two words from the sentence's or the line's start
        to a question mark, with an answer after it. At most four tokens around the phrase are read."""
        if not self.asks(number):
            return None
        start, end = first, last
        while (
            start > 0
            and end - start < 2
            and self.sentence(start - 1) == number
            and self.one_line(start - 1, start)
        ):
            start -= 1
        while end + 1 < self.count and end - start < 2 and self.sentence(end + 1) == number:
            end += 1
        if end - start >= 2 or end + 1 == self.count or self.sentence(end + 1) == number:
            return None
        return (start, end) if self.one_line(first, end) else None


def label_answer(
    number: int, first: int, last: int, sentences: Sentences, others: list[tuple[int, int]]
) -> int | None:
    """The sentence of the answer when the phrase at tokens `first` to `last` (in sentence `number`) is
    a label question's ("Payment? Only when you arrive"): the phrase is read there, as the topic the
    answer speaks of. None when it is no label's, or when its label holds a phrase of the other side,
    `others` ("Arrival time? Payment by card": the answer is about something else)."""
    label = sentences.label(number, first, last)
    if label is None:
        return None
    start, end = label
    other = bisect_left(others, (start, -1))
    if other < len(others) and others[other][0] <= end:
        return None
    return sentences.sentence(end + 1)


def numbered(
    places: list[tuple[int, int]],
    tokens: list[tuple[str, int, int]],
    sentences: Sentences,
    starts: dict[int, int],
    labels_of: list[tuple[int, int]] | None = None,
) -> Places:
    """The places of a side's phrases (first and last token) as `nearest` reads them: each word numbered
    SENTENCE_GAP words further for every sentence end before it, a phrase cut by one left out. For a
    concept's first side, `labels_of` gives the places of its second: a phrase that is a label question's
    is numbered as if in its answer's sentence. Where each numbered first word starts in the folded text
    goes into `starts`."""
    result = []
    for first, last in places:
        number = sentences.sentence(first)
        if sentences.sentence(last) == number:
            answer = None if labels_of is None else label_answer(number, first, last, sentences, labels_of)
            if answer is not None:
                number = answer
            jump = number * SENTENCE_GAP
            starts[first + jump] = tokens[first][1]
            result.append((first + jump, last + jump, tokens[last][2]))
    return result


def nearest(
    first: Places, second: Places, window: int, *, ordered: bool = False
) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """A phrase of `first` with a phrase of `second` after it (or, unless `ordered`, before it), at most
    `window` words apart and not overlapping: the earlier of the two and the later. Each phrase is
    checked against the nearest of the other side after it, found by bisection, so that a text
    repeating one side many times costs n log n, not n squared."""
    found = _following(first, second, window)
    if found or ordered:
        return found
    return _following(second, first, window)


def _following(
    earlier: Places, later: Places, window: int
) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first phrase of `earlier` followed, at most `window` words after it ends, by one of `later`."""
    starts = [place[0] for place in later]
    for a in earlier:
        after = bisect_right(starts, a[1])  # the first of `later` starting after `a` ends
        if after < len(later) and later[after][0] - a[1] - 1 <= window:
            return a, later[after]
    return None


def pair_hits(text: str, folded: Folded, hits: Sequence[Hit], lang: str | None) -> list[Hit]:
    """`hits` (in text order) and a hit for each concept said in a pair of words, in text order, unless
    a hit of the same category and at least its weight already overlaps its span. Its term is what the
    advert wrote; its language the concept's words' (the advert's when several languages share them)."""
    found = pairs(folded, text)
    if not found:
        return list(hits)
    added: dict[tuple[int, int, str], Hit] = {}
    for begin, end, concept, word_lang in sorted(found, key=lambda item: item[3] != lang):
        start, stop = folded.span(begin, end)
        key = (start, stop, concept.category)
        if key in added or any(
            h.category == concept.category and h.start < stop and start < h.end and h.weight >= concept.weight
            for h in hits
        ):
            continue
        added[key] = Hit(
            text[start:stop], concept.category, word_lang, start, stop, concept.weight, concept.means
        )
    return sorted([*hits, *added.values()], key=lambda hit: (hit.start, hit.end))
