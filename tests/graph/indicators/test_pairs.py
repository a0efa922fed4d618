"""Concepts said in a pair of everyday words: found in every language with the span of the two words,
not found when the words are too far apart, out of order, in two languages or already a lexicon term,
and found in time linear in the text however hostile."""

import pytest

from graph.indicators import analyse
from graph.indicators.lexicon import SMUGGLING_CATEGORIES
from graph.indicators.match import Hit
from graph.indicators.normalise import fold, fold_term
from graph.indicators.pairs import CONCEPTS, WORD, nearest, pair_hits, pairs, sentence_ends

LANGUAGES = {"en", "fr", "de", "it", "el", "tr", "sq", "vi", "ar", "fa", "ps", "ckb", "kmr", "ti"}
PAY_ON_ARRIVAL = "payment tied to arrival, in everyday words"
NO_QUESTIONS = "no questions asked (about the load, the passengers, the trip)"


def found(text: str, lang: str | None = None) -> list[Hit]:
    return pair_hits(text, fold(text), [], lang)


def said(text: str) -> list[tuple[str, str]]:
    """What the advert wrote for each concept found, and the concept."""
    return [(hit.term, hit.means) for hit in found(text)]


def test_every_concept_is_written_in_every_language_and_is_a_weak_smuggling_sign() -> None:
    for concept in CONCEPTS:
        assert set(concept.first) == LANGUAGES and set(concept.second) == LANGUAGES, concept.means
        assert concept.category in SMUGGLING_CATEGORIES
        assert 0 < concept.weight <= 0.45 and concept.window >= 0
        for side in (concept.first, concept.second):
            for lang, line in side.items():
                for phrase in line.split("|"):
                    assert WORD.findall(fold_term(phrase)), (concept.means, lang, phrase)


def test_a_pair_within_the_window_hits_with_the_span_of_its_two_words() -> None:
    text = "Lorry from Calais tonight. The money only when you have arrived, brother"
    (hit,) = found(text, "en")
    assert (hit.category, hit.lang, hit.means, hit.weight) == ("price", "en", PAY_ON_ARRIVAL, 0.35)
    assert text[hit.start : hit.end] == hit.term == "The money only when you have arrived"


def test_the_window_counts_the_words_between_the_two() -> None:
    six_between = "money " + "then " * 6 + "arrive"
    assert [m for _, m in said(six_between)] == [PAY_ON_ARRIVAL]
    assert said("money " + "then " * 7 + "arrive") == []
    far = "pay the deposit now and we will talk about many other things before the day you arrive"
    assert said(far) == []


def test_an_unordered_pair_may_come_in_either_order() -> None:
    assert said("you arrive first, then you pay") == [("arrive first, then you pay", PAY_ON_ARRIVAL)]


def test_an_ordered_pair_needs_its_first_side_first() -> None:
    assert said("no questions asked") == [("no questions", NO_QUESTIONS)]
    assert said("Questions? No problem, call us") == []
    assert said("Questions? Don't hesitate to call") == []


def test_the_two_words_must_be_of_one_language() -> None:
    # "geld" is German for money and "arrive" English: no writer says the concept so.
    assert said("geld when you arrive") == []
    assert said("Geld wenn ihr ankommt") == [("Geld wenn ihr ankommt", PAY_ON_ARRIVAL)]


def test_one_side_alone_is_no_sign() -> None:
    assert said("we take the money by bank transfer") == []
    assert said("arrived home safely after the holiday") == []
    assert pairs(fold("")) == []


