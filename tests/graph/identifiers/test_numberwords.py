import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from graph.identifiers import numberwords
from graph.identifiers.numberwords import spell_out

# The lexicon's other languages, read digit by digit, with their repeat words.
OTHER_LANGUAGES = [
    ("tre tre tre doppio sette otto otto uno due tre", "3337788123"),  # Italian
    ("333 doppio 7 88 123", "333 77 88 123"),
    ("333 tripla 7 81 23", "333 777 81 23"),
    ("null eins fünf eins, doppel zwei", "015122"),  # German
    ("0151 zweimal 2 345", "0151 22 345"),
    ("gjashtë nëntë katër katër një dy", "694412"),  # Albanian
    ("69 dyfish 4 12 345", "69 44 12 345"),
    ("sıfır beş üç iki bir", "05321"),  # Turkish, with its capitals and its letters dropped
    ("SIFIR BEŞ ÜÇ İKİ BİR", "05321"),
    ("sifir bes alti dort", "0564"),  # Turkish without its letters
    ("532 çift 5 12", "532 55 12"),
    ("έξι εννέα επτά, ένα δύο τρία", "697123"),  # Greek
    ("69 διπλό 7 12", "69 77 12"),
    ("không chín một hai ba", "09123"),  # Vietnamese
    ("سبعة سبعة صفر واحد اثنين", "77012"),  # Arabic
    ("770 دبل 5 12", "770 55 12"),
    ("صفر نه یک دو سه", "09123"),  # Persian
    ("912 دبل 3 45", "912 33 45"),
    # A word for "plus" before a run is its sign, in each language that writes one.
    ("artı dokuz sıfır beş üç iki", "+90532"),
    ("più tre nove tre", "+393"),
    ("زائد اتنين صفر واحد", "+201"),
    ("ፕላስ ክልተ ሓደ ሸሞንተ", "+218"),
    # Words read only inside a run of their own language.
    ("sifir pênc sê du çar", "05324"),  # Kurmanji `du` (French "of the")
    ("سفر حەوت حەوت سفر یەک", "07701"),  # Sorani `سفر` (Persian "trip")
    ("ዜሮ ሸውዓተ ሓደ ሰለስተ", "0713"),  # Tigrinya
    ("صفر اووه درې څلور", "0734"),  # Pashto
    ("صفر حەوت پێنج شەش", "0756"),  # Sorani
    ("yek sê çar pênc", "1345"),  # Kurmanji
]


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("zero seven four double eight one two three four five six", "07488123456"),
        ("triple zero one two", "000 12".replace(" ", "")),
        ("zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit", "0612345678"),
        ("zéro sept, quatre-vingt-dix-neuf, soixante et onze, vingt et un", "07997121"),
        ("plus four four seven", "+447"),
        ("zero seven double 8 one two three", "07881 23".replace(" ", "")),
        ("zero seven four treble 4 one two", "07444412"),
        ("zero seven double-seven one two", "077712"),
        ("triple 0 one two", "00012"),
        ("Double Eight, one, two", "8812"),
        ("zéro six, double huit, douze, trente-quatre", "06881234"),
        ("zéro six, triple zéro, douze", "0600012"),
        *OTHER_LANGUAGES,
    ],
)
def test_spells_numbers_out(text: str, digits: str) -> None:
    result = spell_out(text)
    assert result is not None
    assert result[0] == digits
    assert len(result[1]) == len(result[0]) + 1


@pytest.mark.parametrize(
    "text",
    [
        "two boats and three people",
        "one place left",
        "no numbers here",
        "double 8",
        "double room, 2 beds",
        "triple zero",
        "a double 88 seat van",  # two digits after a repeat word are not one repeated digit
    ],
)
def test_leaves_prose_alone(text: str) -> None:
    assert spell_out(text) is None


def test_offsets_map_back_to_words() -> None:
    text = "call one two three four now"
    rewritten, where = spell_out(text)
    start = rewritten.index("1234")
    assert text[where[start] : where[start + 4]] == "one two three four"


def test_short_word_run_continuing_digits_is_read() -> None:
    result = spell_out("+44 7957 five double oh 407")
    assert result is not None and result[0] == "+44 7957 500 407"


def test_short_word_run_alone_is_prose() -> None:
    assert spell_out("five double rooms") is None


