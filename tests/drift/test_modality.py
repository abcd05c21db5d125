"""The modality check: modal force changed, hedges dropped or added.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from claimtrack.drift import diff

from .helpers import fast, types


# --- modality -------------------------------------------------------------------------------------

def test_modality():
    d = fast("Meta will reach 2,400 contributors.", "Meta could reach 2,400 contributors.")
    assert [(f.type, f.source_value, f.target_value) for f in d.candidates] == [("modality", "will", "could")]
    assert types(fast("Meta will reach 2,400 contributors in May.", "Meta reaches 2,400 contributors in May.")) == []


def test_modality_fr_en(use):
    d = diff("Meta va atteindre 2 400 contributeurs.", "Meta could reach 2,400 contributors.", "fr", "en", embedder=use)
    assert "modality" in types(d)