def test_the_two_sides_may_not_be_the_same_words() -> None:
    # "arrived" is on both sides of "arrived with them" in no language, and a phrase never pairs with
    # itself: one word is not a pair.
    assert nearest([(0, 0, 5)], [(0, 0, 5)], 3) is None
    assert nearest([(0, 1, 9)], [(1, 1, 9)], 3) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("bezahlt wird erst, wenn ihr angekommen seid", "price"),
        ("pagate solo quando siete arrivati", "price"),
        ("parayı varınca verirsin", "price"),
        ("پول بعد از اینکه رسیدی", "price"),
        ("el flous 3nd el maktab lin twsal", "price"),
        ("Tır arkasında yer var, soru sorulmaz", "secrecy"),
        ("nach dem Lesen die Nachricht löschen", "secrecy"),
        ("Kimseye söyleme, mesajı sil", "secrecy"),
        ("Mein Neffe ist mit ihnen in Hamburg angekommen", "service"),
        ("ο ξάδερφός μου έφτασε μαζί τους", "service"),
        ("گوشی تو کیسه نایلون بذارید", "service"),
        ("Tu restes caché dans le camion jusqu'à Calais", "service"),
        ("Visa Schengen vrai dans le système", "documents"),
        ("ሓወይ ዓርቢ ንኸይድ ኢና። ንማንም ኣይትንገር።", "secrecy"),
    ],
)
def test_concepts_are_found_across_languages_and_scripts(text: str, category: str) -> None:
    assert category in {hit.category for hit in found(text)}


def test_a_hit_names_what_the_advert_wrote_and_where() -> None:
    text = "Cousin arrived with them last week ✅"
    (hit,) = found(text, "en")
    assert text[hit.start : hit.end] == hit.term == "arrived with them"
    assert hit.lang == "en" and hit.means.startswith("someone arrived with them")


def test_a_lexicon_hit_of_the_same_category_already_says_it() -> None:
    text = "pay after arrival"
    lexicon = [Hit("pay after arrival", "price", "en", 0, len(text), 0.6, "pay after arrival")]
    assert pair_hits(text, fold(text), lexicon, "en") == lexicon
    # A weaker one, or one of another category, does not: the pair says more.
    weak = [Hit("arrival", "price", "en", 10, len(text), 0.1, "arrival")]
    assert [h.means for h in pair_hits(text, fold(text), weak, "en")] == [PAY_ON_ARRIVAL, "arrival"]


def test_pairs_count_in_the_score_as_hits() -> None:
    plain = analyse("Lorry from Calais tonight", lang="en")
    pair = analyse("Lorry from Calais tonight, the money only when you have arrived", lang="en")
    means = {hit.means for hit in pair.hits}
    assert PAY_ON_ARRIVAL in means and pair.score > plain.score


@pytest.mark.parametrize(
    "text",
    [
        "Parcels to Erbil every week, £5 per kg, collected from your home",
        "Our charity never asks for money. Questions? Call our office",
        "Family holiday: the kids loved the car ferry and the beach",
        "Car hire from Dover: no hidden fees, free cancellation",
        "Container shipping to Basra, no hidden costs, door to door",
        "Tell anyone who wants to learn English: new classes start Monday",
        "Drivers wanted, free training and a company phone",
        "No question is too small: ask our advisers about your visa appointment",
        "Frais cachés ? Aucun. Location de voiture à l'aéroport",
        "Kein versteckter Preis: Transporter mieten ab 49 Euro",
    ],
)
def test_posts_of_businesses_charities_and_schools_hit_no_pair(text: str) -> None:
    assert said(text) == [], text


def test_long_hostile_text_is_read_in_one_pass() -> None:
    # A megabyte of the words of one side and the other, never near each other, and of phrases whose
    # first word starts many a phrase: every place is looked at a bounded number of times.
    apart = ("money " * 40 + "then " * 10 + "arrive " * 40 + "then " * 10) * 1700
    assert len(apart) > 1_000_000 and said(apart) == []
    repeated = "hidden hidden in hidden " * 45_000 + "lorry"
    assert len(repeated) > 1_000_000
    assert [h.term for h in found(repeated)] == ["hidden in hidden lorry"]
    asked = "money? " * 150_000 + "arrive"
    assert len(asked) > 1_000_000 and said(asked) == [("money? arrive", PAY_ON_ARRIVAL)]
    # A run of marks a letter follows ends no sentence; each of its marks is not a new start of one.
    marks = "money " + "!" * 1_000_000 + "a arrive"
    assert [hit.means for hit in found(marks)] == [PAY_ON_ARRIVAL]


@pytest.mark.parametrize(
    "text",
    [
        "Le paiement se fait à l'arrivée, pas avant",
        "Le paiement se fait à l’arrivée, pas avant",
        "Le paiement se fait à lʼarrivée, pas avant",
        "Paiement juste après ton heure d'arrivée à Londres",
        "Il pagamento si fa all'arrivo in Inghilterra",
        "Il pagamento avviene solo dopo la conferma dell’arrivo",
    ],
)
def test_an_elided_article_or_preposition_is_a_word_of_its_own(text: str) -> None:
    assert [m for _, m in said(text)] == [PAY_ON_ARRIVAL], text


