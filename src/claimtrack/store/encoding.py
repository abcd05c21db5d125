"""Encoding for the store: every text on its own, so a vector never depends on its batch.

An encoder that runs its batch through one matrix product (USE does, in
token-budgeted micro-batches) gives a text vectors that differ by about 1e-7
with the other texts of the batch: BLAS sums in another order for another
shape.  In the store that is enough to flip a threshold decision (join this
cluster or start one), and the batches depend on history: what the
embedding cache already holds, where a crashed run resumed.  So the store
encodes through :class:`PerTextEncoder`, which hands the encoder one text at a
time: with a deterministic encoder, a text has one vector whatever was encoded
with it, and ``track add`` resumed after a crash builds exactly the store an
uninterrupted run builds.  The cost is the encoder's batching gain (USE: about
2.5 times the encoding time of a batch; ``benchmarks/bench_store.py`` adds 1.6
times fewer articles per second), and the :class:`~claimtrack.embed.EmbeddingCache`
still encodes each distinct text once.

Why not smaller batches of a fixed shape: OpenBLAS computes a row of a matrix
product the same way in any position of a product of eight rows or more, but
by another kernel below that (measured: 1-7 rows differ), and the sizes where
kernels change depend on the CPU and the library build; a text alone is the
one batch whose shapes depend on nothing but the text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import spill
from ..embed import Embedder

__all__ = ["PerTextEncoder", "finite"]


class PerTextEncoder:
    """An :class:`~claimtrack.embed.Embedder` that encodes each text in a batch of its own.

    Args:
        inner: the encoder; its ``name``, ``fingerprint`` and ``dim`` are this one's.

    A store records the fingerprint, so a store built before this wrapper
    existed opens with it, and its vectors compare with the new ones (the same
    encoder, to within the ~1e-7 the batch made).
    """

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    @property
    def dim(self) -> int:
        return int(self.inner.dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """float32 ``(len(texts), dim)``: row ``i`` is ``inner.encode([texts[i]])``."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.concatenate(
            [np.asarray(self.inner.encode([t]), dtype=np.float32).reshape(1, -1) for t in texts], axis=0
        )

    def __repr__(self) -> str:
        return f"PerTextEncoder({self.inner!r})"


def finite(vecs: np.ndarray, rows: int = 4096) -> bool:
    """Whether every value of ``vecs`` is finite, checked ``rows`` rows at a
    time (no boolean matrix the size of the article's vectors)."""
    for s in range(0, len(vecs), rows):
        ok = bool(np.isfinite(vecs[s : s + rows]).all())
        spill.release(vecs[s : s + rows])  # a file-backed matrix is read once, not held
        if not ok:
            return False
    return True
