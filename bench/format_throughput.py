"""Import formats against JSON Lines on the same adverts: parsing alone, and whole ingests into Neo4j.

One synthetic corpus (graph.synth) is written in every layout graph.formats reads: JSON Lines as it
is, a Telegram Desktop export of one channel, X API v2 responses, Facebook Graph API feed pages and
TikTok Research API responses (one response a line, a page of `--page` posts each, as collectors save
them), and a CSV with a header. Each layout carries the same texts and what its API carries of the rest
(X and Facebook give no region; Telegram, Facebook and TikTok no language, which ingest then detects
from the text, so they are also compared with JSON Lines without `lang`), and the X layout wraps every
link in a t.co link with its entity, as X does, so the reader's expansion is part of the cost.

(a) parse: each reader alone over its file (records/s), and the reader with each record validated into
an Advert (what ingest does before extraction), median of `--runs`, each run over every format in turn;
the ratio is the validated records per CPU second over JSON Lines' in the same run.
(b) ingest: a whole `graph.ingest.ingest` of each file into an emptied graph, the formats taken in a
rotating order each round with JSON Lines in every round, median of `--rounds`; the ratio is the
format's adverts/s over JSON Lines' in the same round (the target is at least 0.9), and "same fields" the
ratio over the JSON Lines that carries the same fields (without `lang` where the layout has none). On a
shared machine the wall time of one ingest swings with the other work on it, so the CPU time of this
process (reading, validation, extraction, the driver) is given beside it, as adverts per CPU second and
its ratios.

    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python bench/format_throughput.py --adverts 5000

Run it against a Neo4j of its own: it wipes the graph.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from graph.advert import Advert, Line, parse_line, read_lines  # noqa: E402
from graph.config import Settings  # noqa: E402
from graph.cypher import load  # noqa: E402
from graph.db import connect  # noqa: E402
from graph.formats import FORMATS, read_file  # noqa: E402
from graph.ingest import ingest  # noqa: E402
from graph.synth import generate  # noqa: E402

NO_LANG = "jsonl-no-lang"
FILES = {
    "jsonl": "adverts.jsonl",
    NO_LANG: "adverts-no-lang.jsonl",
    "telegram": "result.json",
    "x": "tweets.ndjson",
    "facebook": "feed.ndjson",
    "tiktok": "videos.ndjson",
    "csv": "adverts.csv",
}
# Layouts whose API gives no language: ingest detects it from the text (graph.language), work JSON Lines
# with `lang` is spared. They are also compared with the same JSON Lines without `lang` (NO_LANG), which
# isolates what the reader costs from what the missing field costs.
NO_LANG_FORMATS = ("telegram", "facebook", "tiktok")
_URL = re.compile(r"https?://[^\s<>\"]+")
CSV_COLUMNS = (
    "platform",
    "post_id",
    "posted_at",
    "url",
    "handle",
    "author_id",
    "author_name",
    "lang",
    "region",
    "text",
)


def read_corpus(path: Path) -> list[Advert]:
    """The corpus's valid adverts, in file order."""
    with path.open("rb") as stream:
        parsed = (parse_line(line) for line in read_lines(stream, path.name))
        return [a for a in parsed if isinstance(a, Advert)]


# --- writing each layout ---------------------------------------------------------------------------------


def pages(adverts: list[Advert], size: int) -> Iterator[tuple[int, list[Advert]]]:
    for start in range(0, len(adverts), size):
        yield start, adverts[start : start + size]


def _when(advert: Advert, form: str) -> str:
    return advert.posted_at.astimezone(UTC).strftime(form)


