"""Synthetic advert corpora with planted smuggling networks and a known truth.

    from graph.synth import generate
    report = generate(Path("var/synth"), adverts=100_000, seed=7)

writes adverts.jsonl (the ingest format), truth.jsonl (per advert: its network or kind, and the
canonical keys of the identifiers planted in its text) and networks.jsonl (per network and hub: size,
platforms, countries, route, languages and identifiers).
"""
