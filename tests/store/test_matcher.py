"""Cluster matching (store.matcher): the name-conflict rule."""

from __future__ import annotations

from claimtrack.store.matcher import _names, _names_conflict


def test_speakers_conflict_only_with_speakers() -> None:
    builders = {"hollis engineering", "vantor steel"}
    # "Mayor Elena Marchetti said ..." against an unattributed sentence naming the builders
    assert not _names_conflict(_names({"elena marchetti"}, "elena marchetti", None), _names(builders, None, "x"))
    # two speakers: "Okafor said" against "Reyes said"
    assert _names_conflict(_names({"okafor"}, "tomas okafor", "sam reyes"), _names({"reyes"}, "sam reyes", "tomas okafor"))
    assert not _names_conflict(_names(set(), "tomas okafor", "okafor"), _names(set(), "okafor", "tomas okafor"))
    # other names still conflict whoever speaks
    assert _names_conflict(_names({"google", "elena marchetti"}, "elena marchetti", None), _names({"microsoft"}, None, "x"))
