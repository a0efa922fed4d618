"""Where the Neo4j graph is and how to log in, read from the environment.

One place for the CLI, the API and the tests, so that they all reach the same database; when no password
is given it falls back to the one `scripts/neo4j` generated for the local server.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

# The repository when running from a checkout (an editable install, the tests); installed from a wheel,
# this is site-packages, and `base_dir` falls back to the current directory.
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"


class SettingsError(RuntimeError):
    """The environment does not say enough to connect to Neo4j."""


@dataclass(frozen=True)
class Settings:
    """Connection settings for one Neo4j database. The password is left out of `repr`."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.

        Without NEO4J_PASSWORD the local server's password file is used (see `local_password_file`);
        if that does not exist either, SettingsError says what to do.
        """
        env = os.environ if environ is None else environ
        password = env.get("NEO4J_PASSWORD") or _read_local_password(local_password_file(env))
        return cls(
            uri=env.get("NEO4J_URI") or DEFAULT_URI,
            user=env.get("NEO4J_USER") or DEFAULT_USER,
            password=password,
            database=env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
        )


def local_password_file(environ: Mapping[str, str] | None = None) -> Path:
    """The password file of the server run by `scripts/neo4j`: `$NEO4J_HOME_DIR/password`.

    NEO4J_HOME_DIR defaults to `var/neo4j`; a relative path is taken from `base_dir()`.
    """
    env = os.environ if environ is None else environ
    home = Path(env.get("NEO4J_HOME_DIR") or "var/neo4j")
    if not home.is_absolute():
        home = base_dir() / home
    return home / "password"


def base_dir() -> Path:
    """Where relative default paths (`var/neo4j`, `var/audit.jsonl`) are taken from.

    From a checkout, the repository root, as `scripts/neo4j` does, so that it does not matter where a
    command is run from; installed from a wheel, which has no repository, the current directory.
    """
    return REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() else Path.cwd()


def _read_local_password(path: Path) -> str:
    """The password stored in `path`, or SettingsError naming the file and the fix."""
    try:
        password = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise SettingsError(
            f"NEO4J_PASSWORD is not set and there is no local server password file at {path}. "
            "Set NEO4J_PASSWORD, or start the local server with `scripts/neo4j start`, which creates it."
        ) from None
    except OSError as error:
        raise SettingsError(f"NEO4J_PASSWORD is not set and {path} cannot be read: {error}") from error
    if not password:
        raise SettingsError(
            f"NEO4J_PASSWORD is not set and {path} is empty; "
            "delete it and run `scripts/neo4j restart` to generate a new password."
        )
    return password
