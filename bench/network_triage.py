"""Network triage on a synthetic corpus: do smuggling networks rank above benign ones that look alike?

    .venv/bin/python bench/network_triage.py --adverts 100000 --seed 1 [--corpus DIR] [--keep] [--json]

Generates a corpus with `graph.synth.generate` (or reads the one in --corpus, generating it there when the
folder holds none), ingests it with `graph.ingest` into the Neo4j of NEO4J_URI (whose graph is WIPED first,
unless --keep, which also skips the ingest), rebuilds the networks and scores the ranking against the truth.

Each computed network is mapped to the planted network holding most of its adverts: a smuggling network or
a benign organisation. A computed network whose adverts are mostly noise (the corpus's travel agencies,
employers, landlords and newsrooms, which belong to no planted network) is counted as benign: it is not
smuggling, and an analyst who sees it at the top has been misled just the same. The AUC against planted
benign organisations alone is given too.

- **top 20 / top 100**: the share of smuggling networks among the best-ranked networks.
- **AUC**: the probability that a smuggling network outranks a benign one (Mann–Whitney, ties half).
Both for the shape-only score (cross-platform + cross-border + size + recency: the score before content
was read, "before") and for the full `score` ("after").
- **Template links**: recall of the planted rotated members (adverts of a network's later epochs, which share
  no identifier with its earlier ones) found in their network's computed network, that is the computed
  network holding most of the network's first-epoch adverts; and false joins: benign or noise adverts in a
  computed network that maps to a smuggling network, with those joined only by template apart
  (`IN_NETWORK.via`).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import neo4j

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.config import Settings  # noqa: E402
from graph.cypher import load  # noqa: E402
from graph.db import connect  # noqa: E402
from graph.ingest import ingest, read_files  # noqa: E402
from graph.networks import rebuild  # noqa: E402
from graph.synth import generate  # noqa: E402

TOPS = (20, 100)
SMUGGLING = "smuggling"
# Size bands of a computed network, by its adverts (lowest, highest): most networks are small, and a
# network of two adverts is ranked on two texts.
BANDS = (("2", 2, 2), ("3-5", 3, 5), ("6-20", 6, 20), ("21+", 21, None))


@dataclass(frozen=True, slots=True)
class Planted:
    """What the truth says of one advert."""

    network: str | None
    cls: str | None  # "smuggling", "benign", or None for noise
    rotated: bool


@dataclass(frozen=True, slots=True)
class Ranked:
    """One computed network: its two scores and the planted network it maps to."""

    id: str
    shape: float
    score: float
    planted: str | None
    cls: str  # "smuggling", "benign" or "noise"
    adverts: int = 0  # its member adverts
    kind: str = ""  # the planted organisation's kind (ferry, news ...), "noise", or "smuggling"
    rotating: bool = False  # it maps to a smuggling network that rotates its identifiers


def read_truth(path: Path) -> dict[str, Planted]:
    """Advert key -> what was planted, from truth.jsonl."""
    truth = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            key = f"advert:{record['platform']}:{record['post_id']}"
            truth[key] = Planted(record["network"], record.get("class"), bool(record.get("rotated")))
    return truth


def map_networks(
    truth: Mapping[str, Planted], members: Mapping[str, str]
) -> dict[str, tuple[str | None, str]]:
    """Computed network id -> (planted network, class): the planted network holding most of its adverts.

    Noise counts as one more holder; a tie goes to a planted network over noise, then to the smaller id.
    """
    holders: dict[str, Counter[str | None]] = defaultdict(Counter)
    for advert, network in members.items():
        planted = truth.get(advert)
        holders[network][planted.network if planted else None] += 1
    classes = {p.network: p.cls for p in truth.values() if p.network}
    mapped = {}
    for network, counts in holders.items():
        winner = min(counts, key=lambda held: (-counts[held], held is None, held or ""))
        mapped[network] = (winner, classes[winner] if winner else "noise")
    return mapped


def auc(positive: Iterable[float], negative: Iterable[float]) -> float | None:
    """P(a positive outranks a negative), ties counted half (Mann–Whitney U over both sizes)."""
    scored = [(value, True) for value in positive] + [(value, False) for value in negative]
    n_pos = sum(1 for _, is_pos in scored if is_pos)
    n_neg = len(scored) - n_pos
    if not n_pos or not n_neg:
        return None
    scored.sort(key=lambda pair: pair[0])
    rank_sum = 0.0
    i = 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2  # ranks i+1..j share their mean
        rank_sum += mean_rank * sum(1 for _, is_pos in scored[i:j] if is_pos)
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def band_of(adverts: int) -> str:
    """The size band of a network of this many adverts."""
    for name, low, high in BANDS:
        if adverts >= low and (high is None or adverts <= high):
            return name
    return BANDS[0][0]


def breakdown(ranked: list[Ranked], score: str) -> dict[str, dict[str, dict[str, float | int | None]]]:
    """The AUC of `score` taken apart, so that a figure can be traced to the networks it comes from.

    - by_kind: every smuggling network against the benign ones of one kind (noise is one more kind);
    - by_band: within one size band, smuggling against benign networks of that band;
    - smuggling_band: the smuggling networks of one band against every benign network;
    - smuggling_shape: rotating and not rotating smuggling networks against every benign network.
    """
    value = {r.id: getattr(r, score) for r in ranked}
    pos = [r for r in ranked if r.cls == SMUGGLING]
    neg = [r for r in ranked if r.cls != SMUGGLING]

    def entry(p: list[Ranked], n: list[Ranked]) -> dict[str, float | int | None]:
        return {
            "auc": auc([value[r.id] for r in p], [value[r.id] for r in n]),
            "smuggling": len(p),
            "benign": len(n),
        }

    kinds = sorted({r.kind or "noise" for r in neg})
    bands = [name for name, _, _ in BANDS]
    return {
        "by_kind": {k: entry(pos, [r for r in neg if (r.kind or "noise") == k]) for k in kinds},
        "by_band": {
            b: entry([r for r in pos if band_of(r.adverts) == b], [r for r in neg if band_of(r.adverts) == b])
            for b in bands
        },
        "smuggling_band": {b: entry([r for r in pos if band_of(r.adverts) == b], neg) for b in bands},
        "smuggling_shape": {
            "rotating": entry([r for r in pos if r.rotating], neg),
            "not rotating": entry([r for r in pos if not r.rotating], neg),
        },
    }


def top_share(ranked: list[Ranked], score: str, first: int) -> float | None:
    """The share of smuggling networks among the `first` best by `score` (ties broken by id)."""
    best = sorted(ranked, key=lambda r: (-getattr(r, score), r.id))[:first]
    return sum(r.cls == SMUGGLING for r in best) / len(best) if best else None


def ranking(ranked: list[Ranked], score: str) -> dict[str, float | None]:
    """Top shares and AUCs of one score."""
    smuggling = [getattr(r, score) for r in ranked if r.cls == SMUGGLING]
    result: dict[str, float | None] = {f"top{n}": top_share(ranked, score, n) for n in TOPS}
    result["auc"] = auc(smuggling, [getattr(r, score) for r in ranked if r.cls != SMUGGLING])
    result["auc_planted_benign"] = auc(smuggling, [getattr(r, score) for r in ranked if r.cls == "benign"])
    return result


def template_links(
    truth: Mapping[str, Planted],
    members: Mapping[str, str],
    via: Mapping[str, str],
    mapped: Mapping[str, tuple[str | None, str]],
) -> dict[str, int | float | None]:
    """Recall of rotated members in their network's computed network, and false joins."""
    first_epoch: dict[str, Counter[str]] = defaultdict(Counter)
    for advert, planted in truth.items():
        if planted.network and not planted.rotated and advert in members:
            first_epoch[planted.network][members[advert]] += 1
    home = {network: min(c, key=lambda n: (-c[n], n)) for network, c in first_epoch.items()}
    rotated = [(advert, p) for advert, p in truth.items() if p.rotated]
    rotating = {p.network for _, p in rotated}
    first_of_rotating = [a for a, p in truth.items() if p.network in rotating and not p.rotated]
    found = [a for a, p in rotated if a in members and members[a] == home.get(p.network or "")]
    outsiders = [a for a, p in truth.items() if p.cls != SMUGGLING and a in members]
    false_joins = [a for a in outsiders if mapped[members[a]][1] == SMUGGLING]
    pulled: dict[str, list[str]] = defaultdict(list)
    for advert in false_joins:
        if truth[advert].network:
            pulled[truth[advert].network].append(advert)
    return {
        "rotated_planted": len(rotated),
        "rotated_found": len(found),
        "rotated_found_by_template": sum(via.get(a) == "template" for a in found),
        "recall": len(found) / len(rotated) if rotated else None,
        # Which side of a template link counts as joined "by template" is the recompute's choice: the
        # first epoch's adverts may be the ones marked, when a later epoch is the larger component.
        "first_epoch_by_template": sum(via.get(a) == "template" for a in first_of_rotating),
        "outsider_adverts_in_networks": len(outsiders),
        "false_joins": len(false_joins),
        "false_joins_benign": sum(truth[a].cls == "benign" for a in false_joins),
        "false_joins_by_template": sum(via.get(a) == "template" for a in false_joins),
        # An organisation pulled in by one template link brings its identifier-linked adverts along,
        # marked "identifier": count the organisations, and those with an advert joined by template.
        "false_join_organisations": len(pulled),
        "false_join_organisations_by_template": sum(
            any(via.get(a) == "template" for a in adverts) for adverts in pulled.values()
        ),
        "template_members": sum(v == "template" for v in via.values()),
    }