def write_x(adverts: list[Advert], path: Path, page: int) -> None:
    """X API v2 search pages, one a line: tweets with t.co links and X's HTML escapes, users in includes."""
    with path.open("w", encoding="utf-8") as out:
        for start, chunk in pages(adverts, page):
            tweets, users = [], {}
            for i, advert in enumerate(chunk, start):
                tweet_id = str(1_853_000_000_000_000_000 + i)
                author_id = str(1_500_000_000_000_000_000 + i % 997)
                text, urls = _t_co(html.escape(advert.text, quote=False), i)
                tweet = {
                    "id": tweet_id,
                    "edit_history_tweet_ids": [tweet_id],
                    "author_id": author_id,
                    "text": text,
                    "created_at": _when(advert, "%Y-%m-%dT%H:%M:%S.000Z"),
                    "lang": advert.lang or "und",
                }
                if urls:
                    tweet["entities"] = {"urls": urls}
                tweets.append(tweet)
                author = advert.author
                users[author_id] = {
                    "id": author_id,
                    "username": (author and author.handle) or f"user{author_id[-6:]}",
                    "name": (author and author.name) or "someone",
                }
            meta = {"result_count": len(tweets), "next_token": f"token{start}"}
            response = {"data": tweets, "includes": {"users": list(users.values())}, "meta": meta}
            out.write(json.dumps(response, ensure_ascii=False) + "\n")


def _t_co(text: str, i: int) -> tuple[str, list[dict[str, Any]]]:
    """The text with each link replaced by a t.co link, and the url entities X gives for them."""
    urls: list[dict[str, Any]] = []

    def short(match: re.Match[str]) -> str:
        link = f"https://t.co/{i:06d}{len(urls):04d}"
        urls.append({"url": link, "expanded_url": match.group(), "display_url": match.group()[8:40]})
        return link

    text = _URL.sub(short, text)
    for url in urls:
        url["start"] = text.index(url["url"])
        url["end"] = url["start"] + len(url["url"])
    return text, urls


def write_facebook(adverts: list[Advert], path: Path, page: int) -> None:
    """Graph API feed pages, one a line, with cursors."""
    with path.open("w", encoding="utf-8") as out:
        for start, chunk in pages(adverts, page):
            posts = []
            for i, advert in enumerate(chunk, start):
                page_id, post = str(104_500_000_000_000 + i % 997), str(871_000_000_000_000 + i)
                posts.append(
                    {
                        "id": f"{page_id}_{post}",
                        "message": advert.text,
                        "from": {
                            "name": (advert.author and advert.author.name) or "Some Page",
                            "id": page_id,
                        },
                        "created_time": _when(advert, "%Y-%m-%dT%H:%M:%S+0000"),
                        "permalink_url": f"https://www.facebook.com/{page_id}/posts/{post}",
                    }
                )
            response = {"data": posts, "paging": {"cursors": {"before": f"b{start}", "after": f"a{start}"}}}
            out.write(json.dumps(response, ensure_ascii=False) + "\n")


def write_tiktok(adverts: list[Advert], path: Path, page: int) -> None:
    """Research API video query pages, one a line, each with its `ok` error object."""
    with path.open("w", encoding="utf-8") as out:
        for start, chunk in pages(adverts, page):
            videos = [
                {
                    "id": 7_433_000_000_000_000_000 + i,
                    "video_description": advert.text,
                    "create_time": int(advert.posted_at.timestamp()),
                    "region_code": advert.region,
                    "username": (advert.author and advert.author.handle) or f"user{i % 997}",
                    "hashtag_names": [],
                }
                for i, advert in enumerate(chunk, start)
            ]
            data = {"videos": videos, "cursor": start + len(chunk), "has_more": True, "search_id": "1"}
            error = {"code": "ok", "message": "", "log_id": f"log{start}"}
            out.write(json.dumps({"data": data, "error": error}, ensure_ascii=False) + "\n")


def write_telegram(adverts: list[Advert], path: Path) -> None:
    """A Telegram Desktop export of one public channel."""
    messages = [
        {
            "id": i + 1,
            "type": "message",
            "date": _when(advert, "%Y-%m-%dT%H:%M:%S"),
            "date_unixtime": str(int(advert.posted_at.timestamp())),
            "from": "Crossing Channel",
            "from_id": "channel1234567890",
            "text": advert.text,
            "text_entities": [{"type": "plain", "text": advert.text}],
        }
        for i, advert in enumerate(adverts)
    ]
    chat = {"name": "Crossing Channel", "type": "public_channel", "id": 1234567890, "messages": messages}
    path.write_text(json.dumps(chat, ensure_ascii=False, indent=1), encoding="utf-8")


