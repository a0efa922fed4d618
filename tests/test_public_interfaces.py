"""Crosslink stands on its dependencies' public interfaces only: no module imports a private name of another
package or reads, writes or patches one of its private attributes, so that upgrading a library within its
declared bounds cannot break Crosslink from inside.

A private name is one with a single leading underscore (`_schema`, `_async_compat`); dunders are the
language's own. An attribute is Crosslink's own when it is read from `self` or `cls` inside a class that
defines it, or from one of Crosslink's own modules (`parsing._parsed`, in a test). Anything else, an
object of any type, is taken to be another package's: no Crosslink code reads another object's private
attribute, its own types' included.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("graph", "api", "bench", "tests", "scripts")
OWN_TOP = {"graph", "api", "tests", "bench", "cypher", "planted", "conftest"}
# Documented parts of the standard library whose names happen to start with an underscore.
DOCUMENTED = {"_exit", "_getframe", "_replace", "_asdict", "_fields", "_make", "_field_defaults"}
# A dotted path in a string (what mock.patch, monkeypatch.setattr, __import__ and import_module take).
DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+")


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def sources() -> list[Path]:
    return sorted(
        path
        for top in CHECKED
        for path in (ROOT / top).rglob("*.py")
        if "node_modules" not in path.parts and "target" not in path.parts
    )


def is_foreign_module(module: str) -> bool:
    top = module.split(".")[0]
    return top not in OWN_TOP and top != "__future__"


def own_modules(tree: ast.AST) -> set[str]:
    """The names a module binds to Crosslink's own modules (`from api.graphql import parsing`)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not is_foreign_module(node.module):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if not is_foreign_module(alias.name)
            )
    return names


def defined_in(cls: ast.ClassDef) -> set[str]:
    """The attributes a class itself defines: its methods and class attributes, `self.x = ...` in them."""
    names: set[str] = set()
    for node in ast.walk(cls):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node is not cls:
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__slots__" for t in node.targets):
            names.update(c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant))
    return names


def own_classes(trees: list[ast.AST]) -> dict[str, set[str]]:
    """Crosslink's classes by name, each with the attributes it defines."""
    classes: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, set()).update(defined_in(node))
    return classes


def _inherited(cls: ast.ClassDef, classes: dict[str, set[str]]) -> frozenset[str]:
    """What `cls` defines, and what its bases among Crosslink's own classes define (a library base's
    attributes are not Crosslink's)."""
    names = set(defined_in(cls))
    for base in cls.bases:
        names |= classes.get(base.id if isinstance(base, ast.Name) else "", set())
    return frozenset(names)


def findings(tree: ast.AST, classes: dict[str, set[str]] | None = None) -> Iterator[tuple[int, str]]:
    """(line, what) for each private name of another package that `tree` imports or touches;
    `classes` are Crosslink's (default: those of `tree`)."""
    classes = own_classes([tree]) if classes is None else classes
    # `self` in a function outside any class (a method made by a decorator) is one of Crosslink's objects.
    anywhere = frozenset(name for names in classes.values() for name in names)
    yield from _walk(tree, own_modules(tree), anywhere, classes)


def _walk(
    node: ast.AST, modules: set[str], own: frozenset[str], classes: dict[str, set[str]]
) -> Iterator[tuple[int, str]]:
    if isinstance(node, ast.ClassDef):
        own = _inherited(node, classes)
    yield from _finding(node, modules, own)
    for child in ast.iter_child_nodes(node):
        yield from _walk(child, modules, own, classes)


def _finding(node: ast.AST, modules: set[str], own: frozenset[str]) -> Iterator[tuple[int, str]]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if is_foreign_module(alias.name) and any(map(is_private, alias.name.split("."))):
                yield node.lineno, f"import {alias.name}"
    elif (
        isinstance(node, ast.ImportFrom)
        and node.level == 0
        and node.module
        and is_foreign_module(node.module)
    ):
        if any(map(is_private, node.module.split("."))):
            yield node.lineno, f"from {node.module} import ..."
        for alias in node.names:
            if is_private(alias.name):
                yield node.lineno, f"from {node.module} import {alias.name}"
    elif isinstance(node, ast.Attribute) and is_private(node.attr) and node.attr not in DOCUMENTED:
        receiver = node.value.id if isinstance(node.value, ast.Name) else None
        mine = (receiver in ("self", "cls") and node.attr in own) or receiver in modules
        if not mine:
            yield node.lineno, f".{node.attr}"
    elif isinstance(node, ast.Call):
        yield from _strings(node, modules, own)


