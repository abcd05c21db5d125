"""The date check: dates and time scopes changed or one-sided.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from claimtrack.drift import diff

from .helpers import BOW, fast, types


# --- date / time scope ----------------------------------------------------------------------------

def test_date_and_time_scope():
    d = fast("From March 2023 through March 2024, the port logged over 48,000 crossings.",
             "The port logged over 48,000 crossings.")
    assert "time_scope" in types(d) and "omission" not in types(d)
    d = fast("The blockade began in 2007.", "The blockade began in 2008.")
    assert [(f.type, f.source_value, f.target_value) for f in d.candidates] == [("date", "2007", "2008")]


def test_time_scope_forms_and_words():
    # "since 2016" is a scope too, and says what "since its launch in 2016" says
    for fr, en in (("PyTorch a grandi depuis son lancement en 2016.", "PyTorch has grown since 2016."),
                   ("PyTorch a grandi depuis 2016.", "PyTorch has grown since its launch in 2016."),
                   ("Depuis l'an 2000, le port grandit.", "Since 2000, the port has grown.")):
        assert types(diff(fr, en, "fr", "en", embedder=BOW, checks=["date"])) == [], (fr, en)
    d = diff("PyTorch a grandi depuis 2016.", "PyTorch has grown over the last five years.", "fr", "en",
             embedder=BOW, checks=["date"])
    assert [(f.type, f.source_value) for f in d.candidates] == [("time_scope", "depuis 2016")]
    # a scope without a figure is there when the other side holds a word of its kind
    assert types(diff("La reprise est évidente depuis la rentrée.",
                      "The recovery is evident since the start of the school year.", "fr", "en",
                      embedder=BOW, checks=["date"])) == []
    d = diff("PyTorch a grandi depuis son lancement.", "PyTorch has grown.", "fr", "en", embedder=BOW,
             checks=["date"])
    assert [(f.type, f.source_value, f.target_value) for f in d.candidates] == [("time_scope", "depuis son lancement", None)]


def test_time_scope_en_fr(use):
    d = diff("Since its launch in 2016, PyTorch has gathered 2,400 contributors.",
             "Ces cinq dernières années, PyTorch a réuni 2 400 contributeurs.", "en", "fr", embedder=use)
    assert "time_scope" in types(d) and "number" not in types(d)
