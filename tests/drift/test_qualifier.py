"""The qualifier check: the bound a matched figure is stated with changed class.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from claimtrack.drift import diff

from .helpers import fast, types


# --- qualifier classes ----------------------------------------------------------------------------

def test_qualifier_changes_class_only():
    d = fast("It has more than 150,000 projects.", "It has nearly 150,000 projects.")
    assert types(d) == ["qualifier"]
    assert "lower bound" in d.candidates[0].explanation and "approximation" in d.candidates[0].explanation
    assert types(fast("It has more than 150,000 projects.", "It has at least 150,000 projects.")) == []


def test_seed_style_qualifier_en_fr(use):
    d = diff("more than 150,000 projects", "près de 154 000 projets", embedder=use)
    assert d.source_lang == "en" and d.target_lang == "fr"
    assert ("number", "150,000", "154,000") in [(f.type, f.source_value, f.target_value) for f in d.candidates]
    assert "qualifier" in types(d)
    assert types(diff("over 2,400 contributors", "plus de 2 400 contributeurs", "en", "fr", embedder=use)) == []
