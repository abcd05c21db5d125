"""Order-free claim matching (alignment.claims): properties with a fake embedder."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.alignment import align

from .common import FAKE, documents, PROP


@PROP
@given(documents(min_size=1, max_size=30), st.integers(0, 2**32 - 1))
def test_shuffling_the_target_does_not_change_matches(doc: list[str], seed: int) -> None:
    tgt = list(doc)
    random.Random(seed).shuffle(tgt)
    pairs = {(doc[int(al.source)], tgt[int(al.target)]) for al in align(doc, tgt, embedder=FAKE)}
    assert pairs == {(s, s) for s in doc}


@PROP
@given(documents(), documents(), st.integers(0, 2**32 - 1))
def test_align_is_symmetric_and_shuffle_invariant(a: list[str], b: list[str], seed: int) -> None:
    # b shares some sentences of a, partly reworded
    rng = random.Random(seed)
    b = b + [s.replace("w1", "w2") for s in a if rng.random() < 0.5]
    ab = {(al.source, al.target, round(al.score, 9)) for al in align(a, b, embedder=FAKE)}
    ba = {(al.target, al.source, round(al.score, 9)) for al in align(b, a, embedder=FAKE)}
    assert ab == ba
    perm = list(range(len(b)))
    rng.shuffle(perm)
    shuffled = [b[p] for p in perm]
    again = {(a[int(al.source)], shuffled[int(al.target)]) for al in align(a, shuffled, embedder=FAKE)}
    assert again == {(a[int(s)], b[int(t)]) for s, t, _ in ab}  # as text pairs (b may repeat a text)
    for al in align(a, b, embedder=FAKE):
        assert 0.0 <= al.score <= 1.0 and al.evidence and al.margin is not None
