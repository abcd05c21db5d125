"""Typing: the package is clean under ``mypy --strict`` (configured in
pyproject.toml), and so is a user's script that calls the public API.
claimtrack ships ``py.typed``, so its annotations are part of its API."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap

import pytest

from .conftest import REPO

USER_SCRIPT = '''
"""A user's script: every public name used with the type it is documented to have."""

from __future__ import annotations

import datetime as dt
import os

import claimtrack as ct
from claimtrack import Tracker, read_article

article: ct.Article = ct.read_article("The bridge opened on Thursday.", lang="en", published=dt.date(2024, 9, 14))
other: ct.Article = read_article(b"Le pont a ouvert jeudi.", lang="fr")
articles: list[ct.Article] = list(ct.read_articles(os.devnull))
claims: list[ct.Claim] = ct.extract_claims(article)
sentences: list[ct.Sentence] = ct.segment(article)
texts: list[str] = ["The bridge opened.", "It is long."]
links: list[ct.Link] = ct.align_sentences(texts, texts)
alignments: list[ct.Alignment] = ct.align(claims, ct.extract_claims(other), drift=False)
pair: ct.PairDiff = ct.diff("more than 150,000 projects", "près de 154 000 projets", "en", "fr")
drift: tuple[ct.Drift, ...] = pair.drift
divergent: bool = pair.divergent
comparison: ct.Comparison = ct.compare(article, other)
unmatched: tuple[str, ...] = comparison.unmatched
encoder: ct.Embedder = ct.default_embedder()
use: ct.USEEmbedder = ct.default_embedder()
with ct.Tracker("claims.db", embedder=encoder) as tracker:
    added: ct.AddResult = tracker.add(article)
    hits: list[ct.ClusterHit] = tracker.find("the bridge opened")
    clusters: list[ct.Cluster] = tracker.clusters()
store: Tracker = ct.Tracker("claims.db", create=False)
settings: ct.MatchSettings = ct.MatchSettings()
number: float = ct.parse_number("2,400", "en")
language: tuple[str, float] = ct.detect_language("The bridge opened.")
version: str = ct.__version__
error: type[ct.ClaimtrackError] = ct.ArticleNotFoundError
'''


def _mypy_available() -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")


def test_mypy_strict_is_clean(tmp_path):
    _mypy_available()
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (REPO / "src" / "claimtrack" / "py.typed").exists()


def test_user_script_is_clean_under_mypy_strict(tmp_path):
    """A user's ``mypy --strict`` sees every public name, typed: no "not explicitly
    exported", no ``Any`` (``--disallow-any-expr``: ``ct.Tracker`` is a class),
    no missing attribute.  The script is only type-checked, never run."""
    _mypy_available()
    script = tmp_path / "user.py"
    script.write_text(textwrap.dedent(USER_SCRIPT), encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(REPO / "src")}  # this checkout's claimtrack, not an installed one
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--disallow-any-expr", "--follow-imports=silent",
         "--no-error-summary", "--cache-dir", str(tmp_path / "cache"), str(script)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
