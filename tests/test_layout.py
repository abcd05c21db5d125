"""The package's layout rules, checked on the source (``ast``, nothing imported).

* The import graph of ``claimtrack`` modules has no cycle, counting imports
  inside functions and under ``TYPE_CHECKING`` too.
* Nothing imports back up the pipeline: each top-level part has a rank
  (cli on top, the shared ground at the bottom) and a module imports only
  parts of a lower rank, or its own part.
* ``store/`` has no module over about 400 lines.
* No function is over about 100 lines unless its docstring says why.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO

SRC = REPO / "src"
PACKAGE = SRC / "claimtrack"

# Top-level part -> rank: a module may import parts of a lower rank only (or
# its own part).  The pipeline reads top-down, as docs/architecture.md draws it.
RANK: dict[str, int] = {
    "__main__": 11,
    "cli": 10,
    "testing": 10,
    "outputs": 9,
    "distributed": 9,
    "report": 8,
    "comparison": 7,  # its clusters are the store's (Comparison.clusters)
    "store": 6,
    "alignment": 5,
    "drift": 4,
    "ingest": 3,
    "extract": 2,
    "lang": 1,
    "models": 0,
    "text": 0,
    "embed": 0,
    "errors": 0,
    "_version": 0,
    "spill": -1,  # numpy and the standard library only: under the vectors of embed and the store's index
}

MAX_FUNCTION_LINES = 100
MAX_STORE_MODULE_LINES = 400


def _modules() -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (path, is a package ``__init__``)."""
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        found[".".join(parts)] = (path, is_package)
    return found


def _imports(name: str, path: Path, is_package: bool, modules: dict[str, tuple[Path, bool]]) -> set[str]:
    """The claimtrack modules that module ``name`` imports, anywhere in its body."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target != "claimtrack" and not target.startswith("claimtrack."):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in modules else target)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("claimtrack."))
    out.discard(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, pkg, modules) for name, (path, pkg) in modules.items()}


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(u: str) -> None:
        state[u] = 1
        stack.append(u)
        for v in sorted(graph.get(u, ())):
            if v not in graph:
                continue
            if state.get(v) == 1:
                cycles.append(stack[stack.index(v):] + [v])
            elif v not in state:
                visit(v)
        stack.pop()
        state[u] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return cycles


def test_the_graph_is_read():
    graph = _graph()
    assert "claimtrack.store.matcher" in graph
    assert "claimtrack.alignment.rule" in graph["claimtrack.store.matcher"]


def test_no_import_cycle():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_every_part_has_a_rank():
    parts = {_part(m) for m in _graph()} - {""}
    assert parts <= set(RANK), sorted(parts - set(RANK))


def test_nothing_imports_back_up():
    """A module imports only lower-ranked parts (the package root only re-exports)."""
    wrong = []
    for module, targets in _graph().items():
        here = _part(module)
        if not here:  # claimtrack/__init__.py: the public face, lazy re-exports
            continue
        for target in targets:
            there = _part(target)
            if there and there != here and RANK[there] >= RANK[here]:
                wrong.append(f"{module} -> {target}")
            if not there:
                wrong.append(f"{module} -> {target} (the package root)")
    assert wrong == []


def test_store_modules_are_small():
    big = {
        p.name: n for p in (PACKAGE / "store").glob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_STORE_MODULE_LINES
    }
    assert big == {}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_long_functions_say_why(path: Path):
    """A function body over the limit says why in its docstring ("long because ...").

    The docstring itself does not count: a public function documents every
    argument where ``help()`` shows it.
    """
    long = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
                lines -= (body[0].end_lineno or body[0].lineno) - body[0].lineno + 1
            doc = (ast.get_docstring(node) or "").lower()
            if lines > MAX_FUNCTION_LINES and "long because" not in doc:
                long.append(f"{node.name} ({lines} lines)")
    assert long == []
