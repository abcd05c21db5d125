"""The entity check: names added, dropped, replaced or generalised; translated,
re-spelled or lower-cased names are the same name.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from claimtrack.drift import diff

from .helpers import check_spans, fast, types


# --- generalised, replaced, added, dropped; translated names are none of these --------------------

def test_entity_generalisation_vs_replacement():
    d = fast("Representatives from Google Cloud and Microsoft Azure joined.",
             "Representatives from Google and Microsoft joined.")
    ent = [f for f in d.candidates if f.type == "entity"]
    assert len(ent) == 2 and all("generalised" in f.explanation for f in ent)
    d = fast("Representatives from Google joined the board.", "Representatives from Oracle joined the board.")
    ent = [f for f in d.candidates if f.type == "entity"]
    assert [(f.source_value, f.target_value) for f in ent] == [("Google", "Oracle")]
    assert "replaced" in ent[0].explanation
    check_spans(d)


def test_entity_added_dropped_and_translated(use):
    d = fast("Meta and Nvidia joined the board.", "Meta joined the board.")
    assert [(f.source_value, f.target_value) for f in d.candidates if f.type == "entity"] == [("Nvidia", None)]
    d = diff("PyTorch joins the Linux Foundation.", "PyTorch rejoint la Fondation Linux.", "en", "fr", embedder=use)
    assert "entity" not in types(d)
    d = diff("PyTorch rejoint la Fondation Linux.", "PyTorch joins the Apache Foundation.", "fr", "en", embedder=use)
    assert "entity" in types(d)


def test_a_replaced_word_inside_a_shared_name_is_found(use):
    # the shared words "IT Month" must not make the names look translated
    d = diff("L'ASUS Eee PC est devenu un sujet brûlant lors du Taipei IT Month de 2007.",
             "The ASUS Eee PC became a hot topic during the 2007 Singapore IT Month.", "fr", "en", embedder=use)
    assert [(f.type, f.source_value, f.target_value) for f in d.candidates] == [
        ("entity", "Taipei IT Month", "Singapore IT Month")
    ]
    # a name translated word for word still is not drift
    d = diff("L’Union européenne a publié le groupe d’étude sur l’Irak.",
             "The European Union published the Iraq Study Group.", "fr", "en", embedder=use)
    assert "entity" not in types(d)


# --- the same name written otherwise --------------------------------------------------------------

def test_names_written_in_lower_case_are_present(use):
    # case is formatting: a lower-cased copy holds the same names and months
    src = ("L'opéra de Camille Saint-Saens a été joué le mardi 15 octobre par l'Athletico de Kolkata "
           "et le Parti Travailliste.")
    tgt = "the opera by camille saint-saens was played on tuesday 15 october by athletico kolkata and the labour party."
    d = diff(src, tgt, "fr", "en", embedder=use, checks=["entity", "date"])
    assert d.candidates == (), [(f.type, f.source_value, f.target_value) for f in d.candidates]
