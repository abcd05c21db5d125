"""Scaffolding of the store tests: the fake embedder they share, synthetic
articles, the harbour-bridge fixtures and helpers to find clusters and variants."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import claimtrack as ct
from claimtrack.store import Cluster, Tracker, Variant

from ..conftest import FIXTURES
from ..fakes import HashEmbedder


REPO = Path(__file__).resolve().parents[2]
BRIDGE = FIXTURES / "harbour-bridge"
BRIDGE_DATES = {"en-herald": "2024-09-14", "en-wire": "2024-09-14", "fr-courrier": "2024-09-15"}


FAKE = HashEmbedder()


NAMES = ["Alice Martin", "Paul Durand", "Claire Dubois", "Marc Lefebvre", "Sophie Laurent", "David Chen"]


SYLLABLES = ["ka", "lo", "mi", "ru", "te", "vo", "sa", "ni", "po", "de", "fu", "gri", "bal", "tor", "men", "zu"]


def words(i: int, n: int) -> list[str]:
    """``n`` pseudo-words, the same for the same ``i``."""
    h = hashlib.sha256(str(i).encode()).digest()
    return ["".join(SYLLABLES[b % len(SYLLABLES)] for b in h[3 * k : 3 * k + 3]) for k in range(n)]


def synthetic(i: int, published: str | None = "2024-01-01") -> ct.Article:
    """A small English article of three claims, lexically distinct per ``i``."""
    name = NAMES[i % len(NAMES)]
    w = words(i, 11)
    text = (
        f"{name} said that {w[0].title()} hired more than {1000 + 37 * i:,} {w[1]} {w[2]}.\n"
        f"The {w[3]} of {w[4].title()} will open in {w[5]}, the company said.\n"
        f"“{w[6].title()} {w[7]} and {w[8]} {w[9]} are ready for {w[10]},” {name} said."
    )
    return ct.read_article(text, article_id=f"syn-{i}", lang="en", source=f"outlet-{i % 3}", published=published)


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def bridge(name: str) -> ct.Article:
    return ct.read_article(BRIDGE / f"{name}.txt", article_id=name, published=BRIDGE_DATES[name])


def find_variant(cluster: Cluster, start: str) -> Variant:
    hits = [v for v in cluster.variants if v.claim.text.lstrip("«“\" ").startswith(start)]
    assert len(hits) == 1, (start, [v.claim.text[:40] for v in cluster.variants])
    return hits[0]


def cluster_of(tracker: Tracker, article_id: str, start: str) -> Cluster:
    found = [
        c for c in tracker.clusters()
        if any(v.article_id == article_id and v.claim.text.lstrip("«“\" ").startswith(start) for v in c.variants)
    ]
    assert len(found) == 1, (article_id, start)
    return found[0]