@pytest.mark.parametrize(
    "text",
    [
        "L'arrivée des nouveaux élèves est prévue lundi matin",
        "Orario dell'arrivo del treno: le 18:40 al binario 3",
    ],
)
def test_an_elided_word_alone_is_no_sign(text: str) -> None:
    assert said(text) == [], text


def test_words_with_an_apostrophe_in_the_lists_still_match() -> None:
    assert said("Don't tell anyone about the trip") == [("Don't tell anyone", "tell no one")]
    assert said("N’en parlez à personne") == [("N’en parlez à personne", "tell no one")]


@pytest.mark.parametrize(
    "text",
    [
        "Please arrive 10 minutes early. Payment by card at the desk",
        "Please arrive 10 minutes early! Payment by card at the desk",
        "Arriving late? Payment by card at the desk",
        "Please arrive early… payment by card at the desk",
        "Please arrive early...payment by card at the desk",
        "Please arrive 10 minutes early\nPayment by card at the desk",
        "Please arrive 10 minutes early\r\n\r\nPayment by card at the desk",
        "Arrival from 9am\n✅✅✅\nPayment by card at the desk",
        "Bitte 10 Minuten vor der Ankunft anrufen. Zahlung nur mit Karte",
        "موعد الوصول؟ الدفع بالبطاقة في المكتب",
    ],
)
def test_a_pair_never_spans_a_sentence_end(text: str) -> None:
    assert said(text) == [], text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "Arrive early. The money only when you have arrived. Thanks",
            "The money only when you have arrived",
        ),
        ("Payment of 1.500 euro when you arrive", "Payment of 1.500 euro when you arrive"),
        ("Payment approx. two days after you arrive", "Payment approx. two days after you arrive"),
        ("Zahlung z. B. erst bei Ankunft", "Zahlung z. B. erst bei Ankunft"),
        ("Payment via wa.me/4477 once you arrive", "Payment via wa.me/4477 once you arrive"),
        ("Payment 💰 when you arrive 🚤", "Payment 💰 when you arrive"),
        ("💰 Payment:\nafter you arrive", "Payment:\nafter you arrive"),
        ("💰 Payment,\nonly when you arrive", "Payment,\nonly when you arrive"),
        ("سؤال؟ الدفع بعد الوصول", "الدفع بعد الوصول"),
    ],
)
def test_a_pair_within_one_sentence_is_found_whatever_marks_it_holds(text: str, term: str) -> None:
    assert said(text) == [(term, PAY_ON_ARRIVAL)], text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Payment? Only once you have arrived", "Payment? Only once you have arrived"),
        ("Safe trip. Cash? When you arrive", "Cash? When you arrive"),
        ("Our terms:\nPayment? When you arrive", "Payment? When you arrive"),
        ("Bezahlung?\nErst wenn ihr angekommen seid", "Bezahlung?\nErst wenn ihr angekommen"),
        ("Le paiement ? Seulement à l'arrivée", "paiement ? Seulement à l'arrivée"),
        ("Il pagamento? Solo dopo l'arrivo", "pagamento? Solo dopo l'arrivo"),
        ("Ödeme mi? Varınca", "Ödeme mi? Varınca"),
        ("المبلغ؟ بعد ما توصل", "المبلغ؟ بعد ما توصل"),
        ("پول؟ بعد از رسیدن", "پول؟ بعد از رسیدن"),
    ],
)
def test_a_label_question_is_read_with_its_answer(text: str, term: str) -> None:
    assert said(text) == [(term, PAY_ON_ARRIVAL)], text


