"""Alignment: properties (fake and real embedder) and the seed corpus."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.alignment import align, align_sentences
from claimtrack.embed import EmbeddingCache
from claimtrack.models import Article, Link

from .conftest import CORPUS, FIXTURES


class NgramEmbedder:
    """Cheap deterministic embedder: signed hashing of word 1- and 2-grams."""

    name = "ngram"
    fingerprint = "ngram-256-v1"
    dim = 256

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for r, t in enumerate(texts):
            words = re.findall(r"\w+", t.casefold())
            grams = words + [a + " " + b for a, b in zip(words, words[1:])]
            for g in grams or ["<empty>"]:
                h = hashlib.blake2b(g.encode(), digest_size=8).digest()
                out[r, int.from_bytes(h[:4], "little") % self.dim] += 1.0 if h[4] & 1 else -1.0
        n = np.linalg.norm(out, axis=1, keepdims=True)
        n[n == 0] = 1.0
        return out / n


FAKE = NgramEmbedder()
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


PROP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


# ---------------------------------------------------------------- real USE


@pytest.fixture(scope="module")
def use() -> ct.USEEmbedder:
    return ct.default_embedder()


@pytest.fixture(scope="module")
def cache() -> EmbeddingCache:
    return EmbeddingCache()


def test_real_identity_and_mirror(use: ct.USEEmbedder, cache: EmbeddingCache) -> None:
    en = [
        "The company was founded in 1998.",
        "It is based in Paris.",
        "Its chief executive is Marie Dupont.",
        "Sales grew by ten percent last year.",
    ]
    fr = [
        "Fondée en 1998, l’entreprise est basée à Paris.",
        "Sa directrice générale est Marie Dupont.",
        "Les ventes ont augmenté de dix pour cent l’an dernier.",
    ]
    links = align_sentences(en, fr, "en", "fr", embedder=use, cache=cache)
    assert [(lk.source, lk.target) for lk in links] == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]
    back = align_sentences(fr, en, "fr", "en", embedder=use, cache=cache)
    assert [(lk.target, lk.source) for lk in links] == [(lk.source, lk.target) for lk in back]
    same = align_sentences(en, en, embedder=use, cache=cache)
    assert [(lk.source, lk.target) for lk in same] == [((i,), (i,)) for i in range(4)]
    # order-free: the merged French sentence takes both English ones
    pairs = {(al.source, al.target) for al in align(en, fr, embedder=use, cache=cache, lang_a="en", lang_b="fr")}
    assert pairs == {("0", "0"), ("1", "0"), ("2", "1"), ("3", "2")}


def test_changed_figure_still_aligns(use: ct.USEEmbedder, cache: EmbeddingCache) -> None:
    en = [
        "PyTorch now has more than 150,000 projects built on it.",
        "The weather was cold in Berlin.",
        "Meta will keep investing in the framework.",
    ]
    fr = [
        "Le temps était froid à Berlin.",
        "PyTorch compte désormais près de 154 000 projets construits dessus.",
        "Meta continuera d’investir dans le framework.",
    ]
    pairs = {(al.source, al.target) for al in align(en, fr, embedder=use, cache=cache, lang_a="en", lang_b="fr")}
    assert pairs == {("0", "1"), ("1", "0"), ("2", "2")}


def test_shared_figure_accepts_a_pair_below_the_length_bar(use: ct.USEEmbedder, cache: EmbeddingCache) -> None:
    herald = ct.extract_claims(ct.read_article(FIXTURES / "harbour-bridge" / "en-herald.txt"))
    wire = ct.extract_claims(ct.read_article(FIXTURES / "harbour-bridge" / "en-wire.txt"))
    a = _find(herald, "More than 2,400 workers")
    b = _find(wire, "Mayor Elena Marchetti said more than 2,400")
    (hit,) = [x for x in align(herald, wire, embedder=use, cache=cache) if x.source == a.id]
    assert hit.target == b.id
    assert 0.5 <= hit.similarity < 0.65  # below the bar of long claims: the figure decided
    assert any("accepted on a shared figure" in e for e in hit.evidence)
    assert {(d.type, d.source_value, d.target_value) for d in hit.drift} >= {
        ("number", "1,200,000,000", "1,400,000,000")
    }
    # without the rule (evidence_threshold above any cosine) the pair is refused
    strict = align(herald, wire, embedder=use, cache=cache, evidence_threshold=1.01, drift=False)
    assert a.id not in {x.source for x in strict}
    # and the rule is symmetric
    back = align(wire, herald, embedder=use, cache=cache, drift=False)
    assert (b.id, a.id) in {(x.source, x.target) for x in back}


# ---------------------------------------------------------------- seed corpus


def _article(prefix: str) -> Article:
    if not CORPUS.is_dir():
        pytest.skip(f"seed corpus not found at {CORPUS}")
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    return ct.read_article(path, article_id=prefix, source=path.name)


@pytest.fixture(scope="module")
def seed_claims() -> dict[str, list[ct.Claim]]:
    return {p: ct.extract_claims(_article(p)) for p in ("001", "002", "003", "004")}


def _find(claims: list[ct.Claim], start: str) -> ct.Claim:
    hits = [c for c in claims if c.text.lstrip("«“\" ").startswith(start)]
    assert len(hits) == 1, (start, [c.text[:40] for c in claims])
    return hits[0]


def _pairs(als: list[ct.Alignment]) -> set[tuple[str, str]]:
    return {(a.source, a.target) for a in als}


def test_seed_zemlin_paragraph(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    fr, en = seed_claims["004"], seed_claims["001"]
    expected = [
        ("Des projets comme PyTorch", "Projects like PyTorch"),
        ("La neutralité et la véritable", "Neutrality and true community"),
        ("Les utilisateurs, les responsables", "Users, maintainers and the community"),
        ("En créant une maison neutre", "By creating a neutral home"),
    ]
    got = _pairs(align(fr, en, embedder=use, cache=cache))
    for f, e in expected:
        assert (_find(fr, f).id, _find(en, e).id) in got
    # the same four, monotone, with the paragraph-level aligner
    fr_par = [_find(fr, f) for f, _ in expected]
    en_par = [c for c in en if c.sentence_index >= _find(en, "Projects like PyTorch").sentence_index][:4]
    links = align_sentences(fr_par, en_par, "fr", "en", embedder=use, cache=cache)
    assert [(lk.source, lk.target) for lk in links] == [((i,), (i,)) for i in range(4)]
    assert all(lk.similarity is not None and lk.similarity > 0.7 for lk in links)


def test_seed_chintala_quote(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    fr, en2, en3 = seed_claims["004"], seed_claims["002"], seed_claims["003"]
    trio = [
        ("Garder la santé organisationnelle", "Keeping PyTorch's organizational health"),
        ("La prochaine étape de notre progrès", "The next stage of our organizational progress"),
        ("Nous avons choisi la Linux Foundation", "We chose the Linux Foundation"),
    ]
    got2 = _pairs(align(fr, en2, embedder=use, cache=cache))
    for f, e in trio:
        assert (_find(fr, f).id, _find(en2, e).id) in got2
    got3 = _pairs(align(fr, en3, embedder=use, cache=cache))
    assert (_find(fr, "Nous avons choisi").id, _find(en3, "We chose the Linux Foundation").id) in got3


def test_seed_french_only_sentences_stay_unmatched(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    fr = seed_claims["004"]
    lonely = {_find(fr, "Aujourd’hui, plus de 80%").id, _find(fr, "La première version de PyTorch-Distributed").id}
    for other in ("001", "002", "003"):
        for al in align(fr, seed_claims[other], embedder=use, cache=cache):
            assert al.source not in lonely


def test_seed_repeated_sentences_score_high(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    a, b = seed_claims["001"], seed_claims["003"]
    by_pair = {(x.source, x.target): x for x in align(a, b, embedder=use, cache=cache)}
    for start in ("From August 2021 through August 2022", "Over 2,400 contributors", "These numbers place PyTorch"):
        al = by_pair[(_find(a, start).id, _find(b, start).id)]
        assert al.score >= 0.95
        assert al.fuzzy is not None and al.fuzzy >= 0.95
    al = by_pair[(_find(a, "From August 2021").id, _find(b, "From August 2021").id)]
    assert 65000.0 in al.shared_numbers
    assert any("shared numbers" in e for e in al.evidence)


def test_seed_summary_against_long_article(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    """A short French 'summary' (the four Zemlin sentences) against all of 001."""
    fr = [_find(seed_claims["004"], s) for s in ("Des projets comme", "La neutralité et", "Les utilisateurs,", "En créant")]
    en = seed_claims["001"]
    links = align_sentences(fr, en, "fr", "en", embedder=use, cache=cache)
    check_links(links, len(fr), len(en))
    start = _find(en, "Projects like PyTorch").sentence_index
    aligned = [(lk.source, lk.target) for lk in links if lk.source and lk.target]
    idx = {c.sentence_index: k for k, c in enumerate(en)}
    assert aligned == [((i,), (idx[start + i],)) for i in range(4)]
