"""The hypothesis strategies of claimtrack.testing produce what they promise."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract.quantities import extract_quantities
from claimtrack.testing import DRIFT_TYPES, StatementPair, format_number, reformat, reformatted, statement_pairs


def test_format_number_per_locale():
    assert format_number(150000, "en") == "150,000"
    assert extract_quantities(format_number(150000, "fr"), "fr")[0].value == 150000


@settings(max_examples=40, deadline=None)
@given(drift=st.sampled_from((None, *DRIFT_TYPES)),
       langs=st.sampled_from([("en", "fr"), ("fr", "en"), ("en", "en"), ("fr", "fr")]), data=st.data())
def test_statement_pairs_shape(drift, langs, data):
    p = data.draw(statement_pairs(drift=drift, lang_pair=langs))
    assert isinstance(p, StatementPair) and p.drift == drift
    assert (p.source_lang, p.target_lang) == langs
    assert p.source and p.target
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.source = "x"  # type: ignore[misc]
    if drift is None and langs[0] == langs[1]:
        assert p.source == p.target
    if drift in ("omission",):
        assert p.expected_source and p.expected_source in p.source and p.expected_target is None
    if drift in ("addition",):
        assert p.expected_target and p.expected_target in p.target
    if drift == "number":
        qs = {q.value for q in extract_quantities(p.source, p.source_lang)}
        qt = {q.value for q in extract_quantities(p.target, p.target_lang)}
        assert qs != qt


@settings(max_examples=1, deadline=None)
@given(data=st.data())
def test_unknown_drift_rejected(data):
    with pytest.raises(ValueError):
        data.draw(statement_pairs(drift="tense"))


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_reformatting_keeps_figures(data):
    p = data.draw(statement_pairs(lang_pair=("en", "en")))
    r = data.draw(reformatted(p.source))
    assert [q.value for q in extract_quantities(r, "en")] == [q.value for q in extract_quantities(p.source, "en")]
    with pytest.raises(ValueError):
        reformat("x", "nope")
