"""Property-based drift tests built on claimtrack.testing: an injected drift
of each type is found with the right type; identical and reformatted text
give nothing; diff(a, b) and diff(b, a) are mirrored."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.drift import diff
from claimtrack.testing import DRIFT_TYPES, reformatted, statement_pairs

from .helpers import BOW
FAST = settings(max_examples=15, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SLOW = settings(max_examples=4, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _types(pair, embedder, reported=True):
    """The diff and its finding types: the reported ones (``drift``, at the
    default confidence cut) or, with ``reported=False``, every candidate the
    checks propose (the fake encoder's vectors say nothing a confidence could
    use, so the same-language properties test the checks themselves)."""
    d = diff(pair.source, pair.target, pair.source_lang, pair.target_lang, embedder=embedder)
    return d, {f.type for f in (d.drift if reported else d.candidates)}


@pytest.mark.parametrize("drift", DRIFT_TYPES)
@pytest.mark.parametrize("langs", [("en", "en"), ("fr", "fr")])
def test_injected_drift_found_same_language(drift, langs):
    @FAST
    @given(statement_pairs(drift=drift, lang_pair=langs))
    def run(pair):
        d, found = _types(pair, BOW, reported=False)
        assert drift in found, (pair, d.candidates)

    run()


@pytest.mark.parametrize("drift", DRIFT_TYPES)
@pytest.mark.parametrize("langs", [("en", "fr"), ("fr", "en")])
def test_injected_drift_found_cross_language(drift, langs, use):
    @SLOW
    @given(statement_pairs(drift=drift, lang_pair=langs))
    def run(pair):
        d, found = _types(pair, use, reported=False)
        assert drift in found, (pair, d.candidates)

    run()


@pytest.mark.parametrize("langs", [("en", "en"), ("fr", "fr")])
@FAST
@given(data=st.data())
def test_identical_and_reformatted_give_nothing(langs, data):
    pair = data.draw(statement_pairs(drift=None, lang_pair=langs))
    assert _types(pair, BOW, reported=False)[1] == set()
    same = diff(pair.source, pair.source, pair.source_lang, pair.source_lang, embedder=BOW)
    assert same.candidates == ()
    ref = data.draw(reformatted(pair.source))
    d = diff(pair.source, ref, pair.source_lang, pair.source_lang, embedder=BOW, checks=[
        "number", "qualifier", "date", "negation", "entity", "speaker", "modality"])
    assert d.candidates == (), (pair.source, ref, d.candidates)


@pytest.mark.parametrize("langs", [("en", "fr"), ("fr", "en")])
def test_faithful_cross_language_gives_nothing(langs, use):
    @SLOW
    @given(statement_pairs(drift=None, lang_pair=langs))
    def run(pair):
        d, found = _types(pair, use)
        assert found == set(), (pair, d.drift)

    run()


@FAST
@given(drift=st.sampled_from((None, *DRIFT_TYPES)), langs=st.sampled_from([("en", "en"), ("fr", "fr"), ("en", "fr")]),
       data=st.data())
def test_mirrored(drift, langs, data):
    pair = data.draw(statement_pairs(drift=drift, lang_pair=langs))
    a = diff(pair.source, pair.target, pair.source_lang, pair.target_lang, embedder=BOW)
    b = diff(pair.target, pair.source, pair.target_lang, pair.source_lang, embedder=BOW)
    swap = {"omission": "addition", "addition": "omission"}
    ma = {(swap.get(f.type, f.type), f.target_value, f.source_value, f.target_span, f.source_span, f.severity)
          for f in a.drift}
    mb = {(f.type, f.source_value, f.target_value, f.source_span, f.target_span, f.severity) for f in b.drift}
    assert ma == mb
    assert a.divergence == b.divergence and a.similarity == b.similarity
