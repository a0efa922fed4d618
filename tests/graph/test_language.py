import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.language import MAX_CHARS, by_script, code, detect, is_identifier, is_symbol, mask

ROOT = Path(__file__).resolve().parents[2]

# Short sentences as adverts and posts write them, one or two per language Crosslink reads.
SENTENCES = [
    ("en", "We leave from the beach tonight, places are limited, send me a message for details."),
    ("en", "UK by lorry, pay on arrival"),
    ("fr", "Départ ce soir depuis la plage, il reste quelques places, envoyez-moi un message."),
    ("fr", "Traversée garantie vers l'Angleterre, paiement à l'arrivée"),
    ("ar", "رحلة إلى إيطاليا من الشاطئ الليلة، الأماكن محدودة، راسلني على الخاص للتفاصيل."),
    ("ar", "حرقة مضمونة من الشط لإيطاليا، الخلاص كي توصل، ابعثلي ميساج"),
    ("fa", "حرکت امشب از ساحل است، جا محدود است، برای اطلاعات بیشتر پیام خصوصی بدهید."),
    ("fa", "برادرها، امشب از مرز حرکت داریم، جای محدود است، به واتساپ پیام بتین."),  # Dari
    ("ps", "نن شپه له ساحل څخه ځو، ځایونه محدود دي، د معلوماتو لپاره ماته پیغام راکړئ."),
    ("ps", "ورور جانه، موټر تیار دی، سبا سهار ځو، پیسې په رسیدو ورکړه"),
    ("ckb", "ئەمشەو لە کەنارەوە دەڕۆین، شوێن کەمە، بۆ زانیاری زیاتر نامەم بۆ بنێرە."),
    ("ckb", "گەیاندن بۆ ئەڵمانیا، پارە دوای گەیشتن، پەیوەندی بکە"),
    ("kmr", "Em îşev ji peravê diçin, cih kêm in, ji bo agahiyan ji min re peyam bişînin."),
    ("kmr", "Rêya Almanyayê vekirî ye, pere piştî gihîştinê, bi min re têkiliyê daynin"),
    ("sq", "Nisemi sonte nga plazhi, vendet janë të kufizuara, më shkruani në mesazh privat."),
    ("sq", "Kalim i sigurt për në Angli me gomone, pagesa pas mbërritjes"),
    ("vi", "Chúng tôi khởi hành tối nay từ bãi biển, còn ít chỗ, nhắn tin riêng cho tôi."),
    ("vi", "Đi Anh bao đậu, thanh toán khi đến nơi, liên hệ Zalo"),
    ("tr", "Bu gece sahilden yola çıkıyoruz, yerler sınırlı, detaylar için bana mesaj atın."),
    ("tr", "Yunanistan'a garantili geçiş, ödeme varınca yapılır"),
    ("ti", "ሎሚ ምሸት ካብ ገምገም ባሕሪ ንብገስ ኢና፣ ቦታ ውሑድ እዩ፣ ንዝርዝር ሓበሬታ ናብ ውልቀ መልእኽቲ ስደዱለይ።"),
    ("ti", "ናብ ዓዲ እንግሊዝ ብጀልባ ንሰግር ኢና፣ ክፍሊት ምስ በጻሕካ እዩ"),
    ("am", "ዛሬ ማታ ከባህር ዳርቻ እንነሳለን፣ ቦታው ውስን ነው፣ ለዝርዝር መረጃ በግል መልእክት ላኩልኝ።"),
    ("am", "ወደ እንግሊዝ በጀልባ እንሻገራለን፣ ክፍያ ከደረሱ በኋላ ነው"),
    ("it", "Partiamo stasera dalla spiaggia, i posti sono limitati, scrivetemi in privato."),
    ("it", "Passaggio sicuro per l'Inghilterra, pagamento all'arrivo"),
    ("de", "Wir fahren heute Nacht vom Strand ab, die Plätze sind begrenzt, schreibt mir privat."),
    ("de", "Sichere Überfahrt nach England, Bezahlung erst bei Ankunft"),
    ("el", "Φεύγουμε απόψε από την παραλία, οι θέσεις είναι περιορισμένες, στείλτε μου μήνυμα."),
    ("el", "Περάσματα για Ιταλία με σκάφος, πληρωμή με την άφιξη"),
]


