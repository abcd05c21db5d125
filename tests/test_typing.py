"""The package type-checks: ``mypy --strict`` (configured in pyproject.toml)
finds nothing in ``src/claimtrack``. claimtrack ships ``py.typed``, so its
annotations are part of its API."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import REPO


def test_mypy_strict_is_clean(tmp_path):
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (REPO / "src" / "claimtrack" / "py.typed").exists()