def _strings(call: ast.Call, modules: set[str], own: frozenset[str]) -> Iterator[tuple[int, str]]:
    """A private name given as text: getattr(x, "_name") and its kin, and a dotted path into another
    package's private parts anywhere in a call's arguments (mock.patch, monkeypatch.setattr,
    __import__, import_module)."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    texts = [a.value for a in [*call.args, *(k.value for k in call.keywords)] if isinstance(a, ast.Constant)]
    texts = [t for t in texts if isinstance(t, str)]
    for text in texts:
        for path in DOTTED.findall(text):
            if is_foreign_module(path) and any(map(is_private, path.split("."))):
                yield call.lineno, f'{name}("{path}")'
    if name not in ("getattr", "setattr", "hasattr", "delattr") or len(call.args) < 2:
        return
    target, attribute = call.args[0], call.args[1]
    mine = isinstance(target, ast.Name) and (target.id in modules or target.id in ("self", "cls"))
    text = attribute.value if isinstance(attribute, ast.Constant) else None
    if isinstance(text, str) and is_private(text) and not (mine and (target.id in modules or text in own)):
        yield call.lineno, f'{name}(..., "{text}")'


def test_no_module_uses_a_private_name_of_another_package() -> None:
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in sources()}
    classes = own_classes(list(trees.values()))
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path, tree in trees.items()
        for line, what in findings(tree, classes)
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
        "body = request._json",  # a name Crosslink's own classes may use too
        'importlib.import_module("neo4j._async_compat.network._bolt_socket")',
        'module = __import__("neo4j._async_compat")',
        'mock.patch("strawberry.schema.schema._run_validation")',
        'monkeypatch.setattr("neo4j._async_compat.shims.wait_for", wait_for)',
        'monkeypatch.setattr(driver, "_pool", None)',
        'pool = getattr(driver, "_pool")',
        "class View(GraphQL):\n    def get(self):\n        return self._schema",  # inherited, not defined
        "class Mine:\n    def __init__(self):\n        self._x = 1\n\ndef peek(m):\n    return m._x",
        "class View(GraphQL):\n    def get(self):\n        return getattr(self, '_schema')",
        "monkeypatch.setattr(driver, '_pool', None)",
    ],
)
def test_each_way_of_reaching_a_private_name_is_found(code: str) -> None:
    assert list(findings(ast.parse(code)))


@pytest.mark.parametrize(
    "code",
    [
        "from graph.read import _helper",  # Crosslink's own
        "from api.graphql import parsing\nparsing._parsed.cache_clear()",
        "class Mine:\n    def __init__(self):\n        self._x = 1\n\n"
        "    def x(self):\n        return self._x",
        "class Mine:\n    __slots__ = ('_x',)\n\n    def get(self):\n        return self._x",
        "class Base:\n    def _q(self):\n        pass\n\n"
        "class Mine(Base):\n    def get(self):\n        return self._q()",
        "from graph import recompute\nmonkeypatch.setattr(recompute, '_rebuild', fake)",
        "os._exit(0)",  # documented in the standard library
        "row = point._asdict()",
        "from strawberry.types import Info",
        "name = type(x).__name__",
        'monkeypatch.setattr("graph.read.reader._row", row)',  # Crosslink's own, by its path
    ],
)
def test_own_and_documented_names_are_not_findings(code: str) -> None:
    assert not list(findings(ast.parse(code)))


def test_the_walk_covers_the_code() -> None:
    checked = {path.relative_to(ROOT).parts[0] for path in sources()}
    assert {"graph", "api", "bench", "tests"} <= checked
    assert Path(__file__).resolve() in {p.resolve() for p in sources()}
