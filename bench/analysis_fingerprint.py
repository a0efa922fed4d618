"""What ingest reads from advert texts, written down so that a change meant only to be faster can be
shown to read exactly the same.

    python bench/analysis_fingerprint.py --write before.jsonl [--corpus DIR ...] [--adverts 3000]
    python bench/analysis_fingerprint.py --check before.jsonl [--corpus DIR ...] [--adverts 3000]

For every text of the labelled sets in tests/data/ and tests/graph/indicators/, the first `--adverts`
adverts of a synthetic corpus (`crosslink synth`; made with seed 1 when the folder holds none), every
spelling of every lexicon term, and seeded random texts built to reach the folding's corners (mixed
scripts, marks, Arabizi, look-alikes, spelt-out words, emoji with selectors and skin tones, white space
of every kind), one JSON line holds: the folded text with its offset map, the detected language,
`analyse()` with and without the language, the template signature (identifiers found by it and as
ingest finds them) and the whole of ingest's `extract()`. `--check` reads the same texts, compares line
by line and lists what differs; it exits 1 when anything does. The first line names the lexicon, pairs and
score files' hash: a check against a file written with other lexicons says so, since their hits then
differ by design.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph import language  # noqa: E402
from graph.indicators import analyse  # noqa: E402
from graph.indicators.lexicon import directory, load_all  # noqa: E402
from graph.indicators.normalise import fold  # noqa: E402
from graph.store import extract  # noqa: E402
from graph.synth import generate  # noqa: E402
from graph.templates import signature  # noqa: E402

LABELLED = [
    ROOT / "tests" / "data" / "labelled_adverts.jsonl",
    ROOT / "tests" / "data" / "blind_adverts.jsonl",
    ROOT / "tests" / "data" / "indicators_labelled.jsonl",
    ROOT / "tests" / "data" / "indicators_heldout.jsonl",
    ROOT / "tests" / "graph" / "indicators" / "dev_adverts.jsonl",
]
# Characters the folding treats specially, and a few of each script the lexicons read.
CORNERS = (
    "aeiouAEIOU bcdxyz BCDXYZ 0123456789 .,;:!?'\"-_*·•/@#$€£%()\n\t  "
    "éèêëàâäîïôöùûüçñÉÈÀÇÑ ıİşŞğĞ đðłøæœßẞ ǅǆĳ ﬁﬂ ＡＢ１２ ⁵₂ ① Ⅻ ª º µ"
    "аеорсхуіјѕһԁԛԝвкмнтαβεηικμορτυχζ ΑΒΕΗΙΚΜΟΡΤΥΧΖ ЁёЙй"
    "ابتثجحخدذرزسشصضطظعغفقکلمنهوی أإآٱىيكةۀەھؤئءـ ًٌٍَُِّْٰ ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ پچژگ ټډړږښګڼېۍځڅ ڕڵۆێ"
    "ሀለሐመሠረሰቀበተኀነአከወዐዘየደገጠጰጸፀፈፐ ኣኸቐ ፩፪ "
    "\u200b\u200c\u200d\u00ad\u2060\ufeff\ufe0e\ufe0f\u0301\u0308\u0327 \u00a0\u2003\u3000\u2028\r"
    "’‘ʼ`´‐‑–— 🚤⛵🇬🇧🇫🇷➡️💶💰👍🏻👍🏿✅ 〰 ™ ½"
    "ăâđêôơư ạảấầẩẫậ Ệệ"
)


def labelled() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in LABELLED:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield f"{path.name}:{number}", json.loads(line)


def synthetic(corpus: Path, count: int) -> Iterator[tuple[str, dict[str, Any]]]:
    path = corpus / "adverts.jsonl"
    if not path.exists():
        generate(corpus, adverts=max(count, 5000), seed=1)
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(itertools.islice(lines, count), 1):
            yield f"{corpus.name}:{number}", json.loads(line)


def lexicon_terms() -> Iterator[tuple[str, dict[str, Any]]]:
    for lexicon in load_all():
        for number, term in enumerate(lexicon.terms, 1):
            yield f"lexicon:{lexicon.language}:{number}", {"text": term.text}


def random_texts(count: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """Seeded texts: characters of CORNERS, and words of them, in runs that mix scripts and spacing."""
    rnd = random.Random(17)
    words = [
        "passeur", "p.a.s.s.e.u.r", "b o z a", "7arga", "m3ak", "2500euro", "9am", "pаsseur", "ΡΑSSΕUR",
        "حراقة", "والحرقة", "قاچاقچی‌ها", "ብጀልባ", "kaçakçı", "İstanbul", "dunki", "GÜVENLİ", "ĐI",
    ]  # fmt: skip
    for number in range(count):
        parts = []
        for _ in range(rnd.randrange(1, 60)):
            if rnd.random() < 0.3:
                parts.append(rnd.choice(words))
            else:
                parts.append("".join(rnd.choice(CORNERS) for _ in range(rnd.randrange(1, 12))))
            parts.append(rnd.choice([" ", "", "\n", "  ", "-", "."]))
        text = "".join(parts)
        lang = rnd.choice([None, "en", "fr", "ar", "fa", "ckb", "ti", "tr"])
        yield f"random:{number}", {"text": text, "lang": lang, "region": rnd.choice([None, "FR", "GB"])}
    for number in range(count // 4):  # any code point a UTF-8 feed can send, as hostile input may
        ranges = [(1, 0x3000), (0x1F300, 0x1FAFF), (0xA000, 0x10000)]
        points = [rnd.choice([rnd.randrange(*r) for r in ranges]) for _ in range(rnd.randrange(1, 400))]
        text = "".join(chr(point) for point in points if not 0xD800 <= point < 0xE000)
        yield f"unicode:{number}", {"text": text}


def hits(analysis: Any) -> dict[str, Any]:
    return {
        "hits": [[h.term, h.category, h.lang, h.start, h.end, h.weight, h.means] for h in analysis.hits],
        "score": analysis.score,
        "benign": analysis.benign,
        "categories": list(analysis.categories),
    }


def template(found: Any) -> Any:
    return None if found is None else [list(found.values), found.bands]


def record(source: str, item: dict[str, Any]) -> dict[str, Any]:
    """What ingest's reading makes of one text."""
    text, lang = item["text"], item.get("lang")
    platform, region = item.get("platform"), item.get("region")
    folded = fold(text)
    extraction = extract(text, platform, region, lang)
    return {
        "source": source,
        "fold": [folded.text, list(folded.starts), list(folded.ends)],
        "detect": language.detect(text),
        "analyse": hits(analyse(text)),
        "analyse_lang": hits(analyse(text, lang=language.code(lang))) if lang else None,
        "signature": template(signature(text)),
        "extract": {
            "mentions": [
                [m.key, [list(s) for s in m.spans], list(m.values), list(m.rules), m.domain]
                for m in extraction.mentions
            ],
            "skipped": extraction.skipped,
            "template": template(extraction.template),
            "analysis": extraction.analysis,
        },
    }