@pytest.mark.parametrize(
    "text",
    [
        "Do you want to pay by card? We arrive at ten",
        "Any news about the payment? We arrive at ten",
        "Vous payez par carte ? Arrivée à dix heures",
        "Kann man mit Karte bezahlen? Ankunft um zehn Uhr",
        "Volete pagare con la carta? Arrivo alle dieci",
        "Kartla ödeme yapılır mı? Varış saati onda",
        "هل يمكن الدفع بالبطاقة؟ الوصول الساعة العاشرة",
        "Payment by card:\nwhy not? We arrive at ten",
        "Payment? By card. We arrive at ten",
        "Arrivée ? Paiement par carte au comptoir",
        "Ankunft? Zahlung nur mit Karte",
    ],
)
def test_a_question_longer_than_a_label_or_naming_the_other_side_stays_apart(text: str) -> None:
    assert said(text) == [], text


def test_sentence_ends_are_the_marks_of_every_script_and_line_breaks() -> None:
    for mark in [".", "!", "?", "…", "؟", "۔", "।", "።", "፧", "。", "\u037e", "！", "？", "\n", "\u2028"]:
        assert sentence_ends(f"ab{mark} cd") == [2], repr(mark)
    assert sentence_ends("1.500 wa.me/x?y=1 e.g. z. B. Dr. Ali ca. 3") == []
    assert sentence_ends("etc. ok?! yes...no") == [3, 7, 13]


def test_without_the_original_text_the_marks_of_the_folded_text_end_sentences() -> None:
    text = "Please arrive 10 minutes early. Payment by card"
    assert pairs(fold(text)) == []
    assert [concept.means for *_, concept, _ in pairs(fold("Payment when you arrive"))] == [PAY_ON_ARRIVAL]


@pytest.mark.parametrize(
    "text",
    [
        "There are no stupid questions in our English class",
        "No silly questions here: ask your teacher anything",
        "No deposit needed, any questions call Sam",
        "No, any questions go to the front desk",
        "Es gibt keine dummen Fragen, fragt einfach",
        "Il n'y a pas de questions bêtes, seulement des réponses",
        "Aptal soru yok, her şeyi sorabilirsiniz",
    ],
)
def test_no_stupid_questions_welcomes_every_question(text: str) -> None:
    assert said(text) == [], text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("No questions asked, we leave on Friday", "No questions"),
        ("We take you across without any questions", "without any questions"),
        ("On part sans poser de questions", "sans poser de questions"),
        ("Pas de questions, départ vendredi", "Pas de questions"),
        ("Fahrt ohne viele Fragen, Abfahrt am Freitag", "ohne viele Fragen"),
        ("Si parte senza fare domande", "senza fare domande"),
        ("Πάμε χωρίς πολλές ερωτήσεις", "χωρίς πολλές ερωτήσεις"),
        ("Sorgu sual yok, cuma günü yola çıkıyoruz", "Sorgu sual yok"),
        ("السفر بدون أي أسئلة", "بدون أي أسئلة"),
        ("بدون هیچ سوالی می‌بریمت", "بدون هیچ سوالی"),
    ],
)
def test_no_questions_asked_is_the_negation_right_before_questions(text: str, term: str) -> None:
    assert said(text) == [(term, NO_QUESTIONS)], text


@pytest.mark.parametrize(
    "text",
    [
        "Die Polizei sagt, dass niemandem etwas passiert ist",
        "Niemand sagt dir, wie schwer Deutsch am Anfang ist",
        "Nessuno può dire quando arriverà il treno",
        "Τι να πεις; Κανένα πρόβλημα, ελάτε όποτε θέλετε",
        "ممكن تقول لحد من صحابك على عروضنا",
        "Më thoni nëse askush nuk vjen në kurs",
    ],
)
def test_a_verb_of_saying_near_nobody_is_not_tell_no_one(text: str) -> None:
    assert said(text) == [], text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Sag es niemandem, wir fahren am Freitag", "Sag es niemandem"),
        ("Erzähl niemandem davon", "Erzähl niemandem"),
        ("Non dirlo a nessuno, partiamo venerdì", "Non dirlo a nessuno"),
        ("Μην το πεις σε κανέναν, φεύγουμε την Παρασκευή", "Μην το πεις σε κανέναν"),
        ("ما تحكي لحدا، منطلع الجمعة", "ما تحكي لحدا"),
        ("لا تخبر أحدا عن الرحلة", "لا تخبر أحدا"),
        ("Mos i thuaj askujt, nisemi të premten", "thuaj askujt"),
    ],
)
def test_tell_no_one_is_the_whole_construction(text: str, term: str) -> None:
    assert said(text) == [(term, "tell no one")], text


