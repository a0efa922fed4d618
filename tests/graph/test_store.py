"""What ingest stores about an advert's text, on the real Neo4j: language, smuggling score, indicator hits."""

from __future__ import annotations

import gc

import pytest

from graph.indicators import analyse
from graph.ingest import ingest
from graph.store import (
    MAX_STORED_HITS,
    Rows,
    advert_rows,
    analysis_properties,
    collector_paused,
    extract,
    extract_many,
    extract_rows,
)

SMUGGLING = "Passeur sérieux, paiement à l'arrivée, départ ce soir de Calais. Smuggler, guaranteed arrival."
PLAIN = "Lovely flat to rent near the station, two bedrooms, garden, available from June."


def record(post_id: str, text: str, lang: str | None = None) -> dict:
    found = {"platform": "facebook", "post_id": post_id, "text": text, "posted_at": "2024-03-01T10:00:00Z"}
    if lang is not None:
        found["lang"] = lang
    return found


def stored(driver, database: str, post_id: str) -> dict:
    records, _, _ = driver.execute_query(
        "MATCH (a:Advert {key: $key}) RETURN properties(a) AS a",
        key=f"advert:facebook:{post_id}",
        database_=database,
    )
    return records[0]["a"]


def test_the_properties_are_the_analysis_in_text_order():
    found = analyse(SMUGGLING)
    properties = analysis_properties(SMUGGLING, None)
    assert found.hits, "the lexicon should know these words"
    assert properties["indicator_terms"] == [h.term for h in found.hits]
    spans = properties["indicator_spans"]
    assert len(spans) == 2 * len(found.hits) and spans == sorted(spans)
    assert properties["smuggling_score"] == found.score  # unrounded: the threshold is tested on it
    assert properties["indicator_count"] == len(found.hits)
    assert len(properties["indicator_categories"]) == len(properties["indicator_langs"]) == len(found.hits)


def test_the_feeds_language_wins_and_is_not_marked_detected():
    given = analysis_properties(SMUGGLING, "en")
    assert (given["lang"], given["lang_detected"]) == ("en", False)
    detected = analysis_properties(SMUGGLING * 3, None)
    assert detected["lang_detected"] is (detected["lang"] is not None)


def test_a_regional_tag_reads_as_its_language():
    # "en-GB" must not make the advert's own English benign words count as another language's.
    ferry = "Ferry tickets Bodrum to Kos, registered company, book online, 25 euro per person"
    regional, plain = analysis_properties(ferry, "en-GB"), analysis_properties(ferry, "en")
    assert regional["lang"] == "en-GB"
    assert regional["smuggling_score"] == plain["smuggling_score"]
    assert regional["indicator_langs"] == plain["indicator_langs"]


def test_a_batch_extracts_as_its_adverts_do_one_by_one():
    adverts = [
        (SMUGGLING + " WhatsApp +33 7 58 41 92 06", "facebook", "FR", "fr"),
        (PLAIN, "instagram", None, None),
        ("", "telegram", "GB", None),
        ("Call @ferrydesk or +44 7957 500418 " + PLAIN, "telegram", "GB", "en"),
    ]
    assert extract_many(adverts) == [extract(*advert) for advert in adverts]
    assert extract_many([]) == []


def test_a_workers_rows_are_its_extraction_in_plain_values():
    adverts = [
        (
            "Call @ferrydesk or +44 7957 500418, pay iban GB33BUKB20201555555555 " + PLAIN,
            "telegram",
            "GB",
            "en",
        ),
        (PLAIN, "instagram", None, None),
    ]
    rows = extract_rows(adverts)
    assert rows == [advert_rows(extract(*advert)) for advert in adverts]
    first = extract(*adverts[0])
    assert [key for _, key, _, _ in rows[0].mentions] == [m.key for m in first.mentions]
    for (kind, key, node, mention), found in zip(rows[0].mentions, first.mentions, strict=True):
        assert (kind, node["key"]) == (found.kind, key)
        assert mention == {
            "count": found.count,
            "spans": [offset for span in found.spans for offset in span],
            "values": list(found.values),
            "rules": list(found.rules),
        }
    assert rows[0].properties["template_signature"] == first.template.values
    assert rows[0].properties.items() >= first.analysis.items()
    plain = (dict, list, tuple, str, int, float, bool, type(None))

    def only_plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(only_plain(k) and only_plain(v) for k, v in value.items())
        if isinstance(value, list | tuple):
            return all(only_plain(item) for item in value)
        return type(value) in plain

    assert all(only_plain(tuple(row)) for row in rows)  # nothing for the ingest process to rebuild


