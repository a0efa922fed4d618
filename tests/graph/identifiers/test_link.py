"""Links: canonical `url:` keys, `domain:` keys, and the phones, handles and payments platform links name."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import idna
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identifiers import extract, identify, link
from graph.identifiers.document import Document
from graph.identifiers.link import Domain, Link

REPO_ROOT = Path(__file__).resolve().parents[3]


def find(text: str, platform: str | None = None) -> list:
    return list(Link().find(Document(text, platform)))


def keys(text: str, platform: str | None = None) -> list[str]:
    return [found.key for found in find(text, platform)]


def urls(text: str) -> list[str]:
    return [key for key in keys(text) if key.startswith("url:")]


# --- canonical URL ------------------------------------------------------------------------------


def test_tracking_parameters_are_removed_and_the_rest_kept_in_order():
    text = "https://boats-uk.com/trip?utm_source=fb&b=2&fbclid=IwAR0x&a=1&igsh=abc&__cft__[0]=AZ&gclid=9"
    assert urls(text) == ["url:https://boats-uk.com/trip?b=2&a=1"]


def test_scheme_host_port_userinfo_and_fragment_are_canonicalised():
    assert urls("HTTPS://user:secret@Boats-UK.COM:443/Trip?x=1#book") == ["url:https://boats-uk.com/Trip?x=1"]
    assert urls("http://boats-uk.com:80") == ["url:http://boats-uk.com/"]
    assert urls("http://boats-uk.com:8080/a") == ["url:http://boats-uk.com:8080/a"]


def test_missing_scheme_becomes_https_and_empty_path_a_slash():
    assert urls("www.boats-uk.com") == ["url:https://www.boats-uk.com/"]
    assert urls("see boats-uk.com now") == ["url:https://boats-uk.com/"]


def test_s_is_tracking_only_on_x_and_twitter():
    assert urls("https://x.com/boatsuk/status/1?s=20") == ["url:https://x.com/boatsuk/status/1"]
    assert urls("https://boats-uk.com/search?s=dover") == ["url:https://boats-uk.com/search?s=dover"]


def test_trailing_sentence_punctuation_is_not_part_of_the_link():
    assert urls("Book at https://boats-uk.com/trip.") == ["url:https://boats-uk.com/trip"]
    assert urls("(see www.boats-uk.com/contact)!") == ["url:https://www.boats-uk.com/contact"]
    assert urls('"boats-uk.com/a?b=1",') == ["url:https://boats-uk.com/a?b=1"]
    # a bracket the link itself opened stays
    assert urls("https://en.wikipedia.org/wiki/Dover_(town).") == [
        "url:https://en.wikipedia.org/wiki/Dover_(town)"
    ]


def test_punycode_and_unicode_hosts_give_one_key():
    assert (
        keys("xn--bcher-kva.de/x") == keys("BÜCHER.de/x") == ["url:https://bücher.de/x", "domain:bücher.de"]
    )


def test_words_glued_to_a_link_in_another_script_are_cut_off():
    found = find("للتواصلboats-uk.com/tripبرای")
    assert [f.key for f in found] == ["url:https://boats-uk.com/trip", "domain:boats-uk.com"]
    assert found[0].value == "boats-uk.com/trip"


# --- which tokens are links ---------------------------------------------------------------------


def test_a_bare_host_after_a_handle_label_is_a_handle_not_a_domain():
    assert keys("insta: sara.travel") == []
    assert keys("IG:sara.travel") == []
    assert keys("snap sara.travel") == []
    assert keys("tg: boats.uk") == []
    assert keys("book on sara.travel") == ["url:https://sara.travel/", "domain:sara.travel"]


def test_bare_hosts_need_a_real_suffix_and_a_clean_start():
    assert keys("file.docx v1.2 12.05.2024 1.5kg e.g. boats.invalidtld") == []
    assert keys("@sara.travel") == []
    assert keys("mysite-boats.com") == ["url:https://mysite-boats.com/", "domain:mysite-boats.com"]
    # two sentences without a space are not a host
    assert keys("Call now.Price is low") == []


def test_platform_host_with_a_path_is_a_link_even_after_a_label():
    assert keys("tg: t.me/boats_uk_daily")[0] == "url:https://t.me/boats_uk_daily"


def test_domain_is_the_registered_domain_with_private_suffixes():
    assert keys("https://shop.boats-uk.co.uk/a") == [
        "url:https://shop.boats-uk.co.uk/a",
        "domain:boats-uk.co.uk",
    ]
    assert "domain:sara-trips.blogspot.com" in keys("sara-trips.blogspot.com")


def test_platform_hosts_and_ip_addresses_give_no_domain():
    assert keys("https://bit.ly/3xYz") == ["url:https://bit.ly/3xYz"]
    assert keys("http://192.168.0.1:8080/admin") == ["url:http://192.168.0.1:8080/admin"]
    assert not [k for k in keys("facebook.com/groups/boatsuk") if k.startswith("domain:")]


def test_link_span_points_at_the_original_text():
    text = "\u200b\u200bجديد ٢٠٢٤: wa.me/٤٤٧٤٠٠١٢٣٤٥٦"
    url = find(text)[0]
    assert url.key == "url:https://wa.me/447400123456"
    assert text[url.span[0] : url.span[1]] == "wa.me/٤٤٧٤٠٠١٢٣٤٥٦"
    assert url.value == "wa.me/٤٤٧٤٠٠١٢٣٤٥٦"


def test_link_span_is_claimed_so_later_finders_skip_it():
    doc = Document("tiktok.com/@boats.uk/video/7301234567890123456 call")
    list(Link().find(doc))
    assert "7301234567890123456" not in doc.masked()


def test_clean_gives_the_same_key_as_find():
    link = Link()
    found = find("Book: www.Boats-UK.com/Trip?utm_medium=social&id=3#top.")[0]
    assert link.clean(" https://WWW.boats-uk.com/Trip?id=3&fbclid=x ").key == found.key
    assert link.clean("boats-uk.com").key == "url:https://boats-uk.com/"
    assert link.clean("not a link") is None
    assert link.clean("boats.invalidtld") is None


def test_tldextract_uses_only_the_bundled_snapshot(tmp_path):
    """Loading the suffix list must not open a socket nor write a cache."""
    code = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from graph.identifiers.link import registered_domain\n"
        "assert registered_domain('shop.boats-uk.co.uk') == 'boats-uk.co.uk'\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("TLDEXTRACT_CACHE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []


# --- what platform links name -------------------------------------------------------------------


def derived(text: str) -> list[tuple[str, str]]:
    return [(f.key, f.rule) for f in find(text) if f.kind not in ("url", "domain")]


@pytest.mark.parametrize(
    ("text", "key", "rule"),
    [
        ("wa.me/447400123456", "phone:+447400123456", "link:wa.me"),
        ("https://wa.me/+447400123456?text=hi", "phone:+447400123456", "link:wa.me"),
        (
            "api.whatsapp.com/send?phone=447400123456&text=hi",
            "phone:+447400123456",
            "link:api.whatsapp.com/send",
        ),
        ("whatsapp://send?phone=%2B447400123456", "phone:+447400123456", "link:whatsapp://send"),
        ("viber://chat?number=%2B447400123456", "phone:+447400123456", "link:viber://chat"),
        ("t.me/+447400123456", "phone:+447400123456", "link:t.me/+"),
        ("t.me/Boats_UK_Daily", "handle:telegram:boats_uk_daily", "link:t.me"),
        ("telegram.me/boats_uk_daily/123", "handle:telegram:boats_uk_daily", "link:telegram.me"),
        ("t.me/s/boats_uk_daily", "handle:telegram:boats_uk_daily", "link:t.me"),
        (
            "https://www.instagram.com/night.drivers.uk/?igsh=abc",
            "handle:instagram:night.drivers.uk",
            "link:instagram.com",
        ),
        (
            "instagram.com/stories/night.drivers.uk/123",
            "handle:instagram:night.drivers.uk",
            "link:instagram.com",
        ),
        (
            "tiktok.com/@channel.runners/video/7301234567890123456",
            "handle:tiktok:channel.runners",
            "link:tiktok.com/@",
        ),
        ("x.com/UKArrivals/status/1723456789012345678", "handle:x:ukarrivals", "link:x.com"),
        ("twitter.com/ukarrivals", "handle:x:ukarrivals", "link:twitter.com"),
        (
            "facebook.com/profile.php?id=100089234567123",
            "handle:facebook:100089234567123",
            "link:facebook.com/profile.php",
        ),
        ("fb.com/Karim.Travel.Eu", "handle:facebook:karimtraveleu", "link:fb.com"),
        ("m.facebook.com/karim.travel.eu", "handle:facebook:karimtraveleu", "link:facebook.com"),
        ("web.facebook.com/karim.travel.eu/posts/1", "handle:facebook:karimtraveleu", "link:facebook.com"),
        ("snapchat.com/add/jay.uk-trips", "handle:snapchat:jay.uk-trips", "link:snapchat.com/add"),
        ("paypal.me/DoverExpress/25EUR", "payment:paypal:doverexpress", "link:paypal.me"),
        (
            "https://www.paypal.com/paypalme/DoverExpress",
            "payment:paypal:doverexpress",
            "link:paypal.com/paypalme",
        ),
        ("revolut.me/doverexp22", "payment:revolut:doverexp22", "link:revolut.me"),
        ("cash.app/$BorderRunner88", "payment:cashapp:borderrunner88", "link:cash.app/$"),
        ("venmo.com/u/Border-Runner", "payment:venmo:border-runner", "link:venmo.com"),
        ("venmo.com/Border-Runner", "payment:venmo:border-runner", "link:venmo.com"),
        ("https://wise.com/pay/me/MikeRoutes", "payment:wise:mikeroutes", "link:wise.com/pay/me"),
    ],
)
def test_platform_link_names_an_account(text, key, rule):
    found = find("Contact " + text + " today")
    assert (key, rule) in [(f.key, f.rule) for f in found]
    url = found[0]
    named = next(f for f in found if f.key == key)
    assert named.span == url.span  # the evidence is the link itself


@pytest.mark.parametrize(
    "text",
    [
        "t.me/+AbCdEfGhIj123",  # private invite link, not a phone
        "t.me/joinchat/AAAAAEk5bTQ",
        "t.me/c/1234567890/55",
        "t.me/share/url?url=x",
        "instagram.com/p/Cxyz123",
        "instagram.com/reel/Cxyz123",
        "instagram.com/explore/tags/uk",
        "tiktok.com/video/7301234567890123456",
        "x.com/i/status/1723456789012345678",
        "x.com/home",
        "x.com/search?q=boats",
        "x.com/intent/tweet?text=hi",
        "x.com/hashtag/boats",
        "facebook.com/groups/boatsuk",
        "facebook.com/pages/Boats/123456789",
        "facebook.com/events/123456789",
        "facebook.com/share/1AbCdEf",
        "facebook.com/watch?v=123",
        "facebook.com/photo?fbid=123",
        "facebook.com/permalink.php?story_fbid=1&id=2",
        "wa.me/message/ABCDEF",
        "paypal.com/signin",
        "cash.app/help",
    ],
)
def test_site_pages_and_invites_name_no_account(text):
    assert derived(text) == []


def test_t_me_plus_letters_is_not_a_phone_but_still_a_url():
    assert keys("t.me/+AbCdEf") == ["url:https://t.me/+AbCdEf"]


def test_facebook_group_is_just_a_url():
    assert keys("facebook.com/groups/boatsuk") == ["url:https://facebook.com/groups/boatsuk"]


def test_names_breaking_platform_rules_give_no_handle():
    assert derived("t.me/ab") == []  # telegram names are at least 5 characters
    assert derived("paypal.me/Dover-Express") == []  # PayPal.Me names are letters and digits


def test_domains_are_found_by_the_link_and_cleaned_by_their_own_type():
    assert list(Domain().find(Document("https://boats-uk.com/x"))) == []
    assert Domain().clean("https://shop.Boats-UK.com/x").key == "domain:boats-uk.com"
    assert Domain().clean("paypal.me/AliTravel") is None  # ingest keeps no node for a platform host
    assert Domain().clean("https://WWW.Boats-UK.co.uk/x").key == "domain:boats-uk.co.uk"
    assert Domain().clean("facebook.com") is None


def test_a_host_no_registry_issues_is_a_link_but_not_a_domain() -> None:
    keys = [i.key for i in extract("https://a_b.co.uk/boats")]
    assert keys == ["url:https://a_b.co.uk/boats"]
    assert identify("a_b.co.uk", kind="domain") is None


@pytest.mark.parametrize(
    "written", ["boats.example.com/a.#", "boats.example.com/a.#top", "boats.example.com/a.?utm_source=x"]
)
def test_a_link_ending_in_a_dot_once_its_fragment_is_gone_keys_as_it_cleans(written: str) -> None:
    [url] = [i for i in extract(f"see {written} now") if i.kind == "url"]
    assert url.key == "url:https://boats.example.com/a"
    assert identify(url.key.removeprefix("url:"), kind="url").key == url.key


def test_a_micro_sign_glued_to_a_link_is_cut_off_as_greek_is() -> None:
    # IDNA maps the micro sign to the Greek mu: the host must be judged as it will be keyed.
    keys = [i.key for i in extract("µpaypal.me/a0000")]
    assert keys == [i.key for i in extract("μpaypal.me/a0000")]
    assert "payment:paypal:a0000" in keys


def candidates_word_by_word(text: str) -> list[tuple[int, int]]:
    """What `_candidates` finds, the slow way: each word of str.split that holds a `.` or a `/`."""
    found, pos = [], 0
    for word in text.split():
        pos = text.find(word, pos)
        if "." in word or "/" in word:
            found += [m.span() for m in link._LINK_RE.finditer(text, pos, pos + len(word))]
        pos += len(word)
    return found


LINK_PIECES = st.sampled_from(
    [
        "wa.me/447400123456",
        "boats.co.uk",
        "http://x.com/a?b=1",
        ".",
        "/",
        " ",
        "\n",
        "\u00a0",
        "\x1c",
        "\u200b",
        "a",
    ]
)


@given(st.lists(LINK_PIECES | st.characters(), max_size=20).map("".join))
def test_candidates_are_the_links_of_the_words_with_a_dot_or_slash(text: str) -> None:
    assert [m.span() for m in link._candidates(text)] == candidates_word_by_word(text)


def idna_host(host: str) -> str:
    """What `normalise_host` gives through the IDNA decoder alone, without its shortcut for ASCII."""
    host = host.strip().rstrip(".")
    try:
        return idna.decode(host, uts46=True)
    except (idna.IDNAError, UnicodeError, ValueError):
        return host.lower()


ASCII_HOSTS = st.text(alphabet="abcXYZ019-_.:!~ ", max_size=30) | st.sampled_from(
    ["Sara.Blogspot.COM", "a..b", "-a.com", "a-.com", "ab--cd.com", "x" * 70 + ".com", "", ".", "a_b.co.uk"]
)


@given(ASCII_HOSTS)
def test_an_ascii_host_normalises_as_the_idna_decoder_reads_it(host: str) -> None:
    assert link.normalise_host.__wrapped__(host) == idna_host(host)


def test_a_punycode_host_is_still_decoded() -> None:
    assert link.normalise_host.__wrapped__("XN--BCHER-KVA.de") == "bücher.de"


def every_dotted_word_match(text: str) -> list[tuple[int, int]]:
    """Link-shaped matches in every word holding a `.` or a `/`: what `_candidates` must equal."""
    words = re.finditer(r"(?<!\S)[^\s./]*[./]\S*", text)
    return [m.span() for w in words for m in link._LINK_RE.finditer(text, w.start(), w.end())]


LINK_PIECES = st.sampled_from(
    ["a", "Z", "7", "-", ".", "/", ":", "//", "www", "http", " ", "\n", "\u00a0", "é", "ب", "@", "#", "\x00"]
)


@given(st.lists(LINK_PIECES, max_size=30).map("".join))
def test_candidates_are_those_of_every_dotted_word(text: str) -> None:
    assert [m.span() for m in link._candidates(text)] == every_dotted_word_match(text)


# --- defanged profile links ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("link in bio 👉 t[.]me/europe_walk_guide", "handle:telegram:europe_walk_guide"),
        ("wa(.)me/447400123456 ou", "phone:+447400123456"),
        ("نوی چینل: t . me / pashtun_eu_lar 👈", "handle:telegram:pashtun_eu_lar"),
        ("reviews: Instagram . com / italy.by.sea and more", "handle:instagram:italy.by.sea"),
        ("tiktok dot com slash @italybysea — message us", "handle:tiktok:italybysea"),
        ("pay: paypal[dot]me/BoatRunner", "payment:paypal:boatrunner"),
    ],
)
def test_a_defanged_profile_link_names_its_account(text: str, expected: str) -> None:
    found = [i for i in extract(text, platform="facebook") if i.kind != "url"]
    assert [i.key for i in found] == [expected]
    urls_found = [i for i in extract(text, platform="facebook") if i.kind == "url"]
    assert len(urls_found) == 1 and urls_found[0].span == found[0].span


@pytest.mark.parametrize(
    "text",
    [
        "eat. me / you",  # prose
        "see example[.]com/boats",  # a defanged link to a site that is no platform names nothing
        "I saw t . me / at the market",  # a path word the platform does not issue: too short
    ],
)
def test_defanged_text_that_names_no_account_gives_nothing(text: str) -> None:
    assert [i.key for i in extract(text, platform="whatsapp")] == []