@pytest.mark.parametrize(
    "text",
    [
        "Message us to delete your account",
        "Gửi tin nhắn để xóa tài khoản",
        "Scrivici un messaggio ed elimina ogni dubbio",
        "Das schadet niemandem, sag ich immer",
        "Ai không nói được tiếng Anh cũng có thể đăng ký lớp",
    ],
)
def test_where_the_imperative_comes_first_the_other_order_is_no_sign(text: str) -> None:
    assert said(text) == [], text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Delete this message after reading", "Delete this message"),
        ("Xóa tin nhắn này sau khi đọc", "Xóa tin nhắn"),
        ("Cancella il messaggio dopo averlo letto", "Cancella il messaggio"),
        ("Đừng nói với ai nhé", "Đừng nói với ai"),
        # Where the object may come first, either order is the sign.
        ("nach dem Lesen die Nachricht löschen", "Nachricht löschen"),
        ("Kimseye söyleme, cuma günü çıkıyoruz", "Kimseye söyleme"),
        ("A nessuno, non dirlo", "A nessuno, non dirlo"),
        ("Σε κανέναν μην το πεις", "Σε κανέναν μην το πεις"),
    ],
)
def test_the_order_of_a_pair_is_checked_per_language(text: str, term: str) -> None:
    assert [t for t, _ in said(text)] == [term], text


def test_a_concept_is_ordered_in_every_language_or_in_those_it_names() -> None:
    no_questions, delete = (
        next(c for c in CONCEPTS if c.means.startswith(m)) for m in ("no questions", "delete")
    )
    assert no_questions.in_order("tr") and no_questions.in_order("en")
    assert delete.in_order("en") and not delete.in_order("de")


DOCUMENT_SOLD = "a passport, ID, permit or visa sold (a selling word beside a document)"
STORY_WRITTEN = "an asylum story written or taught for the client (what to say, which country to name)"
OWN_PASSPORT = "a visa in the client's own passport without the embassy, interview or appointment"

