"""The Bloom perspective's search phrases and scene actions on a synthetic corpus: time and rows.

    python bench/bloom_phrases.py --adverts 20000 --seed 3 [--keep] [--runs 7] [--corpus DIR]

Generates a corpus with `graph.synth.generate` (cached in --corpus), ingests it into the Neo4j of
NEO4J_URI (its graph is WIPED first unless --keep) and rebuilds the networks, then runs each query of
cypher/bloom/ --runs times with parameters picked from the graph: the most-mentioned identifier that is
not a hub, the most-mentioned hub (the worst case of "Network of"), the country in most cross-border
networks, an account sharing a payment tag, two identifiers of one network, the largest network, and
for the scene actions that network's nodes and the mentions of the identifier. Prints JSON: per query,
the median and slowest milliseconds, the server's own share of the median, and the rows returned (the
first run is a warm-up, not counted).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from graph import bloom  # noqa: E402
from graph.config import Settings  # noqa: E402
from graph.cypher import load  # noqa: E402
from graph.db import connect  # noqa: E402
from graph.ingest import ingest, read_files  # noqa: E402
from graph.networks import rebuild  # noqa: E402
from graph.synth import generate  # noqa: E402

# Sample parameters, read from the graph the phrases run on.
TOP_IDENTIFIER = """
MATCH (i:Phone|PaymentTag|Email) WHERE coalesce(i.hub, false) = $hub
RETURN i.key AS key ORDER BY COUNT { (i)<-[:MENTIONS]-() } DESC LIMIT 1
"""
TOP_COUNTRY = """
MATCH (n:Network) WHERE n.country_count >= 2 UNWIND n.countries AS c
RETURN c AS country, count(*) AS networks ORDER BY networks DESC LIMIT 1
"""
SHARING_ACCOUNT = """
MATCH (a:Account)-[:USES]->(t:PaymentTag)<-[:USES]-(b:Account) WHERE a <> b AND NOT coalesce(t.hub, false)
RETURN a.key AS key LIMIT 1
"""
LARGEST_NETWORK = "MATCH (n:Network) RETURN n.id AS id, elementId(n) AS element ORDER BY n.size DESC LIMIT 1"
TWO_OF_NETWORK = """
MATCH (n:Network {id: $id})<-[:IN_NETWORK]-(a:Advert)-[:MENTIONS]->(i:Phone|PaymentTag)
WHERE NOT coalesce(i.hub, false)
WITH DISTINCT i LIMIT 2 RETURN collect(i.key) AS keys
"""
MENTIONS_OF = "MATCH (:Advert)-[m:MENTIONS]->({key: $key}) RETURN collect(elementId(m))[..20] AS ids"


def one(driver: neo4j.Driver, database: str, query: str, **parameters: Any) -> dict[str, Any]:
    records, _, _ = driver.execute_query(query, parameters, database_=database)
    if not records:
        raise SystemExit(f"bloom_phrases: the graph holds no sample for {query.strip().splitlines()[0]!r}")
    return records[0].data()


def samples(driver: neo4j.Driver, database: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(label, query name, parameters) for each measurement."""
    identifier = one(driver, database, TOP_IDENTIFIER, hub=False)["key"]
    network = one(driver, database, LARGEST_NETWORK)
    a, b = one(driver, database, TWO_OF_NETWORK, id=network["id"])["keys"]
    country = one(driver, database, TOP_COUNTRY)["country"]
    account = one(driver, database, SHARING_ACCOUNT)["key"]
    mentions = one(driver, database, MENTIONS_OF, key=identifier)["ids"]
    measured = [
        ("network of an identifier", "network_of", {"identifier": identifier}),
        ("cross-border networks", "cross_border_networks", {"country": country}),
        ("accounts sharing a tag", "accounts_sharing_payment_tag", {"account": account}),
        ("what links", "what_links", {"a": a, "b": b}),
        ("adverts of a network", "network_adverts", {"id": network["id"]}),
        ("expand to network", "expand_to_network", {"nodes": [network["element"]]}),
        ("show evidence", "show_evidence", {"relationships": mentions}),
    ]
    records, _, _ = driver.execute_query(TOP_IDENTIFIER, {"hub": True}, database_=database)
    if records:
        measured.append(("network of a hub", "network_of", {"identifier": records[0]["key"]}))
    return measured


def time_query(driver: neo4j.Driver, database: str, name: str, parameters: dict, runs: int) -> dict[str, Any]:
    text = bloom.query(name)
    times, server, rows = [], [], 0
    for run in range(runs + 1):
        start = time.perf_counter()
        records, summary, _ = driver.execute_query(text, parameters, database_=database, routing_="r")
        elapsed = (time.perf_counter() - start) * 1000
        rows = len(records)
        if run:  # the first run warms the page cache and the query plan cache
            times.append(elapsed)
            server.append((summary.result_available_after or 0) + (summary.result_consumed_after or 0))
    return {
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
        # What the server reports spending (planning aside); the rest is transfer and the driver.
        "server_median_ms": statistics.median(server),
        "rows": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--corpus", type=Path, default=None, help="folder caching the corpus")
    parser.add_argument("--keep", action="store_true", help="do not wipe the graph, do not ingest again")
    options = parser.parse_args()
    settings = Settings.from_env()
    corpus = (
        options.corpus or Path(tempfile.gettempdir()) / f"crosslink-bloom-{options.adverts}-{options.seed}"
    )
    driver = connect(settings)
    database = settings.database
    try:
        if not options.keep:
            if not (corpus / "adverts.jsonl").exists():
                generate(corpus, adverts=options.adverts, seed=options.seed)
            with driver.session(database=database) as session:
                session.run(load("graph_wipe"), rows=10_000).consume()
            ingest(
                driver, database, read_files([str(corpus / "adverts.jsonl")]), source="synth", batch_size=2000
            )
            rebuild(driver, database)
        results = {
            label: {"query": name, **time_query(driver, database, name, parameters, options.runs)}
            for label, name, parameters in samples(driver, database)
        }
    finally:
        driver.close()
    print(
        json.dumps(
            {"adverts": options.adverts, "seed": options.seed, "runs": options.runs,
             "machine": f"{platform.machine()}, {platform.python_version()}", "queries": results},
            indent=2,
        )
    )  # fmt: skip


if __name__ == "__main__":
    main()
