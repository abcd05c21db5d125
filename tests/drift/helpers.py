"""Helpers of the drift tests: ``BOW`` (the fake embedder they share),
``fast`` (a diff with it), ``types`` and ``check_spans``.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from typing import Any

from claimtrack.drift import diff
from claimtrack.models import PairDiff

from ..fakes import BagOfWordsEmbedder

BOW = BagOfWordsEmbedder()


def types(d: PairDiff) -> list[str]:
    return [f.type for f in d.candidates]


def fast(a: str, b: str, la: str = "en", lb: str = "en", **kw: Any) -> PairDiff:
    return diff(a, b, la, lb, embedder=BOW, **kw)


def check_spans(d: PairDiff) -> None:
    for f in d.candidates:
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
