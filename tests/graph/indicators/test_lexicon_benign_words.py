"""Benign terms must not read smugglers' stock phrases as a business, newsroom, charity, employer or
school: a form that is a common word, a greeting, or folds like another word gave smuggling adverts
benign evidence. Each innocent phrase gets no benign hit, and the term it was mistaken for still
matches where it is meant."""

import pytest

from graph.indicators.lexicon import BENIGN_CATEGORIES
from graph.indicators.match import default

# (language, a smuggler's phrase that holds a word a benign term used to match)
INNOCENT = [
    ("fr", "Gilets de sauvetage pour tout le monde"),
    ("vi", "Xuất phát từ Hải Phòng mỗi tuần"),
    ("fr", "Appelez pour réserver votre place"),
    ("fr", "Si la police vous arrête, on vous repasse"),
    ("fr", "Si vous êtes interpellé, deuxième essai offert"),
    ("fr", "Départ au cours de la semaine"),
    ("fr", "Salam, écrivez-nous https://wa.me/33612345678?text=Salam"),
    ("vi", "Tài công có kinh nghiệm, nếu bị bắt được đi lại"),
    ("vi", "Ông chủ lo hết, thanh niên tuổi trẻ đi được"),
    ("ar", "القبطان ذو خبرة والرحلة آمنة"),
    ("ar", "مساعدة طالب لجوء"),
    ("ps", "کپتان ډېره تجربه لري"),
    ("ps", "ټوله خبره دا ده چې سفر خوندي دی"),
    ("tr", "Kaptan tecrübeli ve deneyimli"),
    ("ckb", "کاپتنی خاوەن ئەزموون"),
    ("kmr", "Kaptanê bi tecrûbe"),
    ("ti", "ተመክሮ ዘለዎ ካፕቴን"),
    ("el", "Καπετάνιος με εμπειρία"),
    ("it", "Capitano con esperienza, se vieni fermato riprovi"),
    ("it", "Paga all'arrivo"),
    ("sq", "Kapiten me eksperiencë"),
    ("vi", "thả xuống bờ"),
    ("ar", "من إزمير على الجزيرة اليونانية بالبلم"),
    ("ar", "المبلغ بالمكتب لحتى توصل"),
]

# (language, a text where the benign term is meant, the term's headword)
MEANT = [
    ("fr", "Selon Le Monde, trois réseaux démantelés", "afp"),
    ("vi", "Ông ta bị phạt tù 7 năm", "bị phạt tù"),
    ("fr", "Réservation de billets en ligne", "billets"),
    ("fr", "Quatre hommes ont été arrêtés hier", "ont été arrêtés"),
    ("fr", "Avec l'association Salam à Calais", "utopia 56"),
    ("vi", "Không yêu cầu kinh nghiệm", "kinh nghiệm làm việc"),
    ("vi", "Ba người bị bắt giữ", "bị bắt giữ"),
    ("vi", "Theo báo Thanh Niên", "VnExpress"),
    ("ar", "يشترط خبرة سابقة", "خبرة سابقة"),
    ("ps", "کاري تجربه ضروري ده", "کاري تجربه"),
    ("tr", "Tecrübeli eleman aranıyor", "tecrübeli eleman"),
    ("it", "Esperienza richiesta nel settore", "esperienza richiesta"),
    ("fr", "Les ONG dénoncent les conditions", "association"),
    ("ar", "بحسب قناة الجزيرة غرق قارب", "رويترز"),
]


def benign(text: str, lang: str) -> list[tuple[str, str]]:
    """The benign hits of `text`: headword and what the text wrote."""
    hits = default().find(text, lang)
    return [(hit.term, text[hit.start : hit.end]) for hit in hits if hit.category in BENIGN_CATEGORIES]


@pytest.mark.parametrize(("lang", "text"), INNOCENT)
def test_a_smugglers_stock_phrase_gets_no_benign_hit(lang: str, text: str) -> None:
    assert benign(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "term"), MEANT)
def test_the_benign_term_still_matches_where_it_is_meant(lang: str, text: str, term: str) -> None:
    assert term in [headword for headword, _ in benign(text, lang)]