def read_graph(driver: neo4j.Driver, database: str) -> tuple[dict[str, str], dict[str, str], list[dict]]:
    """(advert -> network id, advert -> via, network rows) from the graph."""
    rows, _, _ = driver.execute_query(
        load("triage_memberships"), database_=database, routing_=neo4j.RoutingControl.READ
    )
    members = {r["advert"]: r["network"] for r in rows}
    via = {r["advert"]: r["via"] for r in rows}
    networks, _, _ = driver.execute_query(
        load("triage_networks"), database_=database, routing_=neo4j.RoutingControl.READ
    )
    return members, via, [dict(r) for r in networks]


def read_kinds(path: Path) -> dict[str, str]:
    """Planted network id -> its benign kind (ferry, news ...), from networks.jsonl."""
    kinds = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not record["hub"] and record.get("kind"):
                kinds[record["network"]] = record["kind"]
    return kinds


def read_rotating(path: Path) -> set[str]:
    """The planted smuggling networks that rotate their identifiers, from networks.jsonl."""
    with path.open(encoding="utf-8") as lines:
        records = (json.loads(line) for line in lines)
        return {r["network"] for r in records if not r["hub"] and r.get("rotating")}


def intruders(ranked: list[Ranked], score: str, kinds: Mapping[str, str], first: int) -> dict[str, int]:
    """The kinds of the networks that are not smuggling among the `first` best by `score`."""
    best = sorted(ranked, key=lambda r: (-getattr(r, score), r.id))[:first]
    found = Counter(kinds.get(r.planted or "", "noise") for r in best if r.cls != SMUGGLING)
    return dict(sorted(found.items()))


