import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identifiers import handle
from graph.identifiers.document import Document
from graph.identifiers.handle import Handle, canonical_name


def handles(text: str, platform: str | None = None) -> list[str]:
    return [found.key for found in Handle().find(Document(text, platform=platform))]


@pytest.mark.parametrize(
    ("text", "platform", "expected"),
    [
        ("tg: @Boat_Man_UK", None, ["handle:telegram:boat_man_uk"]),
        ("telegram 👉 @passeur_calais", "whatsapp", ["handle:telegram:passeur_calais"]),
        ("insta sara.travel2", None, ["handle:instagram:sara.travel2"]),
        ("ig: kurd_trip", None, ["handle:instagram:kurd_trip"]),
        ("snap: kurd.trip", None, ["handle:snapchat:kurd.trip"]),
        ("tiktok @road.to.uk", None, ["handle:tiktok:road.to.uk"]),
        ("تلگرام: @safar_uk", None, ["handle:telegram:safar_uk"]),
        ("message @Ali.Travel.UK", "facebook", ["handle:facebook:alitraveluk"]),
        ("DM @ali_99", "instagram", ["handle:instagram:ali_99"]),
        ("DM @ali_99", "x", ["handle:x:ali_99"]),
    ],
)
def test_finds_handles(text: str, platform: str | None, expected: list[str]) -> None:
    assert handles(text, platform) == expected


@pytest.mark.parametrize(
    ("text", "platform"),
    [
        ("DM @ali_99", "whatsapp"),  # nothing says which platform the mention is on
        ("DM @ali_99", None),
        ("write to ali@gmail.com", "instagram"),  # an email is never a handle
        ("Telegram: contact me now", None),
        ("telegram today", None),
        ("tg: @abc", None),  # too short for Telegram
        ("DM @ali_99", "facebook"),  # underscores are not allowed on Facebook
        ("@this.instagram.name.is.definitely.too.long", "instagram"),  # over 30, and no label inside it
        ("thanks @everyone who came to say bye", "tiktok"),  # a group mention, not an account
        ("@highlight new route this week", "facebook"),
    ],
)
def test_rejects_non_handles(text: str, platform: str | None) -> None:
    assert handles(text, platform) == []


def test_label_does_not_reach_across_a_claimed_identifier() -> None:
    doc = Document("Telegram: t.me/boss_uk contact_99", platform=None)
    start = doc.text.index("t.me")
    doc.claim(start, start + len("t.me/boss_uk"))
    assert [f.key for f in Handle().find(doc)] == []


def test_span_and_value() -> None:
    text = "٠١ tg: @Boat_Man_UK."
    [found] = Handle().find(Document(text))
    assert text[found.span[0] : found.span[1]] == "@Boat_Man_UK"
    assert found.value == "@Boat_Man_UK"


@pytest.mark.parametrize(
    ("name", "platform", "expected"),
    [
        ("Ali.Travel", "facebook", "alitravel"),
        ("100012345678901", "facebook", "100012345678901"),
        ("a" * 16, "x", None),
        ("_bad", "telegram", None),
        ("good_name", "telegram", "good_name"),
        ("double..dot", "instagram", None),
        ("9lives", "snapchat", None),
    ],
)
def test_platform_rules(name: str, platform: str, expected: str | None) -> None:
    assert canonical_name(name, platform) == expected


def test_clean_accepts_platform_aliases() -> None:
    assert Handle().clean("@Boat_Man_UK", platform="tg").key == "handle:telegram:boat_man_uk"
    assert Handle().clean("@someone", platform="whatsapp") is None


