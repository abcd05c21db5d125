"""A cheap deterministic embedder for drift tests (bag of folded words)."""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence

import numpy as np


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
        n = np.linalg.norm(out, axis=1, keepdims=True)
        n[n == 0] = 1.0
        return out / n
