"""pyproject.toml declares what the code imports, with bounds, and the lock files hold what it declares.

The lock files are written by `make lock` (scripts/lock), the build backend's among them; these checks
fail when pyproject.toml changed without it, or when a new import or package was not declared.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Installed for what they do when present, never imported by Crosslink: uvicorn's event loop and HTTP
# parser, the neo4j driver's Rust extension.
USED_WITHOUT_IMPORT = {"uvloop", "httptools", "neo4j-rust-ext"}
# Dev tools that are run, not imported.
DEV_COMMANDS = {"ruff", "uv"}
# The libraries whose behaviour Crosslink relies on closely: bounded below their next major, or for
# those below, their next minor.
UPPER_BOUNDED = {"neo4j", "fastapi", "starlette", "strawberry-graphql", "graphql-core"}
# Breaking changes in minor versions (Strawberry's 0.x) or minor versions that follow GraphQL.js's majors
# (graphql-core): bounded below the minor after the locked version, so that no untried series installs.
MINOR_BOUNDED = {"strawberry-graphql", "graphql-core"}
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _declared(extra: str | None = None) -> dict[str, Requirement]:
    project = PYPROJECT["project"]
    lines = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    requirements = (Requirement(line) for line in lines)
    return {canonicalize_name(r.name): r for r in requirements}


RUNTIME = _declared()
DEV = _declared("dev")
# The build backend, which requirements/build.txt and build-minimum.txt lock.
BUILD = {canonicalize_name(r.name): r for r in map(Requirement, PYPROJECT["build-system"]["requires"])}


def _pins(name: str, *, applying: bool = True) -> dict[str, Version]:
    """The versions a lock file in requirements/ pins; with `applying`, only the lines whose marker holds
    here (numpy and scipy have one pin per Python version)."""
    pins = {}
    for line in (ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines():
        if found := _PIN.match(line):
            package, version, marker = found.groups()
            if applying and marker and not Marker(marker).evaluate():
                continue
            pins[canonicalize_name(package)] = Version(version)
    return pins


def _lower_bound(requirement: Requirement) -> Version | None:
    bounds = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==")]
    return min(bounds) if bounds else None


@cache
def _local_modules() -> frozenset[str]:
    """The names tests and benchmarks import from their own folders (conftest puts those on the path), or
    from the repository's root (`tests.api.planted`)."""
    names = {path.stem for folder in ("tests", "bench") for path in (ROOT / folder).rglob("*.py")}
    return frozenset(names | {"graph", "api", "tests", "bench"})


@cache
def _imports(folder: str) -> dict[str, str]:
    """Each third-party module imported under `folder` (its top-level name), with one file importing it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        if "node_modules" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top not in sys.stdlib_module_names and top not in _local_modules():
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


_PROVIDERS = cache(packages_distributions)


def _distributions(module: str, where: str) -> set[str]:
    distributions = _PROVIDERS().get(module)
    assert distributions, f"{where} imports {module}, which no installed distribution provides"
    return {canonicalize_name(d) for d in distributions}


def test_every_package_the_code_imports_is_declared() -> None:
    # The packages must do with the dependencies; tests and benchmarks may use the dev extra too.
    for folder, allowed, section in (
        ("graph", RUNTIME, "dependencies"),
        ("api", RUNTIME, "dependencies"),
        ("tests", RUNTIME | DEV, "dependencies or the dev extra"),
        ("bench", RUNTIME | DEV, "dependencies or the dev extra"),
    ):
        for module, where in _imports(folder).items():
            provided = _distributions(module, where)
            assert provided & set(allowed), (
                f"{where} imports {module} ({', '.join(sorted(provided))}), which pyproject.toml does not "
                f"declare in {section}"
            )


def test_every_declared_package_is_imported_or_said_why_not() -> None:
    used = {
        distribution
        for folder in ("graph", "api", "tests", "bench")
        for module, where in _imports(folder).items()
        for distribution in _distributions(module, where)
    }
    unused = (set(RUNTIME) | set(DEV)) - used - USED_WITHOUT_IMPORT - DEV_COMMANDS
    assert not unused, f"declared but imported nowhere: {sorted(unused)}"


def _upper_bound(requirement: Requirement) -> Version | None:
    bounds = [Version(s.version) for s in requirement.specifier if s.operator == "<"]
    return min(bounds) if bounds else None


def test_every_dependency_has_a_lower_bound_and_the_ones_relied_on_an_upper_bound() -> None:
    for requirement in (RUNTIME | DEV | BUILD).values():
        assert _lower_bound(requirement) is not None, f"{requirement}: no lower bound"
    for requirement in [RUNTIME[name] for name in UPPER_BOUNDED] + list(BUILD.values()):
        assert _upper_bound(requirement) is not None, f"{requirement}: no upper bound"


def test_the_minor_bounded_allow_no_minor_series_beyond_the_locked_one() -> None:
    pins = _pins("dev.txt")
    for name in MINOR_BOUNDED:
        locked = pins[name]
        following = Version(f"{locked.major}.{locked.minor + 1}")
        assert _upper_bound(RUNTIME[name]) == following, (
            f"{RUNTIME[name]} with {name}=={locked} locked: bound it below {following}, the series after "
            "the one the tests run on, or run `scripts/lock --upgrade` after raising it"
        )


@pytest.mark.parametrize(("lock", "declared"), [("minimum.txt", RUNTIME | DEV), ("build-minimum.txt", BUILD)])
def test_the_minimum_locks_pin_each_direct_dependency_at_its_lower_bound(
    lock: str, declared: dict[str, Requirement]
) -> None:
    pins = _pins(lock, applying=False)
    for name, requirement in declared.items():
        assert pins.get(name) == _lower_bound(requirement), (
            f"requirements/{lock} pins {name} at {pins.get(name)}, not at the lower bound of "
            f"{requirement}: run `make lock`, or raise the bound to a version that installs"
        )


@pytest.mark.parametrize(
    ("lock", "declared"), [("dev.txt", RUNTIME | DEV), ("runtime.txt", RUNTIME), ("build.txt", BUILD)]
)
def test_the_locks_pin_what_pyproject_allows(lock: str, declared: dict[str, Requirement]) -> None:
    pins = _pins(lock)
    for name, requirement in declared.items():
        if requirement.marker and not requirement.marker.evaluate():
            continue
        assert name in pins, f"requirements/{lock} has no {name}: run `make lock`"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements/{lock} pins {name}=={pins[name]}, outside {requirement}: run `make lock`"
        )


def test_the_runtime_lock_is_the_dev_lock_less_the_dev_tools() -> None:
    runtime, dev = _pins("runtime.txt"), _pins("dev.txt")
    assert {name: dev.get(name) for name in runtime} == runtime
    assert not set(runtime) & {"pytest", "ruff", "uv", "httpx2"}


def test_the_packages_listed_for_the_build_are_all_there_are() -> None:
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for folder in ("graph", "api")
        for init in (ROOT / folder).rglob("__init__.py")
    }
    # The Cypher folder installs as graph.queries; the IDE's folders and the pages' vendor/ hold only data.
    expected = on_disk | {"graph.queries", "api.graphiql", "api.graphiql.vendor", "api.pages.vendor"}
    assert sorted(PYPROJECT["tool"]["setuptools"]["packages"]) == sorted(expected)
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"graph.queries": "cypher"}
