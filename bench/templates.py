"""Template links on a synthetic corpus: signature cost, recall of rotated members, false joins, time.

    python bench/templates.py --adverts 20000 --seed 7 [--keep] [--runs 5] [--thresholds 0.6,0.7,0.8]

Generates a corpus with `graph.synth.generate` (cached in --corpus), times `graph.templates.signature`
per advert (median of --runs passes; the identifier extraction it masks is timed apart), ingests into
the Neo4j of NEO4J_URI (its graph is WIPED first unless --keep), then reads the graph once as `rebuild`
does and computes the networks with the recompute's own functions, without template links and with them
at each threshold. Against the planted truth it counts:

- recall of rotated members: adverts of a rotating network's later epochs (which share no identifier
  with the first) that end in the network holding most of its first epoch's adverts;
- false joins: adverts joined only by template to a network whose adverts are mostly one planted
  smuggling network's, while they are not of that network (benign, noise or another network).

Finally it times full `graph.networks.rebuild` runs (median of --runs), with their template steps.
With --compare-shingles it first compares word 3-grams (what `graph.templates` uses) with character
5-grams of the same masked words, pair by pair, without the graph: links within one planted network,
links between two planted smuggling networks, and rotated members linked to their first epoch.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from datasketch import MinHash  # noqa: E402

from graph.config import Settings  # noqa: E402
from graph.db import connect  # noqa: E402
from graph.evidence import find_mentions  # noqa: E402
from graph.ingest import ingest, read_files  # noqa: E402
from graph.networks import HubRule, components, rebuild  # noqa: E402
from graph.networks.components import LinkGraph  # noqa: E402
from graph.networks.components import components as connected  # noqa: E402
from graph.networks.recompute import read_all  # noqa: E402
from graph.networks.templates import Signatures, candidate_pairs, decide, template_pairs, verify  # noqa: E402
from graph.synth import generate  # noqa: E402
from graph.templates import (  # noqa: E402
    MASK,
    MIN_WORDS,
    NUM_PERM,
    SEED,
    THRESHOLD,
    shingles,
    signature,
    words,
)


def signature_cost(path: Path, sample: int, runs: int) -> tuple[float, float, int]:
    """Median microseconds per advert of identifier extraction and of the signature, and how many."""
    adverts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            adverts.append((record["text"], record.get("platform"), record.get("region")))
            if len(adverts) >= sample:
                break
    spans = []
    extract_runs, signature_runs = [], []
    for _ in range(runs):
        start = time.perf_counter()
        spans = [
            [s for m in find_mentions(text, platform=p, region=r)[0] for s in m.spans]
            for text, p, r in adverts
        ]
        extract_runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        for (text, _, _), found in zip(adverts, spans, strict=True):
            signature(text, found)
        signature_runs.append(time.perf_counter() - start)
    per = 1e6 / len(adverts)
    return statistics.median(extract_runs) * per, statistics.median(signature_runs) * per, len(adverts)


def compare_shingles(path: Path, truth: dict, thresholds: list[float]) -> None:
    """Word 3-grams against character 5-grams, pair by pair (see the module docstring)."""
    keys, tokens = [], []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            found = find_mentions(
                record["text"], platform=record.get("platform"), region=record.get("region")
            )
            masked = words(record["text"], [s for m in found[0] for s in m.spans])
            if sum(1 for w in masked if w != MASK) >= MIN_WORDS:
                keys.append(f"advert:{record['platform']}:{record['post_id']}")
                tokens.append(masked)
    info = [truth[k] for k in keys]
    permutations = MinHash(num_perm=NUM_PERM, seed=SEED).permutations

    def characters(masked: list[str]) -> list[bytes]:
        text = " ".join(masked)
        return sorted({text[i : i + 5].encode() for i in range(max(1, len(text) - 4))})

    print(
        "| shingles | Jaccard >= | candidates | links | within one network | between smuggling networks | "
        "rotated members linked to their first epoch |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, cut in (("word 3-grams", shingles), ("character 5-grams", characters)):
        rows = []
        for masked in tokens:
            minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme="affine32")
            minhash.update_batch(cut(masked))
            rows.append(minhash.hashvalues.astype(np.uint64))
        values = np.stack(rows)
        candidates = candidate_pairs(values)
        for threshold in thresholds:
            pairs, _ = verify(values, candidates, threshold)
            within = sum(
                1
                for i, j in pairs.tolist()
                if info[i]["network"] and info[i]["network"] == info[j]["network"]
            )
            between = sum(
                1
                for i, j in pairs.tolist()
                if info[i]["network"] != info[j]["network"]
                and info[i]["class"] == info[j]["class"] == "smuggling"
            )
            labels = connected(len(keys), pairs[:, 0], pairs[:, 1]) if len(pairs) else np.arange(len(keys))
            first: dict[str, set[int]] = {}
            for k, record in enumerate(info):
                if record["network"] and not record["rotated"]:
                    first.setdefault(record["network"], set()).add(int(labels[k]))
            rotated = [k for k, record in enumerate(info) if record["rotated"]]
            linked = sum(1 for k in rotated if int(labels[k]) in first.get(info[k]["network"], ()))
            print(
                f"| {name} | {threshold} | {len(candidates)} | {len(pairs)} | {within} | {between} | "
                f"{linked} of {len(rotated)} |"
            )
    print()


def read_graph(driver, database) -> tuple[LinkGraph, Signatures]:
    """The graph as `rebuild` reads it."""
    graph, signatures, _ = read_all(driver, database)
    return graph, signatures


def compute(graph, signatures, rule, threshold: float | None):
    """Networks and their template-only members, as rebuild computes them (no templates for None)."""
    hubs, _ = components.find_hubs(graph, rule)
    if threshold is None:
        return components.networks_joined(graph, hubs), 0, 0
    pairs, similarity = template_pairs(graph, signatures, threshold)
    decided = decide(graph, hubs, pairs, similarity, rule)
    joins = (decided.joins_left, decided.joins_right)
    return components.networks_joined(graph, hubs, joins), len(decided.links), decided.hubs


def score(found, template_only, truth) -> dict[str, float | int]:
    """Recall of rotated members and false joins against the truth (see the module docstring)."""
    network_of = {a: i for i, (adverts, _) in enumerate(found) for a in adverts}
    first: dict[str, Counter] = {}
    for key, record in truth.items():
        if record["network"] and record["class"] == "smuggling" and not record["rotated"]:
            first.setdefault(record["network"], Counter())[network_of.get(key)] += 1
    home = {
        net: max((n for n in c if n is not None), key=lambda n: c[n], default=None)
        for net, c in first.items()
    }
    rotated = [k for k, r in truth.items() if r["rotated"]]
    recalled = sum(
        1 for k in rotated if network_of.get(k) is not None and network_of[k] == home.get(truth[k]["network"])
    )
    false = Counter()
    for adverts, _ in found:
        planted = Counter(truth[a]["network"] for a in adverts if a in truth)
        main, count = planted.most_common(1)[0]
        if main is None or count * 2 <= len(adverts) or truth_class(truth, adverts, main) != "smuggling":
            continue
        for a in adverts:
            if a in template_only and truth[a]["network"] != main:
                false[truth[a]["class"] or "noise"] += 1
    return {
        "networks": len(found),
        "rotated": len(rotated),
        "rotated_recalled": recalled,
        "template_adverts": sum(1 for adverts, _ in found for a in adverts if a in template_only),
        "false_smuggling": false["smuggling"],
        "false_benign": false["benign"],
        "false_noise": false["noise"],
    }


def truth_class(truth, adverts, network) -> str | None:
    return next(truth[a]["class"] for a in adverts if a in truth and truth[a]["network"] == network)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", type=int, default=5000, help="adverts timed for the signature cost")
    parser.add_argument("--thresholds", default="0.6,0.7,0.8")
    parser.add_argument("--keep", action="store_true", help="do not wipe the graph, do not ingest again")
    parser.add_argument("--corpus", type=Path, help="folder of the corpus (default: a temp folder)")
    parser.add_argument("--compare-shingles", action="store_true", help="word 3-grams against char 5-grams")
    args = parser.parse_args()
    rule = HubRule.from_env()

    out = args.corpus or Path(tempfile.mkdtemp(prefix="crosslink-templates-"))
    if not (out / "truth.jsonl").exists():
        generate(out, adverts=args.adverts, seed=args.seed)
    truth = {}
    with (out / "truth.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            truth[f"advert:{record['platform']}:{record['post_id']}"] = record

    print(f"## Template links: {args.adverts} adverts, seed {args.seed}\n")
    if args.compare_shingles:
        compare_shingles(out / "adverts.jsonl", truth, [float(t) for t in args.thresholds.split(",")])
    extract_us, signature_us, sampled = signature_cost(out / "adverts.jsonl", args.sample, args.runs)
    print(
        f"Signature cost over {sampled} adverts, median of {args.runs} runs: {signature_us:.0f} us per advert"
    )
    print(f"(identifier extraction, which it reuses: {extract_us:.0f} us per advert)\n")

    settings = Settings.from_env()
    with connect(settings) as driver:
        if not args.keep:
            with driver.session(database=settings.database) as session:
                session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
            ingest(
                driver,
                settings.database,
                read_files([str(out / "adverts.jsonl")]),
                source="synth",
                batch_size=2000,
            )
        start = time.perf_counter()
        graph, signatures = read_graph(driver, settings.database)
        read_seconds = time.perf_counter() - start
        print(f"Graph read as rebuild reads it: {read_seconds:.1f} s\n")
        print(
            "| template links | networks | rotated members joined | adverts via template | false joins: "
            "smuggling / benign / noise | links | template hubs | compute (s, median) |"
        )
        print("|---|---|---|---|---|---|---|---|")
        thresholds = [None] + [float(t) for t in args.thresholds.split(",")]
        for threshold in thresholds:
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                (found, template_only), links, hubs = compute(graph, signatures, rule, threshold)
                times.append(time.perf_counter() - start)
            s = score(found, template_only, truth)
            label = "none" if threshold is None else f"Jaccard >= {threshold}"
            print(
                f"| {label} | {s['networks']} | {s['rotated_recalled']} of {s['rotated']} "
                f"({s['rotated_recalled'] / max(1, s['rotated']):.1%}) | {s['template_adverts']} | "
                f"{s['false_smuggling']} / {s['false_benign']} / {s['false_noise']} | {links} | {hubs} | "
                f"{statistics.median(times):.2f} |"
            )
        del graph, signatures
        reports = [rebuild(driver, settings.database, rule=rule) for _ in range(args.runs)]
    seconds = statistics.median(r.seconds for r in reports[1:] or reports)
    steps = {
        k: round(statistics.median(r.timings.get(k, 0.0) for r in reports[1:] or reports), 2)
        for k in reports[-1].timings
    }
    print(
        f"\nFull rebuild (threshold {THRESHOLD}), median of the runs after the first: {seconds:.1f} s; "
        f"by step: {json.dumps(steps)}"
    )
    print(
        f"Template links {reports[-1].template_links}, template hubs {reports[-1].template_hubs}, "
        f"adverts via template {reports[-1].template_adverts}"
    )
    print(f"\nMachine: {platform.machine()}, Python {platform.python_version()}; hub rule: {rule.describe()}")


if __name__ == "__main__":
    main()
