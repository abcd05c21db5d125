"""The acceptance rule for a pair of claims (alignment.rule), shared by align and the store."""

from __future__ import annotations

import claimtrack as ct
from claimtrack import store
from claimtrack.alignment.rule import MatchSettings, Rule, fuzzy_similarity, judge

RULE = MatchSettings().rule()


def test_match_settings_are_one_class_everywhere() -> None:
    assert ct.MatchSettings is store.MatchSettings is MatchSettings
    assert RULE == Rule(threshold=0.65, short_threshold=0.42, margin=0.05, fuzzy_min=0.8, nudge=0.03,
                        evidence_threshold=0.5)


def test_length_bar_interpolates_from_short_to_long() -> None:
    assert RULE.bar(6, 6) == 0.42 and RULE.bar(3, 5) == 0.42
    assert RULE.bar(20, 20) == 0.65 and RULE.bar(30, 40) == 0.65
    assert abs(RULE.bar(13, 13) - (0.42 + 0.5 * (0.65 - 0.42))) < 1e-12


def test_margin_bar_fuzzy_and_figure() -> None:
    ok = judge(RULE, cosine=0.7, neighbours=0.3, fuzzy=None, words=(20, 20), shared=0, shared_figure=False)
    assert ok.accepted and not ok.figure and abs(ok.margin - 0.4) < 1e-12 and ok.rank == ok.similarity + ok.margin
    crowded = judge(RULE, cosine=0.7, neighbours=0.68, fuzzy=None, words=(20, 20), shared=0, shared_figure=False)
    assert not crowded.accepted  # the margin fails
    low = judge(RULE, cosine=0.55, neighbours=0.2, fuzzy=None, words=(20, 20), shared=1, shared_figure=False)
    assert not low.accepted and low.bonus == 0.01
    rescued = judge(RULE, cosine=0.55, neighbours=0.2, fuzzy=None, words=(20, 20), shared=1, shared_figure=True)
    assert rescued.accepted and rescued.figure
    verbatim = judge(RULE, cosine=0.5, neighbours=0.45, fuzzy=0.95, words=(20, 20), shared=6, shared_figure=False)
    assert verbatim.accepted and verbatim.similarity == 0.95 and abs(verbatim.margin - 0.5) < 1e-12
    assert verbatim.bonus == 0.03  # capped at the nudge


def test_fuzzy_similarity_is_case_blind_and_sees_requotes() -> None:
    assert fuzzy_similarity("The Bridge Opens.", "the bridge opens.") == 1.0
    quote = "the bridge will open to traffic on monday"
    assert fuzzy_similarity(quote, "Mayor Marchetti said " + quote) == 1.0
