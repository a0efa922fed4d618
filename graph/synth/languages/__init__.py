"""The languages adverts are written in, one module each, gathered by code."""

from graph.synth.languages import ar, ckb, en, fa, fr, ps, sq, ti, tr, vi
from graph.synth.templates import Language

LANGUAGES: dict[str, Language] = {
    module.LANGUAGE.code: module.LANGUAGE for module in (en, fr, ar, fa, ps, tr, sq, ckb, vi, ti)
}

__all__ = ["LANGUAGES", "Language"]