def test_the_collector_is_paused_for_a_batch_and_left_as_the_caller_had_it():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    extract_rows([(PLAIN, "instagram", None, None)])
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_rows_show_their_number_not_their_contents_and_reach_neo4j_as_lists(graph, database):
    rows = Rows([{"text": "x" * 1000}, {"text": "y"}])
    assert repr(rows) == "<2 rows>"
    records, _, _ = graph.execute_query(
        "UNWIND $rows AS row RETURN row.text AS text", rows=rows, database_=database
    )
    assert [r["text"] for r in records] == ["x" * 1000, "y"]


def test_a_text_repeating_its_terms_keeps_the_strongest_hits_in_text_order():
    text = "boza " * 10 + "taxi " * (MAX_STORED_HITS * 2)
    properties = analysis_properties(text, "en")
    assert properties["indicator_count"] > MAX_STORED_HITS == len(properties["indicator_terms"])
    assert properties["indicator_terms"][:10] == ["boza"] * 10
    spans = properties["indicator_spans"]
    assert len(spans) == 2 * MAX_STORED_HITS and spans == sorted(spans)


@pytest.mark.parametrize("workers", [0, 1])
def test_ingest_stores_the_analysis(graph, database, workers):
    ingest(
        graph,
        database,
        [record("s1", SMUGGLING), record("p1", PLAIN, lang="en")],
        source="t",
        workers=workers,
    )
    advert = stored(graph, database, "s1")
    expected = analysis_properties(SMUGGLING, None)
    for name, value in expected.items():
        assert advert[name] == value, name
    for start, end, term in zip(
        advert["indicator_spans"][::2],
        advert["indicator_spans"][1::2],
        advert["indicator_terms"],
        strict=True,
    ):
        assert 0 <= start < end <= len(SMUGGLING), term
    plain = stored(graph, database, "p1")
    assert plain["lang"] == "en" and plain["lang_detected"] is False
    assert plain["smuggling_score"] < advert["smuggling_score"]


def test_an_identical_reingest_is_unchanged_and_an_edit_is_analysed_afresh(graph, database):
    first = ingest(graph, database, [record("s2", SMUGGLING)], source="t")
    again = ingest(graph, database, [record("s2", SMUGGLING)], source="t")
    assert (first.created, again.unchanged) == (1, 1)
    edited = ingest(graph, database, [record("s2", PLAIN)], source="t")
    assert edited.updated == 1
    advert = stored(graph, database, "s2")
    assert advert["indicator_terms"] == analysis_properties(PLAIN, None)["indicator_terms"]
    assert advert["smuggling_score"] == analysis_properties(PLAIN, None)["smuggling_score"]


def test_rewrite_analyses_an_advert_stored_before(graph, database):
    """An advert stored before ingest analysed texts has none of the properties: --rewrite gives them."""
    ingest(graph, database, [record("s3", SMUGGLING)], source="t")
    graph.execute_query(
        "MATCH (a:Advert {key: 'advert:facebook:s3'}) REMOVE a.smuggling_score, a.indicator_terms, "
        "a.indicator_categories, a.indicator_langs, a.indicator_spans, a.indicator_weights, a.lang_detected",
        database_=database,
    )
    assert ingest(graph, database, [record("s3", SMUGGLING)], source="t").unchanged == 1
    assert "smuggling_score" not in stored(graph, database, "s3")
    ingest(graph, database, [record("s3", SMUGGLING)], source="t", rewrite=True)
    assert (
        stored(graph, database, "s3")["smuggling_score"]
        == analysis_properties(SMUGGLING, None)["smuggling_score"]
    )