def write_csv(adverts: list[Advert], path: Path) -> None:
    """A partner's spreadsheet: one advert a row, columns named as the advert's fields."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for advert in adverts:
            author = advert.author
            writer.writerow(
                [
                    advert.platform,
                    advert.post_id,
                    advert.posted_at.isoformat(),
                    advert.url or "",
                    (author and author.handle) or "",
                    (author and author.id) or "",
                    (author and author.name) or "",
                    advert.lang or "",
                    advert.region or "",
                    advert.text,
                ]
            )


def format_of(label: str) -> str:
    """The format a measured file is read in (the JSON Lines baseline without `lang` is JSON Lines)."""
    return "jsonl" if label == NO_LANG else label


def write_layouts(corpus: Path, out: Path, page: int) -> dict[str, Path]:
    """The corpus in every layout, and as JSON Lines without `lang`; returns each label's file."""
    adverts = read_corpus(corpus)
    paths = {name: out / file for name, file in FILES.items()}
    paths["jsonl"].write_bytes(corpus.read_bytes())
    with paths[NO_LANG].open("w", encoding="utf-8") as out:
        for advert in adverts:
            line = {**advert.canonical(), "lang": None, "source": advert.source}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    write_telegram(adverts, paths["telegram"])
    write_x(adverts, paths["x"], page)
    write_facebook(adverts, paths["facebook"], page)
    write_tiktok(adverts, paths["tiktok"], page)
    write_csv(adverts, paths["csv"])
    return paths


# --- measuring ------------------------------------------------------------------------------------------


def parsed(items: Iterable[Any]) -> Iterator[Any]:
    """Each item as ingest validates it: a Line through the advert reader, a Record through its parse."""
    for item in items:
        yield parse_line(item) if isinstance(item, Line) else item.parse()


@dataclass
class ParseTiming:
    """One pass of one reader over its file: wall and CPU seconds, and what it counted."""

    format: str
    run: int
    validated: bool
    seconds: float
    cpu_seconds: float
    count: int


def _timed(label: str, run: int, validated: bool, work: Callable[[], int]) -> ParseTiming:
    started, cpu = time.perf_counter(), time.process_time()
    count = work()
    return ParseTiming(label, run, validated, time.perf_counter() - started, time.process_time() - cpu, count)


def parse_rates(paths: dict[str, Path], runs: int) -> dict[str, dict[str, float]]:
    """Per format: records/s of the reader alone and of the reader with validation, median of `runs`.

    Every run passes over each format in turn, so that a burst of other work on the machine falls on all
    of them rather than on the few measured during it; a format is compared with JSON Lines by its CPU
    time in the same run (parsing is this process's work alone: the files are in the page cache).
    """
    timings = []
    for run in range(runs):
        for label, path in paths.items():
            name = format_of(label)
            timings.append(_timed(label, run, False, lambda p=path, n=name: sum(1 for _ in read_file(p, n))))
            timings.append(
                _timed(
                    label,
                    run,
                    True,
                    lambda p=path, n=name: sum(isinstance(a, Advert) for a in parsed(read_file(p, n))),
                )
            )
    return parse_summary(timings)


