"""Shared test helpers: the seed corpus lives in ../shared, outside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
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


def seed_path(key: str) -> Path:
    path = CORPUS / SEED_FILES[key]
    if not path.exists():
        pytest.skip(f"seed corpus not available at {CORPUS} (../shared is absent in a fresh clone)")
    return path


@pytest.fixture(scope="session")
def seed_articles():
    """The five seed articles, read with claimtrack (skips when ../shared is absent)."""
    import claimtrack as ct

    return {key: ct.read_article(seed_path(key), article_id=key, published=SEED_PUBLISHED) for key in SEED_FILES}


@pytest.fixture(scope="session")
def seed_claims(seed_articles):
    import claimtrack as ct

    return {key: ct.extract_claims(article) for key, article in seed_articles.items()}
