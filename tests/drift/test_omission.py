"""The omission check: omitted and added passages, found by chunk alignment and
the leave-one-out test.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from claimtrack.drift import diff

from .helpers import check_spans, fast, types


# --- omission / addition --------------------------------------------------------------------------

def test_omission_and_addition_en_en():
    full = ("We thank the crews at Harlow Yard, where the bridge deck was welded and painted over two winters, "
            "for handing the city this remarkable structure.")
    short = "We thank the crews at Harlow Yard for handing the city this remarkable structure."
    d = fast(full, short, checks=["omission"])
    om = [f for f in d.candidates if f.type == "omission"]
    assert len(om) == 1 and "welded" in om[0].source_value and om[0].target_span is None
    check_spans(d)
    back = fast(short, full, checks=["omission"])
    assert [(f.type, f.target_value) for f in back.candidates] == [("addition", om[0].source_value)]


def test_omission_inside_a_quote_with_its_attribution(use):
    # the short attribution stays its own chunk (a quotation mark is a hard
    # break), so the dropped clause is found and its "not" is not a negation
    src = "“We built it to last, where the old ferry could not even run in a storm,” Okafor said."
    tgt = "« Nous l’avons construit pour durer », a déclaré Tomas Okafor."
    d = diff(src, tgt, "en", "fr", embedder=use)
    assert [(f.type, f.source_value) for f in d.candidates] == [
        ("omission", "where the old ferry could not even run in a storm")
    ]


def test_omission_en_fr_real_embedder(use):
    src = ("Le développement a débuté en 2016, après une longue campagne de recrutement de bénévoles dans les "
           "universités et les laboratoires de recherche.")
    tgt = "Development began in 2016."
    d = diff(src, tgt, "fr", "en", embedder=use)
    assert "omission" in types(d)


def test_omission_inside_a_passage_of_several_sentences(use):
    """In a passage, a chunk is left out of its own sentence and compared with
    the other side's closest sentence: a clause dropped from the middle
    sentence is found, and chunks never run across a sentence end."""
    en = ("The bridge opened in March, after three years of work. The mayor praised the workers, who had braved "
          "a harsh winter on the river. Traffic is expected to double.")
    fr = "Le pont a ouvert en mars, après trois ans de travaux. Le maire a salué les ouvriers. Le trafic devrait doubler."
    d = diff(en, fr, "en", "fr", embedder=use, checks=["omission"])
    assert [(f.type, f.source_value) for f in d.candidates] == [("omission", "who had braved a harsh winter on the river")]
    back = diff(fr, en, "fr", "en", embedder=use, checks=["omission"])
    assert [(f.type, f.target_value) for f in back.candidates] == [("addition", "who had braved a harsh winter on the river")]
