"""Scaffolding of the alignment tests: the fake embedder they share, a
strategy for documents of random distinct sentences, the hypothesis settings
of their properties and a check of a monotone alignment's links."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from claimtrack.models import Link

from ..fakes import HashEmbedder

FAKE = HashEmbedder()
WORDS = [f"w{i}" for i in range(400)]


@st.composite
def documents(draw: st.DrawFn, min_size: int = 1, max_size: int = 25) -> list[str]:
    """Lists of distinct sentences of 4-12 random words."""
    n = draw(st.integers(min_size, max_size))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    sents: list[str] = []
    while len(sents) < n:
        s = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))) + "."
        if s not in sents:
            sents.append(s)
    return sents


PROP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_links(links: list[Link], n: int, m: int) -> None:
    src = [i for lk in links for i in lk.source]
    tgt = [j for lk in links for j in lk.target]
    assert src == list(range(n)), "every source sentence once, in order"
    assert tgt == list(range(m)), "every target sentence once, in order"
    for lk in links:
        assert lk.source or lk.target
        assert 0.0 <= lk.score <= 1.0
        assert lk.evidence
        for side in (lk.source, lk.target):
            assert list(side) == list(range(side[0], side[0] + len(side))) if side else True