def texts(corpora: list[Path], count: int, randoms: int) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from labelled()
    for corpus in corpora:
        yield from synthetic(corpus, count)
    yield from lexicon_terms()
    yield from random_texts(randoms)


def lexicon_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in directory().iterdir() if p.name.endswith(".toml")):
        digest.update(path.name.encode() + path.read_bytes())
    for name in ("score.py", "pairs.py"):  # the score, and the word lists of graph.indicators.pairs
        digest.update((ROOT / "graph" / "indicators" / name).read_bytes())
    return digest.hexdigest()[:16]


def compare(path: Path, records: Iterator[dict[str, Any]]) -> int:
    """Print what differs from the file's records; the number of texts that differ."""
    with path.open(encoding="utf-8") as before:
        header = json.loads(before.readline())
        if header.get("lexicons") != lexicon_hash():
            was, now = header.get("lexicons"), lexicon_hash()
            print(f"note: written with lexicons/score {was}, now {now}: hits may differ")
        differing = 0
        fields: Counter[str] = Counter()
        for now, line in itertools.zip_longest(records, before):
            was = json.loads(line) if line else None
            if now == was:
                continue
            differing += 1
            if now is None or was is None or now["source"] != was["source"]:
                print(f"texts differ: now {now and now['source']}, before {was and was['source']}")
                return differing + 1
            changed = [key for key in now if now[key] != was.get(key)]
            fields.update(changed)
            if differing <= 20:
                print(f"{now['source']}: {', '.join(changed)}")
                for key in changed:
                    print(f"  before: {json.dumps(was.get(key))[:600]}")
                    print(f"  now:    {json.dumps(now[key])[:600]}")
        if fields:
            print("differing fields:", dict(fields))
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the records to this file")
    action.add_argument("--check", type=Path, help="compare with the records of this file")
    parser.add_argument("--corpus", type=Path, action="append", help="a synthetic corpus folder (repeatable)")
    parser.add_argument("--adverts", type=int, default=3000)
    parser.add_argument("--random", type=int, default=2000, help="how many seeded random texts")
    args = parser.parse_args()
    corpora = args.corpus or [ROOT / "var" / "bench" / "corpus-20000-1"]
    records = (record(source, item) for source, item in texts(corpora, args.adverts, args.random))
    if args.write:
        count = 0
        with args.write.open("w", encoding="utf-8") as out:
            out.write(json.dumps({"lexicons": lexicon_hash()}) + "\n")
            for count, item in enumerate(records, 1):  # noqa: B007
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{count} texts written to {args.write}")
        return
    differing = compare(args.check, records)
    print(f"{differing} texts differ" if differing else "every text reads the same")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