@pytest.mark.parametrize(
    ("text", "platform", "expected"),
    [
        ("X: @boatrunner", "facebook", ["handle:x:boatrunner"]),
        ("X username: boat_uk", "facebook", ["handle:x:boat_uk"]),
        ("Nhắn tin riêng X @chaua16984", "telegram", ["handle:x:chaua16984"]),
        ("fb id: asan.uk", None, ["handle:facebook:asanuk"]),
        ("ټیلیګرام: @safar_af22", None, ["handle:telegram:safar_af22"]),
        ("تلگرام: @srbija", "tiktok", ["handle:telegram:srbija"]),
        ("Telegram: France: 06 12 34 56 78", None, []),
        ("4 x 4 jeep", "x", []),
        ("Telegram'dan @Ege_Gecis yazın", "instagram", ["handle:telegram:ege_gecis"]),  # Turkish ending
        ("Instagram’da bizi takip edin", "facebook", []),
        ("أو الانستا 👈 jobs_germany_visa", "facebook", ["handle:instagram:jobs_germany_visa"]),  # article
        ("والتلغرام: @boat_uk_22", "facebook", ["handle:telegram:boat_uk_22"]),
        ("ኢንስታግራም 👉 selam.in.germany", "facebook", ["handle:instagram:selam.in.germany"]),  # Ge'ez
        ("ቴሌግራም: @asmara_travel", None, ["handle:telegram:asmara_travel"]),
        ("سناپ: kurd_de_93", "instagram", ["handle:snapchat:kurd_de_93"]),
        ("Calais nights 🌙 more on TT: @calais.nights", "instagram", ["handle:tiktok:calais.nights"]),
        ("Теlеgrаm: @balkan_express77", "tiktok", ["handle:telegram:balkan_express77"]),  # Cyrillic е, а
        ("Τelegram: @ellada_taxidi", "instagram", ["handle:telegram:ellada_taxidi"]),  # Greek Τ
        ("𝑇𝑒𝑙𝑒𝑔𝑟𝑎𝑚: @riya_ewrupa", "instagram", ["handle:telegram:riya_ewrupa"]),  # mathematical italic
        ("𝐓𝐞𝐥𝐞𝐠𝐫𝐚𝐦 @𝐧𝐨𝐫𝐭𝐡_𝐠𝐚𝐭𝐞 📩", "tiktok", ["handle:telegram:north_gate"]),  # bold, the name too
        (
            "Contact: @ eu_trips_admin (space because of the bots)",
            "telegram",
            ["handle:telegram:eu_trips_admin"],
        ),
        ("follow my page 👉 @ london.barber.shop 👈", "instagram", ["handle:instagram:london.barber.shop"]),
        ("ئینستاگرامم: @ shvan.barber 💈", "facebook", ["handle:instagram:shvan.barber"]),
        ("meet @ the station at 6, @ Heathrow or @ 9pm", "tiktok", []),  # prose after a spaced @
        ("ومعرف التلي: @libya_trip_safe", "whatsapp", ["handle:telegram:libya_trip_safe"]),
        (
            "سناب: hamoudi_99x وتيك توك @hamoudi.99x",
            "instagram",
            ["handle:snapchat:hamoudi_99x", "handle:tiktok:hamoudi.99x"],
        ),
        ("زموږ انسټاګرام پاڼه: kabul.tailors وګورئ", "facebook", ["handle:instagram:kabul.tailors"]),
        ("Telegram kullanıcı adı: Avrupa_Yolu_Resmi", "facebook", ["handle:telegram:avrupa_yolu_resmi"]),
        ("Nick tele: @dianh_uytin", "facebook", ["handle:telegram:dianh_uytin"]),
        (
            "DM Facebook channel.vip89605",
            "tiktok",
            ["handle:facebook:channelvip89605"],
        ),  # no filler inside a name
        ("The domain is @safehaven-legal.org for all", "x", []),
        ("or find @lesvosboatrent on FB for photos", "instagram", ["handle:facebook:lesvosboatrent"]),
        (
            "find @boat_uk22 on Instagram",
            "whatsapp",
            ["handle:instagram:boat_uk22"],
        ),  # no handles on WhatsApp
        ("see @sara_k on the beach", "tiktok", ["handle:tiktok:sara_k"]),
        # A label's name that is another label: the handle is after the second.
        ("لە سناپ: snap: kurd.uk.trip", "instagram", ["handle:snapchat:kurd.uk.trip"]),
    ],
)
def test_more_labels(text: str, platform: str | None, expected: list[str]) -> None:
    assert handles(text, platform) == expected


@pytest.mark.parametrize(
    ("text", "platform", "expected"),
    [
        ("TikTok @dunkirk_boat_", None, ["handle:tiktok:dunkirk_boat_"]),
        ("DM @dunkirk_boat_.", "tiktok", ["handle:tiktok:dunkirk_boat_"]),
        ("follow @road.to.uk_ now", "tiktok", ["handle:tiktok:road.to.uk_"]),
        ("insta: sara.travel_, thanks", None, ["handle:instagram:sara.travel_"]),
        ("DM @sara.travel.", "instagram", ["handle:instagram:sara.travel"]),
        ("X: @boat_uk_!", "facebook", ["handle:x:boat_uk_"]),
        ("DM @boat_uk_, thanks", "x", ["handle:x:boat_uk_"]),
        ("tg: @boat_man_.", None, ["handle:telegram:boat_man"]),  # Telegram names never end with _
        ("snap: kurd.trip-", None, ["handle:snapchat:kurd.trip"]),
    ],
)
def test_keeps_the_characters_the_platform_allows(
    text: str, platform: str | None, expected: list[str]
) -> None:
    assert handles(text, platform) == expected


def test_trailing_underscore_is_in_the_span() -> None:
    text = "TikTok: @dunkirk_boat_."
    [found] = Handle().find(Document(text))
    assert text[found.span[0] : found.span[1]] == "@dunkirk_boat_"


@pytest.mark.parametrize(
    ("name", "platform", "expected"),
    [
        ("dunkirk_boat_", "tiktok", "dunkirk_boat_"),
        ("dunkirk_boat.", "tiktok", None),
        ("sara_", "instagram", "sara_"),
        ("boat_uk_", "x", "boat_uk_"),
        ("boat_man_", "telegram", None),
        ("boat", "telegram", None),  # Telegram names have 5 to 32 characters
    ],
)
def test_trailing_characters_rules(name: str, platform: str, expected: str | None) -> None:
    assert canonical_name(name, platform) == expected


LABEL_PIECES = st.sampled_from(
    ["telegram", "TG", "İnsta", "ınstagram", "Tik Tok", "tik\ttok", "SNAP", "ſnapchat", "fb", "Facebook",
     "twitter", "X", "x", "username", "handle", ":", "@", " ", "\n", "5", "_", "a", ".", "تلگرام", "اینستا",
     "تیک تاک", "ТЕЛЕГРАМ", "\u1c84елеграм", "\u0130G", "\u212a", "\x00"]
)  # fmt: skip


@given(st.lists(LABEL_PIECES, max_size=12).map("".join))
def test_a_text_with_a_label_passes_the_quick_test(text: str) -> None:
    if handle._LABEL_RE.search(text):
        assert handle.may_hold_label(text)
