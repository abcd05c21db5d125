"""The speaker check: speaker and pronoun (gender) findings.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from claimtrack.drift import diff
from claimtrack.models import PairDiff

from .helpers import BOW, fast, types


# --- speaker / pronoun ----------------------------------------------------------------------------

def test_pronoun_and_speaker(use):
    d = fast("“It is an honor,” she said.", "“It is an honor,” he said.")
    assert types(d) == ["pronoun"] and d.candidates[0].source_value == "she"
    d = diff("« C'est un honneur », a-t-il déclaré.", "“It is an honor,” she said.", "fr", "en", embedder=use)
    assert [(f.type, f.source_value, f.target_value) for f in d.candidates] == [("pronoun", "il", "she")]
    d = fast("It is an honor.", "It is an honor.", source_speaker="Jim Zemlin", target_speaker="Mark Zuckerberg")
    assert types(d) == ["speaker"]
    assert types(fast("It is an honor.", "It is an honor.", source_speaker="Soumith Chintala",
                      target_speaker="Chintala")) == []


def pronouns(d: PairDiff) -> list[tuple[str | None, str | None]]:
    return [(f.source_value, f.target_value) for f in d.candidates if f.type == "pronoun"]


def test_pronoun_evidence_across_languages():
    # an elided subject pronoun counts ("qu'elle")
    d = diff("Ce qu'elle disait, c'est que la loi change.", "What he was saying is that the law changes.", "fr", "en",
             embedder=BOW, checks=["speaker"])
    assert pronouns(d) == [("elle", "he")]
    # a possessive or object pronoun is no evidence across languages: French
    # possessives agree with the thing owned, and "her" may be someone else
    assert pronouns(diff("Son amour pour le Japon est connu.", "Her love for Japan is well known.", "fr", "en",
                         embedder=BOW, checks=["speaker"])) == []
    assert pronouns(diff("Il la trouve dans sa retraite et tombe amoureux.",
                         "He finds her in her retreat and falls in love.", "fr", "en",
                         embedder=BOW, checks=["speaker"])) == []
    # ... but within one language it is
    assert pronouns(fast("His plan is ready.", "Her plan is ready.", checks=["speaker"])) == [("His", "Her")]
    # an impersonal "il" and a set phrase stand for no one
    for fr in ("Elle a dit qu'il y avait dix blessés.", "Elle a dit qu'il est évident que dix sont blessés.",
               "Elle défend les droits de l'homme."):
        en = "She said ten were hurt." if "droits" not in fr else "She defends human rights."
        assert pronouns(diff(fr, en, "fr", "en", embedder=BOW, checks=["speaker"])) == [], fr
    assert pronouns(diff("Il a dit qu'il y avait dix blessés.", "She said ten were hurt.", "fr", "en",
                         embedder=BOW, checks=["speaker"])) == [("Il", "She")]
    assert pronouns(diff("Y a-t-il des blessés ? demande-t-elle.", "Is anyone hurt? she asks.", "fr", "en",
                         embedder=BOW, checks=["speaker"])) == []
    # ... but a verb that can be impersonal is personal without "que" / "de" after it
    for fr, en in (("Il arrive demain à Paris.", "She arrives in Paris tomorrow."),
                   ("Il semble fatigué.", "She seems tired."),
                   ("Il est difficile à convaincre.", "She is hard to convince.")):
        assert pronouns(diff(fr, en, "fr", "en", embedder=BOW, checks=["speaker"])) == [("Il", "She")], fr