def test_repeat_word_before_a_digit_continues_digits() -> None:
    result = spell_out("07 double 8 1234567")
    assert result is not None and result[0] == "07 88 1234567"


def test_offsets_of_a_repeated_digit_cover_both_words() -> None:
    text = "call 07 triple 4 123456"
    rewritten, where = spell_out(text)
    start = rewritten.index("444")
    assert text[where[start] : where[start + 3]] == "triple 4"


@pytest.mark.parametrize(
    "text",
    [
        "2 bir kişi, yer var",  # a lone digit word beside digits is prose in these languages
        "0532 123 45 67 bir tane",
        "prezzo 2000 euro, due posti",
        "333 1234567 tre volte",
        "ساعت ۲ دو نفر",
        "2 دو نفر",
        "không một ai",  # two words, no digits beside them
        "ένα σπίτι με δύο δωμάτια",
        "null Problem, 3 Plätze",
        "doppio turno, 2 posti",
    ],
)
def test_leaves_everyday_number_words_alone(text: str) -> None:
    assert spell_out(text) is None


def test_a_lone_digit_word_does_not_lengthen_a_number_beside_it() -> None:
    assert spell_out("0532 123 45 67 bir") is None


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        # A digit word of another language ends a spelled run: Italian `due` ("due today") after English.
        ("zero seven nine one two three, due today", "079123, due today"),
        ("tre tre tre, hai due ore", "333, hai due ore"),  # Italian `hai` is not Vietnamese 2 here
        ("zéro six douze, sei", "0612, sei"),  # English and French are read together, as before
        ("zero six douze trente", "0612" + "30"),
    ],
)
def test_a_run_is_read_in_one_language(text: str, digits: str) -> None:
    result = spell_out(text)
    assert result is not None and result[0] == digits


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("نه یک سفر", None),  # "not a trip": `سفر` is no zero
        ("0912 345 6789 دو سفر", None),
        ("07 due 3", None),  # a lone everyday word between digits
        ("07 sette due hai", "07 72 hai"),  # Italian 7 2, then a Vietnamese word
    ],
)
def test_everyday_words_of_other_languages_stay_words(text: str, digits: str | None) -> None:
    result = spell_out(text)
    assert (result and result[0]) == digits


def test_a_word_for_plus_of_another_language_is_not_a_sign() -> None:
    # Italian `più` before Turkish digit words: the run is read, without a sign.
    result = spell_out("più dokuz sıfır beş")
    assert result is not None and result[0] == "più 905"


@pytest.mark.parametrize(
    "text",
    [
        "le départ du port",  # French `du`
        "سفر یک هفته ای به ترکیه",  # Persian "a one-week trip": `سفر` stays a word
        "ሓደ ሰብ ክልተ ቆልዑ",  # Tigrinya "one person, two children"
    ],
)
def test_those_words_stay_words_in_prose(text: str) -> None:
    assert spell_out(text) is None


def test_french_compounds_cannot_nest_without_end() -> None:
    """soixante-soixante-... is read a word at a time, not by calling the reader once a word deeper."""
    result = spell_out("soixante-" * 5000)
    assert result is not None and result[0].startswith("6060")


NUMBER_WORDS = [*numberwords._UNITS, *numberwords._DIGIT_WORDS, *numberwords._REPEAT]
OTHER_PIECES = ["ZÉRO", "Seven", "ſix", "İKİ", "SIFIR", "ΔΎΟ", "sevens", "xone", "on", "é", "plus", "et"]
OTHER_PIECES += [*numberwords._PLUS, "PIÙ", "ARTI", "ΣΥΝ"]
GAPS = ["7", "07", " ", "  ", "-", ", ", ";", "–", "_", "\n", "ٹ", "ı", "\u0307", "\u0345", "a"]
WORD_PIECES = st.sampled_from([*NUMBER_WORDS, *OTHER_PIECES, *GAPS])


@example("ſix, ZÉRO")
@example("zero7 one")
@example("İKİ BİR 3")
@example("5 plus seven")
@example("5 più sette")
@example("3 artı dört")
@example("07 seven\u0345")
@given(st.lists(WORD_PIECES | st.characters(), max_size=12).map("".join))
def test_the_quick_test_never_hides_a_run(text: str) -> None:
    """spell_out reads a text only when a first search finds number words next to each other or to a
    digit: it must give what reading every text would."""
    assert spell_out(text) == numberwords._read(text)