def measure(
    driver: neo4j.Driver,
    database: str,
    truth: Mapping[str, Planted],
    kinds: Mapping[str, str] | None = None,
    rotating: Collection[str] = (),
) -> dict:
    """Every figure of the benchmark, from the networks in the graph and the truth."""
    members, via, rows = read_graph(driver, database)
    mapped = map_networks(truth, members)
    ranked = []
    for row in rows:
        planted, cls = mapped.get(row["id"], (None, "noise"))
        ranked.append(
            Ranked(
                row["id"],
                round(row["cross_platform"] + row["cross_border"] + row["size"] + row["recency"], 6),
                float(row["score"]),
                planted,
                cls,
                int(row["adverts"] or 0),
                SMUGGLING if cls == SMUGGLING else (kinds or {}).get(planted or "", "noise"),
                planted in rotating,
            )
        )
    classes = Counter(r.cls for r in ranked)
    planted = Counter((p.network, p.cls) for p in truth.values() if p.network)
    return {
        "adverts": len(truth),
        "planted_smuggling": sum(1 for (_, cls) in planted if cls == SMUGGLING),
        "planted_benign": sum(1 for (_, cls) in planted if cls == "benign"),
        "computed_networks": len(ranked),
        "computed_by_class": dict(sorted(classes.items())),
        "before": ranking(ranked, "shape"),
        "after": ranking(ranked, "score"),
        "breakdown": {"before": breakdown(ranked, "shape"), "after": breakdown(ranked, "score")},
        "top100_not_smuggling": {
            "before": intruders(ranked, "shape", kinds or {}, 100),
            "after": intruders(ranked, "score", kinds or {}, 100),
        },
        "templates": template_links(truth, members, via, mapped),
    }


def wipe(driver: neo4j.Driver, database: str) -> None:
    with driver.session(database=database) as session:
        session.run(load("graph_wipe"), rows=10_000).consume()


