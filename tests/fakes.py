"""Fake encoders for tests: cheap, deterministic, one copy of each kind.

Each implements :class:`claimtrack.Embedder` (``name``, ``fingerprint``,
``dim``, ``encode``) and returns L2-normalised float32 rows (all-zero rows stay
zero).  None of them is cross-lingual: tests that need an English text close to
its French translation use the real encoder (the ``use`` fixture).

- :class:`HashEmbedder`: signed hashing of word 1- and 2-grams (alignment, store).
- :class:`BagOfWordsEmbedder`: bag of accent-folded words (drift).
- :class:`CountingEmbedder`: a bag of words that records what it is asked to
  encode (caches, batching, cost).
- :class:`SameVectorEmbedder`: one vector for every text, for tests whose checks
  read words, not embeddings.
- :class:`BatchNoiseEmbedder`: a hashing encoder whose vectors depend on the
  batch (the store's crash-resume and batch-invariance tests).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Sequence

import numpy as np

__all__ = ["BagOfWordsEmbedder", "BatchNoiseEmbedder", "CountingEmbedder", "HashEmbedder", "SameVectorEmbedder"]


def _unit_rows(out: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(out, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return out / n


class HashEmbedder:
    """Signed hashing of case-folded word 1- and 2-grams into 256 dimensions:
    texts sharing words and word pairs are close, others near orthogonal."""

    name = "hash-test"
    fingerprint = "hash-test-256-v1"
    dim = 256

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for r, t in enumerate(texts):
            words = re.findall(r"\w+", t.casefold())
            for g in words + [a + " " + b for a, b in zip(words, words[1:])] or ["<empty>"]:
                h = hashlib.blake2b(g.encode(), digest_size=8).digest()
                out[r, int.from_bytes(h[:4], "little") % self.dim] += 1.0 if h[4] & 1 else -1.0
        return _unit_rows(out)


class BagOfWordsEmbedder:
    """Hashes folded words into 256 dims: same-language paraphrase-free
    similarity, fast and deterministic (not cross-lingual)."""

    name = "bow-test"
    fingerprint = "bow-test-1"
    dim = 256

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c)).casefold()
            for w in re.findall(r"[a-z]+|\d+", t):
                out[i, zlib.crc32(w.encode()) % self.dim] += 1.0
        return _unit_rows(out)


class CountingEmbedder(BagOfWordsEmbedder):
    """A :class:`BagOfWordsEmbedder` that records every call: ``calls`` (the texts
    of each call) and ``chars`` (characters encoded in all).  Its own fingerprint,
    so a cache never serves it another fake's vectors."""

    name = "counting"
    fingerprint = "counting-1"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.chars = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        self.chars += sum(map(len, texts))
        return super().encode(texts)


class SameVectorEmbedder:
    """Every text gets the same vector: for checks that read words, not embeddings."""

    name = "same-vector"
    fingerprint = "same-vector-1"
    dim = 8

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.full((len(texts), self.dim), 1 / np.sqrt(self.dim), dtype=np.float32)


class BatchNoiseEmbedder(HashEmbedder):
    """A :class:`HashEmbedder` whose vectors depend on the batch they are encoded
    in, as a BLAS-batched encoder's do (by ~1e-7 for USE; here by ~1e-3, so
    that the dependence shows in every decision): row ``r`` of a batch of
    ``n`` texts is shifted along directions set by ``n`` and ``r``.  Alone
    (``n == 1``) a text always gets the same vector."""

    name = "batch-noise-test"
    fingerprint = "batch-noise-test-1"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        base = super().encode(texts)
        n = len(texts)
        phase = np.arange(1, self.dim + 1, dtype=np.float64)
        noise = np.stack([np.sin(phase * (n + 0.37 * r)) for r in range(n)]) if n else base
        return _unit_rows(base + 1e-3 * noise.astype(np.float32)).astype(np.float32)
