"""The divergence score: a logistic combination whose terms explain it.

Checks that ``divergence`` is exactly the logistic of the terms it carries,
that it is monotone in its evidence, symmetric, and that identical text is
never divergent while an injected figure change is (cross-language, USE).
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.drift import DEFAULT_CONFIG, FINDING_GROUPS, TERMS, DriftConfig, diff, length_ratio, score_terms
from claimtrack.drift import divergence as divergence_of
from claimtrack.models import Drift, ScoreTerm
from claimtrack.testing import DRIFT_TYPES, statement_pairs

from .helpers import BOW
FAST = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def finding(type_: str, severity: str = "major") -> Drift:
    return Drift(type=type_, source_value="a", target_value="b", explanation="test", severity=severity)  # type: ignore[arg-type]


def logistic(terms: tuple[ScoreTerm, ...]) -> float:
    return 1.0 / (1.0 + math.exp(-sum(t.contribution for t in terms)))


def test_terms_named_and_weighted_from_config() -> None:
    terms = score_terms(0.8, 0.7, 0.1, [finding("number", "critical")])
    assert [t.name for t in terms] == [*TERMS, "bias"]
    by = {t.name: t for t in terms}
    assert by["similarity"].weight == DEFAULT_CONFIG.w_similarity
    assert by["value"].value == 1.0 and by["figure"].value == 0.0  # a changed value is not a one-sided figure
    assert by["value"].contribution == pytest.approx(DEFAULT_CONFIG.w_value)
    assert by["bias"].contribution == DEFAULT_CONFIG.w_bias
    assert all(t.explanation for t in terms)
    assert f"{by['value'].contribution:+.3f}" in by["value"].explanation


def test_every_drift_type_feeds_one_term() -> None:
    groups = {t: g for g, kinds in FINDING_GROUPS.items() for t, _ in kinds}
    assert set(groups) == set(DRIFT_TYPES) | {"speaker", "pronoun", "time_scope", "date", "modality", "qualifier"} or \
        set(DRIFT_TYPES) <= set(groups)
    for t, g in groups.items():
        sev = "critical" if g == "value" else "major"
        terms = {x.name: x.value for x in score_terms(0.5, 0.5, 0.0, [finding(t, sev)])}
        assert terms[g] == 1.0, (t, g)


@given(
    sim=st.floats(-1, 1), cov=st.floats(-1, 1), length=st.floats(0, 5),
    kinds=st.lists(st.sampled_from([(t, s) for _, ks in FINDING_GROUPS.items() for t, sevs in ks for s in sevs]),
                   max_size=4),
    extra=st.sampled_from([(t, s) for _, ks in FINDING_GROUPS.items() for t, sevs in ks for s in sevs]),
    more=st.floats(0, 0.5),
    words=st.lists(st.sampled_from(["secret", "avocats", "trois"]), max_size=3),
)
def test_monotone_in_evidence(sim, cov, length, kinds, extra, more, words) -> None:  # type: ignore[no-untyped-def]
    found = [finding(t, s) for t, s in kinds]
    base = divergence_of(score_terms(sim, cov, length, found, unmatched=words))
    assert divergence_of(score_terms(sim, cov, length, found, unmatched=[*words, "plus"])) >= base
    base = divergence_of(score_terms(sim, cov, length, found))
    assert 0.0 <= base <= 1.0
    assert divergence_of(score_terms(sim, cov, length, [*found, finding(*extra)])) >= base
    assert divergence_of(score_terms(min(1.0, sim + more), cov, length, found)) <= base
    assert divergence_of(score_terms(sim, min(1.0, cov + more), length, found)) <= base
    assert divergence_of(score_terms(sim, cov, length + more, found)) >= base


def test_length_ratio() -> None:
    assert length_ratio(100, 112, 1.0, 1.12) == pytest.approx(0.0, abs=0.01)
    assert length_ratio(50, 200) == pytest.approx(length_ratio(200, 50))
    assert length_ratio(100, 200) > length_ratio(100, 150) > 0


def test_weights_are_settings() -> None:
    a, b = "The bridge opened on Monday.", "The bridge opened on Tuesday."
    d = diff(a, b, "en", "en", embedder=BOW)
    strict = diff(a, b, "en", "en", embedder=BOW, settings=replace(DEFAULT_CONFIG, w_bias=DEFAULT_CONFIG.w_bias + 3))
    assert strict.divergence > d.divergence
    assert "w_bias=" in d.signature and d.signature != strict.signature
    assert isinstance(DEFAULT_CONFIG, DriftConfig)


@FAST
@given(statement_pairs(lang_pair=("en", "fr")))
def test_divergence_is_the_logistic_of_its_terms(pair) -> None:  # type: ignore[no-untyped-def]
    d = diff(pair.source, pair.target, pair.source_lang, pair.target_lang, embedder=BOW)
    assert d.divergence == pytest.approx(logistic(d.score), abs=1e-5)
    assert d.divergent == (d.divergence >= d.threshold)
    back = diff(pair.target, pair.source, pair.target_lang, pair.source_lang, embedder=BOW)
    assert back.divergence == d.divergence
    assert [(t.name, t.value) for t in back.score] == [(t.name, t.value) for t in d.score]
    assert [sorted(t.evidence) for t in back.score] == [sorted(t.evidence) for t in d.score]


def unmatched(d: ct.PairDiff) -> tuple[str, ...]:
    return next(t.evidence for t in d.score if t.name == "unmatched")


def test_unmatched_words_are_the_evidence(use) -> None:  # type: ignore[no-untyped-def]
    d = diff("The report was published on Monday.", "Le rapport secret a été publié lundi.", "en", "fr",
             embedder=use)
    assert unmatched(d) == ("secret",)
    term = next(t for t in d.score if t.name == "unmatched")
    assert term.value == 1.0 and "secret" in term.explanation
    # words of both sides: listed source side first, in either orientation
    d = diff("The ferry sailed quietly at dawn.", "The ferry sailed loudly at dawn.", "en", "en", embedder=BOW)
    assert unmatched(d) == ("quietly", "loudly")
    assert unmatched(diff(d.target, d.source, "en", "en", embedder=BOW)) == ("loudly", "quietly")
    # two words added
    d = diff("The company hired forty engineers in Berlin.",
             "La société a embauché quarante ingénieurs à Berlin et trois avocats à Paris.", "en", "fr", embedder=use)
    assert set(unmatched(d)) >= {"avocats"}
    back = diff(d.target, d.source, "fr", "en", embedder=use)
    assert unmatched(back) == unmatched(d)  # all on the French side, which is now the source


@FAST
@given(statement_pairs(lang_pair=("en", "en")), st.sampled_from(["zygomorphic", "quixotically", "brackish"]))
def test_an_added_word_is_unmatched(pair, word) -> None:  # type: ignore[no-untyped-def]
    target = pair.source.rstrip(".") + f", {word}."
    d = diff(pair.source, target, "en", "en", embedder=BOW)
    assert unmatched(d) == (word,)
    assert unmatched(diff(target, pair.source, "en", "en", embedder=BOW)) == (word,)


def test_function_words_and_spelling_variants_have_counterparts(use) -> None:  # type: ignore[no-untyped-def]
    # "the", "was", "l'" are function words; Polanyi / Polányi are spelled alike
    d = diff("His older brother was Karl Polanyi, the economist.",
             "Son frère aîné était Karl Polányi, l'économiste.", "en", "fr", embedder=use)
    assert unmatched(d) == ()
    d = diff("Polanyi", "Polányi", "en", "en", embedder=BOW)
    assert unmatched(d) == ()
    d = diff("Polanyi", "Keynes", "en", "en", embedder=BOW)
    assert sorted(unmatched(d)) == ["Keynes", "Polanyi"]


@FAST
@given(statement_pairs(lang_pair=("en", "en")))
def test_identical_text_is_not_divergent(pair) -> None:  # type: ignore[no-untyped-def]
    d = diff(pair.source, pair.source, pair.source_lang, pair.source_lang, embedder=BOW)
    assert not d.drift and not d.divergent, d.score
    assert unmatched(d) == ()


@settings(max_examples=4, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(statement_pairs(drift="number", lang_pair=("en", "fr")))
def test_changed_figure_across_languages_is_divergent(use, pair) -> None:  # type: ignore[no-untyped-def]
    d = diff(pair.source, pair.target, "en", "fr", embedder=use)
    assert "number" in {f.type for f in d.drift}
    assert d.divergent, [t.explanation for t in d.score]


def test_translation_without_drift_is_not_divergent(use) -> None:  # type: ignore[no-untyped-def]
    d = ct.diff("The new bridge will open to traffic on Monday morning.",
                "Le nouveau pont ouvrira à la circulation lundi matin.", "en", "fr", embedder=use)
    assert not d.divergent, [t.explanation for t in d.score]
