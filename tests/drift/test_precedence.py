"""Precedence: a finding that restates a more specific one is dropped.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from claimtrack.drift import diff

from .helpers import BOW


# --- a speaker change is said once ----------------------------------------------------------------

def test_speaker_change_is_said_once():
    # the replaced name and the added attribution restate the speaker finding
    d = diff("“We will not wait any longer,” Adebayo said.",
             "« Nous n'attendrons pas plus longtemps », a déclaré Marc Delorme.",
             "en", "fr", embedder=BOW, source_speaker="Adebayo", target_speaker="Marc Delorme")
    changes = [(f.type, f.source_value, f.target_value) for f in d.candidates if f.type in ("speaker", "entity", "addition")]
    assert changes == [("speaker", "Adebayo", "Marc Delorme")]
    # a passage that only shares a particle with a speaker's name is not an attribution
    d = diff("Le port a fermé ses quais, de la gare maritime, a dit le maire.", "Le port a fermé ses quais, a dit le maire.",
             "fr", "fr", embedder=BOW, source_speaker="Charles de Gaulle", target_speaker="Marc Delorme")
    assert ("omission", "de la gare maritime") in [(f.type, f.source_value) for f in d.candidates]
