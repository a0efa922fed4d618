"""Schemathesis' own command line against a served API, then what the server saw.

    NEO4J_URI=... NEO4J_PASSWORD=... python bench/api_schemathesis.py [--port 8796] [--max-examples 50]
        [--max-time 300] [--role admin] [--seed 15]

Serves the API as `crosslink serve` does, on a port of its own, with an audit log of its own (in a
temporary folder); makes a key of `--role` for the run and revokes it after; runs `schemathesis run` over
the GraphQL endpoint (every phase: examples, coverage, fuzzing, stateful) until `--max-time` seconds;
then prints the HTTP statuses the server answered with (from its access log) and the outcomes and error
codes of the audit records. Schemathesis' own verdict is printed too: it counts a coded refusal of a
value the schema allows (an empty id: BAD_USER_INPUT) and a lookup that finds nothing (NOT_FOUND) as
failures, which this API answers by design; the statuses and codes say whether anything went wrong.
The graph is used as it is (nothing is wiped); run it on a graph with data.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph import apikeys  # noqa: E402
from graph.config import Settings  # noqa: E402
from graph.db import connect  # noqa: E402

BIN = Path(sys.executable).parent
STATUS = re.compile(r'" (\d{3}) ')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8796)
    parser.add_argument("--max-examples", type=int, default=50)
    parser.add_argument("--max-time", type=int, default=300)
    parser.add_argument("--role", choices=apikeys.ROLES, default="admin")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    settings = Settings.from_env()
    driver = connect(settings)
    key, secret = apikeys.create_key(driver, settings.database, role=args.role, name="schemathesis bench")
    folder = Path(tempfile.mkdtemp(prefix="crosslink-schemathesis-"))
    try:
        run(args, secret, folder)
    finally:
        apikeys.revoke_key(driver, settings.database, key.id)
        driver.close()
    summarise(folder)


def run(args: argparse.Namespace, secret: str, folder: Path) -> None:
    env = {**os.environ, "CROSSLINK_AUDIT_LOG": str(folder / "audit.jsonl")}
    with (folder / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [str(BIN / "crosslink"), "serve", "--port", str(args.port)], env=env, stdout=log, stderr=log
        )
        try:
            wait_for(f"http://127.0.0.1:{args.port}/health")
            command = [
                str(BIN / "schemathesis"),
                "run",
                f"http://127.0.0.1:{args.port}/graphql",
                "--header",
                f"Authorization: Bearer {secret}",
                "--max-examples",
                str(args.max_examples),
                "--max-time",
                str(args.max_time),
                "--seed",
                str(args.seed),
                "--workers",
                "1",
                "--generation-database",
                "none",
                "--no-color",
            ]
            started = time.monotonic()
            # Run in the temporary folder: Schemathesis keeps a cache of its findings where it runs.
            done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=folder)
            print(f"schemathesis ran {time.monotonic() - started:.0f} s, exit code {done.returncode}")
            (folder / "schemathesis.log").write_text(done.stdout + done.stderr, encoding="utf-8")
            verdict = [line for line in done.stdout.splitlines() if re.search(r"passed|failed|ST\d+", line)]
            print("\n".join(verdict[:12]))
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_for(url: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def summarise(folder: Path) -> None:
    statuses = collections.Counter(
        match.group(1)
        for line in (folder / "server.log").read_text(encoding="utf-8", errors="replace").splitlines()
        if "/graphql" in line and (match := STATUS.search(line))
    )
    outcomes: collections.Counter[str] = collections.Counter()
    codes: collections.Counter[str] = collections.Counter()
    audit = folder / "audit.jsonl"
    for line in audit.read_bytes().splitlines() if audit.exists() else []:
        record = json.loads(line)
        outcomes[record.get("outcome")] += 1
        codes.update(record.get("errors") or ["(none)"])
    print(f"HTTP statuses at /graphql: {dict(sorted(statuses.items()))}")
    print(f"audit records: {sum(outcomes.values())}, outcomes {dict(outcomes)}")
    print(f"error codes: {dict(codes.most_common())}")
    print(f"logs kept in {folder}")


if __name__ == "__main__":
    main()