def run(
    driver: neo4j.Driver, database: str, corpus: Path, *, adverts: int, seed: int, keep: bool = False
) -> dict:
    """Generate (when the folder holds no corpus), ingest (unless `keep`), rebuild and measure."""
    timings: dict[str, float] = {}
    truth_path = corpus / "truth.jsonl"
    if not truth_path.exists():
        start = time.monotonic()
        generate(corpus, adverts=adverts, seed=seed)
        timings["generate"] = time.monotonic() - start
    if not keep:
        wipe(driver, database)
        start = time.monotonic()
        ingest(driver, database, read_files([str(corpus / "adverts.jsonl")]), source="synth", batch_size=2000)
        timings["ingest"] = time.monotonic() - start
    start = time.monotonic()
    rebuild(driver, database)
    timings["rebuild"] = time.monotonic() - start
    planted = corpus / "networks.jsonl"
    result = measure(driver, database, read_truth(truth_path), read_kinds(planted), read_rotating(planted))
    result["seconds"] = {name: round(value, 1) for name, value in timings.items()}
    return result


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def markdown(result: dict, title: str) -> str:
    before, after, links = result["before"], result["after"], result["templates"]
    intruding = result["top100_not_smuggling"]
    lines = [
        f"## Network triage: {title}\n",
        f"{result['adverts']:,} adverts; planted {result['planted_smuggling']} smuggling networks and "
        f"{result['planted_benign']} benign organisations; {result['computed_networks']} computed networks "
        f"by the class they map to: {json.dumps(result['computed_by_class'])} (noise counts as benign).\n",
        "| measure | before: shape only | after: score |",
        "|---|---|---|",
    ]
    for name, label in (
        ("top20", "smuggling share of the top 20"),
        ("top100", "smuggling share of the top 100"),
        ("auc", "AUC, smuggling against benign and noise networks"),
        ("auc_planted_benign", "AUC, smuggling against planted benign organisations"),
    ):
        lines.append(f"| {label} | {_fmt(before[name])} | {_fmt(after[name])} |")
    lines += ["", *_breakdown_table(result["breakdown"])]
    lines += [
        "",
        f"Not smuggling in the top 100, by kind: before {json.dumps(intruding['before'])}, "
        f"after {json.dumps(intruding['after'])}.",
        "",
        "| template links | value |",
        "|---|---|",
        f"| rotated members planted | {links['rotated_planted']} |",
        f"| in their network's computed network | {links['rotated_found']} |",
        f"| recall of rotated members | {_fmt(links['recall'])} |",
        f"| of which joined only by template | {links['rotated_found_by_template']} |",
        f"| first-epoch adverts of rotating networks joined only by template | "
        f"{links['first_epoch_by_template']} |",
        f"| members joined only by template, all networks | {links['template_members']} |",
        f"| benign or noise adverts in networks | {links['outsider_adverts_in_networks']} |",
        f"| of which in a smuggling network (false joins) | {links['false_joins']} |",
        f"| of which adverts of benign organisations (the rest noise) | {links['false_joins_benign']} |",
        f"| false joins made only by template | {links['false_joins_by_template']} |",
        f"| benign organisations with adverts in a smuggling network | {links['false_join_organisations']} |",
        f"| of which with an advert joined by template | {links['false_join_organisations_by_template']} |",
        "",
        f"Seconds: {json.dumps(result['seconds'])}. Machine: {platform.machine()}, "
        f"Python {platform.python_version()}.",
    ]
    return "\n".join(lines)


def _breakdown_table(parts: dict) -> list[str]:
    """The AUC taken apart (see `breakdown`), before and after, one row per slice."""
    lines = [
        "| AUC of smuggling networks against | networks (smuggling / benign) | before | after |",
        "|---|---|---|---|",
    ]
    labels = {
        "by_kind": "benign {} networks",
        "by_band": "benign networks, both sides of {} adverts",
        "smuggling_band": "every benign network, smuggling networks of {} adverts",
        "smuggling_shape": "every benign network, {} smuggling networks",
    }
    for part, label in labels.items():
        for name, after in parts["after"][part].items():
            before = parts["before"][part][name]
            lines.append(
                f"| {label.format(name)} | {after['smuggling']} / {after['benign']} | "
                f"{_fmt(before['auc'])} | {_fmt(after['auc'])} |"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, help="corpus folder (generated there when empty)")
    parser.add_argument("--keep", action="store_true", help="do not wipe the graph, do not ingest again")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix="crosslink-triage-"))
    settings = Settings.from_env()
    with connect(settings) as driver:
        result = run(driver, settings.database, corpus, adverts=args.adverts, seed=args.seed, keep=args.keep)
    result.update(corpus=str(corpus), seed=args.seed, machine=platform.machine())
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(markdown(result, f"{result['adverts']:,} adverts, seed {args.seed}"))


if __name__ == "__main__":
    main()