def parse_summary(timings: list[ParseTiming]) -> dict[str, dict[str, float]]:
    """Per format: median records/s read and validated (wall), validated records per CPU second, and
    the median over runs of that over JSON Lines' in the same run: the JSON Lines with `lang`, and the
    one with the same fields (without `lang` for the layouts that have none; parsing detects no
    language, so for parsing the two differ only by the noise of the machine)."""
    valid = [t for t in timings if t.validated]
    cpu = {t.run: t.count / t.cpu_seconds for t in valid if t.format == "jsonl"}
    same = {t.run: t.count / t.cpu_seconds for t in valid if t.format == NO_LANG} or cpu
    results = {}
    for label in dict.fromkeys(t.format for t in timings):
        read = [t for t in timings if t.format == label and not t.validated]
        mine = [t for t in valid if t.format == label]
        fields = same if label in NO_LANG_FORMATS else cpu
        results[label] = {
            "records": read[0].count,
            "adverts": mine[0].count,
            "read_per_s": round(statistics.median(t.count / t.seconds for t in read)),
            "validated_per_s": round(statistics.median(t.count / t.seconds for t in mine)),
            "validated_per_cpu_s": round(statistics.median(t.count / t.cpu_seconds for t in mine)),
            "validated_ratio": round(
                statistics.median(t.count / t.cpu_seconds / cpu[t.run] for t in mine), 3
            ),
            "validated_ratio_same_fields": round(
                statistics.median(t.count / t.cpu_seconds / fields[t.run] for t in mine), 3
            ),
        }
    return results


def wipe(driver: neo4j.Driver, database: str) -> None:
    with driver.session(database=database) as session:
        session.run(load("graph_wipe"), rows=10_000).consume()


@dataclass
class IngestTiming:
    """One ingest: its wall time, and the CPU time of this process (reading, validation, extraction and
    the driver; Neo4j's own work is not in it), which other work on a shared machine disturbs less."""

    format: str
    round: int
    seconds: float
    cpu_seconds: float
    accepted: int

    @property
    def per_second(self) -> float:
        return self.accepted / self.seconds

    @property
    def per_cpu_second(self) -> float:
        return self.accepted / self.cpu_seconds


def ingest_rounds(
    driver: neo4j.Driver, database: str, paths: dict[str, Path], rounds: int, batch_size: int
) -> list[IngestTiming]:
    """Every format ingested into an emptied graph once a round, the order rotating from round to round."""
    names = list(paths)
    timings = []
    wipe(driver, database)  # a first, untimed ingest: the schema, the page cache and the query plans
    ingest(driver, database, read_file(paths["jsonl"], "jsonl"), source="warm-up", batch_size=batch_size)
    for number in range(rounds):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            wipe(driver, database)
            started, cpu = time.perf_counter(), time.process_time()
            report = ingest(
                driver, database, read_file(paths[name], format_of(name)), source=name, batch_size=batch_size
            )
            elapsed = time.perf_counter() - started
            timings.append(IngestTiming(name, number, elapsed, time.process_time() - cpu, report.accepted))
            done = timings[-1]
            print(
                f"round {number + 1} {name}: {done.per_second:.1f} adverts/s, "
                f"{done.per_cpu_second:.1f} per CPU second",
                file=sys.stderr,
            )
    return timings


def ingest_summary(timings: list[IngestTiming]) -> dict[str, dict[str, float]]:
    """Per format: median adverts/s, and the median over rounds of its rate over JSON Lines' rate; the
    same for adverts per CPU second of this process."""
    base = {t.round: t.per_second for t in timings if t.format == "jsonl"}
    cpu = {t.round: t.per_cpu_second for t in timings if t.format == "jsonl"}
    same_wall = {t.round: t.per_second for t in timings if t.format == NO_LANG} or base
    same = {t.round: t.per_cpu_second for t in timings if t.format == NO_LANG} or cpu
    summary = {}
    for name in dict.fromkeys(t.format for t in timings):
        mine = [t for t in timings if t.format == name]
        fields = same if name in NO_LANG_FORMATS else cpu
        fields_wall = same_wall if name in NO_LANG_FORMATS else base
        summary[name] = {
            "accepted": mine[0].accepted,
            "adverts_per_s": round(statistics.median(t.per_second for t in mine), 1),
            "ratio_to_jsonl": round(statistics.median(t.per_second / base[t.round] for t in mine), 3),
            "ratio_same_fields": round(
                statistics.median(t.per_second / fields_wall[t.round] for t in mine), 3
            ),
            "adverts_per_cpu_s": round(statistics.median(t.per_cpu_second for t in mine), 1),
            "cpu_ratio_to_jsonl": round(statistics.median(t.per_cpu_second / cpu[t.round] for t in mine), 3),
            # against JSON Lines with the same fields: without `lang` for the layouts that have none
            "cpu_ratio_same_fields": round(
                statistics.median(t.per_cpu_second / fields[t.round] for t in mine), 3
            ),
        }
    return summary


