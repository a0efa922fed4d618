"""The term audit: the shipped audit.json is what the committed labelled data gives, and its rule."""

import json
from importlib import resources

from bench import term_audit


def test_the_shipped_term_audit_is_what_the_committed_data_gives():
    """graph/indicators/audit.json lists exactly the terms bench/term_audit.py finds in the development
    files: a lexicon or data change without a rerun fails here."""
    shipped_audit = json.loads(
        resources.files("graph.indicators").joinpath("audit.json").read_text(encoding="utf-8")
    )
    assert shipped_audit == term_audit.audit(term_audit.labelled())
    assert shipped_audit["terms"], "the committed data audits some terms"


def test_the_audit_rule_needs_enough_adverts_and_a_clear_lean():
    few = term_audit.Count("en", "x", "route", 0, term_audit.MIN_ADVERTS - 1)
    even = term_audit.Count("en", "x", "route", 20, 20)
    honest = term_audit.Count("en", "x", "route", 2, 30)
    assert not few.audited and not even.audited and honest.audited
    assert 0.0 < honest.upper < 0.5 < even.upper
