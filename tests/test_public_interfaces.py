"""Crosslink stands on its dependencies' public interfaces only: no module imports a private name of another
package or reads, writes or patches one of its private attributes, so that upgrading a library within its
declared bounds cannot break Crosslink from inside.

A private name is one with a single leading underscore (`_schema`, `_async_compat`); dunders are the
language's own. An attribute is Crosslink's own when Crosslink's code defines that name somewhere (a
function, class, assignment or field), which is how a private helper of its own is told from a library's.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("graph", "api", "bench", "tests", "scripts")
OWN_TOP = {"graph", "api", "tests", "bench", "cypher", "planted", "conftest"}
# Documented parts of the standard library whose names happen to start with an underscore.
DOCUMENTED = {"_exit", "_getframe", "_replace", "_asdict", "_fields", "_make", "_field_defaults"}
SETTERS = {"getattr", "setattr", "hasattr", "delattr"}


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def sources() -> list[Path]:
    return sorted(
        path
        for top in CHECKED
        for path in (ROOT / top).rglob("*.py")
        if "node_modules" not in path.parts and "target" not in path.parts
    )


def own_names(trees: list[ast.AST]) -> set[str]:
    """Every name Crosslink's code defines: functions, classes, assigned names and attributes, fields."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.alias) and node.asname:
                names.add(node.asname)
    return names


def is_foreign_module(module: str) -> bool:
    top = module.split(".")[0]
    return top not in OWN_TOP and top != "__future__"


def findings(tree: ast.AST, own: set[str]) -> Iterator[tuple[int, str]]:
    """(line, what) for each private name of another package that `tree` imports or touches."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if is_foreign_module(alias.name) and any(map(is_private, alias.name.split("."))):
                    yield node.lineno, f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if not is_foreign_module(node.module):
                continue
            if any(map(is_private, node.module.split("."))):
                yield node.lineno, f"from {node.module} import ..."
            for alias in node.names:
                if is_private(alias.name):
                    yield node.lineno, f"from {node.module} import {alias.name}"
        elif isinstance(node, ast.Attribute):
            if is_private(node.attr) and node.attr not in own and node.attr not in DOCUMENTED:
                yield node.lineno, f".{node.attr}"
        elif isinstance(node, ast.Call):
            yield from _string_access(node, own)


def _string_access(call: ast.Call, own: set[str]) -> Iterator[tuple[int, str]]:
    """getattr(x, "_name") and its kin (monkeypatch.setattr too), and import_module("pkg._private")."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    texts = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if name in SETTERS:
        for text in texts[:1]:
            if is_private(text) and text not in own:
                yield call.lineno, f'{name}(..., "{text}")'
    elif name == "import_module":
        for text in texts[:1]:
            if is_foreign_module(text) and any(map(is_private, text.split("."))):
                yield call.lineno, f'import_module("{text}")'


def test_no_module_uses_a_private_name_of_another_package() -> None:
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in sources()}
    own = own_names(list(trees.values()))
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path, tree in trees.items()
        for line, what in findings(tree, own)
    ]
    assert not found, "private names of other packages used:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "code",
    [
        "import neo4j._async_compat.network",
        "from neo4j._async_compat import shims",
        "from strawberry.schema.schema import _run_validation",
        "schema = info._raw_info.schema",
        "graph = context.schema._schema",
        'importlib.import_module("neo4j._async_compat.network._bolt_socket")',
        'monkeypatch.setattr(driver, "_pool", None)',
        'pool = getattr(driver, "_pool")',
    ],
)
def test_each_way_of_reaching_a_private_name_is_found(code: str) -> None:
    assert list(findings(ast.parse(code), own={"info", "schema", "context", "driver"}))


@pytest.mark.parametrize(
    "code",
    [
        "from graph.read import _helper",  # Crosslink's own
        "report._add(result)",  # defined by Crosslink (see own)
        "os._exit(0)",  # documented in the standard library
        "row = point._asdict()",
        "from strawberry.types import Info",
        "name = type(x).__name__",
    ],
)
def test_own_and_documented_names_are_not_findings(code: str) -> None:
    assert not list(findings(ast.parse(code), own={"_add", "_helper"}))


def test_the_walk_covers_the_code() -> None:
    checked = {path.relative_to(ROOT).parts[0] for path in sources()}
    assert {"graph", "api", "tests"} <= checked
    assert Path(__file__).resolve() in {p.resolve() for p in sources()}
    assert sys.version_info >= (3, 11)
