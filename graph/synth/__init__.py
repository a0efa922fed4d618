"""Synthetic advert corpora with planted smuggling networks and a known truth.

    from graph.synth import generate
    report = generate(Path("var/synth"), adverts=100_000, seed=7)

writes adverts.jsonl (the ingest format), truth.jsonl (per advert: its network or kind, and the
canonical keys of the identifiers planted in its text) and networks.jsonl (per network and hub: size,
platforms, countries, route, languages and identifiers).

`generate` is loaded on first use, so importing one part (the phone book, the renderer) does not
load the whole generator.
"""

from typing import Any

__all__ = ["CorpusReport", "generate"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from graph.synth import corpus

        return getattr(corpus, name)
    raise AttributeError(name)