@pytest.mark.parametrize(("lang", "text"), SENTENCES)
def test_detects_each_language(lang: str, text: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize(("lang", "text"), SENTENCES[::3])
def test_identifiers_around_the_text_change_nothing(lang: str, text: str) -> None:
    noisy = f"+44 7700 900123 {text} https://t.me/boat_uk_2024 @ali.travel99 📞 wa.me/447700900123 🛥️🇬🇧"
    assert detect(noisy) == lang


@pytest.mark.parametrize(
    "text",
    [
        "7arga mdamna l Italia, lkhlas ki twsal, 9ol l shabab, inbox",
        "salam 3likom khouya, chkoun 3ando bateau l italie, 7ab nharag",
        "wach kayn chi 7arga had lyamat? ana m3ak",
    ],
)
def test_arabizi_is_arabic(text: str) -> None:
    assert detect(text) == "ar"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The 3rd and 5th floors, B2B meeting at 9am with the team from London"),
        ("fr", "Rendez-vous le 2eme jour, 500eur par personne, 3h de route, départ 7h"),
        ("en", "Covid19 mp3 player for sale, great condition, call me today please"),
    ],
)
def test_numbers_written_into_words_are_not_arabizi(lang: str, text: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize(
    "text",
    ["", "hi", "ok 👍", "+44 7700 900123 https://t.me/xyz @boat_man 🛥️🛥️ 1500€", "#uk @a_b_c 0044 77"],
)
def test_too_little_language_is_none(text: str) -> None:
    assert detect(text) is None


def test_masking_keeps_the_words_of_hashtags_and_drops_identifiers() -> None:
    assert (
        mask("#Calais call +33 6 12 34 56 78 or mail a@b.fr, see https://x.y/z 🛥️")
        == "Calais call or mail see"
    )


def masked_word_by_word(text: str) -> str:
    """What `mask` means, one word and one character at a time."""
    words = (word.lstrip("#") for word in text[: MAX_CHARS * 2].split() if not is_identifier(word))
    kept = "".join(" " if is_symbol(char) else char for char in " ".join(words))
    return " ".join(kept.split())[:MAX_CHARS]


@given(st.text(alphabet=" \n\u00a0#@/$.:whtp0123²①٣፩abcé\x00\x01🛥\ufe0f\u200b") | st.text(max_size=300))
def test_masking_the_whole_text_is_masking_each_word(text: str) -> None:
    assert mask(text) == masked_word_by_word(text)


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("ናብ ዓዲ እንግሊዝ ኣብ ጀልባ", "am", "ti"),
        ("ወደ እንግሊዝ በጀልባ ነው", "am", "am"),
        ("ورور ټول ځو", "fa", "ps"),
        ("ئەمشەو دەڕۆین", "fa", "ckb"),
        ("Rêya Almanyayê", "tr", "kmr"),
        ("Almanya yolu açık, ılık", "tr", "tr"),
        ("Bonjour à tous", "fr", "fr"),
    ],
)
def test_script_cues_correct_what_the_model_confuses(text: str, label: str, expected: str) -> None:
    assert by_script(text, label) == expected


def test_detection_never_downloads(tmp_path: Path) -> None:
    # A fresh process with no network: every connection refused, proxies pointing nowhere, and an
    # empty model cache that must stay empty.
    cache = tmp_path / "cache"
    cache.mkdir()
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise OSError("the network was used")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        from graph.language import detect

        print(detect("Départ ce soir depuis la plage, il reste quelques places."))
        """
    )
    unreachable = "http://127.0.0.1:9"
    env = os.environ | {
        "FTLANG_CACHE": str(cache),
        "HTTP_PROXY": unreachable,
        "HTTPS_PROXY": unreachable,
        "ALL_PROXY": unreachable,
        "TMPDIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "fr"
    assert list(cache.iterdir()) == []


@settings(max_examples=200)
@given(st.one_of(st.text(max_size=200), st.text(st.characters(exclude_categories=()), max_size=200)))
def test_detect_never_raises(text: str) -> None:
    found = detect(text)
    assert found is None or (isinstance(found, str) and found)


@pytest.mark.parametrize(
    ("tag", "expected"), [("en-GB", "en"), ("ar-IQ", "ar"), ("ku-Latn", "kmr"), ("prs", "fa"), ("ckb", "ckb")]
)
def test_a_feeds_tag_reads_as_the_lexicons_code(tag: str, expected: str) -> None:
    assert code(tag) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nisemi te shtunen nga Durresi, cmimi per person eshte i lire, shkruani ne privat",
        "Vlora dhe Saranda sonte jane plot, na shkruani per pushime",
        "Kemi nje makine te lire per shitje ne Tirane, kushtet shume te mira",
        "KUSH DO TE VIJE NE ANGLI KETE JAVE, VETEM SERIOZET",
    ],
)
def test_albanian_without_its_letters_is_albanian(text: str) -> None:
    """Adverts write Albanian without ë and ç, which the model reads as Waray, Cebuano or nothing."""
    assert detect(text) == "sq"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Partiamo per Bari domani sera, il prezzo e buono, scrivete in privato"),
        ("vi", "Chúng tôi đi Nga và Ba Lan tuần này, giá rẻ, nhắn tin cho tôi"),
        ("tr", "Bu hafta İtalya'ya gidiyoruz, fiyat uygun, özelden yazın"),
        ("vi", "Di Nga va Ba Lan tuan nay, gia re, nhan tin cho toi nhe"),  # "nga" without its accents
        ("tr", "Bu aksam deri ceket indirimi var, magazamiza bekleriz"),  # Turkish "deri", leather
    ],
)
def test_albanian_words_do_not_take_a_language_the_model_is_sure_of(lang: str, text: str) -> None:
    """One shared word ("per", "nga") is not two Albanian words; a sure answer in a lexicon language stays."""
    assert detect(text) == lang
