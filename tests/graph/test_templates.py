"""Template signatures: what is masked, what links, what does not, and what ingest stores."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given
from hypothesis import strategies as st

from graph import templates
from graph.ingest import ingest
from graph.templates import (
    BANDS,
    MASK,
    MIN_WORDS,
    NUM_PERM,
    ROWS,
    SEED,
    THRESHOLD,
    band_keys,
    band_tokens,
    candidate_probability,
    shingles,
    signature,
    similarity,
    words,
)

CROSSING = (
    "Boat to the UK leaving tonight from Dunkirk beach, {n} places left, price {price} euro per person, "
    "payment on arrival only. Contact WhatsApp {phone} or Telegram @{handle} for details {day}."
)


def crossing(
    phone: str, price: str = "1500", n: str = "8", handle: str = "dunk_boat", day: str = "12/03"
) -> str:
    return CROSSING.format(phone=phone, price=price, n=n, handle=handle, day=day)


def test_identifiers_numbers_and_emoji_are_masked() -> None:
    found = words("Call +44 7957 500418 🚤🇬🇧 NOW, price 1.500€ on 12/03 ✅️ Café")
    assert found == ["call", MASK, "now", "price", MASK, "on", MASK, "cafe"]


def test_every_character_of_the_dropped_categories_and_only_those_is_dropped() -> None:
    """Runs found by one pattern and deleted by the lazy table leave what deleting by category does."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    kept = "".join(ch for ch in everything if unicodedata.category(ch) not in templates._DROPPED_CATEGORIES)
    assert templates._dropped_runs().sub(templates._without_dropped, everything) == kept
    assert words("café 👍🏽 naïve ^x") == ["cafe", "naive", "x"]


def test_a_copy_with_changed_phone_price_date_and_handle_is_the_same_template() -> None:
    a = signature(crossing("+44 7957 500418"))
    b = signature(crossing("+33 6 12 34 56 78", price="1200", n="3", handle="other_boat", day="19/04"))
    assert a is not None and b is not None
    assert similarity(a.values, b.values) == 1.0
    assert a.bands == b.bands


def test_a_copy_with_a_few_words_edited_still_reaches_the_threshold() -> None:
    a = signature(crossing("+44 7957 500418"))
    edited = crossing("+44 7700 900123").replace("tonight", "tomorrow night").replace("details", "info")
    b = signature(edited)
    assert a is not None and b is not None
    assert similarity(a.values, b.values) >= THRESHOLD
    assert set(a.bands.split()) & set(b.bands.split())


def test_unrelated_texts_do_not_link() -> None:
    a = signature(crossing("+44 7957 500418"))
    others = [
        "Ferry tickets from Calais to Dover every day, book online with our registered travel agency today.",
        "Volunteers needed this weekend at the refugee charity warehouse, sorting donations of warm clothes.",
        "Breaking: coastguard reports a boat in difficulty off the coast, according to local journalists.",
        "Boat places from Dunkirk are a lie, do not pay anyone on WhatsApp, report smugglers to the police.",
    ]
    for text in others:
        b = signature(text)
        assert a is not None and b is not None
        assert similarity(a.values, b.values) < THRESHOLD, text
        assert not set(a.bands.split()) & set(b.bands.split()), text


def test_short_texts_have_no_signature() -> None:
    assert signature("Call me +44 7957 500418 🚤") is None
    assert signature(" ".join(["word"] * (MIN_WORDS - 1)) + " 123 456 789") is None
    assert signature(" ".join(f"w{i}" for i in range(MIN_WORDS))) is not None


def test_signature_is_the_same_in_another_process() -> None:
    """No Python hash randomisation: a fresh interpreter (another PYTHONHASHSEED) gives the same values."""
    text = crossing("+44 7957 500418")
    code = f"from graph.templates import signature; s = signature({text!r}); print(s.values); print(s.bands)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
        cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]),
    ).stdout.splitlines()
    here = signature(text)
    assert here is not None
    assert out == [str(here.values), here.bands]


def test_values_are_datasketch_minhash_values() -> None:
    """The values are datasketch's MinHash of the masked word 3-grams, so its jaccard agrees."""
    a = signature(crossing("+44 7957 500418"))
    b = signature(crossing("+44 7957 500418").replace("tonight", "this evening"))
    assert a is not None and b is not None
    ma = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=a.values, scheme="affine32")
    mb = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=b.values, scheme="affine32")
    assert ma.jaccard(mb) == similarity(a.values, b.values)


def test_values_are_those_of_datasketch_default_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    """The remembered shingle hashes give the values of a MinHash with datasketch's own hash function,
    whether a shingle is hashed for the first time or looked up, and while the memory is cleared."""
    text = crossing("+44 7957 500418")
    spans = [(136, 151)]
    expected = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")
    expected.update_batch(shingles(words(text, spans)))
    for cache_grams in (templates.CACHE_GRAMS, templates.CACHE_GRAMS, 1):
        monkeypatch.setattr(templates, "CACHE_GRAMS", cache_grams)
        found = signature(text, spans)
        assert found is not None and found.values == expected.hashvalues.tolist()


