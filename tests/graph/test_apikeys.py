"""API keys against the real graph: stored as hashes, checked, listed and revoked."""

from __future__ import annotations

import hashlib

import neo4j
import pytest

from graph import apikeys
from graph.config import Settings


@pytest.fixture
def store(empty_graph: neo4j.Driver, neo4j_settings: Settings) -> tuple[neo4j.Driver, str]:
    return empty_graph, neo4j_settings.database


def test_a_key_is_stored_as_its_sha256_only(store: tuple[neo4j.Driver, str]) -> None:
    driver, database = store
    key, secret = apikeys.create_key(driver, database, role="reader", name="analyst one")

    records, _, _ = driver.execute_query("MATCH (k:ApiKey) RETURN properties(k) AS p", database_=database)
    (stored,) = [r["p"] for r in records]
    assert stored["hash"] == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(stored)
    assert (
        stored["key"] == f"apikey:{key.id}" and stored["role"] == "reader" and stored["name"] == "analyst one"
    )
    assert secret.startswith(f"clk_{key.id}_")


def test_only_the_exact_active_key_is_accepted(store: tuple[neo4j.Driver, str]) -> None:
    driver, database = store
    key, secret = apikeys.create_key(driver, database, role="ingest", name="feed")
    other, other_secret = apikeys.create_key(driver, database, role="admin", name="boss")

    assert apikeys.verify_key(driver, database, secret) == key
    assert apikeys.verify_key(driver, database, secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None
    assert apikeys.verify_key(driver, database, other_secret.replace(other.id, key.id)) is None
    assert apikeys.verify_key(driver, database, "clk_000000000000_" + "x" * 43) is None
    assert apikeys.verify_key(driver, database, "not a key") is None
    apikeys.revoke_key(driver, database, key.id)
    assert apikeys.verify_key(driver, database, secret) is None
    assert apikeys.verify_key(driver, database, other_secret) == other


def test_roles_include_the_roles_before_them(store: tuple[neo4j.Driver, str]) -> None:
    driver, database = store
    reader, _ = apikeys.create_key(driver, database, role="reader", name="r")
    admin, _ = apikeys.create_key(driver, database, role="admin", name="a")

    assert reader.allows("reader") and not reader.allows("ingest") and not reader.allows("admin")
    assert admin.allows("reader") and admin.allows("ingest") and admin.allows("admin")
    with pytest.raises(apikeys.ApiKeyError, match="role"):
        apikeys.create_key(driver, database, role="root", name="x")
    with pytest.raises(apikeys.ApiKeyError, match="name"):
        apikeys.create_key(driver, database, role="reader", name="  ")


def test_list_and_revoke(store: tuple[neo4j.Driver, str]) -> None:
    driver, database = store
    first, _ = apikeys.create_key(driver, database, role="reader", name="first")
    second, _ = apikeys.create_key(driver, database, role="admin", name="second")
    revoked = apikeys.revoke_key(driver, database, first.id)
    again = apikeys.revoke_key(driver, database, f"apikey:{first.id}")

    assert [k.id for k in apikeys.list_keys(driver, database)] == [first.id, second.id]
    assert revoked.revoked_at is not None and again.revoked_at == revoked.revoked_at
    with pytest.raises(apikeys.ApiKeyError, match="keys list"):
        apikeys.revoke_key(driver, database, "nope")


def test_verified_keys_answer_from_memory_only_what_they_checked_recently(
    store: tuple[neo4j.Driver, str],
) -> None:
    driver, database = store
    key, secret = apikeys.create_key(driver, database, role="reader", name="cached")
    forged = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    keys = apikeys.verified_keys()
    expired = apikeys.verified_keys(ttl=0)

    before = keys.cached(secret)
    assert keys.verify(driver, database, secret) == key
    assert keys.verify(driver, database, forged) is None
    expired.verify(driver, database, secret)

    assert before == (False, None)
    assert keys.cached(secret) == (True, key) and keys.cached(f"  {secret} ") == (True, key)
    assert keys.cached(forged) == (True, None)  # a refusal is remembered too, and stays a refusal
    assert expired.cached(secret) == (False, None)
    apikeys.revoke_key(driver, database, key.id)
    assert keys.cached(secret) == (False, None)  # revoked here: forgotten at once
    assert keys.verify(driver, database, secret) is None
