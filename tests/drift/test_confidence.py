"""The confidence of findings (claimtrack.drift.confidence): the shipped model,
every candidate scored and explained, the cut, mirroring, and ``divergent``
agreeing with the reported findings."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.drift import DEFAULT_MIN_CONFIDENCE, config, diff_many
from claimtrack.drift.confidence import BASE, FEATURES, OWN_WEIGHTS, from_dict, model
from claimtrack.testing import DRIFT_TYPES, statement_pairs

from .helpers import BOW, fast

QUICK = settings(max_examples=20, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])

PAIRS = [
    ("More than 150,000 projects use PyTorch, Chintala said.", "Près de 154 000 projets utilisent PyTorch, a dit Chintala."),
    ("The company will not open a factory in Lyon next year.", "L'entreprise ouvrira une usine à Lyon l'an prochain."),
    ("The minister said the budget was approved.", "Le ministre a déclaré que le budget avait été approuvé."),
]


def _all(cut: float = 0.0):
    return diff_many(PAIRS, "en", "fr", embedder=BOW, min_confidence=cut)


# --- the shipped model ----------------------------------------------------------------------------

def test_shipped_model_weighs_every_feature():
    raw = json.loads(resources.files("claimtrack.drift").joinpath("confidence.json").read_text(encoding="utf-8"))
    assert set(raw["weights"]) == set(FEATURES), "refit with benchmarks/fit_confidence.py --write"
    m = model()
    assert 0.0 < m.min_confidence < 1.0 and m.min_confidence == DEFAULT_MIN_CONFIDENCE
    assert m.version.startswith("fit-")


def test_a_model_with_unknown_features_is_refused():
    with pytest.raises(ValueError, match="unknown features"):
        from_dict({"version": "x", "weights": {"no such feature": 1.0}, "bias": 0.0, "min_confidence": 0.5})


# --- every candidate scored and explained ---------------------------------------------------------

def test_every_candidate_has_a_confidence_explained_by_its_terms():
    found = [c for d in _all() for c in d.candidates]
    assert found, "the pairs were chosen to raise candidates"
    for c in found:
        assert c.confidence is not None and 0.0 <= c.confidence <= 1.0
        z = sum(t.contribution for t in c.evidence)
        assert math.isclose(1 / (1 + math.exp(-z)), c.confidence, abs_tol=1e-4)
        names = [t.name for t in c.evidence]
        assert names[-1] == "bias" and f"type:{c.type}" in names
        for t in c.evidence:
            assert math.isclose(t.value * t.weight, t.contribution, abs_tol=1e-5)
            assert t.explanation


def test_own_weights_apply_to_their_type_only():
    found = [c for d in _all() for c in d.candidates]
    assert {c.type for c in found} >= {"negation", "number"}, "the pairs were chosen to raise both"
    for c in found:
        got = {t.name: t.value for t in c.evidence}
        for t in OWN_WEIGHTS:
            own = {b: got.get(f"{t}:{b}", 0.0) for b in BASE}
            if c.type == t:  # the same values again, under the type's own weights
                assert own == {b: got.get(b, 0.0) for b in BASE}
                assert any(n.startswith(f"{t}:") for n in got)
                assert all(e.explanation.startswith(f"for a {t}, ") for e in c.evidence if e.name.startswith(f"{t}:"))
            else:
                assert not any(own.values())


def test_the_cut_keeps_the_confident_candidates():
    for d in _all(DEFAULT_MIN_CONFIDENCE):
        assert d.min_confidence == DEFAULT_MIN_CONFIDENCE
        assert list(d.drift) == [c for c in d.candidates if c.confidence >= DEFAULT_MIN_CONFIDENCE]
    for d in _all(0.0):
        assert d.drift == d.candidates


@QUICK
@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_a_higher_cut_reports_a_subset(lo, hi):
    lo, hi = min(lo, hi), max(lo, hi)
    for a, b in zip(_all(lo), _all(hi)):
        assert set(b.drift) <= set(a.drift)
        assert a.candidates == b.candidates


@pytest.mark.parametrize("cut", [-0.1, 1.5, float("nan")])
def test_a_cut_outside_0_1_is_refused(cut):
    with pytest.raises(ValueError, match="min_confidence"):
        fast("One.", "One.", min_confidence=cut)


def test_signature_and_config_name_the_model_and_cut():
    d = fast("Over 2,400 contributors joined.", "Over 2,400 contributors joined.", min_confidence=0.25)
    assert f"confidence={model().version}>=0.25" in (d.signature or "")
    assert config(min_confidence=0.25)["min_confidence"] == 0.25


def test_confidence_does_not_depend_on_the_orientation():
    for s, t in PAIRS:
        ab = fast(s, t, "en", "fr", min_confidence=0.0)
        ba = fast(t, s, "fr", "en", min_confidence=0.0)
        assert sorted(c.confidence for c in ab.candidates) == sorted(c.confidence for c in ba.candidates)


# --- divergent agrees with the findings -----------------------------------------------------------

@pytest.mark.parametrize("drift", DRIFT_TYPES)
def test_divergent_agrees_with_reported_findings(drift):
    @QUICK
    @given(statement_pairs(drift=drift, lang_pair=("en", "en")), st.sampled_from([0.0, DEFAULT_MIN_CONFIDENCE]))
    def run(pair, cut):
        d = fast(pair.source, pair.target, pair.source_lang, pair.target_lang, min_confidence=cut)
        critical = [f for f in d.drift if f.severity == "critical"]
        if critical:
            assert d.divergent and "critical" in d.divergent_because
        if not d.divergent:
            assert not critical and "<" in d.divergent_because
        assert d.divergent_because

    run()


# --- the default cut on injected drifts -----------------------------------------------------------

def test_default_cut_reports_most_injected_drifts_across_languages(use):
    """Template pairs with one injected drift (claimtrack.testing, the same
    examples every run): the share reported by default, per type.  The
    confidence is fitted to real news, where some of these forms are
    usually translation choices, so not every candidate passes; most must."""
    pairs = []
    for drift in DRIFT_TYPES:
        got = []

        @settings(max_examples=8, derandomize=True, database=None, deadline=None,
                  suppress_health_check=list(HealthCheck))
        @given(statement_pairs(drift=drift, lang_pair=("en", "fr")))
        def collect(pair):
            got.append(pair)

        collect()
        pairs += got[:8]
    res = diff_many([(p.source, p.target) for p in pairs], "en", "fr", embedder=use)
    share = {}
    for drift in DRIFT_TYPES:
        mine = [(p, d) for p, d in zip(pairs, res) if p.drift == drift]
        share[drift] = sum(any(f.type == drift or {f.type, drift} <= {"omission", "addition"} for f in d.drift)
                           for _, d in mine) / len(mine)
    assert min(share.values()) >= 0.6, share
    assert sum(share.values()) / len(share) >= 0.85, share