# Per concept and language: a sentence that says it and an honest one that comes near it.
DOCUMENT_CONCEPTS = {
    DOCUMENT_SOLD: {
        "en": (
            "We sell British passports and ID cards, delivery in a week",
            "We do not sell visas, we fill in forms",
        ),
        "fr": (
            "On vend des passeports belges, livraison rapide",
            "Nous ne vendons pas de visas, seulement des conseils",
        ),
        "de": (
            "Wir verkaufen echte Reisepässe und Führerscheine",
            "Wir verkaufen keine Pässe, nur Passhüllen",
        ),
        "it": (
            "Vendiamo passaporti e patenti italiane, consegna veloce",
            "Vendo custodia per passaporto in pelle",
        ),
        "el": ("Πουλάμε διαβατήρια και ταυτότητες, γρήγορα", "Δεν πουλάμε βίζες, βοηθάμε με την αίτηση"),
        "tr": ("Satılık pasaport ve kimlik, hızlı teslim", "Satılık pasaport kılıfı, hakiki deri"),
        "sq": ("Shesim pasaporta dhe letërnjoftime, shpejt", "Nuk shesim viza, ju ndihmojmë me aplikimin"),
        "vi": (
            "Chuyên bán hộ chiếu, căn cước, giao nhanh",
            "Bạn cần làm hộ chiếu? Hướng dẫn thủ tục miễn phí",
        ),
        "ar": ("نبيع جوازات سفر وهويات أوروبية", "لا نبيع فيزا، نساعدك في تقديم الطلب"),
        "fa": ("فروش پاسپورت و کارت اقامت، تحویل سریع", "فروش کاور پاسپورت چرمی"),
        "ps": ("پاسپورټونه او تذکرې د پلور لپاره", "د پاسپورټ لپاره عکس اخلو"),
        "ckb": ("پاسپۆرت و ناسنامە دەفرۆشین", "بەرگی پاسپۆرت بۆ فرۆشتن"),
        "kmr": ("Em pasaport û nasname difroşin", "Em pasaportan nafroşin, tenê alîkariya serlêdanê dikin"),
        "ti": ("ፓስፖርት ንሸይጥ ኣሎና", "ስእሊ ፓስፖርት ንሸይጥ"),
    },
    STORY_WRITTEN: {
        "en": (
            "We write your story for the Home Office, you only learn it",
            "Our lawyers prepare you for your asylum interview and explain what to expect",
        ),
        "fr": (
            "On écrit ton histoire pour l'OFPRA, succès garanti",
            "Racontez votre histoire : exposition de portraits de demandeurs d'asile",
        ),
        "de": (
            "Wir schreiben deine Geschichte fürs BAMF",
            "Erzähl uns deine Geschichte: Ausstellung über Asyl in Hamburg",
        ),
        "it": (
            "Ti diciamo cosa dire alla commissione territoriale",
            "Racconta la tua storia: laboratorio di scrittura per richiedenti asilo",
        ),
        "el": ("Σου γράφουμε ιστορία για το άσυλο", "Η υπηρεσία ασύλου ενημερώνει για τα ραντεβού"),
        "tr": (
            "İltica için hikayeni yazıyoruz, ezberlemen yeter",
            "İltica başvurusu için ücretsiz hukuki danışmanlık",
        ),
        "sq": (
            "Ta shkruajmë historinë për azil, vetëm mësoje",
            "Avokatët tanë ju përgatisin për intervistën e azilit",
        ),
        "vi": (
            "Soạn câu chuyện xin tị nạn cho bạn, học thuộc là xong",
            "Luật sư tư vấn hồ sơ tị nạn miễn phí",
        ),
        "ar": ("نكتبلك قصة جاهزة للجوء", "محامون يشرحون لك إجراءات اللجوء مجانا"),
        "fa": ("داستان آماده برای پناهندگی، فقط حفظ کن", "وکیل ما برای مصاحبه پناهندگی راهنمایی می‌کند"),
        "ps": ("کیسه درته لیکو د پناه لپاره", "د پناه غوښتنې په اړه وړیا مشوره"),
        "ckb": ("چیرۆکت بۆ دەنووسین بۆ پەنابەری", "ڕاوێژی یاسایی بێبەرامبەر بۆ پەنابەران"),
        "kmr": ("Em ji bo penaberiyê çîroka te dinivîsin", "Şêwirmendiya hiqûqî ya belaş ji bo penaberiyê"),
        "ti": ("ዛንታ ንጽሕፍ ንሕቶ ዑቕባ", "ሓገዝ ሕጊ ንሕቶ ዑቕባ ብነጻ"),
    },
    OWN_PASSPORT: {
        "en": (
            "Canada visa in your own passport, no interview, no appointment",
            "Your visa on arrival is stamped in your passport, no appointment needed",
        ),
        "fr": (
            "Visa Canada sur ton passeport, sans rendez-vous à l'ambassade",
            "Visa à l'arrivée dans votre passeport, sans rendez-vous nécessaire",
        ),
        "de": (
            "US-Visum in deinem Pass, ohne Termin bei der Botschaft",
            "Das E-Visum steht in deinem Pass, ohne Termin online beantragen",
        ),
        "it": (
            "Visto americano sul tuo passaporto, senza appuntamento",
            "Visto all'arrivo nel tuo passaporto, senza appuntamento necessario",
        ),
        "el": (
            "Βίζα στο διαβατήριό σου χωρίς συνέντευξη",
            "Η ηλεκτρονική βίζα συνδέεται με το διαβατήριο, χωρίς ραντεβού",
        ),
        "tr": ("ABD vizesi kendi pasaportuna, mülakatsız", "E-vize pasaportunuza bağlanır, randevu gerekmez"),
        "sq": (
            "Vizë amerikane në pasaportën tënde, pa intervistë",
            "Viza elektronike lidhet me pasaportën, aplikoni online",
        ),
        "vi": (
            "Visa Mỹ dán vào hộ chiếu của bạn, không cần phỏng vấn",
            "Thị thực điện tử, không cần phỏng vấn, nộp hồ sơ online",
        ),
        "ar": ("فيزا كندا على جوازك بدون مقابلة", "التأشيرة الإلكترونية مرتبطة بجواز السفر، بدون موعد"),
        "fa": (
            "ویزای کانادا روی پاسپورت خودت، بدون سفارت",
            "ویزای الکترونیکی بدون مصاحبه، آنلاین درخواست دهید",
        ),
        "ps": ("د امریکا ویزه په خپل پاسپورت، بې مرکې", "د ویزې لپاره سفارت ته ورشئ او مرکه وکړئ"),
        "ckb": ("ڤیزای ئەمریکا لەسەر پاسپۆرتی خۆت، بێ چاوپێکەوتن", "بۆ ڤیزا دەبێت سەردانی باڵیۆزخانە بکەیت"),
        "kmr": ("Vîzeya Kanadayê li ser pasaporta xwe, bê randevû", "Ji bo vîzeyê divê tu biçî balyozxaneyê"),
        "ti": ("ቪዛ ኣብ ፓስፖርትካ ብዘይ ቆጸራ", "ንቪዛ ናብ ኤምባሲ ምኻድ የድሊ"),
    },
}
DOCUMENT_CASES = [
    (means, lang, said_it, honest)
    for means, sentences in DOCUMENT_CONCEPTS.items()
    for lang, (said_it, honest) in sentences.items()
]


