"""The clients of `bench/api_load.py`: Locust users asking the API's questions in a mix fixed by a seed.

Run by `locust -f` (api_load.py does it); the plan (the key, the documents, the inputs drawn from the
graph, the seed) is the JSON file named by CROSSLINK_LOAD_PLAN, so that this file imports nothing of
Crosslink's and the load generator stays light. Each user asks one question after another, without
pause, each picked with a generator of its own seeded from the plan's seed and the user's number: the
same seed gives every user the same sequence of questions and inputs in every run.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path
from typing import Any

from locust import FastHttpUser, constant, task

PLAN: dict[str, Any] = json.loads(Path(os.environ["CROSSLINK_LOAD_PLAN"]).read_text(encoding="utf-8"))
_users = itertools.count()


def variables(question: str, rng: random.Random) -> dict[str, Any]:
    """The variables of one question, drawn from the plan's inputs."""
    inputs = PLAN["inputs"]
    if question == "identifier":
        return {"v": rng.choice(inputs["identifier"])}
    if question == "network":
        return {"id": rng.choice(inputs["network"])}
    if question == "path":
        a, b = rng.choice(inputs["path"])
        return {"a": a, "b": b}
    return {}


class Analyst(FastHttpUser):
    """One client on a kept-alive connection, asking as fast as it is answered."""

    wait_time = constant(0)

    def on_start(self) -> None:
        self.rng = random.Random(f"{PLAN['seed']}:{next(_users)}")
        self.headers = {"Authorization": f"Bearer {PLAN['key']}"}

    @task
    def ask(self) -> None:
        question = self.rng.choice(PLAN["questions"])
        payload = {"query": PLAN["documents"][question], "variables": variables(question, self.rng)}
        with self.client.post(
            "/graphql", json=payload, headers=self.headers, name=question, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return
            errors = (response.json() or {}).get("errors")
            if errors:
                codes = sorted({str((e.get("extensions") or {}).get("code")) for e in errors})
                response.failure(f"GraphQL errors {codes}")
