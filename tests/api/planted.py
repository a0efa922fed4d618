"""The API tests' world: a graph of planted networks built by the real ingest and network rebuild, API
keys of each role, and a client speaking HTTP to the app (FastAPI's TestClient, no server process).

The planted adverts (planted_adverts.jsonl): network A, four adverts on Facebook, Instagram, Telegram and
TikTok posted for France, Iraq and Turkey, sharing the phone +44 7400 123456 (written three ways), an IBAN
and a Telegram handle; network B, two X adverts (Belgium, the Netherlands) sharing a Belgian phone; a
help-desk email written in one advert of each and in six unrelated adverts, so that it is a hub and must
not merge A and B; and a lone advert.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
from fastapi.testclient import TestClient

from graph import apikeys
from graph.ingest import ingest as ingest_adverts
from graph.ingest import read_files
from graph.networks import rebuild

PLANTED = Path(__file__).with_name("planted_adverts.jsonl")
PHONE_A = "phone:+447400123456"
IBAN_A = "payment:iban:GB33BUKB20201555555555"
PHONE_B = "phone:+32470123456"
HUB_EMAIL = "email:crossinghelp@gmail.com"
# The hub rule for a graph this small (the defaults are tuned for millions of adverts): an identifier of
# three or more authors that would be the only tie between four groups of adverts is a hub. Set in the
# environment, so that the rebuild here and the update after ingestAdverts use the same rule.
HUB_RULE = {
    "CROSSLINK_HUB_MIN_ACCOUNTS": "3",
    "CROSSLINK_HUB_MAX_GROUPS_STRONG": "4",
    "CROSSLINK_HUB_MAX_GROUPS_MEDIUM": "4",
    "CROSSLINK_HUB_MAX_GROUPS_WEAK": "3",
}


@dataclass
class Api:
    """An HTTP client for the app, the keys of each role, the audit file and the read queries run."""

    client: TestClient
    keys: dict[str, str]
    key_ids: dict[str, str]
    audit_path: Path
    queries: list[str] = field(default_factory=list)

    def post(
        self, query: str, variables: dict[str, Any] | None = None, *, role: str | None = "reader"
    ) -> Any:
        """POST a GraphQL request with the key of `role` (None: no key); the decoded JSON answer."""
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        headers = {"Authorization": f"Bearer {self.keys[role]}"} if role else {}
        return self.client.post("/graphql", json=body, headers=headers).json()

    def data(self, query: str, variables: dict[str, Any] | None = None, *, role: str = "reader") -> Any:
        """The `data` of an answer that must have no errors."""
        answer = self.post(query, variables, role=role)
        assert "errors" not in answer, answer.get("errors")
        return answer["data"]

    def audit(self) -> list[dict[str, Any]]:
        if not self.audit_path.exists():
            return []
        return [json.loads(line) for line in self.audit_path.read_text(encoding="utf-8").splitlines()]


def plant(driver: neo4j.Driver, database: str) -> None:
    """Wipe the graph, ingest the planted adverts and build the networks as the nightly run does."""
    with driver.session(database=database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    ingest_adverts(driver, database, read_files([str(PLANTED)]), source="planted", files=[PLANTED.name])
    rebuild(driver, database)


def make_keys(driver: neo4j.Driver, database: str) -> tuple[dict[str, str], dict[str, str]]:
    """A key of each role, and a revoked one."""
    keys, ids = {}, {}
    for role in ("reader", "ingest", "admin", "revoked"):
        key, secret = apikeys.create_key(
            driver, database, role="reader" if role == "revoked" else role, name=role
        )
        keys[role], ids[role] = secret, key.id
    apikeys.revoke_key(driver, database, ids["revoked"])
    keys["forged"] = keys["reader"][:-4] + "AAAA"
    return keys, ids