def test_every_document_concept_has_a_sentence_in_every_language() -> None:
    by_means = {concept.means: concept for concept in CONCEPTS}
    for means, sentences in DOCUMENT_CONCEPTS.items():
        assert set(sentences) == LANGUAGES and by_means[means].category == "documents"


@pytest.mark.parametrize(("means", "lang", "said_it", "honest"), DOCUMENT_CASES)
def test_documents_sold_coached_or_visaed_outside_the_process_in_every_language(
    means: str, lang: str, said_it: str, honest: str
) -> None:
    assert (means, lang) in {(hit.means, hit.lang) for hit in found(said_it, lang)}, said_it
    assert means not in {hit.means for hit in found(honest, lang)}, honest


@pytest.mark.parametrize(
    "text",
    [
        "Passport office open on Saturdays for urgent renewals",
        "Apply for your visa with us: forms, translations and appointments",
        "Lost passport near the station, reward for whoever returns it",
        "Police arrest a gang selling fake passports and forged residence permits",
        "Passport photos for sale, ready in five minutes",
        "We prepare you for your asylum interview: free legal advice every Tuesday",
        "Tell your story: an evening of refugee voices on asylum in Britain",
        "Job interview coaching: we tell you what to say to employers",
        "E-visa in minutes, no embassy visit needed, linked to your passport online",
        "Car for sale, low mileage, Visa and Mastercard accepted",
        "Voiture à vendre, paiement par carte Visa accepté",
    ],
)
def test_honest_posts_about_documents_hit_no_document_pair(text: str) -> None:
    assert {hit.category for hit in found(text, "en")} <= {"price", "service", "secrecy"}, text


MEMORISED = "an asylum story's dates or details learned by heart for the interview"
LOOK_ALIKE = "travel on a relative's or a look-alike's passport"
CHILDREN_ADDED = "children added to a family-reunion file (a service adding them, not a parent asking)"


@pytest.mark.parametrize(
    ("means", "lang", "text"),
    [
        (MEMORISED, "en", "Your story is ready. Memorise the dates before the interview, they will ask"),
        (MEMORISED, "en", "Learn your story by heart, every detail"),
        (MEMORISED, "fr", "Apprends ton récit par cœur avant l'entretien"),
        (MEMORISED, "de", "Lern die Daten auswendig, bevor die Anhörung kommt"),
        (MEMORISED, "tr", "Tarihleri ezberle, mülakatta soracaklar"),
        (MEMORISED, "sq", "Mbaj mend mirë datat para intervistës"),
        (MEMORISED, "vi", "Học thuộc ngày tháng trước buổi phỏng vấn"),
        (MEMORISED, "ckb", "هەموو بەروارەکان لەبەر بکە پێش چاوپێکەوتن"),
        (MEMORISED, "kmr", "Hemû dîrokan jiber bike berî hevpeyvînê"),
        (LOOK_ALIKE, "en", "You fly on your cousin's passport, same face nearly"),
        (LOOK_ALIKE, "en", "Passports that look like you, tested at the airport"),
        (LOOK_ALIKE, "fr", "Passeport d'un cousin qui te ressemble, direction Londres"),
        (LOOK_ALIKE, "de", "Ausweis vom Bruder, fliegt jede Woche"),
        (LOOK_ALIKE, "el", "Διαβατήρια που σου μοιάζουν, δοκιμασμένα"),
        (LOOK_ALIKE, "sq", "Pasaporta që të ngjan, fluturim nga Roma"),
        (LOOK_ALIKE, "ar", "جواز يشبهك من اوروبا"),
        (CHILDREN_ADDED, "en", "Family reunion files: we add kids to your case, nephews too"),
        (CHILDREN_ADDED, "de", "Familiennachzug: wir fügen Kinder zur Akte hinzu"),
        (CHILDREN_ADDED, "el", "Επανένωση οικογένειας: προσθέτουμε παιδιά στον φάκελο"),
        (CHILDREN_ADDED, "ckb", "منداڵ زیاد دەکەین بۆ دۆسیەکەت"),
        (CHILDREN_ADDED, "kmr", "Em zarokan lê zêde dikin, dosya amade ye"),
    ],
)
def test_a_memorised_story_a_look_alike_passport_and_children_added_are_found(
    means: str, lang: str, text: str
) -> None:
    assert (means, lang) in {(hit.means, hit.lang) for hit in found(text, lang)}, text


