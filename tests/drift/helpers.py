"""Helpers of the drift tests: a cheap deterministic embedder (bag of folded
words), ``fast`` (a diff with it), ``types`` and ``check_spans``."""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from claimtrack.drift import diff
from claimtrack.models import PairDiff


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


BOW = BagOfWordsEmbedder()


def types(d: PairDiff) -> list[str]:
    return [f.type for f in d.drift]


def fast(a: str, b: str, la: str = "en", lb: str = "en", **kw: Any) -> PairDiff:
    return diff(a, b, la, lb, embedder=BOW, **kw)


def check_spans(d: PairDiff) -> None:
    for f in d.drift:
        assert f.explanation.endswith(".") and f.explanation
        if f.source_span is not None:
            s, e = f.source_span
            assert 0 <= s < e <= len(d.source)
            if f.source_value and f.type not in ("qualifier", "number", "date", "speaker"):
                assert d.source[s:e] == f.source_value
        if f.target_span is not None:
            s, e = f.target_span
            assert 0 <= s < e <= len(d.target)
            if f.target_value and f.type not in ("qualifier", "number", "date", "speaker"):
                assert d.target[s:e] == f.target_value