def markdown(parse: dict[str, dict[str, float]], ingested: dict[str, dict[str, float]]) -> str:
    """The two tables of the write-up: parsing, then ingests; "same fields" is against JSON Lines
    without `lang` for the layouts that have none."""
    rows = [
        "| format | records | read/s | read + validate/s | read + validate/CPU s | vs JSON Lines "
        "| same fields |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, p in parse.items():
        rows.append(
            f"| {name} | {p['records']:,} | {p['read_per_s']:,} | {p['validated_per_s']:,} | "
            f"{p['validated_per_cpu_s']:,} | {p['validated_ratio']:.2f}x | "
            f"{p['validated_ratio_same_fields']:.2f}x |"
        )
    rows += [
        "",
        "| format | ingest adverts/s | vs JSON Lines | same fields | adverts/CPU s | vs JSON Lines "
        "| same fields |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, i in ingested.items():
        rows.append(
            f"| {name} | {i['adverts_per_s']:,} | {i['ratio_to_jsonl']:.2f}x | "
            f"{i.get('ratio_same_fields', 0):.2f}x | {i['adverts_per_cpu_s']:,} | "
            f"{i['cpu_ratio_to_jsonl']:.2f}x | {i.get('cpu_ratio_same_fields', 0):.2f}x |"
        )
    return "\n".join(rows)


def run(
    driver: neo4j.Driver,
    database: str,
    work: Path,
    *,
    adverts: int,
    seed: int,
    runs: int,
    rounds: int,
    page: int = 100,
    batch_size: int = 500,
) -> dict[str, Any]:
    """The whole benchmark in folder `work`; returns its figures."""
    corpus = work / "corpus"
    if not (corpus / "adverts.jsonl").exists():
        generate(corpus, adverts=adverts, seed=seed)
    paths = write_layouts(corpus / "adverts.jsonl", work, page)
    assert {format_of(label) for label in paths} == set(FORMATS), "every format of graph.formats is measured"
    parse = parse_rates(paths, runs)
    timings = ingest_rounds(driver, database, paths, rounds, batch_size)
    return {
        "adverts": adverts,
        "seed": seed,
        "runs": runs,
        "rounds": rounds,
        "page": page,
        "batch_size": batch_size,
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "parse": parse,
        "ingest": ingest_summary(timings),
        "timings": [t.__dict__ for t in timings],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adverts", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5, help="parse runs per format")
    parser.add_argument("--rounds", type=int, default=5, help="ingest rounds (every format once a round)")
    parser.add_argument("--page", type=int, default=100, help="posts per API response")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--work", type=Path, default=None, help="folder for the corpus and layouts")
    parser.add_argument("--json", type=Path, default=None, help="write every figure, each round too, here")
    options = parser.parse_args()
    settings = Settings.from_env()
    work = options.work or Path(tempfile.gettempdir()) / f"crosslink-formats-{options.adverts}-{options.seed}"
    work.mkdir(parents=True, exist_ok=True)
    driver = connect(settings)
    try:
        results = run(
            driver,
            settings.database,
            work,
            adverts=options.adverts,
            seed=options.seed,
            runs=options.runs,
            rounds=options.rounds,
            page=options.page,
            batch_size=options.batch_size,
        )
    finally:
        driver.close()
    if options.json is not None:
        options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if k != "timings"}, indent=2))
    print(markdown(results["parse"], results["ingest"]))


if __name__ == "__main__":
    main()
