"""The documented examples run: every ``python`` and ``bash`` block of the
README and of docs/guide.md, in order, in a scratch directory that holds the
fixtures (the blocks of one page build on each other: ``bridge.db``,
``claims.jsonl``).

Shell lines that install (``pip install``, ``python -m venv``), run the test
suite or run a benchmark are left out (``pip install -e . && CMD`` runs
CMD). A block that raises, or a shell block that exits non-zero where the
page does not show an error code, fails the test with the block's text.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, REPO

GUIDE = REPO / "docs" / "guide.md"
README = REPO / "README.md"
_BLOCK = re.compile(r"^```(python|bash)\n(.*?)^```", re.S | re.M)
_SKIP = ("pip install", "python -m venv", "python -m pytest", "benchmarks/")


def _runnable(line: str) -> str:
    """The part of a shell line the test runs ("" for none)."""
    parts = [p for p in line.split("&&") if not any(s in p for s in _SKIP) and ". .venv/bin/activate" not in p]
    return " && ".join(p.strip() for p in parts) if parts else ""


def _blocks(path: Path) -> list[tuple[str, str, int]]:
    text = path.read_text(encoding="utf-8")
    return [(m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1) for m in _BLOCK.finditer(text)]


def test_guide_has_examples():
    kinds = [k for k, _, _ in _blocks(GUIDE)]
    assert kinds.count("python") >= 10 and kinds.count("bash") >= 5


@pytest.mark.parametrize("page", [README, GUIDE], ids=["README", "guide"])
def test_examples_run(page, tmp_path, monkeypatch):
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    monkeypatch.chdir(tmp_path)
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    outputs: list[str] = []
    for kind, code, line in _blocks(page):
        where = f"{page.relative_to(REPO)}:{line}"
        if kind == "bash":
            code = "\n".join(_runnable(x) for x in code.splitlines()).strip() + "\n"
            if not code.strip():
                continue
        if kind == "python":
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    exec(compile(code, where, "exec"), {"__name__": "guide_example"})
            except Exception as exc:  # noqa: BLE001 - report the block
                pytest.fail(f"{where}: {type(exc).__name__}: {exc}\n{code}")
            outputs.append(out.getvalue())
        else:
            # `echo $?` lines show an expected error code: such a block may fail
            result = subprocess.run(["bash", "-c", code], capture_output=True, text=True, env=env, timeout=600)
            if "echo $?" not in code:
                assert result.returncode == 0, f"{where}: exit {result.returncode}\n{code}\n{result.stderr}"
            else:
                codes = re.findall(r"#\s*(\d+)\s*$", code, re.M)
                assert result.stdout.split() == codes, f"{where}: exit codes {result.stdout.split()} != {codes}"
            outputs.append(result.stdout)
    assert outputs
    if page == GUIDE:
        assert (tmp_path / "bridge.db").exists() and (tmp_path / "cli.db").exists()