def test_band_tokens_find_what_datasketch_lsh_finds() -> None:
    """A shared band token is a candidate pair exactly as MinHashLSH with the same bands says."""
    texts = [
        crossing("+44 7957 500418"),
        crossing("+44 7700 900123").replace("tonight", "tomorrow"),
        crossing("+44 7700 900123").replace("Dunkirk beach", "Calais port").replace("details", "more"),
        "Ferry tickets from Calais to Dover every day, book online with our registered travel agency today.",
        "Ferry tickets from Calais to Dover every night, book online with our registered travel agency now.",
    ]
    sigs = [signature(t) for t in texts]
    assert all(s is not None for s in sigs)
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
    for i, s in enumerate(sigs):
        lsh.insert(str(i), MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=s.values, scheme="affine32"))
    for s in sigs:
        query = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=s.values, scheme="affine32")
        by_lsh = {int(k) for k in lsh.query(query)}
        by_tokens = {j for j, t in enumerate(sigs) if set(s.bands.split()) & set(t.bands.split())}
        assert by_lsh == by_tokens


def test_band_keys_match_the_tokens() -> None:
    s = signature(crossing("+44 7957 500418"))
    assert s is not None
    keys = band_keys(np.array([s.values]))[0]
    assert " ".join(f"b{band}x{int(k):016x}" for band, k in enumerate(keys)) == s.bands


def test_s_curve_separates_the_threshold_from_chance_overlap() -> None:
    assert candidate_probability(THRESHOLD) > 0.95
    assert candidate_probability(0.3) < 0.15


def test_ingest_stores_the_signature_and_bands(graph, database) -> None:
    records = [
        {
            "platform": "facebook",
            "post_id": "t1",
            "text": crossing("+44 7957 500418"),
            "posted_at": "2024-03-01",
        },
        {
            "platform": "facebook",
            "post_id": "t2",
            "text": "Call +44 7957 500418 now",
            "posted_at": "2024-03-01",
        },
    ]
    ingest(graph, database, records, source="test", apply_schema=True)
    found, _, _ = graph.execute_query(
        "MATCH (a:Advert) RETURN a.key AS key, a.template_signature AS values, a.template_bands AS bands",
        database_=database,
    )
    by_key = {r["key"]: r for r in found}
    expected = signature(crossing("+44 7957 500418"))
    assert expected is not None
    assert by_key["advert:facebook:t1"]["values"] == expected.values
    assert by_key["advert:facebook:t1"]["bands"] == expected.bands
    assert by_key["advert:facebook:t2"]["values"] is None
    assert by_key["advert:facebook:t2"]["bands"] is None
    hits, _, _ = graph.execute_query(
        "CALL db.index.fulltext.queryNodes('advert_template_bands', $token) YIELD node "
        "RETURN node.key AS key",
        token=expected.bands.split()[3],
        database_=database,
    )
    assert [r["key"] for r in hits] == ["advert:facebook:t1"]


def test_ingest_with_workers_stores_the_same_signature(graph, database) -> None:
    text = crossing("+44 7957 500418")
    records = [{"platform": "facebook", "post_id": "w1", "text": text, "posted_at": "2024-03-01"}]
    ingest(graph, database, records, source="test", apply_schema=True, workers=1)
    found, _, _ = graph.execute_query(
        "MATCH (a:Advert {key: 'advert:facebook:w1'}) RETURN a.template_signature AS values",
        database_=database,
    )
    expected = signature(text)
    assert expected is not None and found[0]["values"] == expected.values


@given(st.lists(st.integers(0, (1 << 64) - 1), min_size=NUM_PERM, max_size=NUM_PERM))
def test_band_tokens_are_the_band_keys_of_any_values(values: list[int]) -> None:
    keys = band_keys(np.array([values], dtype=np.uint64))[0]
    assert band_tokens(values) == " ".join(f"b{band}x{int(k):016x}" for band, k in enumerate(keys))


def test_shingles_are_the_word_trigrams_in_order() -> None:
    assert shingles(["a", "b", "c", "a", "b", "c"]) == [b"a b c", b"b c a", b"c a b"]
    assert shingles(["a", "b"]) == [b"a b"]


@given(st.lists(st.integers(0, (1 << 32) - 1), min_size=NUM_PERM, max_size=NUM_PERM))
def test_the_bands_of_a_minhash_are_its_band_tokens(values: list[int]) -> None:
    hashvalues = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme="affine32").hashvalues
    assert templates._bands_of(hashvalues) == band_tokens(values)
