"""Monotone sentence alignment (alignment.sentences): properties with a fake embedder."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.alignment import align, align_sentences

from .common import FAKE, PROP, WORDS, check_links, documents


@PROP
@given(documents())
def test_self_alignment_is_identity(doc: list[str]) -> None:
    links = align_sentences(doc, doc, embedder=FAKE)
    assert [(lk.source, lk.target) for lk in links] == [((i,), (i,)) for i in range(len(doc))]
    assert all(lk.score > 0.99 for lk in links)


@PROP
@given(documents(), documents())
def test_links_cover_everything_once_and_are_monotone(a: list[str], b: list[str]) -> None:
    check_links(align_sentences(a, b, embedder=FAKE), len(a), len(b))


@PROP
@given(documents(), documents())
def test_sentence_alignment_is_mirror_symmetric(a: list[str], b: list[str]) -> None:
    ab = align_sentences(a, b, embedder=FAKE)
    ba = align_sentences(b, a, embedder=FAKE)
    assert sorted((lk.target, lk.source) for lk in ab) == sorted((lk.source, lk.target) for lk in ba)


@PROP
@given(documents(min_size=2), st.data())
def test_deleting_one_target_sentence_gives_one_omission(doc: list[str], data: st.DataObject) -> None:
    k = data.draw(st.integers(0, len(doc) - 1))
    tgt = doc[:k] + doc[k + 1 :]
    links = align_sentences(doc, tgt, embedder=FAKE)
    check_links(links, len(doc), len(tgt))
    omissions = [lk for lk in links if not lk.target]
    assert [lk.source for lk in omissions] == [(k,)]
    rest = [(lk.source, lk.target) for lk in links if lk.target]
    assert rest == [((i,), (i if i < k else i - 1,)) for i in range(len(doc)) if i != k]


def test_empty_and_one_sided_inputs() -> None:
    assert align_sentences([], [], embedder=FAKE) == []
    links = align_sentences(["a b c."], [], embedder=FAKE)
    assert [(lk.source, lk.target) for lk in links] == [((0,), ())]
    assert align([], ["x"], embedder=FAKE) == []


def test_accepts_objects_with_text() -> None:
    sents = [ct.Sentence(index=i, text=t, start=0, end=len(t), lang="en", paragraph=0) for i, t in enumerate(["a b c.", "d e f."])]
    links = align_sentences(sents, ["a b c.", "d e f."], embedder=FAKE)
    assert [(lk.source, lk.target) for lk in links] == [((0,), (0,)), ((1,), (1,))]


def test_many_to_one_from_cached_vectors() -> None:
    a = ["w1 w2 w3 w4 w5.", "w6 w7 w8 w9 w10.", "w11 w12 w13 w14."]
    b = ["w1 w2 w3 w4 w5 w6 w7 w8 w9 w10.", "w11 w12 w13 w14."]
    links = align_sentences(a, b, embedder=FAKE)
    assert [(lk.source, lk.target) for lk in links] == [((0, 1), (0,)), ((2,), (1,))]


def test_large_length_ratio_banded_path_is_linear_and_covers() -> None:
    rng = random.Random(1)
    long = [" ".join(rng.choice(WORDS) for _ in range(8)) + f" s{i}." for i in range(1500)]
    short = [long[i] for i in range(0, 1500, 50)]  # a 30-sentence "summary"
    links = align_sentences(short, long, embedder=FAKE)
    check_links(links, len(short), len(long))
    got = {lk.source[0]: lk.target for lk in links if lk.source and lk.target}
    assert got == {k: (50 * k,) for k in range(30)}