@pytest.mark.parametrize(
    ("means", "text"),
    [
        (MEMORISED, "We prepare you for your asylum interview and explain what to expect"),
        (MEMORISED, "Don't memorise answers for the job interview, just be yourself"),
        (MEMORISED, "Memorise the company's details before the interview"),
        (MEMORISED, "I know that story by heart"),
        (MEMORISED, "Je connais l'histoire par cœur"),
        (MEMORISED, "Conosco la storia a memoria"),
        (MEMORISED, "Μάθε τις ημερομηνίες των εξετάσεων και τις λεπτομέρειες"),
        (MEMORISED, "Mësoji datat e provimit"),
        (MEMORISED, "Nous vous préparons à l'entretien OFPRA, conseils gratuits"),
        (LOOK_ALIKE, "My brother's passport has expired, where do we renew it?"),
        (LOOK_ALIKE, "My brother's passport was stolen on the train"),
        (LOOK_ALIKE, "My cousin's passport arrived today!"),
        (LOOK_ALIKE, "My cousin's book launch is on Friday, all welcome"),
        (LOOK_ALIKE, "Book your brother a seat on the Friday coach"),
        (LOOK_ALIKE, "Bring your ID and your brother's birth certificate"),
        (LOOK_ALIKE, "Le passeport de mon frère a expiré"),
        (LOOK_ALIKE, "Je passe chez ma cousine ce soir"),
        (LOOK_ALIKE, "Der Pass meines Bruders ist abgelaufen"),
        (LOOK_ALIKE, "Il passaporto di mio fratello è scaduto ieri"),
        (LOOK_ALIKE, "Διαβατήρια και όμοια έγγραφα"),
        (LOOK_ALIKE, "پاسپورت و مدارک شبیه"),
        (LOOK_ALIKE, "Pasaport û belgeyên wekhev"),
        (CHILDREN_ADDED, "You can add your children to your family reunion application as dependants"),
        (CHILDREN_ADDED, "Children can be added to the asylum claim: free legal advice on Tuesdays"),
        (CHILDREN_ADDED, "How do we add our children to the application?"),
        (CHILDREN_ADDED, "We add a child seat for free on every booking"),
        (CHILDREN_ADDED, "Comment on ajoute les enfants au dossier ?"),
        (CHILDREN_ADDED, "Wie fügen wir unsere Kinder zum Antrag hinzu?"),
        (CHILDREN_ADDED, "Bạn có thể khai thêm con vào hồ sơ"),
    ],
)
def test_honest_near_misses_hit_none_of_the_three(means: str, text: str) -> None:
    assert means not in {hit.means for hit in found(text)}, text


def test_every_word_a_concept_sets_beside_is_one_word() -> None:
    """A word beside a side's word is compared with one word of the text: a phrase there never matches."""
    for concept in CONCEPTS:
        for lang, line in concept.unless_beside.items():
            for word in line.split("|"):
                assert len(WORD.findall(fold_term(word))) == 1, (concept.means, lang, word)
