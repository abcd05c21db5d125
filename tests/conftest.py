"""Shared test scaffolding: paths, the seed corpus, the real encoder, hypothesis profiles.

The seed corpus lives in ../shared, outside the repository; tests that need
it skip in a fresh clone.  Fake encoders are in :mod:`tests.fakes`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from claimtrack.embed import USEEmbedder

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
DATA = TESTS / "data"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "pytorch-foundation"
FIXTURES = REPO / "fixtures"

SEED_FILES = {
    "000": "000_a501d4b4aacbae9d.txt",
    "001": "001_0b6936ff3134a900.txt",
    "002": "002_b1c87d9769823a29.txt",
    "003": "003_ee71881d6c9f19e8.txt",
    "004": "004_f754d39028b1c723.txt",
}
SEED_PUBLISHED = "2022-09-12"

# Hypothesis profiles: "dev" is hypothesis' own defaults; "ci" replays the same
# examples on every run.  Pick one with HYPOTHESIS_PROFILE=ci.  Tests that set
# their own @settings keep them.
settings.register_profile("dev", settings())
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def seed_path(key: str) -> Path:
    """The path of a seed article; skips the test when ../shared is absent."""
    path = CORPUS / SEED_FILES[key]
    if not path.exists():
        pytest.skip(f"seed corpus not available at {CORPUS} (../shared is absent in a fresh clone)")
    return path


@pytest.fixture(scope="session")
def use() -> USEEmbedder:
    """The real encoder (the bundled Universal Sentence Encoder), loaded once per session.

    It is the process-wide :func:`claimtrack.default_embedder`, so the library's
    own default and this fixture share one model.  On a machine with at most two
    cores its BLAS runs on one thread, as ``USEEmbedder(threads=1)`` does.
    """
    import claimtrack as ct

    return ct.default_embedder()


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Any]:
    """The five seed articles, read with claimtrack (skips when ../shared is absent)."""
    import claimtrack as ct

    return {key: ct.read_article(seed_path(key), article_id=key, published=SEED_PUBLISHED) for key in SEED_FILES}


@pytest.fixture(scope="session")
def seed_claims(seed_articles: dict[str, Any]) -> dict[str, Any]:
    """The claims of each seed article."""
    import claimtrack as ct

    return {key: ct.extract_claims(article) for key, article in seed_articles.items()}
